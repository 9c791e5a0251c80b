/**
 * Aho-Corasick over folded text: every pattern in one pass, cost flat in the number of patterns.
 *
 * Patterns arrive folded (core/text/fold.ts; the match index stores them folded) and are padded with a
 * space at each end that needs a word boundary; the scanner feeds folded code units and turns every
 * run of breaks (and every block boundary) into a single space, so " muhlise " matches "Muhlise," but
 * not "Muhlisen". A change between CJK and any other script is a boundary too, so a Latin name
 * embedded in Chinese prose ("的Mamutjan Abdurehim表示") still matches whole-word patterns.
 *
 * Positions: `pos` counts folded code units fed; punctuation adds one extra unit after its space,
 * so two words are adjacent (their padded patterns share one space) only when nothing but
 * whitespace, invisibles or inline markup lies between them.
 *
 * The automaton is compiled once, in the background (`compileAutomaton`, with Maps), and travels in
 * the match index as flat arrays (`CompactAutomaton`): a content script only copies them into typed
 * arrays and fills the dense root row, instead of building thousands of states on every page load.
 * Transitions: a dense row for the root (most of a non-matching page is read from the root) and a
 * sorted edge list per deeper state (binary search); failure links are followed at scan time;
 * output sets are merged at compile time.
 */
import { PUNCT, SKIP, SPACE, needsBoundaries } from '../text/fold';
import { unpackInts, type PackedInts } from '../text/pack';

export interface Hit {
  /** Index of the pattern in the list given to the compiler. */
  pattern: number;
  /**
   * Index of the text segment (node) where the match ends, and the offset just after its last code
   * unit; -1 when the match ends at the end of the segment (closed by a boundary).
   */
  segment: number;
  end: number;
  /** Position just after the match in the folded stream of everything fed so far. */
  pos: number;
}

/** A compiled automaton as plain arrays (JSON- and structured-clone-friendly, for storage.local). */
export interface CompactAutomaton {
  /** Length of each padded pattern, by pattern index (for locating a hit's start). */
  lengths: number[];
  /** Edges of state s: edgeStart[s] .. edgeStart[s + 1] - 1, sorted by code unit. */
  edgeStart: number[];
  edgeChar: number[];
  edgeTo: number[];
  fail: number[];
  /** Patterns ending at state s (own and inherited): outList[outStart[s] .. outStart[s + 1] - 1]. */
  outStart: number[];
  outList: number[];
}

/** The compiled automaton as stored: every array packed into one string (core/text/pack.ts). */
export type PackedAutomaton = { [K in keyof CompactAutomaton]: PackedInts };

/** Pad a folded pattern with a space at each end that needs a word boundary. */
export function padPattern(folded: string): string {
  // A pattern ending in `*` (an event cue open to any inflection) needs no boundary at its end.
  const open = folded.endsWith('*');
  const word = open ? folded.slice(0, -1) : folded;
  const b = needsBoundaries(word);
  return `${b.start ? ' ' : ''}${word}${b.end && !open ? ' ' : ''}`;
}

/** Build the automaton for folded patterns (background, builder, tests). */
export function compileAutomaton(patterns: readonly string[]): CompactAutomaton {
  const padded = patterns.map(padPattern);
  const next: Array<Map<number, number>> = [new Map()];
  const out: number[][] = [[]];
  padded.forEach((p, index) => {
    if (p.trim() === '') return;
    let state = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let to = next[state]!.get(c);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        out.push([]);
        next[state]!.set(c, to);
      }
      state = to;
    }
    out[state]!.push(index);
  });
  // Breadth-first failure links; outputs merged so a scan never walks the failure chain for output.
  const fail = new Array<number>(next.length).fill(0);
  const queue = [...next[0]!.values()];
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    for (const [c, t] of next[s]!) {
      let f = fail[s]!;
      while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
      const ft = next[f]!.get(c) ?? 0;
      fail[t] = ft === t ? 0 : ft;
      const inherited = out[fail[t]!]!;
      if (inherited.length) out[t] = [...out[t]!, ...inherited];
      queue.push(t);
    }
  }
  const compact: CompactAutomaton = {
    lengths: padded.map((p) => p.length),
    edgeStart: [],
    edgeChar: [],
    edgeTo: [],
    fail,
    outStart: [],
    outList: [],
  };
  for (let s = 0; s < next.length; s++) {
    compact.edgeStart.push(compact.edgeChar.length);
    for (const [c, t] of [...next[s]!].sort((a, b) => a[0] - b[0])) {
      compact.edgeChar.push(c);
      compact.edgeTo.push(t);
    }
    compact.outStart.push(compact.outList.length);
    compact.outList.push(...out[s]!);
  }
  compact.edgeStart.push(compact.edgeChar.length);
  compact.outStart.push(compact.outList.length);
  return compact;
}

export class Automaton {
  /** @internal dense transitions out of the root. */
  readonly rootRow = new Int32Array(0x10000);
  private readonly edgeStart: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeTo: Int32Array;
  private readonly fail: Int32Array;
  /** @internal */
  readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  /** Length of each padded pattern. */
  readonly lengths: Int32Array;

