/**
 * Finding a matched word back in a text node, for highlights and "show on the page". The matcher
 * works on folded text (core/text/fold.ts); this maps a folded needle back to offsets in the node's raw
 * text, skipping what folding skips (zero-width characters, soft hyphens, marks). Runs only on
 * matching pages, on the few nodes that matched.
 */
import { foldWithOrigin, type FoldedText } from './fold';

export interface TextSpan {
  start: number;
  end: number;
}

/** Every occurrence of `needle` (already folded) in a folded text, as raw offsets. */
export function locateIn({ folded, origin }: FoldedText, needle: string, limit = 20): TextSpan[] {
  const spans: TextSpan[] = [];
  if (!needle) return spans;
  for (let at = folded.indexOf(needle); at !== -1 && spans.length < limit; at = folded.indexOf(needle, at + 1)) {
    spans.push({ start: origin[at]!, end: origin[at + needle.length - 1]! + 1 });
  }
  return spans;
}

/** Every occurrence of `needle` (already folded) in `text`, as raw offsets (`foldWithOrigin`, `locateIn`). */
export function locateFolded(text: string, needle: string, limit = 20, table?: Uint16Array): TextSpan[] {
  return needle ? locateIn(foldWithOrigin(text, table), needle, limit) : [];
}
