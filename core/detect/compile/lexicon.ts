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
  region: [{ label: 'Xinjiang', spellings: ['Xinjiang', 'Sinkiang', 'Shinjon*', 'Sincan', 'Sinjiang', '新疆', 'شينجيانغ', 'سنجان', 'Синьцзян*', 'Шыңжаң*', 'شىنجاڭ*', 'Doğu Türkistan*', 'شەرقىي تۈركىستان*', '新疆ウイグル', '신장'] }],
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
        '分离家庭', '骨肉分离', '家庭分离', '妻离子散', '被分离', '分离的', '与家人分离', '亲子分离', '分隔两地', 'العائلات المنفصلة', 'عائلات مشتتة',
        // Russian, Uyghur, Turkish and French: separated from.
        'разлуч*', 'ئايرىۋېتىل*', 'ئايرىلغان', 'ayrı düş*', 'séparés de leurs', 'familles déchirées', 'separados de sus',
        // Not seen by a parent, said of one family, in the languages whose papers tell it so ("lleva
        // cinco años sin verla", "non vede i figli da", "n'a pas vu ses enfants depuis").
        'sin verla', 'sin verlo', 'sin verlos', 'sin verlas', 'sin ver a su', 'sin ver a sus', 'no ha visto a su', 'no ha visto a sus',
        'non vede la', 'non vede il', 'non vede i', 'non vede sua', 'non vede suo', 'senza vederla', 'senza vederli',
        "n'a pas vu sa", "n'a pas vu son", "n'a pas vu ses", "n'a pas revu", 'sans voir sa', 'sans voir son', 'sans voir ses',
        'sem ver a', 'sem ver o', 'sem ver os', 'não vê a', 'não vê o', 'não vê os',
      ],
    },
  ],
  // Being reunited: the story's word (a child who wants to be reunited with her parents), and every
  // holiday's too (a Spring Festival 团聚, a bayram's "ailesine kavuştu"): beside a holiday's name
  // (`HOLIDAYS`) it is not counted at all (core/detect/locality.ts).
  reunion: [
    {
      label: 'reunited',
      spellings: [
        'reunite', 'reunited', 'ricongiungimento', 'riunire', 'wiedervereint', 'dipertemukan', '团聚', 'لم شمل', 'réunis', 'reunirse con',
        // Russian, Uyghur and Turkish. (Turkish "kavuşmak" alone is also to reach or to gain:
        // "bağımsızlığına kavuştu". Reunited with whom, then.)
        'воссоедин*', 'جەم بول*', 'ailesine kavuş*', 'ailelerine kavuş*', 'çocuklarına kavuş*', 'annesine kavuş*', 'babasına kavuş*',
      ],
    },
  ],
  orphanage: [
    {
      label: 'orphanage',
      spellings: ['orphanage', 'orphanages', 'orfanotrofio', 'Waisenhaus*', 'panti asuhan', 'sirotište', 'sirotištu', 'orphelinat', 'orfanato', 'yetimhane*', '孤儿院', 'دار أيتام', 'دار الأيتام', 'يېتىمخانا*', 'يېتىمخانى*', 'детск* дом*', 'приют*', '児童養護施設', '고아원'],
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
        // Abandoning the children, as Spanish, Portuguese and French say it ("sus padres los abandonaron").
        'abandona*', 'abandono', 'abandonn*',
        // Persian and Urdu ("اتهام تروریسم", "دہشت گردی").
        'تروریسم', 'تروریست*', 'افراطگرا*', 'افراط گرا*', 'دہشت گرد*', 'دہشتگرد*', 'انتہا پسند*', 'انتہاپسند*',
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
 * Holidays that bring families home (`holiday` terms): a reunion told beside one (回家过年和家人团聚,
 * "bayramda ailesine kavuştu", home to the family for Christmas) is the holiday's, not the story's.
 * Never evidence of anything; they only take such a reunion out of the vocabulary. Their characters
 * are not in the fold table the prefilter carries (match-index-builder.ts), so Traditional forms are
 * listed. Words that are also people's names or other words are written in the phrases a holiday
 * takes (Di Natale is a surname, "ciudad natal" a hometown and Natal a city, Kerstin a name, Aïd
 * folds to "aid", 过年 is inside 不过年仅, 国庆 a given name, ھېيت the start of the Id Kah mosque).
 */
export const HOLIDAYS: readonly string[] = [
  'Spring Festival', 'Chinese New Year', 'Lunar New Year', 'New Year', 'Christmas', 'Thanksgiving', 'Easter', 'Eid', 'Ramadan', 'Nowruz', 'Navruz', 'Nauryz',
  'holiday', 'holidays', 'holiday season', 'Qurban Heyt', 'Roza Heyt', 'Hayit',
  '春节', '春節', '回家过年', '过年回家', '过年期间', '回家過年', '過年回家', '過年期間', '新春', '新年', '除夕', '年夜饭', '年夜飯', '中秋', '国庆节', '國慶節', '国庆假期', '國慶假期',
  '寒假', '暑假', '放假', '春运', '春運', '古尔邦节', '古爾邦節', '肉孜节', '肉孜節', '开斋节', '開齋節', '宰牲节', '宰牲節', '诺鲁孜节', '諾魯孜節', '圣诞', '聖誕', '元旦', '节日', '節日', '假期',
  'bayram', 'bayramı', 'bayramda', 'bayramında', 'bayramını', 'bayramınız', 'bayramlar*', 'bayramdan', 'bayramına', 'Ramazan ay*', 'yılbaşı*', 'Nevruz', 'tatil*',
  'Weihnacht*', 'Ostern', 'Neujahr', 'Feiertag*', 'Ferien', 'Zuckerfest', 'Opferfest',
  'Buon Natale', 'a Natale', 'per Natale', 'Pasqua', 'Capodanno', 'festività', 'vacanze', 'feste',
  'Joyeux Noël', 'à Noël', 'pour Noël', 'de Noël', 'Nouvel An', 'Pâques', 'vacances', 'fêtes de fin',
  'Navidad', 'Año Nuevo', 'Semana Santa', 'vacaciones', 'fiestas', 'Feliz Natal', 'no Natal', 'Ano Novo', 'férias',
  'Kerst', 'Kerstmis', 'kerstdagen', 'Suikerfeest', 'Offerfeest', 'Boże Narodzenie', 'Wielkanoc', 'Lebaran', 'mudik', 'Idul Fitri',
  'Рождеств*', 'Новый год', 'Новогод*', 'праздник*', 'праздничн*', 'каникул*', 'Наурыз', 'Навруз', 'Курбан-байрам', 'Ураза-байрам', 'мереке*',
  'عيد', 'العيد', 'بالعيد', 'للعيد', 'الأعياد', 'رمضان', 'إجازة', 'الإجازة', 'نوروز', 'عید', 'روزا ھېيت', 'قۇربان ھېيت', 'نورۇز', 'تەتىل', 'يېڭى يىل',
  '正月', 'お盆', '설날', '추석', '명절',
];

/**
 * Someone held in custody, as coverage tells Muherrem's lot in Kashgar (she went home to renew her
 * travel documents, could not leave, and was sentenced): `held` terms, never evidence. Beside her name,
 * with Kashgar near (`FamilyPlace.heldOf`), they make Kashgar the place where the story's couple is
 * parted. Words that mean custody alone, in the feminine where a language has it: not "held" (an event
 * is held), "unable to leave" (a road closed), a passport, a camp, nor forms with another sense
 * (détenue and detenuta are also "owned", verurteilt "condemns", в заключении "in conclusion"): the
 * reviews' carpet-shop, wedding and travel pages. Kept out of the fold table (match-index-builder.ts),
 * so Traditional forms are listed.
 */
export const HELD: readonly string[] = [
  'detained', 'sentenced', 'jailed', 'imprisoned', 'in prison', 'in jail', 'arrested', 'locked up', 'in custody', 'incarcerated', 'internment camp', 're-education camp', 'reeducation camp',
  '拘留', '关押', '關押', '羁押', '羈押', '判刑', '判处', '判處', '入狱', '入獄', '监狱', '監獄', '服刑', '被捕', '集中营', '集中營', '再教育营', '再教育營',
  'قاماق*', 'تۇتقۇن*', 'تۇتۇلغان', 'ھۆكۈم قىلىن*',
  'tutuklan*', 'gözaltına*', 'hapis cezası*', 'hapse*', 'cezaevinde',
  'задержана', 'арестована', 'осуждена', 'приговорена', 'в тюрьме', 'қамауға', 'түрмеде', 'сотталды',
  'inhaftiert', 'verhaftet', 'im Gefängnis', 'in Haft', 'Umerziehungslager', 'Internierungslager',
  'arrêtée', 'emprisonnée', 'condamnée', 'en prison', 'camp de rééducation',
  'arrestata', 'condannata', 'in carcere', 'in prigione', 'campo di rieducazione',
  'detenida', 'arrestada', 'encarcelada', 'condenada', 'en prisión', 'en la cárcel', 'detida', 'na prisão',
  'vastgehouden', 'in de gevangenis', 'veroordeeld', 'gearresteerd', 'dipenjara', 'ditangkap', 'divonis',
  'محتجزة', 'معتقلة', 'اعتقال', 'احتجاز', 'في السجن', 'حكم عليها', 'زندانی', 'در زندان', 'بازداشت', 'محکوم به',
  '拘束され', '投獄', '懲役', '刑務所', '収容所', '구금', '수감', '징역', '체포',
];

/**
 * Hometowns in Xinjiang that are neither family's (the families are from Kashgar and its county
 * Payzawat; the press conference was in Urumqi): a child's rare name beside one of them and a broad
 * place is another family's child (a daughter Muhlise whose grandparents are in Hotan, in an asylum
 * decision in Adelaide). `other-place` terms: never evidence of the story. Kept out of the fold table
 * (match-index-builder.ts), so Traditional forms are listed.
 */
export const OTHER_HOMETOWNS: readonly string[] = [
  'Hotan', 'Khotan', 'Hetian', 'Aksu', 'Ghulja', 'Gulja', 'Kulja', 'Yining', 'Turpan', 'Turfan', 'Korla', 'Karamay', 'Kumul', 'Hami', 'Kucha', 'Kuqa',
  '和田', '阿克苏', '阿克蘇', '伊宁', '伊寧', '吐鲁番', '吐魯番', '库尔勒', '庫爾勒', '克拉玛依', '克拉瑪依', '哈密', '库车', '庫車',
  'خوتەن', 'ئاقسۇ', 'غۇلجا', 'تۇرپان', 'كورلا', 'قاراماي', 'قۇمۇل', 'كۇچا', 'ختن', 'آکسو',
  'Хотан', 'Аксу', 'Кульджа', 'Құлжа', 'Турфан', 'Турпан', 'Корла', 'Карамай', 'Хами', 'Кумул', 'Куча',
  'ホータン', 'アクス', 'トルファン', '호탄', '악수', '투루판',
];

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
  /**
   * The families whose parents are there in the story (Italy for the Kader couple; Adelaide and
   * Australia for Mamutjan and Muherrem); not the children's county, nor Kashgar as such: the story's
   * Muherrem is there, but so is every couple of the city (a carpet shop's, a wedding's). The parents'
   * given names together, without the story's own words, need one.
   */
  parentsOf: string[];
  /**
   * The parents held there (Kashgar: Muherrem, unable to leave, then sentenced): with words of custody
   * beside her name (`HELD`) and the place near, it is where the parents are, as `parentsOf`; a shop's
   * or a wedding's couple there is not held.
   */
  heldOf?: string[];
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
    parentsOf: [],
    spellings: ['Payzawat', 'Peyziwat', 'Peyzawat', 'Payziwat', 'Peyzivat', 'Payzivat', 'Peyzavat', 'Jiashi', 'Jiashi county', '伽师', '伽師', 'پەيزاۋات', 'Пейзават', 'Пейзауат*', 'Цзяши'],
  },
  {
    label: 'Kashgar',
    familyIds: ['family-abdurehim', 'family-mamtinin-kader'],
    specific: false,
    wide: true,
    parentsOf: [],
    heldOf: ['muherrem-ablet'],
    spellings: ['Kashgar', 'Kashi', 'Kaschgar', 'Kaşgar', 'Qashqar*', 'Qeshqer*', 'Kashgari', 'Kašgar', 'Kachgar', 'Cashgar', '喀什', 'كاشغر', 'Кашгар*', 'قەشقەر*', 'Қәшқәр', 'Қашқар*', 'カシュガル', '카슈가르'],
  },
  {
    label: 'Adelaide',
    familyIds: ['family-abdurehim'],
    specific: false,
    parentsOf: ['family-abdurehim'],
    spellings: ['Adelaide', 'Adelaida', 'Adélaïde', '阿德莱德', '阿德萊德', 'أديلايد', 'آدلاید', 'ادلاید', 'ئادېلايد*', 'Аделаид*', 'アデレード', '애들레이드'],
  },
  {
    label: 'Australia',
    familyIds: ['family-abdurehim'],
    specific: false,
    wide: true,
    parentsOf: ['family-abdurehim'],
    spellings: ['Australia', 'Australien', 'Australie', 'Avustralya', 'Avstraliya*', 'Awstraliye*', '澳大利亚', '澳大利亞', '澳洲', 'أستراليا', 'استرالیا', 'آسٹریلیا', 'ئاۋىستىرالىيە*', 'ئاۋسترالىيە*', 'ئاۋستىرالىيە*', 'ئاۋىسترالىيە*', 'Австрали*', 'オーストラリア', '호주'],
  },
  {
    label: 'Italy',
    familyIds: ['family-mamtinin-kader'],
    specific: false,
    wide: true,
    parentsOf: ['family-mamtinin-kader'],
    spellings: ['Italy', 'Italia', 'Italien', 'Italie', 'Italija', 'Italiji', 'İtalya', 'Italiya*', 'Italiye*', 'Italië', '意大利', '義大利', 'إيطاليا', 'ایتالیا', 'اٹلی', 'ئىتالىيە*', 'Итали*', 'イタリア', '이탈리아'],
  },
];

