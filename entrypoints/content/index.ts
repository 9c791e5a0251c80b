/**
 * Detector content script: runs on every http(s) page at document_idle.
 *
 *   storage.local ──matchGate (the prefilter's record), settings──▶ PageWatch
 *     first pass: prefilter (lib/gate.ts: native text reads and regular expressions, in idle slices)
 *       none of the words a match needs ─▶ no match; nothing else is read
 *       some ─▶ storage.local ──matchIndex──▶ full pass: collectText(document) ─▶ DetectionSession ─▶ decide
 *     later: MutationObserver (batched, idle time) ─▶ only the added text ─▶ the prefilter, or (once it
 *            has opened on this page) the same session ─▶ decide
 *            URL change (history API / Navigation API, via WXT's locationchange) ─▶ a new first pass
 *                                    │
 *                 no match ──────────┴──────── match
 *                 (page untouched)             ├─ SidebarHost (closed shadow root + extension iframe,
 *                                              │    whose page is the sidebar), mounted at once
 *                                              ├─ chunk-ui.js, imported on first match:
 *                                              │    PageHighlights (CSS Custom Highlight API)
 *                                              └─ "detection" ─▶ background (badge, tab state)
 *
 * Pages that are not about the story are left exactly as they were: no element, no style, no
 * attribute, no message (the observer only reads). The script answers `get-detection` (popup,
 * checker) on any page. When the extension is updated or removed, `ctx` invalidates and everything
 * this script did is torn down.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Detector, type Detection, type DetectionSession } from '../../core/detect/detect';
import { collectText } from '../../content/page-text';
import { HOST_TAG } from '../../content/dom-text';
import { MATCH_GATE_KEY, MATCH_INDEX_KEY, isMatchGate, isStoredMatchIndex, matchesUrlRule, unpackIndex, type MatchGate } from '../../core/detect/match-index';
import { foldTableFromRuns } from '../../core/text/fold';
import { Gate } from '../../core/detect/gate';
import { GatePass } from '../../content/prefilter';
import { readBackgroundMessage } from '../../content/message-guard';
import type { ContentToBackground, DetectionReport, DetectionSummary } from '../../core/messages/messages';
import type { HighlightTarget, PageHighlights } from '../../content/highlights';
import { SidebarHost } from '../../content/sidebar-host';
import { loadChunk, loadedChunk } from '../../content/chunks';
import { SETTINGS_KEY, pageSettings } from '../../core/settings';
import { ANNOTATED_SITES_KEY, ANNOTATOR_MESSAGE, mayHaveAnnotations } from '../../core/annotations/annotated-sites';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const watch = new PageWatch(ctx);
    const onMessage = (message: unknown) => {
      const parsed = readBackgroundMessage(message);
      if (parsed?.type === 'get-detection') return Promise.resolve({ ...watch.report, url: location.href });
      if (parsed?.type === 'set-open') watch.host?.setOpen(parsed.open);
      if (parsed?.type === 'dismiss') watch.dismiss();
      if (parsed?.type === 'jump') watch.jump(parsed.signal);
      // Annotations (issue 6): handed to the lazily loaded annotator, which parses them itself.
      if ((message as { type?: unknown } | null)?.type === ANNOTATOR_MESSAGE) return loadChunk('annotator', getUrl).then(({ annotator }) => annotator.receive(message, ctx, !!watch.host));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      watch.teardown();
    });
    void watch.start().catch((error: unknown) => {
      // An invalidated context (extension updated) is expected; anything else is a bug worth seeing.
      if (ctx.isValid) console.error('Backstory detector failed:', error);
    });
  },
});

/** Extension URLs of the lazily loaded chunks. */
const getUrl = (path: string) => browser.runtime.getURL(path as '/chunk-ui.js');

/** Idle-time batches: at most this long per slice, so the extension never makes a long task. */
const SLICE_MS = 8;

