/**
 * Names through Chinese characters, compared by reading. Chinese coverage writes a Uyghur name with
 * characters chosen for their sound, and outlets pick different characters for the same syllable
 * (阿布力克木 / 阿卜力克木, 热 / 熱, 卡迪尔 / 卡德尔). So a name is kept as its syllables, not its
 * characters: in the fold table every common character that reads as one of the names' syllables
 * folds to one representative character of that reading, in Simplified and Traditional script alike,
 * and a name's pattern is its syllables' representatives. Any homophone spelling then folds to the
 * same pattern. The same syllables, read aloud in Pinyin, give the Latin forms Chinese state media
 * and some European papers print (Abulikemu, Maimaitiyimin), joined, split or hyphenated.
 *
 * Readings come from pinyin-pro; the character inventory is GB2312's first level (the 3,755
 * characters in everyday use, read from the browser's own GB18030 decoder), so rare characters keep
 * their identity. Runs in the background when the index is built.
 */
import { pinyin } from 'pinyin-pro';
import { traditionalOf } from './chinese-script';

let classes: Map<string, string[]> | undefined;

/**
 * Readings that Chinese renderings of Uyghur names use for one another, so their characters make one
 * class (one representative):
 * - sa and sha: 莎 (read sha) writes the sa of women's names taken from other languages (丽莎 Lisa,
 *   莎拉 Sara), Uyghur ones too (穆合麗莎 beside the attested 穆合丽萨, Muhlise);
 * - li and ri: Chinese has no trilled r, so a Uyghur r before i is written 日 or with an l-syllable
 *   (克力木 / 克里木 for Kerim, 米丽班 beside 米日班 for Mihriban).
 * Not s/sh, z/zh or c/ch at large, nor n/l: Uyghur tells those sounds apart, and its Chinese renderings
 * keep them apart.
 */
export const READING_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['sa', 'sha'],
  ['li', 'ri'],
];

/**
 * Characters that Chinese renderings of names read otherwise than everyday text does, with the
 * reading renderings give them: 都 is dou in "all" (都是) but du in the Abdu- of Uyghur and Arabic
 * names (阿不都热依木 for Abdurehim, 阿卜杜拉 beside 阿不都拉 for Abdulla), the one such character
 * of the names' syllables that renderings use.
 */
export const RENDERING_READINGS: ReadonlyArray<readonly [string, string]> = [['都', 'du']];
const RENDERED = new Map(RENDERING_READINGS);

/** GB2312 level 1: rows 16 to 55 of the GB2312 table, decoded. */
function commonCharacters(): string[] {
  const decoder = new TextDecoder('gb18030');
  const chars: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) break;
      chars.push(decoder.decode(new Uint8Array([hi, lo])));
    }
  }
  return chars;
}

/** Toneless reading -> the common characters read so (the first is the class's representative). */
export function readingClasses(): Map<string, string[]> {
  if (classes) return classes;
  classes = new Map();
  const chars = commonCharacters();
  // One character per call: no phrase rule joins neighbours in the table's order.
  for (const c of chars) {
    const reading = pinyin(c, { toneType: 'none', type: 'array', v: true })[0];
    if (!reading || !/^[a-z]+$/.test(reading)) continue;
    const list = classes.get(reading);
    if (list) list.push(c);
    else classes.set(reading, [c]);
  }
  // Characters read as renderings read them, in that reading's class (after its representative).
  for (const [c, reading] of RENDERING_READINGS) {
    for (const [r, list] of classes) if (r !== reading && list.includes(c)) classes.set(r, list.filter((x) => x !== c));
    const list = classes.get(reading);
    if (list && !list.includes(c)) list.push(c);
  }
  // Readings renderings use for one another share one list, and so one representative.
  for (const [a, b] of READING_FOLDS) {
    const merged = [...(classes.get(a) ?? []), ...(classes.get(b) ?? [])];
    classes.set(a, merged);
    classes.set(b, merged);
  }
  return classes;
}

/** The syllables of a name written in characters (its readings, in order; 都 as renderings read it). */
export function readingOf(hanzi: string): string[] {
  // One reading per character (punctuation and Latin letters included), in order.
  const chars = [...hanzi];
  return pinyin(hanzi, { toneType: 'none', type: 'array', v: true })
    .map((r, i) => RENDERED.get(chars[i] ?? '') ?? r)
    .filter((r) => /^[a-z]+$/.test(r));
}

/**
 * The ways a Pinyin-route Latin word splits into syllables (abulikemu -> a bu li ke mu), fewest
 * syllables first; at most `limit`.
 */
export function syllabify(word: string, limit = 3): string[][] {
  const known = readingClasses();
  const out: string[][] = [];
  const walk = (at: number, acc: string[]) => {
    if (out.length >= limit) return;
    if (at === word.length) {
      out.push(acc);
      return;
    }
    // Longest syllable first: "xian" before "xi" + "an".
    for (let end = Math.min(word.length, at + 6); end > at; end--) {
      const s = word.slice(at, end);
      if (known.has(s)) walk(end, [...acc, s]);
    }
  };
  walk(0, []);
  return out.sort((a, b) => a.length - b.length);
}

/** The pattern of a name's syllables: each syllable's representative character. */
export function hanziPattern(syllables: readonly string[]): string | undefined {
  const known = readingClasses();
  let out = '';
  for (const s of syllables) {
    const rep = known.get(s)?.[0];
    if (!rep) return undefined;
    out += rep;
  }
  return out;
}

/**
 * Latin forms of a syllable sequence as print writes them: joined (abulikemu), split into two words
 * at any syllable boundary (abu likemu), and syllable by syllable (a bu li ke mu, a-bu-li-ke-mu fold
 * to the same). At most `limit`.
 */
export function pinyinForms(syllables: readonly string[], limit = 12): string[] {
  const forms = new Set<string>([syllables.join('')]);
  for (let cut = 1; cut < syllables.length && forms.size < limit; cut++) {
    forms.add(`${syllables.slice(0, cut).join('')} ${syllables.slice(cut).join('')}`);
  }
  if (syllables.length > 1) forms.add(syllables.join(' '));
  return [...forms].slice(0, limit);
}

/**
 * Fold pairs [character, representative] for every common character (and its Traditional forms) that
 * reads as one of `syllables`, so homophones in either script fold to one character.
 */
export function readingPairs(syllables: Iterable<string>): Array<[string, string]> {
  const known = readingClasses();
  const pairs: Array<[string, string]> = [];
  const done = new Set<string[]>();
  for (const s of new Set(syllables)) {
    const list = known.get(s);
    // Two readings of one merged class: its pairs once.
    if (list && done.has(list)) continue;
    if (list) done.add(list);
    if (!list) continue;
    const rep = list[0]!;
    for (const c of list) {
      if (c !== rep) pairs.push([c, rep]);
      for (const t of traditionalOf(c)) pairs.push([t, rep]);
    }
  }
  return pairs;
}