/**
 * Channels that carry CNN's name under licence and are newsrooms of their own, in their own countries:
 * "CNN" inside one of them is not the outlet that reported the story (core/detect/locality.ts drops it),
 * so "a book presented on CNN Türk" is no story word. CNN's own language services (CNN en Español, CNN
 * Arabic) are CNN, and stay so.
 */
export const OTHER_OUTLETS: readonly string[] = [
  'CNN Türk', 'CNN Turk', 'CNNTürk', 'CNN Indonesia', 'CNN Brasil', 'CNN Chile', 'CNN Portugal', 'CNN Prima News',
  'CNN Philippines', 'CNN-News18', 'CNN News18', 'CNN Greece',
];

/**
 * Common Uyghur names that are no family member's, as family names or patronymics follow a given name
 * ("Ablikim Tursun", 阿布力克木·吐尔逊, "Mihriban Abdulla"): a family member's given name joined at once to
 * one of them is someone else's whole name (core/detect/locality.ts `foreignSurnamed`), as it is when
 * joined to another member's family name. Latin in the spellings coverage uses, with the characters
 * Chinese writes them in; Cyrillic follows by rule (compile/name-terms.ts `otherNameSpellings`), and so
 * do the Russian-style surnames made from them (Tursunov, Касымов), written in Cyrillic where the rule
 * would not give it (Касым: ы). Names that
 * are, or spell like, a family member's (Memet, Mamut, Ablet, Kadir, Abdurehim) are not here.
 */
