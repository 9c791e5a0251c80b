/**
 * Mutation tests: each family member's full name, respelled along each route coverage uses, in a
 * sentence with the family's own place, must still be recognised as that person (rule full-name);
 * the same sentence without the name must not match. Respellings come from the transliteration rules
 * (core/text/translit.ts, core/detect/compile/chinese-route.ts), applied to the dataset's Latin names.
 */
import { describe, expect, it } from 'vitest';
import rawDataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector } from '../../core/detect/detect';
import { TURKIC_LATIN_ENDINGS, byEarVariants, cyrillicRenderings, pinyinRenderings, spanishRenderings, turkicLatinCases, uyghurArabic, uzbekRenderings } from '../../core/text/translit';
import { hangulRenderings, katakanaRenderings, kazakhRenderings, palladiusRenderings } from '../../core/text/translit-asia';
import { hanziPattern, pinyinForms, readingClasses, readingOf, syllabify } from '../../core/detect/compile/chinese-route';

const dataset = parseDataset(rawDataset);
const detector = new Detector(buildMatchIndex(dataset, 'test'));
const detect = (text: string) => detector.detect([{ text, origin: 'body', block: true }]);

/**
 * The family's place, in the scripts the respellings use. Adelaide corroborates a full name beside the
 * Uyghurs' name (Mamutjan Abdurehim, Muherrem Ablet). Italy is a whole diaspora's place: it
 * corroborates a name (Mihriban Kader, Ablikim Mamtinin: names many Turks and Uyghurs bear) beside the
 * story's own words, here the orphanage (core/detect/locality.ts).
 */
const PLACE: Record<string, string> = {
  'family-abdurehim': 'Adelaide 阿德莱德 ئادېلايد Аделаида アデレード 애들레이드',
  'family-mamtinin-kader': 'Italy 意大利 ئىتالىيە Италия イタリア 이탈리아',
};
const ETHNONYM = 'Uyghur 维吾尔 ئۇيغۇر уйгуры ウイグル 위구르';
const ORPHANAGE = 'orphanage 孤儿院 يېتىمخانا детский дом 児童養護施設 고아원';
const contextOf = (familyId: string) =>
  familyId === 'family-abdurehim' ? `${PLACE[familyId]} ${ETHNONYM}` : `${PLACE[familyId]} ${ETHNONYM} ${ORPHANAGE}`;

const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
/** Respellings of one Latin word along each route. */
const ROUTES: Array<[string, (w: string) => string[]]> = [
  ['by ear, one edit', (w) => [...byEarVariants(w)].filter(([, d]) => d === 1).map(([v]) => capital(v)).slice(0, 3)],
  ['the Pinyin route, joined', (w) => pinyinRenderings(w).slice(0, 2).map(capital)],
  ['the Pinyin route, split by syllable', (w) => pinyinRenderings(w).slice(0, 1).flatMap((r) => (syllabify(r)[0] ? [pinyinForms(syllabify(r)[0]!).at(-1)!] : []))],
  ['Chinese characters by reading', (w) => pinyinRenderings(w).slice(0, 1).flatMap((r) => { const s = syllabify(r)[0]; return s && s.length >= 3 ? [hanziPattern(s) ?? ''] : []; })],
  ['Uyghur Arabic script', (w) => [uyghurArabic(w)]],
  ['Cyrillic', (w) => cyrillicRenderings(w).slice(0, 2)],
  ['Kazakh Cyrillic', (w) => kazakhRenderings(w).slice(0, 3)],
  ['Spanish by ear (j for the h and kh, y for the j)', (w) => [w, ...spanishRenderings(w)].slice(-1).map(capital)],
  ['Uzbek Latin (-jon for -jan, x for the h that is خ, a feminine -a)', (w) => [w, ...uzbekRenderings(w)].slice(-2).map(capital)],
  ['Japanese katakana', (w) => katakanaRenderings(w).slice(0, 2)],
  ['Korean hangul', (w) => hangulRenderings(w).slice(0, 2)],
];

/** How each route joins given and family name: Chinese and Japanese with a dot or nothing, Korean with a space or a dot. */
const JOINERS: Array<[RegExp, string[]]> = [
  [/[\u4e00-\u9fff]/, ['·']],
  [/[\u30a0-\u30ff]/, ['・', '＝', '']],
  [/[\uac00-\ud7a3]/, [' ', '·']],
];
const joinersOf = (word: string) => JOINERS.find(([re]) => re.test(word))?.[1] ?? [' '];
/** What follows the name in each script: a Japanese honorific, a Korean particle, else nothing. */
const suffixOf = (word: string) => (/[\u30a0-\u30ff]/.test(word) ? 'さんは' : /[\uac00-\ud7a3]/.test(word) ? '씨는' : '');