  /**
   * @param compact the compiled automaton (`compileAutomaton`; the match index carries it)
   * @param fold the fold table the scanner reads (core/text/fold.ts `foldTableFromRuns`)
   */
  constructor(
    compact: CompactAutomaton | PackedAutomaton,
    readonly fold: Uint16Array,
  ) {
    this.edgeStart = new Int32Array(unpackInts(compact.edgeStart));
    this.edgeChar = new Uint16Array(unpackInts(compact.edgeChar));
    this.edgeTo = new Int32Array(unpackInts(compact.edgeTo));
    this.fail = new Int32Array(unpackInts(compact.fail));
    this.outStart = new Int32Array(unpackInts(compact.outStart));
    this.outList = new Int32Array(unpackInts(compact.outList));
    this.lengths = new Int32Array(unpackInts(compact.lengths));
    for (let e = this.edgeStart[0]!; e < this.edgeStart[1]!; e++) this.rootRow[this.edgeChar[e]!] = this.edgeTo[e]!;
  }

  get stateCount(): number {
    return this.fail.length;
  }

  /** Start a scan: feed segments in document order; call `boundary()` between blocks. */
  scanner(onHit: (hit: Hit) => void): Scanner {
    return new Scanner(this, onHit);
  }

  /** @internal one transition, following failure links. */
  step(state: number, c: number): number {
    const { edgeStart, edgeChar, edgeTo, fail } = this;
    let s = state;
    for (;;) {
      if (s === 0) return this.rootRow[c]!;
      let lo = edgeStart[s]!;
      let hi = edgeStart[s + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const x = edgeChar[mid]!;
        if (x === c) return edgeTo[mid]!;
        if (x < c) lo = mid + 1;
        else hi = mid;
      }
      s = fail[s]!;
    }
  }

  /** @internal report the patterns ending at a state. */
  emit(state: number, onHit: (hit: Hit) => void, segment: number, end: number, pos: number): void {
    for (let k = this.outStart[state]!; k < this.outStart[state + 1]!; k++) onHit({ pattern: this.outList[k]!, segment, end, pos });
  }
}

const isCjkUnit = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

export class Scanner {
  private state = 0;
  /** 0 after a break, 1 after a letter of an alphabetic script, 2 after a CJK ideograph. */
  private last = 1;
  private segment = -1;
  /** Folded code units fed so far (runs of breaks count once; punctuation adds one). */
  private pos = 0;

  constructor(
    private readonly automaton: Automaton,
    private readonly onHit: (hit: Hit) => void,
  ) {
    this.space(-1, 0);
  }

  /** Feed one break (SPACE) unless the last unit was one. */
  private space(segment: number, end: number): void {
    if (this.last === 0) return;
    this.last = 0;
    this.pos++;
    this.state = this.automaton.step(this.state, SPACE);
    this.automaton.emit(this.state, this.onHit, segment, end, this.pos);
  }

  /** A block boundary (or a separate field such as the title): words do not run across it. */
  boundary(): void {
    this.space(this.segment, -1);
  }

  /** Feed one text segment (a text node's data or an attribute value). */
  feed(text: string, segment: number): void {
    this.segment = segment;
    const a = this.automaton;
    const fold = a.fold;
    const rootRow = a.rootRow;
    const outStart = a.outStart;
    let state = this.state;
    let last = this.last;
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let c = (code + fold[code]!) & 0xffff;
      if (c === SKIP) continue;
      let gap = 0;
      if (c === SPACE || c === PUNCT) {
        gap = c === PUNCT ? 1 : 0;
        c = SPACE;
        if (last === 0) {
          pos += gap;
          continue;
        }
        last = 0;
      } else {
        // Chinese characters, Arabic script and the rest are kinds of their own: a Latin name written against
        // an Arabic conjunction ("وAblikim") or a Chinese character is still a word of its own.
        // Kana (4) and hangul (5) too: a Latin word takes Japanese and Korean particles without a
        // space ("米CNNは", "CNN에"), and is still a word. Digits (6) too: no word holds one, so a
        // digit against a letter is two words ("2/6Mihriban", "Muhlise10"). Kept in step with scriptKind
        // (core/text/fold.ts).
        const kind =
          c < 0x0600 ? (c >= 0x30 && c <= 0x39 ? 6 : 1) : isCjkUnit(c) ? 2 : c <= 0x06ff ? 3 : c >= 0x3040 && c <= 0x30ff ? 4 : c >= 0xac00 && c <= 0xd7a3 ? 5 : 1;
        if (last !== kind && last !== 0) {
          // A script change is a word boundary: feed a virtual space first.
          this.state = state;
          this.pos = pos;
          this.last = last;
          this.space(segment, i);
          state = this.state;
          pos = this.pos;
        }
        last = kind;
      }
      pos++;
      state = state === 0 ? rootRow[c]! : a.step(state, c);
      // A hit at a trailing space ends at i (the space); otherwise just after i.
      if (outStart[state] !== outStart[state + 1]) a.emit(state, this.onHit, segment, c === SPACE ? i : i + 1, pos);
      pos += gap;
    }
    this.state = state;
    this.last = last;
    this.pos = pos;
  }

  /** End of text: lets a pattern that needs a trailing boundary match at the very end. */
  finish(): void {
    this.space(this.segment, -1);
  }
}