export const OTHER_NAMES: ReadonlyArray<{ latin: string[]; hanzi: string[]; cyrillic?: string[] }> = [
  { latin: ['Tursun', 'Tursunov'], hanzi: ['吐尔逊', '吐尔孙'] },
  { latin: ['Qasim', 'Kasim'], hanzi: [], cyrillic: ['Касым'] },
  { latin: ['Abdulla', 'Abdullah'], hanzi: ['阿不都拉', '阿布都拉', '阿卜杜拉'] },
  { latin: ['Hesen', 'Hasan', 'Hassan'], hanzi: ['艾山', '哈山', '哈桑'] },
  { latin: ['Ehmet', 'Ahmet', 'Ahmat', 'Ahmed'], hanzi: ['艾合买提', '艾合麦提', '艾买提'] },
  { latin: ['Osman'], hanzi: ['吾斯曼', '奥斯曼'] },
  { latin: ['Tohti', 'Tohtiniyaz'], hanzi: ['托合提', '托乎提'] },
  { latin: ['Niyaz'], hanzi: ['尼亚孜', '尼牙孜'] },
  { latin: ['Qurban', 'Kurban'], hanzi: ['库尔班', '库尔邦'] },
  { latin: ['Sabit'], hanzi: ['沙比提', '萨比提'] },
  { latin: ['Yasin', 'Yassin'], hanzi: ['亚森', '亚生'] },
  { latin: ['Turdi'], hanzi: ['吐尔地', '吐尔迪'] },
  { latin: ['Yusup', 'Yusuf'], hanzi: ['玉素甫', '玉素普', '尤素甫'] },
  { latin: ['Rozi'], hanzi: ['肉孜'] },
  { latin: ['Abliz'], hanzi: ['阿不力孜', '阿布力孜'] },
  { latin: ['Rahman', 'Rehman', 'Abdurahman', 'Abdurehman'], hanzi: ['热合曼', '阿不都热合曼'] },
  { latin: ['Eli'], hanzi: ['艾力'] },
  { latin: ['Obul'], hanzi: ['吾布力'] },
  { latin: ['Imin'], hanzi: ['依明', '伊明'] },
  { latin: ['Tahir'], hanzi: ['塔依尔', '塔伊尔'] },
  { latin: ['Ismail', 'Ismayil'], hanzi: ['依斯马伊力', '司马义'] },
  { latin: ['Qasim', 'Kasim'], hanzi: ['卡斯木'] },
  { latin: ['Ibrahim'], hanzi: ['伊布拉音', '依布拉音'] },
  { latin: ['Sadiq', 'Sadik'], hanzi: ['沙迪克'] },
  { latin: ['Ablimit'], hanzi: ['阿不力米提', '阿布力米提'] },
  { latin: ['Nurmemet'], hanzi: ['努尔买买提'] },
  { latin: ['Abdukerim'], hanzi: ['阿不都克热木'] },
  { latin: ['Hoshur'], hanzi: ['吾守尔'] },
  { latin: ['Jappar', 'Jalil'], hanzi: ['加帕尔', '吉力力'] },
  { latin: ['Zunun'], hanzi: ['祖农'] },
  { latin: ['Eskar', 'Askar', 'Asqar'], hanzi: ['艾斯卡尔', '阿斯卡尔'] },
];
