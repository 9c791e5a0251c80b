/**
 * The detector: the match index's automaton run over a page's text segments (as a whole, or as the
 * page grows), giving pattern hits placed in the folded text; `decide` (core/detect/decide.ts) turns
 * them into an explainable decision with the rules of core/detect/rules.ts.
 */
import { Automaton, type Hit, type Scanner } from './automaton';
import { foldTableFromRuns } from '../text/fold';
import type { DetectorIndex } from './match-index';
import { decide, decideSteps } from './decide';

import type { Detection, PlacedHit, Segment } from './evidence';

export type { Detection, PlacedHit, Segment, Signal, SignalKind, Strength, TextOrigin } from './evidence';





/** A prepared detector: the automaton is built once per index. */
export class Detector {
  readonly automaton: Automaton;

  /** The fold table from the index (also used to find matched words back in the page). */
  readonly foldTable: Uint16Array;

  /** `foldTable`: the index's fold table, if the caller has expanded it already. */
  constructor(readonly index: DetectorIndex, foldTable?: Uint16Array) {
    this.foldTable = foldTable ?? foldTableFromRuns(index.fold);
    this.automaton = new Automaton(index.automaton, this.foldTable);
  }

  /** Scan segments and decide. `url` enables URL rules. */
  detect(segments: readonly Segment[], url?: string): Detection {
    const session = this.session();
    session.add(segments);
    return session.decide(url);
  }

  /** All term hits, with positions in the folded stream. */
  scan(segments: readonly Segment[]): PlacedHit[] {
    const session = this.session();
    session.add(segments);
    return session.hits();
  }

  /**
   * An incremental scan for pages that grow (feeds, single-page apps): text is fed as it appears,
   * each piece scanned once; a decision over everything seen so far is cheap (it works on the hits).
   */
  session(): DetectionSession {
    return new DetectionSession(this);
  }
}

export class DetectionSession {
  /** Every segment fed so far, in order; hits refer to them by index. */
  readonly segments: Segment[] = [];
  private readonly raw: Hit[] = [];
  private readonly placed: PlacedHit[] = [];
  private readonly scanner: Scanner;

  constructor(private readonly detector: Detector) {
    this.scanner = detector.automaton.scanner((h) => this.raw.push(h));
  }

  /** Feed more text. Segments after the first call start a new block: added text is its own run. */
  add(segments: readonly Segment[]): void {
    this.addPart(segments, 0, segments.length);
  }

  /**
   * Feed `segments[from, to)`, a part of one addition (a page scanned in slices): the same as one
   * `add` of them all, part after part.
   */
  addPart(segments: readonly Segment[], from: number, to: number): void {
    const startsBlock = from === 0 && this.segments.length > 0;
    for (let k = from; k < to; k++) {
      const s = segments[k]!;
      const i = this.segments.push(s) - 1;
      if (s.block || (k === from && startsBlock)) this.scanner.boundary();
      this.scanner.feed(s.text, i);
    }
    // Placed as they come, so that a decision has little left to place.
    this.place();
  }

  /** Pattern hits so far: a batch that adds none cannot change the decision. */
  get hitCount(): number {
    return this.raw.length;
  }

  /** Characters fed so far (for budgets and benchmarks). */
  get length(): number {
    return this.segments.reduce((n, s) => n + s.text.length, 0);
  }

  hits(): PlacedHit[] {
    // A word at the very end only completes once a break follows it.
    this.scanner.boundary();
    this.place();
    return this.placed;
  }

  /** The hits found so far, placed in the folded text (`hits` without the closing boundary). */
  private place(): void {
    const { index, automaton } = this.detector;
    for (let k = this.placed.length; k < this.raw.length; k++) {
      const h = this.raw[k]!;
      const [text, termIndex] = index.patterns[h.pattern]!;
      const length = automaton.lengths[h.pattern]!;
      this.placed.push({ term: index.terms[termIndex]!, termIndex, segment: h.segment, start: h.pos - length, end: h.pos, text: text.endsWith('*') ? text.slice(0, -1) : text });
    }
  }

  decide(url?: string): Detection {
    return decide(this.detector.index, this.hits(), this.segments, url);
  }

  /** `decide`, a locality at a time (core/detect/decide.ts `decideSteps`), over the hits so far. */
  decideSteps(url?: string): Generator<void, Detection, void> {
    return decideSteps(this.detector.index, this.hits(), this.segments, url);
  }
}
