/**
 * The match index's stored records, read as a page comes to need them (core/detect/match-index.ts):
 *   matchGate, the prefilter's record: at the start, with the settings (content/watch/page-watch.ts);
 *     a page opened in the seconds after install, before the background has stored it, waits for it
 *     to be written (a storage change), for a bounded time, instead of giving up (`indexStored`);
 *   matchEvents, the events' elements: once a page, where the prefilter finds a key anchor;
 *   matchIndex, the rest, with the full pass's code (chunk-detector.js): where the prefilter opens.
 * The time spent waiting for storage is the report's `storageMs`.
 */
import type { Detector } from '../../core/detect/detect';
import type { Gate } from '../../core/detect/gate';
import { MATCH_EVENTS_KEY, MATCH_GATE_KEY, MATCH_INDEX_KEY, isMatchEvents, isMatchGate, isStoredMatchIndex, unpackIndex, type MatchGate } from '../../core/detect/match-index';
import { foldTableFromRuns } from '../../core/text/fold';
import type { DetectionReport } from '../../core/messages/records';
import type { ContentDetector } from '../chunks';
import type { WatchContext, WatchPorts } from './ports';
import type { Slices } from './slices';

/**
 * The prefilter's record once the background stores it, or undefined after `ms`. Read once more after
 * listening starts: a record stored between the first read and now (a read begun at document_start,
 * content/api-guard.js) sends no change any more.
 */
export function indexStored(ctx: WatchContext, ports: WatchPorts, ms: number): Promise<MatchGate | undefined> {
  return new Promise((resolve) => {
    const found = (value: unknown) => {
      if (!isMatchGate(value)) return;
      stop();
      resolve(value);
    };
    const stop = ports.onStored(MATCH_GATE_KEY, found);
    void ports.read([MATCH_GATE_KEY]).then((read) => found(read[MATCH_GATE_KEY]), () => undefined);
    ctx.setTimeout(() => {
      stop();
      resolve(undefined);
    }, ms);
    ctx.onInvalidated(stop);
  });
}

/** The full pass's means, once read: the detector and the chunk's code. */
export interface FullPass {
  detector: Detector;
  lib: ContentDetector;
}

/** The records behind one page's prefilter record (`record`): the events' elements, the rest of the index. */
export class IndexRecords {
  private table: Uint16Array | undefined;
  private elementsRead: Promise<void> | undefined;

  constructor(
    readonly record: MatchGate,
    private readonly ctx: WatchContext,
    private readonly ports: WatchPorts,
    private readonly report: DetectionReport,
    private readonly slices: Slices,
  ) {}

  /** The fold table, expanded from the index on first need (text with non-ASCII letters, a full pass). */
  foldTable(): Uint16Array {
    return (this.table ??= foldTableFromRuns(this.record.fold));
  }

  /**
   * The events' elements, read where the prefilter found an event's key anchor (at most once a page),
   * and handed to `gate`: the anchor opens it only with enough of them around it. Missing or of
   * another dataset (an update under way), the anchor opens it alone.
   */
  elements(gate: Gate): Promise<void> {
    return (this.elementsRead ??= this.read([MATCH_EVENTS_KEY]).then((read) => {
      const record = read[MATCH_EVENTS_KEY];
      gate.supply(isMatchEvents(record) && record.datasetHash === this.record.datasetHash ? record.elements : null);
    }));
  }

  /**
   * The rest of the index and the full pass's code, read together (the watch asks once, and keeps
   * them); undefined when the page's script is gone meanwhile, or when the stored index is missing or
   * of another dataset (an update under way: the report says 'no-index').
   */
  async fullPass(): Promise<FullPass | undefined> {
    const [read, lib] = await Promise.all([this.read([MATCH_INDEX_KEY]), this.ports.chunk('detector')]);
    if (!this.ctx.isValid) return undefined;
    // Written with the prefilter's record in one call: another dataset's means an update is under way.
    const stored = read[MATCH_INDEX_KEY];
    if (!isStoredMatchIndex(stored) || stored.datasetHash !== this.record.datasetHash) {
      this.report.status = 'no-index';
      return undefined;
    }
    const t = this.ports.now();
    const detector = new lib.Detector(unpackIndex(this.record, stored), this.foldTable());
    this.slices.account(t);
    return { detector, lib };
  }

  private async read(keys: string[]): Promise<Record<string, unknown>> {
    const waited = this.ports.now();
    const read = await this.ports.read(keys);
    this.report.storageMs = (this.report.storageMs ?? 0) + this.ports.now() - waited;
    return read;
  }
}