class PageWatch {
  readonly report: DetectionReport = { url: location.href, status: 'pending', sidebarMounted: false, settled: false, workMs: 0, batches: 0, longestMs: 0 };
  host: SidebarHost | undefined;
  private highlights: PageHighlights | undefined;
  /** The prefilter's record of the index (the rest is read where the prefilter opens). */
  private record: MatchGate | undefined;
  private gate: Gate | undefined;
  private table: Uint16Array | undefined;
  private detector: Detector | undefined;
  private openAtStart = false;
  /** The full pass's session: there is one once the prefilter has opened on this page. */
  private session: DetectionSession | undefined;
  private nodes: Node[] = [];
  private detection: Detection | undefined;
  /** People last reported to the background, to tell it only about changes. */
  private told = '';
  private dismissed = false;
  private readonly queue: Node[] = [];
  private flushScheduled = false;
  /** True while the first pass over the document (or over a new URL's document) runs. */
  private firstPassing = false;
  /** The prefilter's pass over a batch of added nodes, while the page is still closed to it. */
  private pending: GatePass | undefined;
  /** The full pass starting (the rest of the index being read), if it is. */
  private opening: Promise<void> | undefined;
  /** Counts first passes: a pass for a URL the page has left stops. */
  private generation = 0;
  /** Hits the last decision saw. */
  private decidedHits = -1;
  private readonly started = performance.now();

  constructor(private readonly ctx: ContentScriptContext) {}

  async start(): Promise<void> {
    // One small read for all: the prefilter's part of the index, the reader's settings, the sites with
    // annotations. The rest of the index is read only where the prefilter opens.
    const stored = await browser.storage.local.get([MATCH_GATE_KEY, SETTINGS_KEY, ANNOTATED_SITES_KEY]);
    this.report.storageMs = performance.now() - this.started;
    if (!this.ctx.isValid) return;
    const record = stored[MATCH_GATE_KEY];
    const settings = pageSettings(stored[SETTINGS_KEY], location.href);
    if (!isMatchGate(record)) {
      this.report.status = 'no-index';
      return;
    }
    if (!settings.active) {
      this.report.status = settings.paused ? 'paused' : 'muted';
      return;
    }
    this.openAtStart = settings.open;
    this.record = record;
    this.gate = new Gate(record.gate, () => this.foldTable());
    this.observe();
    await this.firstPass();
    if (mayHaveAnnotations(stored[ANNOTATED_SITES_KEY], location.href)) void loadChunk('annotator', getUrl).then(({ annotator }) => annotator.start(this.ctx, !!this.host));
    await this.readCaptions();
    this.updateSettled();
  }

  /** The fold table, expanded from the index on first need (text with non-ASCII letters, a full pass). */
  private foldTable(): Uint16Array {
    return (this.table ??= foldTableFromRuns(this.record!.fold));
  }

  /**
   * A decision over the whole document (at the start, and after single-page navigation): the
   * prefilter, in idle-time slices; the full pass only if it finds any of the words a match needs.
   */
  private async firstPass(): Promise<void> {
    const generation = ++this.generation;
    this.session = undefined;
    this.pending = undefined;
    this.queue.length = 0;
    this.firstPassing = true;
    this.report.settled = false;
    try {
      if (matchesUrlRule(this.record!.urls, location.href)) return await this.openGate();
      const pass = new GatePass(this.gate!, [document], { withHead: true });
      for (;;) {
        const t0 = performance.now();
        const done = pass.step(t0 + SLICE_MS);
        this.account(t0);
        if (done) break;
        await this.idle();
        if (!this.ctx.isValid || generation !== this.generation) return;
      }
      if (pass.open) await this.openGate();
      else await this.closed();
    } finally {
      if (generation === this.generation) {
        this.firstPassing = false;
        if (this.queue.length > 0) this.scheduleFlush();
      }
    }
  }

  /**
   * The prefilter found words a match needs: read the whole page in full, and from now on every
   * addition. (One opening at a time: additions wait for it, then go through the full pass.)
   */
  private openGate(): Promise<void> {
    this.opening ??= this.openFully().finally(() => {
      this.opening = undefined;
      if (this.queue.length > 0) this.scheduleFlush();
    });
    return this.opening;
  }

  private async openFully(): Promise<void> {
    if (!this.detector) {
      const waited = performance.now();
      const stored = (await browser.storage.local.get(MATCH_INDEX_KEY))[MATCH_INDEX_KEY];
      this.report.storageMs! += performance.now() - waited;
      if (!this.ctx.isValid) return;
      // Written with the prefilter's record in one call: another dataset's means an update is under way.
      if (!isStoredMatchIndex(stored) || stored.datasetHash !== this.record!.datasetHash) {
        this.report.status = 'no-index';
        return;
      }
      const t = performance.now();
      this.detector = new Detector(unpackIndex(this.record!, stored), this.foldTable());
      this.account(t);
    }
    const t0 = performance.now();
    this.session = this.detector.session();
    this.pending = undefined;
    // Everything queued is in the document, and read now.
    this.queue.length = 0;
    const page = collectText(document, { withHead: true });
    this.nodes = page.nodes;
    this.session.add(page.segments);
    await this.apply(t0);
  }

