/**
 * Vocabulary that is not a record of the dataset: the story's generic words, by category, and the
 * families' places. Generic words (Uyghur, Xinjiang, CNN, orphanage, reunited, terrorist, 团聚, in
 * every language) raise confidence in specific evidence and never decide a page on their own (see
 * core/detect/rules.ts). A family's place corroborates a name of that family.
 *
 * Spellings in many languages, as real coverage writes them (see shared/sources/FACTS.md).
 */
import type { ContextCategory } from '../evidence';

export const CONTEXT_TERMS: Record<ContextCategory, { label: string; spellings: string[] }[]> = {
  ethnonym: [
    {
      label: 'Uyghur',
      spellings: [
        'Uyghur', 'Uyghurs', 'Uighur', 'Uighurs', 'Uygur', 'Uygurs', 'Uiguri', 'Uiguro', 'Uigura', 'Uigure',
        'Uiguren', 'Uigurische', 'Uigurischen', 'uigurischer', 'Ouïghour', 'Ouïghours', 'Uigur', 'Ujgur', 'Ujguri',
        'Ujgurske', 'Ujgurska', 'Uygurlar', 'Uyghurlar', 'Uighur-', 'Uyghuri', 'Uighuri', 'Uygar',
        '维吾尔', '维族', 'الأويغور', 'الإيغور', 'الأويغورية', 'الإيغورية', 'أويغور', 'уйгур*', 'ұйғыр*', 'ئۇيغۇر*',
        'Uygur*', 'Uyghur*', 'Uigur*', 'ウイグル', '위구르', 'Oeigoer*', 'Oejgoer*',
      ],
    },
  ],
  region: [{ label: 'Xinjiang', spellings: ['Xinjiang', 'Sinkiang', 'Sincan', 'Sinjiang', '新疆', 'شينجيانغ', 'سنجان', 'Синьцзян*', 'Шыңжаң*', 'شىنجاڭ*', 'Doğu Türkistan*', 'شەرقىي تۈركىستان*', '新疆ウイグル', '신장'] }],
  outlet: [{ label: 'CNN', spellings: ['CNN', '美国有线电视新闻网', '有线电视新闻网', 'سي إن إن', 'سى ئېن ئېن', 'Си-эн-эн'] }],
  'state-media': [
    { label: 'CGTN', spellings: ['CGTN', '中国国际电视台', 'China Global Television Network'] },
    { label: 'CRI', spellings: ['China Radio International', '中国国际广播电台'] },
  ],
  separation: [
    {
      label: 'separated families',
      spellings: [
        'separated families', 'separated Uyghur families', 'families torn apart', 'family separation', 'separated from their children',
        // Separated from, or not seen by, a parent: said of a person, as coverage tells one family.
        'separated from him', 'separated from her', 'separated from his', 'separated from them', 'separated from their',
        'has not seen his', 'has not seen her', "hasn't seen his", "hasn't seen her", 'have not seen their', "haven't seen their",
        'famiglie separate', 'famiglia separata', 'getrennte Familien', 'getrennten Familien', 'keluarga terpisah',
        'razdvojene porodice', 'razdvojenih porodica', 'familles séparées', 'familias separadas', 'ayrı düşen aileler',
        '分离家庭', '骨肉分离', '家庭分离', '妻离子散', '被分离', '分离的', '与家人分离', '亲子分离', '分隔两地', 'العائلات المنفصلة', 'عائلات مشتتة', 'reunite', 'reunited',
        'ricongiungimento', 'riunire', 'wiedervereint', 'dipertemukan', '团聚', 'لم شمل',
        // Russian, Uyghur, Turkish, French and Spanish: separated from, reunited with. (Turkish "kavuşmak"
        // alone is also to reach or to gain: "bağımsızlığına kavuştu". Reunited with whom, then.)
        'разлуч*', 'воссоедин*', 'ئايرىۋېتىل*', 'ئايرىلغان', 'جەم بول*', 'ailesine kavuş*', 'ailelerine kavuş*', 'çocuklarına kavuş*', 'annesine kavuş*', 'babasına kavuş*', 'ayrı düş*',
        'séparés de leurs', 'familles déchirées', 'réunis', 'separados de sus', 'reunirse con',
      ],
    },
  ],
  orphanage: [
    {
      label: 'orphanage',
      spellings: ['orphanage', 'orphanages', 'orfanotrofio', 'Waisenhaus*', 'panti asuhan', 'sirotište', 'sirotištu', 'orphelinat', 'orfanato', 'yetimhane*', '孤儿院', 'دار أيتام', 'دار الأيتام', 'يېتىمخانا*', 'детск* дом*', 'приют*', '児童養護施設', '고아원'],
    },
  ],
  accusation: [
    {
      label: 'terrorism accusation',
      spellings: [
        'terrorist', 'terrorists', 'terrorism', 'terrorista', 'terroristi', 'terroristen', 'teroris', 'terorist', 'teroristi',
        'extremist', 'extremism', 'estremista', 'estremismo', 'ekstremis', 'ekstremist', 'Extremisten', 'abandoned', 'abandoning',
        'abbandonato', 'abbandonare', 'im Stich gelassen', 'menelantarkan', '恐怖分子', '极端主义', '极端分子', '宗教极端', '极端思想', '极端化', '遗弃', '抛弃', 'إرهابي', 'إرهاب', 'متطرف',
        // Russian, Uyghur, French, Spanish, German and Turkish.
        'террорист*', 'терроризм*', 'экстремист*', 'تېررورچى*', 'تېررورلۇق', 'ئاشقۇن*', 'terroriste*', 'extrémis*',
        'extremista*', 'Extremist*', 'Terrorist*', 'terörist*', 'aşırılıkçı*',
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

export interface FamilyPlace {
  label: string;
  familyIds: string[];
  /**
   * True for a place that is this family's alone in the story (the children's hometown, Payzawat);
   * false for a broad one many stories share (Kashgar, Adelaide, Italy).
   */
  specific: boolean;
  /**
   * True for a place a whole diaspora shares: Kashgar, which most Uyghurs abroad come from, and the
   * countries they live in (Australia, Italy). A namesake may well be from there, or live there, so it
   * corroborates a name only beside the story's own words (core/detect/locality.ts).
   */
  wide?: true;
  spellings: string[];
}

/**
 * Where the families are, as pages name it: it corroborates a family member's name, never alone.
 * Russian and Uyghur forms take any ending (Кашгаре, Австралии, قەشقەردە, ئاۋسترالىيەدە).
 */
export const FAMILY_PLACES: FamilyPlace[] = [
  {
    label: 'Payzawat',
    familyIds: ['family-mamtinin-kader'],
    specific: true,
    spellings: ['Payzawat', 'Peyziwat', 'Peyzawat', 'Payziwat', 'Jiashi', 'Jiashi county', '伽师', '伽師', 'پەيزاۋات', 'Пейзават', 'Пейзауат*', 'Цзяши'],
  },
  {
    label: 'Kashgar',
    familyIds: ['family-abdurehim', 'family-mamtinin-kader'],
    specific: false,
    wide: true,
    spellings: ['Kashgar', 'Kashi', 'Kaschgar', 'Kaşgar', 'Kashgari', 'Kašgar', 'Kachgar', 'Cashgar', '喀什', 'كاشغر', 'Кашгар*', 'قەشقەر*', 'Қәшқәр', 'Қашқар*', 'カシュガル', '카슈가르'],
  },
  {
    label: 'Adelaide',
    familyIds: ['family-abdurehim'],
    specific: false,
    spellings: ['Adelaide', 'Adelaida', 'Adélaïde', '阿德莱德', '阿德萊德', 'أديلايد', 'ئادېلايد*', 'Аделаид*', 'アデレード', '애들레이드'],
  },
  {
    label: 'Australia',
    familyIds: ['family-abdurehim'],
    specific: false,
    wide: true,
    spellings: ['Australia', 'Australien', 'Australie', 'Avustralya', '澳大利亚', '澳大利亞', '澳洲', 'أستراليا', 'استرالیا', 'آسٹریلیا', 'ئاۋىستىرالىيە*', 'ئاۋسترالىيە*', 'Австрали*', 'オーストラリア', '호주'],
  },
  {
    label: 'Italy',
    familyIds: ['family-mamtinin-kader'],
    specific: false,
    wide: true,
    spellings: ['Italy', 'Italia', 'Italien', 'Italie', 'Italija', 'Italiji', 'İtalya', 'Italië', '意大利', '義大利', 'إيطاليا', 'ایتالیا', 'اٹلی', 'ئىتالىيە*', 'Итали*', 'イタリア', '이탈리아'],
  },
];
