/**
 * Aho-Corasick over folded text: every pattern in one pass, cost flat in the number of patterns.
 *
 * Patterns are folded (lib/fold.ts) and padded with a space at each end that needs a word boundary;
 * the scanner feeds folded code units and turns every run of breaks (and every block boundary) into a
 * single space, so " muhlise " matches "Muhlise," but not "Muhlisen".
 *
 * Transitions: a dense row for the root (most of a non-matching page is read from the root), and one
 * Map per deeper state. Failure links are followed at scan time; output sets are merged at build.
 */
import { FOLD, SKIP, SPACE, foldText, needsBoundaries } from './fold';

export interface Hit {
  /** Index of the pattern in the list given to the builder. */
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

export class Automaton {
  /** @internal dense transitions out of the root. */
  readonly rootRow = new Int32Array(0x10000);
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  /** Folded, padded pattern strings (for locating a hit's start). */
  readonly folded: string[];

  constructor(patterns: readonly string[]) {
    this.folded = patterns.map((p) => {
      const f = foldText(p);
      const b = needsBoundaries(f);
      return `${b.start ? ' ' : ''}${f}${b.end ? ' ' : ''}`;
    });
    this.folded.forEach((p, index) => {
      if (p.trim() === '') return;
      let state = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let to = this.next[state]!.get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[state]!.set(c, to);
        }
        state = to;
      }
      this.out[state]!.push(index);
    });
    // Breadth-first failure links; outputs merged so a scan never walks the failure chain for output.
    const queue: number[] = [];
    for (const [c, s] of this.next[0]!) {
      this.rootRow[c] = s;
      queue.push(s);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const [c, t] of this.next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const ft = f === 0 ? this.rootRow[c]! : this.next[f]!.get(c)!;
        this.fail[t] = ft === t ? 0 : ft;
        const inherited = this.out[this.fail[t]!]!;
        if (inherited.length) this.out[t] = [...this.out[t]!, ...inherited];
        queue.push(t);
      }
    }
  }

  get stateCount(): number {
    return this.next.length;
  }

  /** Start a scan: feed segments in document order; call `boundary()` between blocks. */
  scanner(onHit: (hit: Hit) => void): Scanner {
    return new Scanner(this, onHit);
  }

  /** @internal one transition, following failure links. */
  step(state: number, c: number): number {
    let s = state;
    for (;;) {
      if (s === 0) return this.rootRow[c]!;
      const t = this.next[s]!.get(c);
      if (t !== undefined) return t;
      s = this.fail[s]!;
    }
  }

  /** @internal pattern indexes ending at a state. */
  outputs(state: number): number[] {
    return this.out[state]!;
  }
}

export class Scanner {
  private state = 0;
  private lastSpace = false;
  private segment = -1;
  /** Folded code units fed so far (runs of breaks count once). */
  private pos = 0;

  constructor(
    private readonly automaton: Automaton,
    private readonly onHit: (hit: Hit) => void,
  ) {
    this.feedSpace(-1, 0);
  }

  private feedSpace(segment: number, end: number): void {
    if (this.lastSpace) return;
    this.lastSpace = true;
    this.pos++;
    this.state = this.automaton.step(this.state, SPACE);
    const out = this.automaton.outputs(this.state);
    for (let k = 0; k < out.length; k++) this.onHit({ pattern: out[k]!, segment, end, pos: this.pos });
  }

  /** A block boundary (or a separate field such as the title): words do not run across it. */
  boundary(): void {
    this.feedSpace(this.segment, -1);
  }

  /** Feed one text segment (a text node's data or an attribute value). */
  feed(text: string, segment: number): void {
    this.segment = segment;
    const a = this.automaton;
    let state = this.state;
    let lastSpace = this.lastSpace;
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) {
      const c = FOLD[text.charCodeAt(i)]!;
      if (c === SKIP) continue;
      if (c === SPACE) {
        if (lastSpace) continue;
        lastSpace = true;
      } else {
        lastSpace = false;
      }
      pos++;
      state = state === 0 ? a.rootRow[c]! : a.step(state, c);
      if (state !== 0) {
        const out = a.outputs(state);
        // A hit at a trailing space ends at i (the space); otherwise just after i.
        for (let k = 0; k < out.length; k++) this.onHit({ pattern: out[k]!, segment, end: c === SPACE ? i : i + 1, pos });
      }
    }
    this.state = state;
    this.lastSpace = lastSpace;
    this.pos = pos;
  }

  /** End of text: lets a pattern that needs a trailing boundary match at the very end. */
  finish(): void {
    this.feedSpace(this.segment, -1);
  }
}