  /** The prefilter read everything and found none of the words a match needs. */
  private async closed(): Promise<void> {
    this.detection = undefined;
    await this.publish({
      matched: false,
      score: 0,
      families: [],
      people: [],
      reason: 'no match: none of the words a match needs is on the page (the family members’ names, the story’s phrases, an ethnonym or the region, in any spelling the detector knows); nothing more was read (prefilter)',
      signals: [],
      stage: 'prefilter',
      detectMs: performance.now() - this.started,
    });
  }

  /** Watch for added text (feeds, late content) and for URL changes (single-page apps). */
  private observe(): void {
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') this.queue.push(r.target);
        else for (const n of r.addedNodes) this.queue.push(n);
      }
      this.scheduleFlush();
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    this.ctx.onInvalidated(() => observer.disconnect());
    this.ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.dismissed = false;
      void this.firstPass().then(() => this.updateSettled());
    });
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      if ('requestIdleCallback' in window) this.ctx.requestIdleCallback(() => resolve(), { timeout: 1000 });
      else this.ctx.setTimeout(resolve, 50);
    });
  }

  private scheduleFlush(): void {
    this.report.settled = false;
    if (this.flushScheduled || this.firstPassing) return;
    this.flushScheduled = true;
    const run = (deadline?: IdleDeadline) => void this.flush(deadline);
    if ('requestIdleCallback' in window) this.ctx.requestIdleCallback(run, { timeout: 1000 });
    else this.ctx.setTimeout(() => run(), 50);
  }

  private updateSettled(): void {
    this.report.settled = !this.firstPassing && !this.opening && this.queue.length === 0 && !this.pending && !this.flushScheduled;
  }

  /** Read queued additions in slices of idle time: through the prefilter, or (once open) in full. */
  private async flush(deadline?: IdleDeadline): Promise<void> {
    this.flushScheduled = false;
    if (!this.gate || this.firstPassing || this.opening || !this.ctx.isValid) return;
    const t0 = performance.now();
    const sliceEnd = t0 + Math.min(SLICE_MS, deadline?.timeRemaining() ?? SLICE_MS);
    if (this.session) await this.flushFull(t0, sliceEnd);
    else await this.flushPrefilter(t0, sliceEnd);
    if (this.queue.length > 0 || this.pending) this.scheduleFlush();
    else this.updateSettled();
  }

  private async flushPrefilter(t0: number, sliceEnd: number): Promise<void> {
    if (!this.pending) {
      // No filtering: a node removed since costs a read at worst, and Backstory's own host is skipped
      // by the prefilter itself.
      const roots = this.queue.splice(0);
      if (roots.length === 0) return;
      this.pending = new GatePass(this.gate!, roots);
      this.report.batches! += 1;
    }
    const pass = this.pending;
    const done = pass.step(sliceEnd);
    this.account(t0);
    if (!done) return;
    this.pending = undefined;
    if (pass.open) await this.openGate();
  }

  private async flushFull(t0: number, sliceEnd: number): Promise<void> {
    let added = false;
    let next = 0;
    while (next < this.queue.length && performance.now() < sliceEnd) {
      const node = this.queue[next++]!;
      if (!node.isConnected || this.isOurs(node)) continue;
      const text = collectText(node);
      if (text.segments.length === 0) continue;
      this.session!.add(text.segments);
      for (const n of text.nodes) this.nodes.push(n);
      added = true;
    }
    this.queue.splice(0, next);
    if (!added) return;
    this.report.batches! += 1;
    // A batch without a single pattern hit cannot change the decision: no need to decide again.
    if (this.session!.hitCount === this.decidedHits) {
      this.account(t0);
      return;
    }
    await this.apply(t0);
  }

  /** Add a piece of work to the report's totals. */
  private account(workStarted: number): void {
    const work = performance.now() - workStarted;
    this.report.workMs! += work;
    this.report.longestMs = Math.max(this.report.longestMs!, work);
  }

  private isOurs(node: Node): boolean {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    return !!el?.closest(HOST_TAG);
  }

  /** Decide over everything the full pass has read, and bring the page and the background in line. */
  private async apply(workStarted: number): Promise<void> {
    const detection = this.session!.decide(location.href);
    this.decidedHits = this.session!.hitCount;
    this.account(workStarted);
    this.detection = detection;
    await this.publish({
      matched: detection.matched,
      score: detection.score,
      families: detection.families,
      people: detection.people,
      reason: detection.reason,
      signals: detection.signals.map(({ segment: _segment, ...s }) => s),
      stage: 'full',
      detectMs: performance.now() - this.started,
    });
  }

  /** Report a decision, and show or remove the sidebar and highlights to fit it. */
  private async publish(summary: DetectionSummary): Promise<void> {
    this.report.detection = summary;
    this.report.status = 'done';
    this.report.url = location.href;

    const key = summary.matched ? `${location.href} ${summary.people.join(',')} ${summary.families.join(',')}` : '';
    if (key === this.told) return;
    this.told = key;
    if (!summary.matched) {
      this.removeUi();
      if (this.report.sidebarMounted) await this.tell({ type: 'detection', url: location.href, detection: summary });
      this.report.sidebarMounted = false;
      return;
    }
    // The background (badge, tab state) is told without waiting for it: the sidebar mounts at once,
    // and its frame asks the background for the context when it has loaded.
    const told = this.tell({ type: 'detection', url: location.href, detection: summary });
    if (!this.dismissed) await this.showUi();
    await told;
  }

  private async showUi(): Promise<void> {
    if (!this.host) {
      // The host (a closed shadow root holding the extension's frame) is mounted at once; the sidebar
      // itself is the frame's page, which loads only now. The highlights come with chunk-ui.js.
      loadedChunk('annotator')?.annotator.yieldSidebar();
      this.host = new SidebarHost(browser.runtime.getURL('/sidebar.html'), this.openAtStart);
      const loaded = this.host.mount();
      this.report.sidebarMounted = true;
      this.report.sidebarMs = performance.now() - this.started;
      void loaded.then(() => this.tell({ type: 'sidebar-mounted', ms: this.report.sidebarMs! }));
    }
    const ui = await loadChunk('ui', getUrl);
    if (!this.ctx.isValid || !this.host || !this.detection) return;
    this.highlights ??= new ui.PageHighlights();
    const targets = this.targets();
    this.highlights.show(targets.filter((t, i): t is HighlightTarget => !!t && !!this.detection!.signals[i]!.personId));
  }

  /** Where each signal was found, in the order of the summary's signals. */
  private targets(): Array<HighlightTarget | undefined> {
    return (this.detection?.signals ?? []).map((s) => {
      const node = s.segment >= 0 ? this.nodes[s.segment] : undefined;
      return node ? { node, text: s.text, table: this.detector!.foldTable } : undefined;
    });
  }

  jump(signal: number): void {
    const target = this.targets()[signal];
    if (target) this.highlights?.jump(target);
  }

  dismiss(): void {
    this.dismissed = true;
    this.removeUi();
  }

  private removeUi(): void {
    this.host?.destroy();
    this.highlights?.destroy();
    this.host = undefined;
    this.highlights = undefined;
  }

  teardown(): void {
    this.removeUi();
    this.queue.length = 0;
    this.pending = undefined;
    this.generation++;
  }

  /**
   * Video captions (<track>): their cues load only when a track is shown or hidden, so tracks are
   * switched to 'hidden' (nothing is displayed), read, and put back as they were. Loading a caption
   * file is a request, so it is made only on pages that already carry some of the story's
   * vocabulary: a page with none of it stays untouched and silent.
   */
  private async readCaptions(): Promise<void> {
    // Only where the prefilter found the story's words (the full pass has a session).
    if (!this.session || !document.querySelector('video track, audio track')) return;
    this.report.settled = false;
    // The caption helpers travel in the lazily loaded chunk: most pages have no <track>.
    const { prepareTextTracks, restoreTextTracks, trackCueTexts } = await loadChunk('ui', getUrl);
    const { changed, pending } = prepareTextTracks(document);
    await Promise.all(
      pending.map(
        (el) =>
          new Promise<void>((resolve) => {
            el.addEventListener('load', () => resolve(), { once: true });
            el.addEventListener('error', () => resolve(), { once: true });
            this.ctx.setTimeout(resolve, 3000);
          }),
      ),
    );
    const cues = trackCueTexts(document);
    restoreTextTracks(changed);
    if (!this.ctx.isValid || cues.length === 0 || !this.session) return;
    const captions = collectText(document.createDocumentFragment(), { captions: cues });
    this.session.add(captions.segments);
    for (const n of captions.nodes) this.nodes.push(n);
    await this.apply(performance.now());
  }

  private tell(message: ContentToBackground): Promise<unknown> {
    return browser.runtime.sendMessage(message).catch(() => undefined);
  }
}
