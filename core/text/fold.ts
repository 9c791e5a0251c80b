/**
 * Character folding for matching: one table lookup per UTF-16 code unit.
 *
 * The page's text is never rewritten into a normalised copy (that costs an allocation and a pass per
 * node on pages that need nothing). Instead the matcher folds each code unit through a fold table as
 * it scans:
 * - letters fold to lower case without diacritics (É -> e, ş -> s, ı -> i), NFKC-style for full-width forms;
 * - Cyrillic and Greek look-alikes fold to the Latin letter they imitate (а -> a, о -> o, Μ -> m);
 * - Arabic letter variants fold to one form (أ إ آ -> ا, ى -> ي, ة -> ه, Urdu ہ -> ه), vowel marks vanish;
 * - zero-width characters, soft hyphens and combining marks are skipped (SKIP);
 * - whitespace folds to a single space (SPACE); punctuation folds to PUNCT, which the scanner reads as a
 *   space that no full name may span ("Mihriban, kader" is not a name, "Mihriban Kader" is);
 * - CJK ideographs fold to themselves (the Traditional forms of the patterns' characters fold to the
 *   Simplified ones, with the pairs the index builder passes in) and need no
 *   boundaries.
 *
 * Deriving the table (Unicode normalisation of thousands of code units) is work for the background:
 * the match index carries the result as compact runs (`foldRuns`) and the content script only
 * expands them (`foldTableFromRuns`), so the derivation code never ships in the content script.
 */
import { unpackInts, type PackedInts } from './pack';

export const SPACE = 0x20;
/** Marker: punctuation, a word break that also separates names. */
export const PUNCT = 0xfffe;
/** Marker: the code unit contributes nothing (zero-width, soft hyphen, combining mark). */
export const SKIP = 0xffff;

/** True for code units of CJK ideographs (patterns of these need no word boundaries). */
export const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** Katakana letters (the middle dot ・ between name parts excluded: it is punctuation). */
export const isKatakana = (c: number) => (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x30fc && c <= 0x30ff);
/** Hangul syllables. */
export const isHangul = (c: number) => c >= 0xac00 && c <= 0xd7a3;
/** Hiragana letters (Japanese particles, endings and native words). */
const isHiragana = (c: number) => c >= 0x3041 && c <= 0x309f;
/**
 * Scripts whose names are written against the next word: Japanese writes no spaces (マムトジャンさん,
 * のマムトジャン), Korean attaches particles to a name (무헤렘은, 마무트잔 씨 with a space). So a katakana
 * pattern needs no boundaries, like a Chinese one, and a hangul one needs one only at its start. A
 * pattern that starts or ends in hiragana is open there too: a particle or an inflection always joins
 * it (4人のきょうだいが, 叱られた, の見捨て), so a boundary there would almost never be found.
 */
const openStart = (c: number) => isKatakana(c) || isHiragana(c);
const openEnd = (c: number) => isKatakana(c) || isHangul(c) || isHiragana(c);
/**
 * Letters of the Uyghur alphabet that Arabic, Persian and Urdu do not use (ە ۇ ۆ ۈ ۋ ڭ ھ; ې folds to ە):
 * a word holding one is Uyghur, which joins case endings to names (مۇھەررەمنى, Muherrem's;
 * قەشقەردە, in Kashgar), so it is open at its end, as katakana and hangul words are.
 */
const UYGHUR_ONLY = /[\u06d5\u06c7\u06c6\u06c8\u06cb\u06ad\u06be]/;

/** Folded code units that are letters of words in alphabetic scripts (not CJK, not a break). */
const isWordChar = (c: number) => c !== SPACE && c !== SKIP && c !== PUNCT && !isCjk(c);

function foldOne(c: number): number {
  const ch = String.fromCharCode(c);
  let f = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (f.length !== 1) f = ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  if (/[\p{L}\p{N}]/u.test(f)) return f.charCodeAt(0);
  return /\s/u.test(ch) || c < 0x20 ? SPACE : PUNCT;
}

/**
 * Derive the fold table from Unicode data (a few milliseconds; background, builder and tests only).
 * Only the ranges where folding does something are computed; every other code unit folds to itself.
 * `chinese`: [Traditional, Simplified] character pairs to fold together (the index builder passes the
 * ones its patterns need, from OpenCC: core/detect/compile/chinese-script.ts).
 */
