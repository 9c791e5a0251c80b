/**
 * When the page watch works (content/watch/page-watch.ts): on what the page adds and on its URL
 * changes (`observePage`), in idle-time pieces of at most SLICE_MS with the page free between them,
 * and the report's count of what they cost (`workMs`, `longestMs`), so the extension never makes a
 * long task and tests and the checker can see what it spent.
 */
import type { DetectionReport } from '../../core/messages/records';
import type { WatchContext, WatchPorts } from './ports';

/** Idle-time batches: at most this long per slice, so the extension never makes a long task. */
export const SLICE_MS = 8;
/** How long an idle callback may wait before it runs anyway. */
const IDLE_TIMEOUT_MS = 1000;
/** Without requestIdleCallback: a plain timeout between slices. */
const FALLBACK_DELAY_MS = 50;

export class Slices {
  readonly sliceMs = SLICE_MS;

  constructor(
    private readonly ctx: WatchContext,
    private readonly ports: WatchPorts,
    private readonly doc: Document,
    private readonly report: DetectionReport,
  ) {}

  private get hasIdleCallback(): boolean {
    return typeof this.doc.defaultView?.requestIdleCallback === 'function';
  }

  now(): number {
    return this.ports.now();
  }

  /** Run `run` in the page's next idle time (or after a short timeout where there is none). */
  later(run: (deadline?: IdleDeadline) => void): void {
    if (this.hasIdleCallback) this.ctx.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else this.ctx.setTimeout(() => run(), FALLBACK_DELAY_MS);
  }

  /** The page's next idle time (or a short timeout where there is none). */
  idle(): Promise<void> {
    return new Promise((resolve) => this.later(() => resolve()));
  }

  /**
   * A task of its own, soon: the page gets a turn (input, a frame that is due) between two pieces of
   * work, without waiting for idle time, which a background tab may not get for a second (Firefox
   * gives it only at the idle callback's timeout).
   */
  task(): Promise<void> {
    return new Promise((resolve) => this.ctx.setTimeout(resolve, 0));
  }

  /** Add a piece of work, begun at `started`, to the report's totals. */
  account(started: number): void {
    const work = this.ports.now() - started;
    this.report.workMs! += work;
    this.report.longestMs = Math.max(this.report.longestMs!, work);
  }

  /**
   * `step(deadline)` in slices until it says it is done; between slices, `between()`'s wait if it
   * gives one (a record being read), else idle time, and then `goOn()` says whether to go on. Returns
   * when the last slice began, its work not yet accounted (what follows it in the same task counts
   * with it), or undefined when `goOn()` said stop.
   */
  async run(step: (deadline: number) => boolean, goOn: () => boolean, between?: () => Promise<void> | undefined): Promise<number | undefined> {
    for (;;) {
      const t0 = this.ports.now();
      if (step(t0 + SLICE_MS)) return t0;
      this.account(t0);
      await (between?.() ?? this.idle());
      if (!goOn()) return undefined;
    }
  }
}

/**
 * Queue what the page adds (nodes, and text nodes whose text changes) for `added` to read, and call
 * `moved` on a URL change in a single-page app (history API, Navigation API: WXT's
 * wxt:locationchange) and when the page replaces its whole document at the same address
 * (`document.open` and `write`, the root or the body swapped for new ones): the text read so far is
 * gone, and the new document is a new page. The observers only read, and stop with the context.
 */
export function observePage(doc: Document, ctx: WatchContext, queue: Node[], added: () => void, moved: () => void): (target: Node) => void {
  const view = doc.defaultView!;
  const observer = new view.MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') queue.push(r.target);
      else for (const n of r.addedNodes) queue.push(n);
    }
    added();
  });
  const options = { childList: true, subtree: true, characterData: true };
  let body = doc.body ?? doc.documentElement;
  observer.observe(body, options);
  // The document's and the root's own children only (a new root, a new body; Backstory's host, which
  // sits under the root, changes neither).
  let root = doc.documentElement;
  const replaced = new view.MutationObserver(() => {
    if (doc.documentElement && doc.documentElement !== root) {
      root = doc.documentElement;
      replaced.observe(root, { childList: true });
    }
    const now = doc.body ?? doc.documentElement;
    if (!now || now === body) return;
    body = now;
    observer.observe(body, options);
    moved();
  });
  replaced.observe(doc, { childList: true });
  replaced.observe(root, { childList: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    replaced.disconnect();
  });
  ctx.addEventListener(view as Window, 'wxt:locationchange', moved);
  // More subtrees to watch the same way: shadow roots, frames' documents (content/watch/late.ts).
  return (target) => observer.observe(target, options);
}
