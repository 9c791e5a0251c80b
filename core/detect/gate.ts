/**
 * The prefilter: can this page possibly match? Answered with native string work only, so that the
 * pages that are not about the story (nearly all of them) cost a reader almost nothing.
 *
 * A page can match only through a decisive signal (core/detect/): a known URL, a known phrase, a
 * full name (which needs a family-name hit), a rare given name, or the story's vocabulary (which
 * needs an ethnonym). So a page on which none of those words occurs, in any spelling the matcher
 * knows, cannot match, and the full pass (walking every node, folding and matching every character in
 * JavaScript) is skipped. The words are the match index's own patterns (core/detect/compile/gate-builder.ts), plus
 * the region's names, whose presence also decides whether captions are worth loading.
 *
 * This module is the pure half (the expressions and the folding); content/prefilter.ts reads the page.
 * The expressions are written where the index is built (core/detect/compile/gate-expressions.ts) and
 * stored ready, so a page only turns them into RegExp objects (the record's types: gate-record.ts);
 * what is checked where a fragment is found is in core/detect/gate-checks.ts.
 *
 * How the text is read (content/prefilter.ts): `textContent` of small subtrees (native; no JS wrapper per text node, and no
 * multi-megabyte strings, which Chromium builds far more slowly than many small ones), plus what
 * hides outside the light DOM's text: title and description meta, `alt` and `aria-label`, same-origin
 * iframes and the open shadow roots of custom elements. Pieces are tested in groups of about 64 KB.
 *
 * How a group is tested, soundly with respect to the matcher's folding (core/text/fold.ts):
 * 1. `ascii`: a case-insensitive regular expression of fragments of the plain-ASCII words (each up
 *    to six letters every spelling must contain, all starting on at most eight letters, rare in
 *    prose, so the engine can skip fast; compile/gate-builder.ts), written as a trie. Text made of
 *    ASCII folds exactly as the expression reads it, so this alone is enough for it. Where a fragment is found, the patterns whose fragment starts with the letters
 *    there are checked whole (gate-checks.ts `Checks`).
 * 2. Every run of other code units that may belong to a word (accented letters, homoglyphs, invisible
 *    characters, CJK, Arabic; not punctuation or spaces, which fold to breaks) is folded, with `reach`
 *    code units on either side, exactly as the matcher folds it, and tested against `folded`, the same
 *    fragments and the non-ASCII words, as folded text: the ASCII ones over all of it, each other
 *    script's only around its letters (the fold notes where they are), since its fragments start on
 *    one. Text mostly in other scripts is folded whole, its runs not looked for one by one.
 * Inline and block boundaries are not marked (`textContent` joins pieces as they come): the prefilter
 * may see words that are not there ("garden" + "Uyghur" reads "gardenUyghur"), never miss one that is.
 */
import { PUNCT, SKIP, SPACE } from '../text/fold';
import { WINDOW } from './limits';
import { ElementCheck, WINDOW_BREAK, checks, leadAscii, leadFolded, type Checks } from './gate-checks';
import { ASCII_BREAKS, BREAK, FOLDED_BREAKS, LEAD, type GateEvent } from './gate-patterns';
import type { GateElements, GateInput, GateWritten } from './gate-record';

/** The prefilter for the topic words: whether a video page's captions are worth loading. */
export function topicGate(spec: Pick<GateInput, 'reach'> & { compiled: { topic: GateWritten } }, table: () => Uint16Array): Gate {
  return new Gate({ reach: spec.reach, events: [], compiled: spec.compiled.topic }, table);
}

/**
 * Code units that are neither ASCII nor sure to fold to a break: the ones the `ascii` expression
 * cannot vouch for. (tests/unit/gate.test.ts checks, against the fold table, that everything outside
 * this class is ASCII or folds to a space or punctuation.)
 */
export const ODD = /[^\x00-\x7f\u00a0-\u00a9\u00ab\u00ac\u00ae-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e]+/g;

/** A text to be folded whole (`Gate.oddWindows`). */
const WHOLE = 'whole';