const people = dataset.people.filter((p) => p.names.some((n) => n.kind === 'primary' && n.script === 'Latn' && n.text.includes(' ')));

describe.each(people.map((p) => [p.displayName, p] as const))('%s', (_name, person) => {
  const [given, family] = person.names.find((n) => n.kind === 'primary')!.text.toLowerCase().split(' ') as [string, string];
  it.each(ROUTES.map(([route, f]) => [route, f] as const))('respelled %s', (_route, respell) => {
    const givens = respell(given).filter(Boolean);
    const families = respell(family).filter(Boolean);
    const pairs = givens.flatMap((g) => families.slice(0, 2).map((f) => [g, f] as const)).slice(0, 4);
    for (const [g, f] of pairs) {
      for (const joiner of joinersOf(g)) {
        const text = `${g}${joiner}${f}${suffixOf(g)} — ${contextOf(person.familyId)}`;
        const d = detect(text);
        expect(d.people, `${text}\n${d.reason}`).toContain(person.id);
        expect(d.signals.some((s) => s.rule === 'full-name' && s.personId === person.id && s.decisive), d.reason).toBe(true);
      }
    }
    expect(detect(`— ${contextOf(person.familyId)}`).matched).toBe(false);
  });
});

describe('Chinese homophones by reading class (core/detect/compile/chinese-route.ts, READING_FOLDS)', () => {
  const hasName = (text: string, personId: string) => {
    const d = detect(text);
    return d.signals.some((s) => s.personId === personId && s.decisive && (s.rule === 'rare-given-name' || s.rule === 'full-name' || s.rule === 'members-together'));
  };

  it.each([
    ['穆合丽萨', 'attested'],
    ['穆合麗莎', '莎 (read sha) for 萨 (sa), Traditional'],
    ['穆合丽沙', '沙 (sha) for 萨 (sa)'],
    ['穆合里萨', '里 for 丽 (both li)'],
  ])('%s (%s) is Muhlise, with her mother named', (muhlise) => {
    // With the story's own words (the family torn apart): a child's and a parent's given names alone
    // are any Uyghur family's (core/detect/locality.ts, members-together).
    const text = `${muhlise}的母亲穆哈拉姆还在新疆，一家人骨肉分离。`;
    expect(hasName(text, 'muhlise'), detect(text).reason).toBe(true);
  });

  it.each([
    ['米熱班', 'attested'],
    ['米日班', 'r as 日, the closing h unwritten'],
    ['米丽班', 'r as an l-syllable (丽 for 日)'],
    ['米合日班', 'the closing h written 合'],
  ])('%s (%s) and 阿布力克木 are the parents named together', (mihriban) => {
    const text = `${mihriban}和阿布力克木的四个孩子留在新疆，他们在意大利。`;
    const d = detect(text);
    expect(d.signals.some((s) => s.rule === 'members-together' && s.decisive), d.reason).toBe(true);
    expect(d.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
  });

  it('the stripped twins do not match', () => {
    expect(detect("的母亲穆哈拉姆还在新疆。").matched).toBe(false);
    expect(detect('的四个孩子留在新疆，他们在意大利。').matched).toBe(false);
  });

  it.each([
    ['马木提江·阿不都热依木', 'Mamut as 马木提 (attested), -jan as 江, Abdu- with 都 read du as renderings read it'],
    ['马木提江·阿布都热依木', '布 for 不 (both bu)'],
    ['馬木提江·阿不都熱依木', 'Traditional'],
  ])('%s (%s) is Mamutjan Abdurehim in full, beside Adelaide and the Uyghurs', (name) => {
    const text = `住在阿德莱德的维吾尔人${name}说，他的妻子在新疆被判刑。`;
    const d = detect(text);
    expect(d.signals.some((s) => s.rule === 'full-name' && s.personId === 'mamutjan-abdurehim' && s.decisive), d.reason).toBe(true);
  });

  it('都 is read du, as renderings of names read it (阿不都), in the reading classes and in an attested name’s syllables', () => {
    expect(readingClasses().get('du')).toContain('都');
    expect(readingClasses().get('dou')).not.toContain('都');
    expect(readingOf('阿不都热依木')).toEqual(['a', 'bu', 'du', 're', 'yi', 'mu']);
    expect(readingOf('马木提·阿不都')).toEqual(['ma', 'mu', 'ti', 'a', 'bu', 'du']);
  });

  it('the father’s name in characters beside Adelaide, on a page that says nothing of the Uyghurs, is someone else’s (round 6’s knife maker in Kashgar)', () => {
    const text = '喀什古城里的刀匠马木提江·阿布都热依木，六十二岁。去年有一位从澳大利亚阿德莱德来的游客在店里买了三把刀。';
    expect(detect(text).matched, detect(text).reason).toBe(false);
  });

  it('only the readings Uyghur renderings swap are one class: sa/sha and li/ri, not si/shi, z/zh, c/ch or n/l', () => {
    const classes = readingClasses();
    expect(classes.get('sa')).toBe(classes.get('sha'));
    expect(classes.get('li')).toBe(classes.get('ri'));
    for (const [a, b] of [['si', 'shi'], ['za', 'zha'], ['ca', 'cha'], ['na', 'la']] as const) expect(classes.get(a)).not.toBe(classes.get(b));
  });
});

describe('Russian renderings of the Chinese press’s names (Palladius, core/text/translit-asia.ts)', () => {
  it('writes Pinyin syllables as Russian papers do, with й before an и after a vowel and without the soft sign as variants', () => {
    expect(palladiusRenderings(['mu', 'he', 'li', 'sa'])).toEqual(['мухэлиса']);
    expect(palladiusRenderings(['a', 'bu', 'li', 'ke', 'mu'])).toEqual(['абуликэму']);
    expect(palladiusRenderings(['mi', 're', 'ban'])).toEqual(['мижэбань', 'мижэбан']);
    expect(palladiusRenderings(['mai', 'mai', 'ti', 'yi', 'ming'])).toEqual(['маймайтиимин', 'маймайтийимин']);
    expect(palladiusRenderings(['mai', 'mai', 'ti', 'yi', 'min'])).toEqual(['маймайтииминь', 'маймайтийиминь', 'маймайтиимин', 'маймайтийимин']);
    expect(palladiusRenderings(['xu', 'zi'])).toEqual(['сюйцзы']);
    expect(palladiusRenderings(['mamut'])).toEqual([]);
  });

  it.each([
    ['В репортаже CNN речь шла о супругах Абуликэму Маймайтиимине и Мижэбань Кадиэр, проживающих в Италии.', ['ablikim-mamtinin', 'mihriban-kader']],
    ['Десятилетняя Мухэлиса из Кашгара, разлучённая с отцом, живущим в Австралии, плакала перед камерой CNN.', ['muhlise']],
  ])('%s', (text, people) => {
    const d = detect(text);
    expect(d.matched, d.reason).toBe(true);
    for (const p of people) expect(d.people).toContain(p);
  });

  it('a case ending is read on the names (of three syllables or more)', () => {
    const d = detect('С Абуликэму Маймайтиимином и Мижэбань Кадиэр, уйгурами из Италии, CNN говорил по видеосвязи.');
    expect(d.people, d.reason).toEqual(expect.arrayContaining(['ablikim-mamtinin', 'mihriban-kader']));
    // Without the case-ending rule the family name is not read, and only the mother's whole name is left.
    expect(d.signals.some((s) => s.rule === 'full-name' && s.personId === 'ablikim-mamtinin')).toBe(true);
  });
});

describe('names and places with the endings pages put on them', () => {
  it('the Latin h is also خ in Uyghur script (Muhlise: مۇخلىسە), and Uyghur places take their case endings (قەشقەردە)', () => {
    const d = detect('كىچىك مۇخلىسە قەشقەردە بوۋىسى بىلەن تۇرىدۇ. ئۇ ئاتا-ئانىسىدىن ئايرىۋېتىلگەن.');
    expect(d.people, d.reason).toContain('muhlise');
  });

  it('Russian case forms of names and places (Абликима Мамтинина, в Италии, из Кашгара)', () => {
    const d = detect('Правительство Китая назвало уйгура Абликима Мамтинина, живущего в Италии, террористом.');
    expect(d.people, d.reason).toContain('ablikim-mamtinin');
    expect(detect('Десятилетняя Мухлиса из Кашгара разлучена с родителями.').people).toContain('muhlise');
  });
});

describe('Uzbek spellings, and the case endings Uzbek and Uyghur join to names in Latin letters', () => {
  it('Mamutjon for Mamutjan, Muxlisa for Muhlise, and a name with its ending joined (Muxlisani, Abdurehimning)', () => {
    expect(uzbekRenderings('mamutjan')).toContain('mamutjon');
    expect(uzbekRenderings('muhlise')).toEqual(expect.arrayContaining(['muxlise', 'muhlisa', 'muxlisa']));
    const d = detect('Avstraliyada yashovchi uyg‘ur Mamutjon Abdurahim besh yildan beri qizini ko‘rmagan. CNN jurnalistlari uning qizi Muxlisani topishdi.');
    expect(d.people, d.reason).toEqual(expect.arrayContaining(['mamutjan-abdurehim', 'muhlise']));
    expect(d.signals.some((s) => s.rule === 'full-name' && s.personId === 'mamutjan-abdurehim' && s.decisive), d.reason).toBe(true);
  });

  it('Uzbek keeps the a that Uyghur fronted to e (Abdurahim, Muharram), endings too; a short name does not become a common word', () => {
    expect(uzbekRenderings('abdurehim')).toContain('abdurahim');
    expect(uzbekRenderings('muherrem')).toContain('muharram');
    expect(uzbekRenderings('kader')).not.toContain('kadar');
    // Blind probe round 39's p20: an Uzbek brief with the father's name in the genitive.
    const d = detect("Shinjon hukumati 9 aprel kuni o'tkazgan matbuot anjumanida Avstraliyada yashovchi Mamutjon Abdurahimning oilasi haqida gapirdi. Xitoy hukumati uning rafiqasi Muharram to'qqiz yilga ozodlikdan mahrum etilganini aytgan.");
    expect(d.matched, d.reason).toBe(true);
    expect(d.signals.some((s) => s.rule === 'full-name' && s.personId === 'mamutjan-abdurehim' && s.text.includes('abdurahimning')), d.reason).toBe(true);
  });

  it('Kazakh joins its case endings to a name in Cyrillic, also to one spelled as Russian writes it (Абдурехимнің)', () => {
    // Blind probe round 41's p17: a Kazakh Facebook post.
    const d = detect('Аделаидада тұратын Мамұтжан Абдурехимнің 10 жасар қызы Мұхлиса Қашқарда атасы мен әжесінің қолында.');
    expect(d.matched, d.reason).toBe(true);
    expect(d.signals.some((s) => s.rule === 'full-name' && s.personId === 'mamutjan-abdurehim' && s.decisive), d.reason).toBe(true);
    // Not a Russian-style surname made from the name: that is someone else's (Абдурехимов).
    expect(detect('Мамұтжан Абдурехимов Аделаидада тұрады.').signals.some((s) => s.rule === 'full-name')).toBe(false);
  });

  it('an Abdu- family name as Arabic, Persian and Urdu write the Arabic name (عبد الرحيم), beside the given name only', () => {
    // Blind probe round 41's p16: a Persian post.
    const d = detect('ماموتجان عبدالرحیم، پدری که در آدلاید زندگی می‌کند، اتهام تروریسم از سوی پکن را «خنده‌دار» خواند.');
    expect(d.matched, d.reason).toBe(true);
    expect(d.people).toContain('mamutjan-abdurehim');
    // The Arabic name alone, as thousands bear it, names no one.
    expect(detect('عبد الرحيم، تاجر في أديلايد، افتتح متجرا جديدا.').people).toEqual([]);
  });

  it.each(people.map((p) => [p.displayName, p] as const))('%s, with each ending on the family name (six letters or more)', (_name, person) => {
    const [given, family] = person.names.find((n) => n.kind === 'primary')!.text.toLowerCase().split(' ') as [string, string];
    const forms = turkicLatinCases(family);
    if (family.length < 6) {
      // A short name with an ending is too easily a Turkish or Uzbek word (Kader, "fate": kaderde).
      expect(forms).toEqual([]);
      return;
    }
    expect(forms).toHaveLength(TURKIC_LATIN_ENDINGS.length);
    for (const form of forms) {
      const text = `${capital(given)} ${capital(form)} — ${contextOf(person.familyId)}`;
      const d = detect(text);
      expect(d.signals.some((s) => s.rule === 'full-name' && s.personId === person.id && s.decisive), `${text}\n${d.reason}`).toBe(true);
    }
  });

  it('an ending does not make another word a name: a name is read with the endings of the list only', () => {
    const d = detect('Mamutjanxyz Abdurehimlar — Adelaide');
    expect(d.people, d.reason).toEqual([]);
  });
});

describe('Spanish spellings by ear', () => {
  it('j for the h and kh, y for the j: the parents’ given names together (Mijribán y Ablikím) in Italy', () => {
    expect(spanishRenderings('mihriban')).toEqual(['mijriban']);
    expect(spanishRenderings('mamutjan')).toEqual(['mamutyan']);
    const d = detect('Pekín dice que Mijribán y Ablikím, que viven en Italia, son «miembros clave de un grupo terrorista». Ellos lo niegan.');
    expect(d.signals.some((s) => s.rule === 'members-together' && s.decisive), d.reason).toBe(true);
    expect(d.people, d.reason).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
  });
});
