/**
 * Finding a matched word back in a text node, for highlights and "show on the page". The matcher
 * works on folded text (core/text/fold.ts); this maps a folded needle back to offsets in the node's raw
 * text, skipping what folding skips (zero-width characters, soft hyphens, marks). Runs only on
 * matching pages, on the few nodes that matched.
 */
import { foldText } from './fold';

export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Every occurrence of `needle` (already folded) in `text`, as raw offsets. `table`: the fold table
 * the detector already holds (deriving the default one costs milliseconds on every matching page).
 */
export function locateFolded(text: string, needle: string, limit = 20, table?: Uint16Array): TextSpan[] {
  if (!needle) return [];
  let folded = '';
  const origin: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const f = foldText(text[i]!, table);
    if (f === '') {
      // Either invisible (skipped) or a word break: a break becomes one space.
      if (/\s|[^\p{L}\p{N}\u00ad\u200b-\u200d\u2060\ufeff\u0300-\u036f]/u.test(text[i]!) && !lastSpace) {
        folded += ' ';
        origin.push(i);
        lastSpace = true;
      }
      continue;
    }
    for (const ch of f) {
      folded += ch;
      origin.push(i);
    }
    lastSpace = false;
  }
  const spans: TextSpan[] = [];
  for (let at = folded.indexOf(needle); at !== -1 && spans.length < limit; at = folded.indexOf(needle, at + 1)) {
    spans.push({ start: origin[at]!, end: origin[at + needle.length - 1]! + 1 });
  }
  return spans;
}
