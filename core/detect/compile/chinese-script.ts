/**
 * Traditional and Simplified Chinese, for the index: which Traditional characters fold to the
 * Simplified ones the patterns use, so one pattern matches a page in either script. The conversion
 * table is OpenCC's (opencc-js, Traditional -> Simplified preset, about 100 KB), run here in the
 * background when the index is built: the content script only receives the few pairs it needs, inside
 * the fold table.
 */
import * as OpenCC from 'opencc-js/t2cn';

const CJK_RANGES: Array<[number, number]> = [
  [0x3400, 0x9fff], // CJK Unified Ideographs and Extension A
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
];

let toSimplifiedText: ((text: string) => string) | undefined;
let bySimplified: Map<string, string[]> | undefined;

/** Text in Simplified characters (Traditional, Hong Kong and Taiwan forms converted; the rest kept). */
export function toSimplified(text: string): string {
  toSimplifiedText ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplifiedText(text);
}

/**
 * Every Traditional character that OpenCC converts to a single Simplified one, grouped by that
 * Simplified character. Characters are converted one per line, so no phrase rule joins neighbours.
 * (About 170 ms in Node, once per index build.)
 */
function traditionalForms(): Map<string, string[]> {
  if (bySimplified) return bySimplified;
  const chars: string[] = [];
  for (const [from, to] of CJK_RANGES) for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
  const converted = toSimplified(chars.join('\n')).split('\n');
  bySimplified = new Map();
  chars.forEach((t, i) => {
    const s = converted[i];
    if (!s || s === t || s.length !== 1) return;
    const list = bySimplified!.get(s);
    if (list) list.push(t);
    else bySimplified!.set(s, [t]);
  });
  return bySimplified;
}

/** The Traditional forms of a Simplified character (none when it is written alike in both). */
export function traditionalOf(simplified: string): readonly string[] {
  return traditionalForms().get(simplified) ?? [];
}

/** [traditional, simplified] pairs for the Simplified characters in `texts` (the patterns). */
export function traditionalPairs(texts: Iterable<string>): Array<[string, string]> {
  const forms = traditionalForms();
  const pairs: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const s of text) {
      if (seen.has(s)) continue;
      seen.add(s);
      for (const t of forms.get(s) ?? []) pairs.push([t, s]);
    }
  }
  return pairs;
}
