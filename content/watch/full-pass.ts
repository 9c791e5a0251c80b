/**
 * The full pass's schedule, for pages where the prefilter opened: the document read and scanned in
 * idle-time slices, then the decision made a locality at a time, in slices too. It travels in
 * chunk-detector.js with the matcher, so pages that are not about the story never load it; the page
 * watch (page-watch.ts) calls it with its own slices and clock (`Schedule`).
 */
import type { Detection, DetectionSession } from '../../core/detect/detect';
import { textCollector, type ItemNumbers } from '../page-text';

/** What the full pass needs of the page watch: its slices and clock (slices.ts `Slices`). */
export interface Schedule {
  /** The longest piece of work, in milliseconds (slices.ts SLICE_MS). */
  readonly sliceMs: number;
  now(): number;
  run(step: (deadline: number) => boolean, goOn: () => boolean): Promise<number | undefined>;
  account(started: number): void;
  idle(): Promise<void>;
}

/** Segments the full pass scans between readings of the clock. */
const SCAN_RUN = 64;

/**
 * Read `doc` in full and add it to `session`, in slices of `slices.sliceMs`. Returns the node of
 * each segment and when the last slice began (its work not yet accounted), or undefined when `ours()` said stop.
 */
export async function readDocument(
  doc: Document,
  session: DetectionSession,
  items: ItemNumbers,
  slices: Schedule,
  ours: () => boolean,
): Promise<{ nodes: Node[]; roots: ParentNode[]; last: number } | undefined> {
  const collector = textCollector(doc, { withHead: true, items });
  const read = await slices.run((deadline) => collector.step(deadline), ours);
  if (read === undefined) return undefined;
  slices.account(read);
  const { segments, nodes, roots } = collector.result;
  let next = 0;
  const last = await slices.run((end) => {
    // Segments are scanned in runs of SCAN_RUN between readings of the clock.
    while (next < segments.length && slices.now() < end) {
      const to = Math.min(segments.length, next + SCAN_RUN);
      session.addPart(segments, next, to);
      next = to;
    }
    return next >= segments.length;
  }, ours);
  return last === undefined ? undefined : { nodes, roots, last };
}

/**
 * Decide over what `session` holds: in the slice that began at `workStarted`, then (a page of many
 * articles, judged an article at a time) in idle-time slices of its own. When the work of the slice
 * the decision ended in took more than half of it, a match that will mount the sidebar
 * (`willMount()`) gets a slice of its own for it. Returns the decision and when the work that
 * follows it began (not yet accounted), or undefined when `ours()` said stop.
 */
export async function decideInSlices(
  session: DetectionSession,
  url: string,
  workStarted: number,
  slices: Schedule,
  ours: () => boolean,
  willMount: () => boolean,
): Promise<{ detection: Detection; started: number } | undefined> {
  const steps = session.decideSteps(url);
  let detection: Detection | undefined;
  // The clock is read before each locality: a scan that used up its slice leaves the decision to the
  // next one.
  const step = (end: number) => {
    while (slices.now() < end) {
      const r = steps.next();
      if (r.done) {
        detection = r.value;
        return true;
      }
    }
    return false;
  };
  let started = workStarted;
  const sliced = !step(workStarted + slices.sliceMs);
  if (sliced) {
    slices.account(workStarted);
    await slices.idle();
    if (!ours()) return undefined;
    const last = await slices.run(step, ours);
    if (last === undefined) return undefined;
    started = last;
  }
  if (detection!.matched && willMount() && slices.now() - started > slices.sliceMs / 2) {
    // Putting the sidebar's frame into the page is itself 10-20 ms in Chromium (frame creation): it
    // does not follow more than half a slice of other work in the same task (the last slice of a
    // large page's scan, or of its decision). A small page's sidebar is not kept waiting: its whole
    // pass is less than that.
    slices.account(started);
    await slices.idle();
    if (!ours()) return undefined;
    started = slices.now();
  }
  return { detection: detection!, started };
}
