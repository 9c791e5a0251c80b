/**
 * How the prefilter's patterns are written into regular expressions (core/detect/gate.ts): pure
 * string work, shared by the index builder (core/detect/compile/gate-expressions.ts) and the Gate.
 */

/** Marks the fragment in a stored pattern (folded patterns hold letters, digits and spaces only). */
export const MARK = '|';

/** A regular-expression literal for `s` (the global `escape` is something else: URL encoding). */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** Between words: any run of breaks or invisibles, or none (pieces of text join without one). */
export const ASCII_BREAKS = '[^a-z0-9]*';
export const FOLDED_BREAKS = ' ?';
/** Between words in a written expression (`GateWritten`): written out as ASCII_BREAKS or FOLDED_BREAKS where read. */
export const BREAK = ' ';
export const plain = (p: string) => /^[a-z0-9 ]+$/.test(p);
/** A stored pattern (its fragment marked or not) of ASCII letters, digits and spaces only: it can be read in raw text. */
export const plainPattern = (p: string) => plain(p.replaceAll(MARK, ''));
/** Longest first, then in order: the same patterns always give the same expression. */
export const source = (set: Iterable<string>) => [...new Set(set)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
export const words = (s: string, between: string) => s.split(' ').map(escape).join(between);

/** A stored pattern's parts: the text before its fragment, the fragment, the text after it. */
export function fragment(written: string): { before: string; piece: string; after: string } {
  const parts = written.split(MARK);
  return parts.length === 3 ? { before: parts[0]!, piece: parts[1]!, after: parts[2]! } : { before: '', piece: written, after: '' };
}

/**
 * Letters a fragment's fast expression holds at least (breaks left out; fewer only where the
 * pattern has fewer): a piece with fewer letters (it starts near the pattern's end) is written with
 * a lookbehind of the letters before it, so the engine still starts on the piece's first letter
 * and a place is found only where those letters are.
 */
export const FAST_LETTERS = 5;

/** The letters of a written pattern or piece, breaks left out. */
export const letterCount = (s: string) => s.replaceAll(' ', '').length;

/**
 * A stored pattern's fragment as the fast expression reads it: its piece, then, where the piece is
 * short, a lookbehind of the letters before it and the piece (`FAST_LETTERS`).
 */
export function fast(written: string): string {
  const f = fragment(written);
  let need = FAST_LETTERS - letterCount(f.piece);
  if (need <= 0 || !f.before) return words(f.piece, BREAK);
  let from = f.before.length;
  while (from > 0 && need > 0) if (f.before[--from] !== ' ') need--;
  return `${words(f.piece, BREAK)}(?<=${words(f.before.slice(from) + f.piece, BREAK)})`;
}

/**
 * The whole pattern, written to match where its piece starts (a sticky expression): the piece, the
 * text before it as a lookbehind, the text after it.
 */
export function atPiece(written: string, between: string): string {
  const f = fragment(written);
  return words(f.piece, between) + (f.before ? `(?<=${words(f.before + f.piece, between)})` : '') + (f.after ? words(f.after, between) : '');
}

/** The script a folded fragment starts in: a class of the code units that start it, or '' for ASCII. */
export function scriptOf(piece: string): string {
  const c = piece.charCodeAt(0);
  if (c < 0x80) return '';
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return '[\\u3400-\\u9fff\\uf900-\\ufaff]';
  if (c >= 0xac00 && c <= 0xd7a3) return '[\\uac00-\\ud7a3]';
  if (c >= 0x3040 && c <= 0x30ff) return '[\\u3040-\\u30ff]';
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `[\\u${hex(c & 0xff00)}-\\u${hex((c & 0xff00) | 0xff)}]`;
}

/**
 * How many letters (breaks left out, lower case) where a fragment starts choose what is checked
 * there (core/detect/gate-checks.ts): an alternation of every pattern, tried at a place, tries each of
 * its hundreds of branches; the patterns whose fragment starts with these letters are a handful.
 */
export const LEAD = 3;

/** An event whose key anchor is in the fragments: `others` of its other elements must be within WINDOW of it. */
export interface GateEvent {
  id: string;
  others: number;
  /**
   * How many of the event's other elements (supplied apart, `GateElements`) are anchors: they come
   * first, and a telling lacks at most one of them, and then holds one element more (locality.ts).
   */
  anchors: number;
  /** The key anchor's patterns, written as `GateSpec.open`'s. */
  key: string[];
}

/**
 * The patterns (as `GateSpec.open`'s) by the first LEAD letters of their fragment ('' for fewer):
 * [lead, those that open, [event index, its key anchor's]]. Written into expressions where read, a
 * group when a fragment with its letters is first found.
 */
export type WrittenChecks = Array<[lead: string, open: string[], keys: Array<[event: number, patterns: string[]]>]>;
