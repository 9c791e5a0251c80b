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
 *
 * How the text is read (content/prefilter.ts): `textContent` of small subtrees (native; no JS wrapper per text node, and no
 * multi-megabyte strings, which Chromium builds far more slowly than many small ones), plus what
 * hides outside the light DOM's text: title and description meta, `alt` and `aria-label`, same-origin
 * iframes and the open shadow roots of custom elements. Pieces are tested in groups of about 32 KB.
 *
 * How a group is tested, soundly with respect to the matcher's folding (core/text/fold.ts):
 * 1. `ascii`: one case-insensitive regular expression of fragments of the plain-ASCII words (each a
 *    fragment every spelling must contain, starting on a rare letter so the engine can skip fast).
 *    Text made of ASCII folds exactly as the expression reads it, so this alone is enough for it.
 * 2. Every run of other code units that may belong to a word (accented letters, homoglyphs, invisible
 *    characters, CJK, Arabic; not punctuation or spaces, which fold to breaks) is folded, with `reach`
 *    code units on either side, exactly as the matcher folds it, and tested against `folded`, the same
 *    fragments and the non-ASCII words, as folded text.
 * Inline and block boundaries are not marked (`textContent` joins pieces as they come): the prefilter
 * may see words that are not there ("garden" + "Uyghur" reads "gardenUyghur"), never miss one that is.
 */
import { PUNCT, SKIP, SPACE, foldUnit } from '../text/fold';

/** What the match index carries for the prefilter (built by core/detect/compile/gate-builder.ts). */
export interface GateSpec {
  /** Regular expression source, to be used with the `i` flag on raw text. */
  ascii: string;
  /** Regular expression source, for folded text. */
  folded: string;
  /**
   * Every pattern whole, written to match where its fragment starts (sticky, `i` flag on raw text):
   * a fragment found by `ascii` opens the prefilter only if a whole pattern is there ("vernmen" opens
   * on "the Chinese government", not on "the government").
   */
  verifyAscii: string;
  /** The same, for folded text. */
  verifyFolded: string;
  /** The events, whose key anchors open the prefilter only with enough of their other elements. */
  events: GateEvent[];
  /** How many code units around a run of non-ASCII letters are folded and tested with it. */
  reach: number;
  /**
   * The story's generic topic (Uyghur, Xinjiang), for folded text and for raw ASCII text: never a reason
   * to read a page, only to load the captions of a page with video tracks (`topicGate`).
   */
  topic: string;
  topicAscii: string;
}

/**
 * An event whose key anchor is in the fragments: the anchor's patterns whole (sticky, as
 * `verifyAscii`), and its other elements, of which `others` must be in the same text for it to open.
 */
export interface GateEvent {
  id: string;
  keyAscii: string;
  keyFolded: string;
  others: number;
  /** Each other element's patterns, as raw ASCII (`i` flag) and as folded text. */
  elements: Array<{ ascii: string; folded: string }>;
}

/** The prefilter for the topic words: whether a video page's captions are worth loading. */
export function topicGate(spec: GateSpec, table: () => Uint16Array): Gate {
  return new Gate({ ascii: spec.topicAscii, folded: spec.topic, verifyAscii: spec.topicAscii, verifyFolded: spec.topic, events: [], reach: spec.reach, topic: '', topicAscii: '' }, table);
}

/**
 * Code units that are neither ASCII nor sure to fold to a break: the ones the `ascii` expression
 * cannot vouch for. (tests/unit/gate.test.ts checks, against the fold table, that everything outside
 * this class is ASCII or folds to a space or punctuation.)
 */
export const ODD = /[^\x00-\x7f\u00a0-\u00a9\u00ab\u00ac\u00ae-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e]+/g;

/** Between folded windows: a control character, which folded text never contains (it folds to a space). */
const WINDOW_BREAK = 0x01;

export class Gate {
  private readonly ascii: RegExp;
  private readonly folded: RegExp;
  private readonly verifyAscii: RegExp;
  private readonly verifyFolded: RegExp;
  private readonly events: Array<{ spec: GateEvent; keyAscii: RegExp; keyFolded: RegExp; elements: Array<{ ascii: RegExp | undefined; folded: RegExp }> }>;
  /** Events whose key anchor the current text holds. */
  private readonly keys = new Set<number>();
  private readonly odd = new RegExp(ODD.source, 'g');
  private readonly reach: number;
  private readonly decoder = new TextDecoder('utf-16le');