export function deriveFoldTable(chinese: ReadonlyArray<readonly [string, string]> = []): Uint16Array {
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
  // Arabic punctuation breaks words; Arabic vowel marks (harakat) and tatweel vanish; letter variants
  // that writers use interchangeably fold to one letter.
  for (const c of [0x060c, 0x061b, 0x061f, 0x066a, 0x066b, 0x066c, 0x066d, 0x06d4]) t[c] = PUNCT;
  for (let c = 0x064b; c <= 0x065f; c++) t[c] = SKIP;
  for (const c of [0x0640, 0x0670]) t[c] = SKIP;
  for (const c of [0x0622, 0x0623, 0x0625, 0x0671]) t[c] = 0x0627; // آ أ إ ٱ -> ا
  t[0x0649] = 0x064a; // ى -> ي
  t[0x06cc] = 0x064a; // Persian ye -> ي
  t[0x0629] = 0x0647; // ة -> ه
  for (const c of [0x06c1, 0x06c2, 0x06c3]) t[c] = 0x0647; // Urdu heh goal (ہ ۂ) and its teh marbuta (ۃ) -> ه
  // Uyghur ë (ې) -> e (ە): Latin spellings write both e (Abdurehim for ئابدۇرېھىم), and so do renderings made from them.
  t[0x06d0] = 0x06d5;
  t[0x06a9] = 0x0643; // Persian kaf -> ك
  // Invisible characters vanish instead of breaking words.
  for (const c of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e, 0x034f, 0x200e, 0x200f]) t[c] = SKIP;
  for (let c = 0x0300; c <= 0x036f; c++) t[c] = SKIP;
  // Spaces that are not punctuation (no-break, ideographic, line/paragraph separators).
  for (const c of [0x00a0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) t[c] = SPACE;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = SPACE;
  // The katakana middle dot joins the parts of a foreign name (マムトジャン・アブドゥレヒム): punctuation.
  t[0x30fb] = PUNCT;
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
  for (const [trad, simp] of chinese) t[trad.charCodeAt(0)] = simp.charCodeAt(0);
  // Fold the results too, so folding is idempotent: NFKD takes Ӑ (Cyrillic, with breve) to the
  // Cyrillic а, itself a look-alike that folds to the Latin a. Patterns are stored folded, so a
  // letter that folded to something foldable again would never meet them (found by fuzzing,
  // tests/unit/fuzz-fold.test.ts). Chains are at most two steps; four is a safe bound.
  for (let c = 0; c < 0x10000; c++) {
    let f = t[c]!;
    for (let k = 0; k < 4 && t[f] !== f; k++) f = t[f]!;
    t[c] = f;
  }
  return t;
}

/**
 * The fold table as runs: [start, length + step * RUN_STEP, value] triples where code units
 * start..start+length-1 fold to value + step * (c - start), step 0 or 1 (one number fewer per run than
 * a separate step: a quarter of the record every page reads). Only code units that do not fold to
 * themselves are listed.
 */
export function foldRuns(table: Uint16Array): number[] {
  const runs: number[] = [];
  let c = 0;
  while (c < 0x10000) {
    if (table[c] === c) {
      c++;
      continue;
    }
    const value = table[c]!;
    const next = c + 1 < 0x10000 && table[c + 1] !== c + 1 ? table[c + 1]! : -1;
    const step = next === value + 1 ? 1 : 0;
    let len = 1;
    while (len < RUN_STEP - 1 && c + len < 0x10000 && table[c + len] !== c + len && table[c + len] === value + step * len) len++;
    runs.push(c, len + step * RUN_STEP, value);
    c += len;
  }
  return runs;
}

/** In a run's second number, the bit that says its values step by one. */
const RUN_STEP = 0x8000;

/**
 * The fold table the scanner reads, from runs (the match index carries them). It stores the
 * difference between a code unit's fold and the code unit itself (mod 2^16), so the table starts as
 * zeros ("folds to itself") and only the runs are written: no 65,536-entry identity fill per page.
 * Read it with `(c + table[c]) & 0xffff` (see `foldUnit`).
 */
export function foldTableFromRuns(packed: readonly number[] | PackedInts): Uint16Array {
  const runs = unpackInts(packed);
  const t = new Uint16Array(0x10000);
  for (let r = 0; r + 2 < runs.length; r += 3) {
    const start = runs[r]!;
    const len = runs[r + 1]! & (RUN_STEP - 1);
    const value = runs[r + 2]!;
    const step = runs[r + 1]! >= RUN_STEP ? 1 : 0;
    for (let k = 0; k < len; k++) t[start + k] = value + step * k - (start + k);
  }
  return t;
}

