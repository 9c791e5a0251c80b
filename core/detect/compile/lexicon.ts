/**
 * Story vocabulary that is not a record of the dataset: words that, together, tell that a page is
 * about this story even when it names nobody. Each word alone is weak evidence; the scorer
 * (lib/detect.ts) asks for several categories at once.
 *
 * Spellings in many languages, as real coverage writes them (see shared/sources/FACTS.md).
 */
import type { ContextCategory } from '../match-index';

export const CONTEXT_TERMS: Record<ContextCategory, { label: string; spellings: string[] }[]> = {
  ethnonym: [
    {
      label: 'Uyghur',
      spellings: [
        'Uyghur', 'Uyghurs', 'Uighur', 'Uighurs', 'Uygur', 'Uygurs', 'Uiguri', 'Uiguro', 'Uigura', 'Uigure',
        'Uiguren', 'Uigurische', 'Uigurischen', 'uigurischer', 'Ouïghour', 'Ouïghours', 'Uigur', 'Ujgur', 'Ujguri',
        'Ujgurske', 'Ujgurska', 'Uygurlar', 'Uyghurlar', 'Uighur-', 'Uyghuri', 'Uighuri', 'Uygar',
        '维吾尔', '维族', 'الأويغور', 'الإيغور', 'الأويغورية', 'الإيغورية', 'أويغور', 'уйгур', 'уйгуры',
      ],
    },
  ],
  region: [{ label: 'Xinjiang', spellings: ['Xinjiang', 'Sinkiang', 'Sincan', 'Sinjiang', '新疆', 'شينجيانغ', 'سنجان', 'Синьцзян'] }],
  place: [
    { label: 'Kashgar', spellings: ['Kashgar', 'Kashi', 'Kaschgar', 'Kaşgar', 'Kashgari', 'Kašgar', '喀什', 'كاشغر'] },
    { label: 'Payzawat', spellings: ['Payzawat', 'Peyziwat', 'Jiashi', '伽师'] },
    { label: 'Adelaide', spellings: ['Adelaide', 'Adelaida', '阿德莱德', 'أديلايد'] },
    { label: 'Italy', spellings: ['Italy', 'Italia', 'Italien', 'Italie', 'Italija', 'Italiji', 'İtalya', '意大利', 'إيطاليا'] },
    { label: 'Shanghai', spellings: ['Shanghai', 'Šangaj', 'Sciangai', '上海', 'شنغهاي'] },
  ],
  outlet: [{ label: 'CNN', spellings: ['CNN', '美国有线电视新闻网', '有线电视新闻网', 'سي إن إن'] }],
  'state-media': [
    { label: 'CGTN', spellings: ['CGTN', '中国国际电视台', 'China Global Television Network'] },
    { label: 'CRI', spellings: ['China Radio International', '中国国际广播电台'] },
  ],
  separation: [
    {
      label: 'separated families',
      spellings: [
        'separated families', 'separated Uyghur families', 'families torn apart', 'family separation', 'separated from their children',
        'famiglie separate', 'famiglia separata', 'getrennte Familien', 'getrennten Familien', 'keluarga terpisah',
        'razdvojene porodice', 'razdvojenih porodica', 'familles séparées', 'familias separadas', 'ayrı düşen aileler',
        '分离家庭', '骨肉分离', '家庭分离', '妻离子散', '被分离', '分离的', '与家人分离', '亲子分离', '分隔两地', 'العائلات المنفصلة', 'عائلات مشتتة', 'reunite', 'reunited',
        'ricongiungimento', 'riunire', 'wiedervereint', 'dipertemukan', '团聚', 'لم شمل',
      ],
    },
  ],
  orphanage: [
    {
      label: 'orphanage',
      spellings: ['orphanage', 'orfanotrofio', 'Waisenhaus', 'panti asuhan', 'sirotište', 'sirotištu', 'orphelinat', 'orfanato', 'yetimhane', '孤儿院', 'دار أيتام', 'دار الأيتام'],
    },
  ],
  accusation: [
    {
      label: 'terrorism accusation',
      spellings: [
        'terrorist', 'terrorists', 'terrorism', 'terrorista', 'terroristi', 'terroristen', 'teroris', 'terorist', 'teroristi',
        'extremist', 'extremism', 'estremista', 'estremismo', 'ekstremis', 'ekstremist', 'Extremisten', 'abandoned', 'abandoning',
        'abbandonato', 'abbandonare', 'im Stich gelassen', 'menelantarkan', '恐怖分子', '极端', '遗弃', '抛弃', 'إرهابي', 'إرهاب', 'متطرف',
      ],
    },
  ],
  appeal: [
    {
      label: 'Italian parliament appeal',
      spellings: ['Di Stefano', 'Manlio Di Stefano', 'foreign affairs committee', 'commissione Esteri', 'Farnesina', '迪斯特凡诺'],
    },
  ],
};

/**
 * Given names rare enough that, near story vocabulary, they point to this family (DESIGN.md:
 * "medium" signals). Other given names (Muhammad, Ablikim, Mihriban, Yehya...) are common and count
 * only once the family is established by stronger evidence.
 */
export const RARE_GIVEN_NAMES = new Set(['mamutjan', 'muherrem', 'muhlise', 'zumeryem', 'shehide']);