/** A text whose answer rests on its events' key anchors, and where they are (Gate `take`, `settle`). */
export interface GateWait {
  readonly text: string;
  readonly hits: number[][];
}

export class Gate {
  private readonly ascii: RegExp[];
  /**
   * The folded fragments, one expression per script (`GateWritten.folded`), each searched only
   * around its script's letters in the folded text (`scriptSpans`): one alternation of every script's
   * fragments defeats the engine's skipping (any code unit may start a fragment) and costs a try of
   * every branch at every position, and a script's expression run over a page of other languages
   * costs a try at each of their letters. Every position at which a fragment starts is still
   * visited, by its script's expression.
   */
  private readonly foldedParts: Array<{ script: number; fragments: RegExp }>;
  /**
   * Per folded code unit, the script (1 + its index in `scripts`) whose fragments can start on it, or
   * 0: the fold notes where each script's letters are (`scriptSpans`), so a script's expression is
   * run only around them.
   */
  private readonly unitScript = new Uint8Array(0x10000);
  private readonly scripts: number;
  /** Per script, the folded text's spans [from, to) around its letters, from the last fold. */
  private scriptSpans: number[][] = [];
  /** Per script (by id), the span the fold has open: where it starts and ends (-1: none). */
  private readonly openFrom: Int32Array;
  private readonly openTo: Int32Array;
  /** What is checked where a fragment is found, in raw (ASCII) and in folded text (`Checks`). */
  private readonly checks: Checks;
  private readonly events: ReadonlyArray<Omit<GateEvent, 'key'>>;
  /**
   * Per event, the check of its elements, made on the event's first key anchor (its expressions
   * compiled then), once supplied; null: not to be had (a key anchor opens).
   */
  private elements: Array<() => ElementCheck> | null | undefined;
  /**
   * How far (folded characters) around where a key anchor's fragment starts its event's elements are
   * looked for: WINDOW, and the longest key or element pattern (the fragment may start inside the key
   * pattern; an element found within WINDOW ends up to its length further).
   */
  private around = WINDOW;
  /** Per event, where in the current text (raw code units) its key anchor starts. */
  private hits: number[][] = [];
  /** The last text, if its key anchors wait for the elements (`take`, `supply`, then `settle`). */
  private pending: GateWait | undefined;
  private readonly odd = new RegExp(ODD.source, 'g');
  private readonly reach: number;
  private readonly decoder = new TextDecoder('utf-16le');

  /** `table`: the fold table, asked for only when text has non-ASCII letters or a key anchor. */
  constructor(spec: GateInput, private readonly table: () => Uint16Array) {
    const x = spec.compiled;
    this.ascii = x.ascii.filter(Boolean).map((a) => new RegExp(a.replaceAll(BREAK, ASCII_BREAKS), 'gi'));
    // The ASCII parts of the folded fragments: the plain-ASCII patterns' (`ascii`) and the others'.
    let scripts = 0;
    this.foldedParts = x.folded.flatMap(([script, fragments]) => {
      const all = script ? fragments : [...x.ascii, fragments].filter(Boolean).join('|');
      if (!all) return [];
      let id = 0;
      if (script) {
        id = ++scripts;
        // The script's class (gate-patterns.ts `scriptOf`): ranges of \uXXXX.
        for (const [, lo, hi] of script.matchAll(/\\u([0-9a-f]{4})(?:-\\u([0-9a-f]{4}))?/g)) {
          this.unitScript.fill(id, parseInt(lo!, 16), parseInt(hi ?? lo!, 16) + 1);
        }
      }
      return [{ script: id, fragments: new RegExp(all.replaceAll(BREAK, FOLDED_BREAKS), 'g') }];
    });
    this.scripts = scripts;
    this.openFrom = new Int32Array(scripts + 1);
    this.openTo = new Int32Array(scripts + 1).fill(-1);
    this.events = spec.events;
    this.checks = checks(x.checks, spec.events.length);
    this.reach = spec.reach;
    this.around = x.around;
    if (spec.elements) this.supply(spec.elements);
  }

