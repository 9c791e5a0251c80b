/**
 * Anchoring: from a selection to selectors (`describe`) and back from selectors to a place in the
 * page's text (`anchor`), after the page may have changed. Works on one string, the page text
 * (text-dom.ts builds it from the DOM and maps positions back to nodes), so it runs and is tested
 * without a browser. No zod here: the content script imports this module.
 *
 * `anchor` tries, cheapest and surest first (as hypothesis/client does):
 *   1. position: the TextPositionSelector's range still holds exactly the quote;
 *   2. quote: the quote occurs verbatim (white space runs compared as one space, so reflowed markup
 *      still matches); several occurrences are told apart by prefix/suffix and the old position;
 *   3. fuzzy: approximate search (Myers' algorithm, approx-string-match) allowing
 *      min(32, quote length / 4) edits; candidates scored by quote, prefix and suffix similarity and
 *      closeness to the old position;
 * and returns null, "orphaned", when nothing fits well enough: a short quote (< 32 characters) found
 * only approximately must also have its context around it. It never guesses.
 */
import search from 'approx-string-match';
import type { Selector, TextPositionSelector, TextQuoteSelector } from './model';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Below this length, an approximate quote needs its context to be accepted. */
const SHORT_QUOTE = 32;

export interface TextRange {
  start: number;
  end: number;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor extends TextRange {
  method: AnchorMethod;
  /** 1 for exact anchors; for fuzzy ones, the weighted similarity (0..1) that won. */
  score: number;
}

/**
 * Selectors for `range` of `text`: a quote with 32 characters of context each side, and the position.
 * Throws a RangeError for an empty or out-of-bounds range.
 */
export function describe(text: string, range: TextRange): [TextQuoteSelector, TextPositionSelector] {
  const { start, end } = range;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && end > start)) {
    throw new RangeError(`cannot describe the range ${start}-${end} of a text of ${text.length} characters`);
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** Text with white space runs collapsed to one space, and where each of its characters came from. */
interface Normalised {
  text: string;
  /** map[i]: index in the original of normalised character i; map[text.length] = original length. */
  map: Int32Array;
}

let cache: { source: string; normalised: Normalised } | undefined;

function normalise(source: string): Normalised {
  if (cache?.source === source) return cache.normalised;
  const map = new Int32Array(source.length + 1);
  let out = '';
  let n = 0;
  let chunkStart = 0;
  let inSpace = false;
  // Build by slices, not char by char: pages are up to megabytes.
  for (let i = 0; i < source.length; i++) {
    const space = isSpace(source.charCodeAt(i));
    if (space && inSpace) {
      out += source.slice(chunkStart, i);
      chunkStart = i + 1;
      continue;
    }
    inSpace = space;
    map[n++] = i;
  }
  out += source.slice(chunkStart);
  // Every kept white space character becomes a plain space.
  const text = out.replace(/\s/g, ' ');
  map[n] = source.length;
  const normalised = { text, map: map.subarray(0, n + 1) };
  cache = { source, normalised };
  return normalised;
}

/** Exactly the characters of RegExp `\s`, so the map and `collapse` agree. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f || (c >= 0x2000 && c <= 0x200a) || c === 0xfeff;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Index in the normalised text of original index `i` (the first normalised character at or after it). */
function toNormalised(n: Normalised, i: number): number {
  let lo = 0;
  let hi = n.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (n.map[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toOriginal(n: Normalised, start: number, end: number): TextRange {
  return { start: n.map[start]!, end: end > start ? n.map[end - 1]! + 1 : n.map[start]! };
}

/** Similarity (0..1) of `pattern` to the best-matching part of `window`: 1 - edits / length. */
function similarity(window: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (window.length === 0) return 0;
  const matches = search(window, pattern, pattern.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : pattern.length;
  return Math.max(0, 1 - errors / pattern.length);
}

/** Characters shared at the end of `a` and `b`, over `b`'s length. */
function sharedEnd(a: string, b: string): number {
  if (b.length === 0) return 1;
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k / b.length;
}

/** Characters shared at the start of `a` and `b`, over `b`'s length. */
function sharedStart(a: string, b: string): number {
  if (b.length === 0) return 1;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k / b.length;
}

/**
 * Find where `selectors` point in `text` now, or null when the annotation is orphaned here.
 * `text` must be built the way the text was when `describe` ran (text-dom.ts `textOfRoot`).
 */
export function anchor(text: string, selectors: readonly Selector[]): Anchor | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');

  if (!quote) {
    // Nothing to check it against: a bare position is trusted only while it fits the text.
    if (position && position.end > position.start && position.end <= text.length) {
      return { start: position.start, end: position.end, method: 'position', score: 1 };
    }
    return null;
  }
  if (position && position.end <= text.length && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }

  const n = normalise(text);
  const exact = collapse(quote.exact).trim();
  if (exact.length === 0) return null;
  // The quote's own leading/trailing white space belongs to the context it was trimmed from.
  const prefix = collapse(quote.prefix ?? '') + (/^\s/.test(quote.exact) ? ' ' : '');
  const suffix = (/\s$/.test(quote.exact) ? ' ' : '') + collapse(quote.suffix ?? '');
  const hint = position ? toNormalised(n, position.start) : undefined;
  const closeness = (at: number) => (hint === undefined ? 1 : 1 - Math.abs(at - hint) / Math.max(1, n.text.length));

  // 2. Exact occurrences.
  const occurrences: number[] = [];
  for (let at = n.text.indexOf(exact); at !== -1 && occurrences.length < 10_000; at = n.text.indexOf(exact, at + 1)) {
    occurrences.push(at);
  }
  if (occurrences.length > 0) {
    let best = occurrences[0]!;
    let bestScore = -1;
    for (const at of occurrences) {
      const before = n.text.slice(Math.max(0, at - prefix.length), at);
      const after = n.text.slice(at + exact.length, at + exact.length + suffix.length);
      const score = 20 * sharedEnd(before, prefix) + 20 * sharedStart(after, suffix) + 2 * closeness(at);
      if (score > bestScore) {
        bestScore = score;
        best = at;
      }
    }
    return { ...toOriginal(n, best, best + exact.length), method: 'quote', score: 1 };
  }

  // 3. Approximate occurrences.
  const maxErrors = Math.min(32, Math.floor(exact.length / 4));
  if (maxErrors === 0) return null;
  let best: { start: number; end: number; score: number } | undefined;
  for (const m of search(n.text, exact, maxErrors)) {
    const quoteScore = 1 - m.errors / exact.length;
    const hasContext = prefix.length > 0 || suffix.length > 0;
    const prefixScore = prefix ? similarity(n.text.slice(Math.max(0, m.start - prefix.length - maxErrors), m.start), prefix) : 0;
    const suffixScore = suffix ? similarity(n.text.slice(m.end, m.end + suffix.length + maxErrors), suffix) : 0;
    const contextScore = hasContext ? (prefixScore + suffixScore) / ((prefix ? 1 : 0) + (suffix ? 1 : 0)) : 0;
    if (exact.length < SHORT_QUOTE && contextScore < 0.5) continue;
    const score = (50 * quoteScore + 20 * (prefix ? prefixScore : 1) + 20 * (suffix ? suffixScore : 1) + 2 * closeness(m.start)) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  if (!best) return null;
  return { ...toOriginal(n, best.start, best.end), method: 'fuzzy', score: best.score };
}

/** 'anchored' when `anchor` finds a place, 'orphaned' otherwise. */
export function statusOf(result: Anchor | null): 'anchored' | 'orphaned' {
  return result ? 'anchored' : 'orphaned';
}

// Try: any long article; select a sentence, reload after the site edits a word in it.
