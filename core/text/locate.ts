/**
 * Finding a matched word back in a text node, for highlights and "show on the page". The matcher
 * works on folded text (core/text/fold.ts); this maps a folded needle back to offsets in the node's raw
 * text, skipping what folding skips (zero-width characters, soft hyphens, marks). Runs only on
 * matching pages, on the few nodes that matched.
 */
import { PUNCT, SKIP, SPACE, defaultFoldTable, foldUnit } from './fold';

export interface TextSpan {
  start: number;
  end: number;
}

/** A text folded as the matcher folds it, with where each folded code unit came from. */
export interface FoldedText {
  folded: string;
  origin: Uint32Array;
}

/**
 * Fold `text` once, as the matcher folds it (invisibles dropped, a run of breaks one space), noting
 * where each folded code unit came from. `table`: the fold table the detector already holds
 * (deriving the default one costs milliseconds on every matching page).
 */
export function foldWithOrigin(text: string, table: Uint16Array = defaultFoldTable()): FoldedText {
  const units = new Uint16Array(text.length);
  const origin = new Uint32Array(text.length);
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const f = foldUnit(table, text.charCodeAt(i));
    if (f === SKIP) continue;
    if (f === SPACE || f === PUNCT) {
      if (!space) {
        origin[n] = i;
        units[n++] = SPACE;
      }
      space = true;
    } else {
      origin[n] = i;
      units[n++] = f;
      space = false;
    }
  }
  const parts: string[] = [];
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]));
  return { folded: parts.join(''), origin };
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

/** Code units turned into a string at once (String.fromCharCode's arguments). */
const CHUNK = 8192;