  /** `table`: the fold table, asked for only when text has non-ASCII letters. */
  constructor(spec: GateSpec, private readonly table: () => Uint16Array) {
    this.ascii = new RegExp(spec.ascii, 'gi');
    this.folded = new RegExp(spec.folded, 'g');
    this.verifyAscii = new RegExp(spec.verifyAscii, 'iy');
    this.verifyFolded = new RegExp(spec.verifyFolded, 'y');
    const never = '(?!)';
    this.events = spec.events.map((e) => ({
      spec: e,
      keyAscii: new RegExp(e.keyAscii || never, 'iy'),
      keyFolded: new RegExp(e.keyFolded || never, 'y'),
      elements: e.elements.map((el) => ({ ascii: el.ascii ? new RegExp(el.ascii, 'i') : undefined, folded: new RegExp(el.folded) })),
    }));
    this.reach = spec.reach;
  }

  /** True when `text` may contain one of the words (false: it certainly contains none). */
  test(text: string): boolean {
    return this.find(text) !== undefined;
  }

  /** What made `test` say yes: the raw text matched, or (non-ASCII) the folded text. */
  find(text: string): string | undefined {
    this.keys.clear();
    const plain = this.search(this.ascii, this.verifyAscii, text, false);
    if (plain !== undefined) return plain;
    const folded = this.findFolded(text);
    if (folded !== undefined || this.keys.size === 0) return folded;
    return this.findEvent(text);
  }

  /** The folded text of the windows around odd code units, as last folded. */
  private foldedText = '';

  private findFolded(text: string): string | undefined {
    this.foldedText = '';
    // The windows around runs of odd code units, merged where they touch, folded one after another
    // into one buffer (a break between them that no pattern spans), and searched at once.
    const odd = this.odd;
    odd.lastIndex = 0;
    let from = 0;
    let to = -1;
    let n = 0;
    for (let m = odd.exec(text); m; m = odd.exec(text)) {
      const start = Math.max(0, m.index - this.reach);
      const end = Math.min(text.length, odd.lastIndex + this.reach);
      if (to >= 0 && start <= to) {
        to = end;
        continue;
      }
      if (to >= 0) n = this.fold(text, from, to, n);
      from = start;
      to = end;
    }
    if (to < 0) return undefined;
    n = this.fold(text, from, to, n);
    this.foldedText = this.decoder.decode(this.buffer.subarray(0, n));
    return this.search(this.folded, this.verifyFolded, this.foldedText, true);
  }

  /**
   * An event whose key anchor the text holds, with at least `others` of its other elements: the
   * prefilter opens only then, as a page tells an event only with its elements together.
   */
  private findEvent(text: string): string | undefined {
    for (const e of this.keys) {
      const { spec, elements } = this.events[e]!;
      let found = 0;
      let left = elements.length;
      for (const el of elements) {
        if (el.ascii?.test(text) || (this.foldedText && el.folded.test(this.foldedText))) found++;
        left--;
        if (found >= spec.others) return `${spec.id}: key anchor and ${found} elements`;
        if (found + left < spec.others) break;
      }
    }
    return undefined;
  }

  /**
   * The first whole pattern in `text`: `fragments` (global) finds where a pattern's fragment may start,
   * fast (its branches start on letters rare in prose); `whole` (sticky) checks there every pattern
   * whole. Every occurrence of a pattern starts a fragment at some position, and every position a
   * fragment starts at is checked in turn, so none is missed.
   */
  private search(fragments: RegExp, whole: RegExp, text: string, folded: boolean): string | undefined {
    fragments.lastIndex = 0;
    for (let m = fragments.exec(text); m; m = fragments.exec(text)) {
      whole.lastIndex = m.index;
      const found = whole.exec(text);
      if (found) return found[0];
      // Or an event's key anchor: noted, for `findEvent`.
      for (let e = 0; e < this.events.length; e++) {
        if (this.keys.has(e)) continue;
        const key = folded ? this.events[e]!.keyFolded : this.events[e]!.keyAscii;
        key.lastIndex = m.index;
        if (key.test(text)) this.keys.add(e);
      }
      fragments.lastIndex = m.index + 1;
    }
    return undefined;
  }

  /** Folded code units of the windows (grown as needed, kept between calls). */
  private buffer = new Uint16Array(0);

  /**
   * Fold text[from, to) as the matcher does (invisibles dropped, breaks as one space) into the
   * buffer at `n`, then a separator; returns the new length.
   */
  private fold(text: string, from: number, to: number, n: number): number {
    if (this.buffer.length < n + (to - from) + 1) {
      const grown = new Uint16Array(Math.max(2 * this.buffer.length, n + (to - from) + 1, 4096));
      grown.set(this.buffer.subarray(0, n));
      this.buffer = grown;
    }
    const out = this.buffer;
    const table = this.table();
    let space = true;
    for (let i = from; i < to; i++) {
      const f = foldUnit(table, text.charCodeAt(i));
      if (f === SKIP) continue;
      if (f === SPACE || f === PUNCT) {
        if (!space) out[n++] = SPACE;
        space = true;
      } else {
        out[n++] = f;
        space = false;
      }
    }
    out[n++] = WINDOW_BREAK;
    return n;
  }
}