/** One folded code unit (a letter, SPACE, PUNCT or SKIP). */
export const foldUnit = (table: Uint16Array, code: number) => (code + table[code]!) & 0xffff;

let derived: Uint16Array | undefined;
/** The derived table in scanner form, computed once on first use (builder, tests; not the content script). */
export function defaultFoldTable(): Uint16Array {
  return (derived ??= foldTableFromRuns(foldRuns(deriveFoldTable())));
}

/** A text folded as the matcher folds it, with where each folded code unit came from (a raw index). */
export interface FoldedText {
  folded: string;
  origin: Uint32Array;
}

/**
 * Fold `text` as the matcher folds page text (invisibles skipped, a run of word breaks one space, none
 * at the start), noting where each folded code unit came from.
 */
export function foldWithOrigin(text: string, table: Uint16Array = defaultFoldTable()): FoldedText {
  // Into a buffer of code units, then to a string in slices: a string grown one character at a time
  // costs V8 more than linear time on long inputs (found by fuzzing: 400 K characters took 40 times
  // as long as 40 K, and 4 M 70 times as long as 400 K; tests/unit/fuzz-fold.test.ts).
  const out = new Uint16Array(text.length);
  const origin = new Uint32Array(text.length);
  let n = 0;
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const f = foldUnit(table, text.charCodeAt(i));
    if (f === SKIP) continue;
    if (f === SPACE || f === PUNCT) {
      if (!lastSpace) {
        origin[n] = i;
        out[n++] = SPACE;
      }
      lastSpace = true;
      continue;
    }
    origin[n] = i;
    out[n++] = f;
    lastSpace = false;
  }
  const parts: string[] = [];
  for (let i = 0; i < n; i += SLICE) parts.push(String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + SLICE)) as unknown as number[]));
  return { folded: parts.join(''), origin };
}

/**
 * Fold a string the same way the matcher folds page text: skip invisibles, collapse word breaks
 * (spaces and punctuation) to a single space, trim. Used to normalise patterns and for tests.
 */
export function foldText(text: string, table: Uint16Array = defaultFoldTable()): string {
  return foldWithOrigin(text, table).folded.trimEnd();
}

/**
 * Fold a pattern as the scanner will meet it on a page (core/detect/automaton.ts): as `foldText`, and
 * a change of script between Chinese characters, Arabic script, kana, hangul and the rest is a word
 * break, so "4月9日" is stored "4 月 9 日" and "CNN国际" "cnn 国际" (without the breaks they never matched).
 */
export function foldPattern(text: string, table: Uint16Array = defaultFoldTable()): string {
  const f = foldText(text, table);
  let out = '';
  let lastKind = 0;
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (c === SPACE) {
      lastKind = 0;
      out += ' ';
      continue;
    }
    const kind = scriptKind(c);
    if (lastKind !== 0 && kind !== lastKind) out += ' ';
    lastKind = kind;
    out += f[i];
  }
  return out;
}

/**
 * The scanner's script kinds: digits (6), Chinese characters (2), Arabic script (3), kana (4), hangul
 * (5), everything else (1). A change of kind is a word boundary. Digits are a kind of their own because
 * no name or word holds one: a digit against a letter is where markup or a handle joined two words
 * ("2/6" in a gallery's counter before a caption's name, "Muhlise10", "3hMamutjan" in a feed).
 */
export const scriptKind = (c: number) =>
  c < 0x0600 ? (c >= 0x30 && c <= 0x39 ? 6 : 1) : isCjk(c) ? 2 : c <= 0x06ff ? 3 : c >= 0x3040 && c <= 0x30ff ? 4 : c >= 0xac00 && c <= 0xd7a3 ? 5 : 1;

/** Code units per String.fromCharCode call: well under engines' argument limits. */
const SLICE = 8192;

/** Whether a folded pattern needs word boundaries (it starts/ends with a letter of an alphabetic script). */
export function needsBoundaries(folded: string): { start: boolean; end: boolean } {
  const first = folded.charCodeAt(0);
  const last = folded.charCodeAt(folded.length - 1);
  return { start: isWordChar(first) && !openStart(first), end: isWordChar(last) && !openEnd(last) && !UYGHUR_ONLY.test(folded) };
}