  /** Whether the last text's key anchors wait for the events' elements (`take`, `supply`, `settle`). */
  get waiting(): boolean {
    return this.pending !== undefined && this.elements === undefined;
  }

  /** Whether the events' elements are supplied (or known not to be had). */
  get ready(): boolean {
    return this.elements !== undefined;
  }

  /** The waiting text's key anchors, for the caller to `settle` once the elements are supplied. */
  take(): GateWait | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }

  /**
   * The events' elements (read apart, where a key anchor was found); `null` when they cannot be had:
   * then a key anchor opens the prefilter by itself, as before there were elements to check.
   */
  supply(elements: GateElements | null): void {
    if (this.elements !== undefined) return;
    if (!elements) {
      this.elements = null;
      return;
    }
    const scripts = new Map<string, RegExp>();
    this.elements = this.events.map((e) => {
      let check: ElementCheck | undefined;
      return () => (check ??= new ElementCheck(elements.events[e.id] ?? [], e, scripts));
    });
    this.around = Math.max(this.around, elements.around);
  }

  /** What a waiting text's key anchors (`take`) open on, once the elements are supplied (`ready`). */
  settle(wait: GateWait): string | undefined {
    return this.findEvent(wait.text, wait.hits);
  }

  /** True when `text` may contain one of the words (false: it certainly contains none, or `waiting`). */
  test(text: string): boolean {
    return this.find(text) !== undefined;
  }

  /**
   * What made `test` say yes: the raw text matched, or (non-ASCII) the folded text. Undefined and
   * `waiting` when the answer rests on key anchors and the elements are not supplied yet.
   */
  find(text: string): string | undefined {
    this.hits = this.events.map(() => []);
    this.pending = undefined;
    const odd = this.oddWindows(text);
    // Text folded whole is searched whole: the folded expressions hold the ASCII fragments too, so
    // the raw search would only repeat them.
    if (odd !== WHOLE) {
      for (const ascii of this.ascii) {
        const plain = this.search(ascii, text, false);
        if (plain !== undefined) return plain;
      }
    }
    const folded = odd === undefined ? undefined : this.findFolded(text, odd);
    if (folded !== undefined || this.hits.every((h) => h.length === 0)) return folded;
    if (this.elements === undefined) {
      this.pending = { text, hits: this.hits };
      return undefined;
    }
    return this.findEvent(text, this.hits);
  }

  /** Where each folded code unit of the windows came from (raw index), as last folded. */
  private origin = new Uint32Array(0);

  /**
   * The windows around runs of odd code units (`[from, to)` pairs), merged where they touch; WHOLE
   * when they cover most of the text (the page is not in English); undefined when there are none.
   */
  private oddWindows(text: string): number[] | typeof WHOLE | undefined {
    const odd = this.odd;
    odd.lastIndex = 0;
    const spans: number[] = [];
    let covered = 0;
    let from = 0;
    let to = -1;
    let runs = 0;
    for (let m = odd.exec(text); m; m = odd.exec(text)) {
      // Text mostly in other scripts (the windows already cover most of what has been read): it will
      // be folded whole, so its runs need not be found one by one.
      if ((++runs & 63) === 0 && covered + (to - from) > odd.lastIndex / 2) return WHOLE;
      const start = Math.max(0, m.index - this.reach);
      const end = Math.min(text.length, odd.lastIndex + this.reach);
      // The next run starts inside this window: one window to its end (runs of odd letters and
      // ASCII between, the usual text of a page not in English, in one exec).
      if (to >= 0 && start <= to) {
        to = end;
        continue;
      }
      if (to >= 0) {
        spans.push(from, to);
        covered += to - from;
      }
      from = start;
      to = end;
    }
    if (to < 0) return undefined;
    spans.push(from, to);
    covered += to - from;
    return covered > text.length / 2 ? WHOLE : spans;
  }

  /**
   * The folded search: the text folded whole (`foldAll`, kept for `findEvent`), or its windows folded
   * one after another into one buffer (a break between them that no pattern spans); then searched at
   * once.
   */
  private findFolded(text: string, spans: number[] | typeof WHOLE): string | undefined {
    let folded: string;
    if (spans === WHOLE) {
      folded = this.foldAll(text).folded;
    } else {
      this.whole = undefined;
      let n = 0;
      for (let i = 0; i < spans.length; i += 2) n = this.fold(text, spans[i]!, spans[i + 1]!, n);
      folded = this.decoder.decode(this.buffer.subarray(0, n));
    }
    const scriptSpans = this.scriptSpans;
    // The spans the fold left open.
    for (let k = 1; k <= this.scripts; k++) {
      if (this.openTo[k]! < 0) continue;
      scriptSpans[k - 1]!.push(this.openFrom[k]!, this.openTo[k]!);
      this.openTo[k] = -1;
    }
    for (const part of this.foldedParts) {
      if (part.script === 0) {
        const found = this.search(part.fragments, folded, true);
        if (found !== undefined) return found;
        continue;
      }
      // Only around the script's letters: its fragments start on one of them (gate-patterns.ts
      // `scriptOf`), and a pattern that holds one lies within `reach` of it.
      const at = scriptSpans[part.script - 1]!;
      for (let i = 0; i < at.length; i += 2) {
        const from = Math.max(0, at[i]! - this.reach);
        const found = this.search(part.fragments, folded.slice(from, Math.min(folded.length, at[i + 1]! + this.reach)), true, from);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  /**
   * An event whose key anchor the text holds, with at least `others` of its other elements within
   * WINDOW folded characters of it (core/detect/locality.ts pairs an event's cues only so): the prefilter
   * opens only then, as a page tells an event only with its elements together. The text is folded
   * once (`foldAll`), and only the windows around the key anchors are searched (`ElementCheck`).
   */
  private findEvent(text: string, hits: number[][]): string | undefined {
    let whole: { folded: string; n: number } | undefined;
    for (let e = 0; e < this.events.length; e++) {
      const at = hits[e]!;
      if (at.length === 0) continue;
      const spec = this.events[e]!;
      if (!this.elements) return `${spec.id}: key anchor`;
      whole ??= this.foldAll(text);
      const { folded, n } = whole;
      // The windows around the hits (in folded characters), merged where they overlap.
      const origin = this.origin;
      const slices: string[] = [];
      let from = -1;
      let to = -1;
      for (const h of at.sort((a, b) => a - b)) {
        // The first folded unit from raw index h on (origin is nondecreasing).
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (origin[mid]! < h) lo = mid + 1;
          else hi = mid;
        }
        const start = Math.max(0, lo - this.around);
        const end = Math.min(n, lo + this.around);
        if (from >= 0 && start <= to) {
          to = Math.max(to, end);
          continue;
        }
        if (from >= 0) slices.push(folded.slice(from, to));
        from = start;
        to = end;
      }
      slices.push(folded.slice(from, to));
      const found = this.elements[e]!().check(slices.join('\x01'));
      if (found !== undefined) return `${spec.id}: key anchor and ${found} elements`;
    }
    return undefined;
  }

  /** The last text folded whole, with trace (`foldAll`); window folds clear it. */
  private whole: { text: string; folded: string; n: number } | undefined;

  /** The whole text folded, with `origin` traced; kept for the next call on the same text. */
  private foldAll(text: string): { folded: string; n: number } {
    if (this.whole?.text === text) return this.whole;
    const n = this.fold(text, 0, text.length, 0);
    this.whole = { text, folded: this.decoder.decode(this.buffer.subarray(0, n)), n };
    return this.whole;
  }

  /**
   * The first whole pattern in `text`: `fragments` (global) finds where a pattern's fragment may start,
   * fast (its branches start on letters rare in prose); there, the patterns whose fragment starts
   * with the letters found there (`Checks`, a few) are checked whole, and the events' key anchors
   * among them noted. Every occurrence of a pattern starts a fragment at some position, and every
   * position a fragment starts at is checked in turn, so none is missed.
   */
  private search(fragments: RegExp, text: string, folded: boolean, offset = 0): string | undefined {
    const { byLead, short } = this.checks;
    let at = 0;
    const noted = (e: number) => this.hits[e]!.push(folded ? this.origin[offset + at]! : at);
    fragments.lastIndex = 0;
    for (let m = fragments.exec(text); m; m = fragments.exec(text)) {
      at = m.index;
      const lead = folded ? leadFolded(text, at) : leadAscii(text, at);
      // Fewer letters than LEAD there: only a fragment that short matched (its group is `short`).
      const found = (lead.length === LEAD ? byLead.get(lead)?.check(folded).at(text, at, noted) : undefined) ?? short?.check(folded).at(text, at, noted);
      if (found !== undefined) return found;
      fragments.lastIndex = at + 1;
    }
    return undefined;
  }


  /** Folded code units of the windows (grown as needed, kept between calls). */
  private buffer = new Uint16Array(0);

  /**
   * Fold text[from, to) as the matcher does (invisibles dropped, breaks as one space) into the
   * buffer at `n`, then a separator; returns the new length. Notes in `origin` where each folded
   * unit came from.
   */
  private fold(text: string, from: number, to: number, n: number): number {
    if (this.buffer.length < n + (to - from) + 1) {
      const size = Math.max(2 * this.buffer.length, n + (to - from) + 1, 4096);
      const grown = new Uint16Array(size);
      grown.set(this.buffer.subarray(0, n));
      this.buffer = grown;
      const origin = new Uint32Array(size);
      origin.set(this.origin.subarray(0, n));
      this.origin = origin;
    }
    const out = this.buffer;
    const origin = this.origin;
    const table = this.table();
    // Where each script's letters are (`scriptSpans`), for findFolded.
    const unitScript = this.unitScript;
    const spans = this.scriptSpans;
    const openFrom = this.openFrom;
    const openTo = this.openTo;
    if (n === 0) {
      for (let k = 0; k < this.scripts; k++) spans[k] = [];
      openTo.fill(-1);
    }
    const gap = 2 * this.reach;
    let space = true;
    // The span open for the script of the last letter met, kept in locals (`cur`, 0: none): a text in
    // one script meets its letters one after another, and the arrays are written only where the
    // script changes (when each letter wrote them, the prefilter took 5% longer over the reader
    // bench's 5 MB pages in Node: docs/benchmarks.md, "stop 21").
    let cur = 0;
    let curFrom = 0;
    let curTo = -1;
    for (let i = from; i < to; i++) {
      // foldUnit, written out: this loop folds most of a page not in English.
      const c = text.charCodeAt(i);
      const f = (c + table[c]!) & 0xffff;
      if (f === SKIP) continue;
      if (f === SPACE || f === PUNCT) {
        if (!space) {
          origin[n] = i;
          out[n++] = SPACE;
        }
        space = true;
      } else {
        origin[n] = i;
        const script = unitScript[f]!;
        // Spans closer than twice `reach` are one: each is searched with `reach` on either side.
        if (script === 0) {
          // A letter no script's fragments start on (ASCII, Latin).
        } else if (script === cur && n <= curTo + gap) curTo = n + 1;
        else {
          if (cur !== 0) {
            openFrom[cur] = curFrom;
            openTo[cur] = curTo;
          }
          const end = openTo[script]!;
          if (end >= 0 && n <= end + gap) curFrom = openFrom[script]!;
          else {
            if (end >= 0) spans[script - 1]!.push(openFrom[script]!, end);
            curFrom = n;
          }
          curTo = n + 1;
          cur = script;
        }
        out[n++] = f;
        space = false;
      }
    }
    if (cur !== 0) {
      openFrom[cur] = curFrom;
      openTo[cur] = curTo;
    }
    origin[n] = to;
    out[n++] = WINDOW_BREAK;
    return n;
  }
}
