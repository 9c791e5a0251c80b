/**
 * Character folding for matching: one table lookup per UTF-16 code unit.
 *
 * The page's text is never rewritten into a normalised copy (that costs an allocation and a pass per
 * node on pages that need nothing). Instead the matcher folds each code unit through FOLD as it scans:
 * - letters fold to lower case without diacritics (É -> e, ş -> s, ı -> i), NFKC-style for full-width forms;
 * - Cyrillic and Greek look-alikes fold to the Latin letter they imitate (а -> a, о -> o, Μ -> m);
 * - zero-width characters, soft hyphens and combining marks are skipped (SKIP);
 * - every other non-letter (space, punctuation, line breaks) folds to a single space, so word
 *   boundaries become spaces and patterns padded with spaces match whole words only;
 * - CJK ideographs fold to themselves (Traditional forms used in names fold to Simplified via
 *   T2S below) and never need boundaries.
 */

export const SPACE = 0x20;
/** Marker: the code unit contributes nothing (zero-width, soft hyphen, combining mark). */
export const SKIP = 0xffff;

/** Folded code units that are letters of words in alphabetic scripts (not CJK, not a break). */
const isWordChar = (c: number) => c !== SPACE && c !== SKIP && !isCjk(c);

function foldOne(c: number): number {
  const ch = String.fromCharCode(c);
  let f = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (f.length !== 1) f = ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  return /[\p{L}\p{N}]/u.test(f) ? f.charCodeAt(0) : SPACE;
}

/**
 * Built in a couple of milliseconds at start-up: only the ranges where folding does something are
 * computed (Latin, Greek, Cyrillic, punctuation, full-width forms); every other code unit (Arabic,
 * CJK, other scripts) folds to itself.
 */
function buildFoldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  const ranges: Array<[number, number]> = [
    [0x0000, 0x04ff], // Latin, Greek, Cyrillic
    [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese etc.)
    [0x2000, 0x2bff], // punctuation, symbols, arrows
    [0x3000, 0x303f], // CJK punctuation
    [0xfe30, 0xfe4f], // CJK compatibility forms
    [0xff00, 0xffef], // full-width and half-width forms
  ];
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) t[c] = foldOne(c);
  for (let c = 0xd800; c <= 0xdfff; c++) t[c] = SPACE; // astral characters (emoji) break words
  // Arabic punctuation breaks words; Arabic vowel marks (harakat) and tatweel vanish.
  for (const c of [0x060c, 0x061b, 0x061f, 0x066a, 0x066b, 0x066c, 0x066d, 0x06d4]) t[c] = SPACE;
  for (let c = 0x064b; c <= 0x065f; c++) t[c] = SKIP;
  for (const c of [0x0640, 0x0670]) t[c] = SKIP;
  // Invisible characters vanish instead of breaking words.
  for (const c of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e, 0x034f]) t[c] = SKIP;
  for (let c = 0x0300; c <= 0x036f; c++) t[c] = SKIP;
  // Letters NFKD does not decompose.
  const extra: Record<string, string> = {
    ı: 'i', İ: 'i', ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ß: 's', æ: 'e', œ: 'o', ə: 'e', Ə: 'e',
    // Cyrillic look-alikes
    а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j',
    ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
    А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x', І: 'i', Ј: 'j',
    Ѕ: 's', Ԁ: 'd', Ԛ: 'q', Ԝ: 'w', Һ: 'h',
    // Greek look-alikes
    α: 'a', ο: 'o', ι: 'i', κ: 'k', ν: 'v', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ε: 'e',
    Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  };
  for (const [from, to] of Object.entries(extra)) t[from.charCodeAt(0)] = to.charCodeAt(0);
  for (const [trad, simp] of T2S) t[trad.charCodeAt(0)] = simp.charCodeAt(0);
  return t;
}

/**
 * Traditional -> Simplified for the characters that occur in the story's vocabulary, so one pattern
 * matches both scripts. (A full conversion table is not needed: only pattern characters matter.)
 */
const T2S: Array<[string, string]> = [
  ['維', '维'], ['爾', '尔'], ['戶', '户'], ['離', '离'], ['兒', '儿'], ['貝', '贝'], ['語', '语'],
  ['電', '电'], ['視', '视'], ['臺', '台'], ['報', '报'], ['導', '导'], ['應', '应'], ['國', '国'],
  ['義', '义'], ['會', '会'], ['議', '议'], ['擊', '击'], ['獨', '独'], ['學', '学'], ['滿', '满'],
  ['買', '买'], ['熱', '热'], ['麗', '丽'], ['蘇', '苏'], ['華', '华'], ['達', '达'], ['來', '来'],
  ['與', '与'], ['為', '为'], ['們', '们'], ['媽', '妈'], ['爸', '爸'], ['們', '们'], ['團', '团'],
  ['聚', '聚'], ['孤', '孤'], ['員', '员'], ['區', '区'], ['疆', '疆'], ['暴', '暴'], ['恐', '恐'],
  ['極', '极'], ['端', '端'], ['圖', '图'], ['師', '师'], ['喀', '喀'], ['亞', '亚'], ['紐', '纽'],
  ['澳', '澳'], ['萊', '莱'], ['德', '德'], ['號', '号'], ['黨', '党'], ['記', '记'], ['離', '离'],
];

export const FOLD: Uint16Array = buildFoldTable();

/** True for code units of CJK ideographs (patterns of these need no word boundaries). */
export const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/**
 * Fold a string the same way the matcher folds page text: skip invisibles, collapse word breaks to a
 * single space, trim. Used to normalise patterns and for tests.
 */
export function foldText(text: string): string {
  let out = '';
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const f = FOLD[text.charCodeAt(i)]!;
    if (f === SKIP) continue;
    if (f === SPACE) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
      continue;
    }
    out += String.fromCharCode(f);
    lastSpace = false;
  }
  return out.trimEnd();
}

/** Whether a folded pattern needs word boundaries (it starts/ends with a letter of an alphabetic script). */
export function needsBoundaries(folded: string): { start: boolean; end: boolean } {
  const first = folded.charCodeAt(0);
  const last = folded.charCodeAt(folded.length - 1);
  return { start: isWordChar(first), end: isWordChar(last) };
}
