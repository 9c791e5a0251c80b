/**
 * The detector's schedule on one page: when it reads what, in slices small enough that the page never
 * waits on it, and when it decides.
 *
 *   start: storage.local ──matchGate (the prefilter's record), settings──▶
 *     first pass: prefilter (native text reads and regular expressions, idle slices of SLICE_MS;
 *                 an event's key anchor found ─▶ storage.local ──matchEvents──▶ its elements around it)
 *       none of the words a match needs ─▶ decided: no match; nothing else is read
 *       some (or a known story URL) ─▶ storage.local ──matchIndex──▶ full pass (full-pass.ts, in
 *         chunk-detector.js): read the document ─▶ DetectionSession ─▶ decide in slices ─▶ publish
 *   later: MutationObserver (batched, idle time) ─▶ only the added text ─▶ the prefilter, or (once it
 *          has opened on this page) the same session ─▶ decide when a batch brought new hits
 *          URL change (history API / Navigation API, WXT's wxt:locationchange) ─▶ a new first pass
 *   `report.settled` is true when nothing that could change the decision is queued or running.
 *
 * Pages that are not about the story are left exactly as they were: the observer only reads, and
 * nothing is added, styled or sent. Everything outside (timers, storage, messages, chunks, the
 * sidebar) comes through `WatchContext` and `WatchPorts`, so unit tests drive this with fake time.
 * Beside it: slices.ts (idle slices, the observer), records.ts (the index's records), full-pass.ts,
 * captions.ts, page-ui.ts (the sidebar, highlights and notes).
 */
import type { Detection, DetectionSession, Detector } from '../../core/detect/detect';
import { Gate } from '../../core/detect/gate';
import { MATCH_GATE_KEY, isMatchGate, matchesUrlRule } from '../../core/detect/match-index';
import type { DetectionReport, DetectionSummary } from '../../core/messages/records';
import type { ContentToBackground } from '../../core/messages/to-background';
import { ANNOTATED_SITES_KEY, mayHaveAnnotations } from '../../core/annotations/annotated-sites';
import { SETTINGS_KEY, pageSettings } from '../../core/settings';
import { inRoots, isSkipped, shadowOf } from '../dom-text';
import type { HighlightTarget } from '../highlights';
import type { ContentDetector } from '../chunks';
import type { ItemNumbers } from '../page-text';
import { GatePass, type LateContainers } from '../prefilter';
import { captionsOpen, hasTracks, onTopic, readCaptionCues } from './captions';
import { lateWatch } from './late';
import { PageUi } from './page-ui';
import type { WatchContext, WatchPorts } from './ports';
import { IndexRecords, indexStored } from './records';
import { SLICE_MS, Slices, observePage } from './slices';
import { START_KEYS } from './start-keys';

/** The elements that bring captions: a player, or a track added to one. */
const MEDIA = new Set(['video', 'audio', 'track']);
/**
 * Whether `root` is a shadow root or a frame's document still on the page: a shadow root's host is
 * connected in a document that has a window (a frame removed keeps its document, windowless); a
 * frame's document has its window. A fragment or a template's content (a player the page moved out)
 * is neither.
 */
function liveRoot(root: Node): boolean {
  if (root.nodeType === 9) return (root as Document).defaultView != null;
  const host = root.nodeType === 11 ? (root as ShadowRoot).host : undefined;
  return !!host && host.isConnected && host.ownerDocument.defaultView != null;
}

/** When the caption tracks' cues are counted again (ms after the previous look: `checkCues`). */
const CUE_CHECKS = [500, 1000, 2500, 6000, 20_000];
/** At most this many shadow roots and frames a prefilter pass met are asked for a player. */
const MAX_ROOTS = 256;
/** At most this many players have their cues counted again at once. */
const MAX_PLAYERS = 16;

/** How many cues a player's caption and subtitle tracks hold. */
function cueCount(media: HTMLMediaElement): number {
  let n = 0;
  const tracks = media.textTracks;
  for (let t = 0; t < (tracks?.length ?? 0); t++) {
    const track = tracks[t]!;
    if (track.kind === 'captions' || track.kind === 'subtitles') n += track.cues?.length ?? 0;
  }
  return n;
}

/**
 * A page opened while the extension is being installed waits this long for the index to be stored
 * (the background builds it in about a second), then decides; after that it gives up quietly.
 */
export const INDEX_WAIT_MS = 30_000;

export const PREFILTER_REASON =
  'no match: none of the words a match needs is on the page (a parent’s or a rare name of the family members, an event’s key element, a known title, in any spelling the detector knows); nothing more was read (prefilter)';

export class PageWatch {
  readonly report: DetectionReport;
  ui: PageUi | undefined;
  /** The index's records: the prefilter's, read at the start; the rest where they are needed. */
  private records: IndexRecords | undefined;
  private gate: Gate | undefined;
  private detector: Detector | undefined;
  /** The full pass's code (chunk-detector.js), imported where the prefilter opened. */
  private lib: ContentDetector | undefined;
  /** Posts and articles numbered across the first pass and later batches (localities never mix). */
  private items: ItemNumbers = { next: 0, ids: new WeakMap() };
  /** The full pass's session: there is one once the prefilter has opened on this page. */
  private session: DetectionSession | undefined;
  /** For each segment the session holds, the node it came from (highlights, "Show on the page"). */
  private nodes: Node[] = [];
  private detection: Detection | undefined;
  /** The decision last reported to the background, to tell it only about changes. */
  private told = '';
  /** The last decision's message to the background, once answered (or failed). */
  private detectionTold: Promise<unknown> = Promise.resolve();
  private dismissed = false;
  /** Added or changed nodes waiting to be read. */
  private readonly queue: Node[] = [];
  /** Caption tracks whose own loading (by the page) is listened for (`readCaptions`). */
  private readonly tracks = new WeakSet<Element>();
  /** Players and script-made tracks (`addTextTrack`) whose new cues are listened for (`watchPlayers`). */
  private readonly players = new WeakSet<object>();
  /**
   * The players whose caption tracks are listened to, and how many cues those held when last counted:
   * cues a script adds to a track of a player that is not playing raise no event (`cuechange` is for
   * the shown cues), so their number is looked at again a few times (`checkCues`).
   */
  private readonly cueCounts = new Map<HTMLMediaElement, number>();
  /** The caption cues the current session holds (a cue read again is not added twice). */
  private cuesRead = new Set<string>();
  private cuesScheduled = false;
  /** A look at the captions again, for a player or track the page added later (`mediaAdded`), waiting or running. */
  private captionsScheduled = false;
  private captionsReading = false;
  /** What the prefilter last read of the captions and stayed closed on (their number and length). */
  private cuesTried = '';
  /** Shadow roots, frames and custom elements the passes met, watched for text that comes later. */
  private late: ((found: LateContainers) => void) | undefined;
  /**
   * Open shadow roots and same-origin frames' documents where a player was met (a component's player,
   * an embed in a frame): a query of the document does not reach them, so they are asked too
   * (`playerRoots`).
   */
  private readonly mediaRoots = new Set<ParentNode>();
  private flushScheduled = false;
  /** True while the first pass over the document (or over a new URL's document) runs. */
  private firstPassing = false;
  /** The prefilter's pass over a batch of added nodes, while the page is still closed to it. */
  private pending: GatePass | undefined;
  /** The full pass starting (the rest of the index being read), if it is. */
  private opening: Promise<void> | undefined;
  /** Counts first passes: a pass for a URL the page has left stops. */
  private generation = 0;
  /** Hits the last decision saw: a batch that adds none cannot change it. */
  private decidedHits = -1;
  private readonly started: number;
  private readonly slices: Slices;
  /** The decision being made and published, if one is (`apply`). */
  private deciding: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: WatchContext,
    private readonly ports: WatchPorts,
    private readonly doc: Document = document,
  ) {
    this.started = ports.now();
    this.report = { url: this.url, status: 'pending', sidebarMounted: false, settled: false, workMs: 0, batches: 0, longestMs: 0 };
    this.slices = new Slices(ctx, ports, doc, this.report);
  }

  private get url(): string {
    return this.doc.location?.href ?? '';
  }

  async start(): Promise<void> {
    // One small read for all: the prefilter's part of the index, the reader's settings, the sites with
    // annotations (in Chromium begun at document_start: start-keys.ts). The rest of the index is read
    // only where the prefilter opens.
    const stored = await this.ports.read([...START_KEYS]);
    this.report.storageMs = this.ports.now() - this.started;
    if (!this.ctx.isValid) return;
    let record = stored[MATCH_GATE_KEY];
    const settings = pageSettings(stored[SETTINGS_KEY], this.url);
    if (!isMatchGate(record)) {
      // Installed a moment ago (or updated): the background is still storing the index. Wait for it.
      this.report.status = 'no-index';
      record = await indexStored(this.ctx, this.ports, INDEX_WAIT_MS);
      if (!isMatchGate(record) || !this.ctx.isValid) return;
      this.report.status = 'pending';
    }
    if (!settings.active) {
      this.report.status = settings.paused ? 'paused' : 'muted';
      return;
    }
    this.ui = new PageUi(this.ctx, this.ports, settings.open, stored[SETTINGS_KEY], (hidden) => {
      if (hidden) this.report.hidden = hidden;
      else delete this.report.hidden;
      // After the decision it is about has reached the background (the badge it changes is set there).
      void this.detectionTold.then(() => this.tell({ type: 'sidebar-hidden', hidden: hidden ?? null }));
    }, settings.panelOnly, this.doc);
    if (settings.panelOnly) this.report.panelOnly = true;
    const records = (this.records = new IndexRecords(record, this.ctx, this.ports, this.report, this.slices));
    this.gate = new Gate(record.gate, () => records.foldTable());
    this.observe();
    await this.firstPass();
    if (mayHaveAnnotations(stored[ANNOTATED_SITES_KEY], this.url)) this.ports.startAnnotator(this.hasSidebar);
    // The captions' look for video tracks (a query of the whole page) in a task of its own.
    await this.slices.task();
    if (!this.ctx.isValid) return;
    await this.readCaptions();
    this.updateSettled();
  }

  /** The events' elements, read (once a page) where the prefilter found an event's key anchor. */
  private readElements(): Promise<void> {
    return this.records!.elements(this.gate!);
  }

  /**
   * A decision over the whole document (at the start, and after single-page navigation): the
   * prefilter, in idle-time slices; the full pass only if it finds any of the words a match needs.
   * After a navigation it starts in the page's idle time, once the page's own handlers for it have
   * run: the Navigation API tells of a new address before the page shows what is there (`hashchange`
   * and `popstate` are tasks queued behind it), and the old view read at the new address would stay
   * its decision.
   */
  private async firstPass(navigated = false): Promise<void> {
    const generation = ++this.generation;
    this.session = undefined;
    this.cuesRead = new Set();
    this.cuesTried = '';
    this.pending = undefined;
    this.queue.length = 0;
    this.firstPassing = true;
    this.report.settled = false;
    try {
      if (matchesUrlRule(this.records!.record.urls, this.url)) return await this.openGate();
      const pass = new GatePass(this.gate!, [this.doc], { withHead: true });
      // The first slice in a task of its own, not after the set-up's work in this one.
      await (navigated ? this.slices.idle() : this.slices.task());
      if (!this.ctx.isValid || generation !== this.generation) return;
      const last = await this.slices.run(
        (deadline) => pass.step(deadline),
        () => this.ctx.isValid && generation === this.generation,
        // Waiting for the events' elements: their read yields to the page, so the pass steps on once
        // they are here, without waiting for idle time as well.
        () => (pass.waiting ? this.readElements() : undefined),
      );
      if (last === undefined) return;
      this.slices.account(last);
      this.late?.(pass.found);
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
    const generation = this.generation;
    if (!this.detector) {
      const full = await this.records!.fullPass();
      if (!full) return;
      ({ detector: this.detector, lib: this.lib } = full);
    }
    const session = this.detector.session();
    this.session = session;
    this.pending = undefined;
    // Everything queued is in the document, and read now (what is added while the pass runs is
    // queued again, and read after it).
    this.queue.length = 0;
    this.items = { next: 0, ids: new WeakMap() };
    // Read, then scan, in idle-time slices (full-pass.ts): a 5 MB page is a few hundred milliseconds
    // of work, which in one piece would hold up the page. It goes on while the page has not moved on.
    const ours = () => this.ctx.isValid && generation === this.generation && this.session === session;
    const read = await this.lib!.readDocument(this.doc, session, this.items, this.slices, ours);
    if (!read) return;
    this.nodes = read.nodes;
    // Players in the shadow roots and frames it read (a page the prefilter opened on before it met
    // them, or a known story URL's).
    this.mediaAdded(read.roots);
    // The decision in the same task as the last slice's scan, and counted with it.
    await this.apply(read.last);
  }

  /** The prefilter read everything and found none of the words a match needs. */
  private async closed(): Promise<void> {
    this.detection = undefined;
    await this.publish({
      matched: false,
      score: 0,
      families: [],
      people: [],
      reason: PREFILTER_REASON,
      signals: [],
      stage: 'prefilter',
      detectMs: this.ports.now() - this.started,
    });
  }

  /** Watch for added text (feeds, late content) and for URL changes (single-page apps). */
  private observe(): void {
    const watch = observePage(this.doc, this.ctx, this.queue, () => this.scheduleFlush(), () => {
      this.dismissed = false;
      // A new page in a single-page app: a new first pass, and its captions (a new video) read again.
      void this.firstPass(true)
        .then(() => this.readCaptions())
        .then(() => this.updateSettled());
    });
    const late = lateWatch(this.ctx, watch, (node) => {
      this.queue.push(node);
      this.scheduleFlush();
    });
    this.late = (found) => {
      late(found);
      // At most MAX_ROOTS of them are asked for a player (a query each, in the pass's last task: 0.4 ms
      // for 1,000 in Chromium); the full pass's read notes the rest where it opens.
      const roots: Node[] = found.shadows.slice(0, MAX_ROOTS);
      for (const [, doc] of found.frames) if (doc && roots.length < MAX_ROOTS) roots.push(doc);
      this.mediaAdded(roots);
    };
  }

  /**
   * Whether `nodes` hold a player or a track (an added node, a shadow root, a frame's document); the
   * shadow roots and frames' documents they are in are noted (`mediaRoots`).
   */
  private noteMedia(nodes: readonly Node[]): boolean {
    let found = false;
    for (const node of nodes) {
      const type = node.nodeType;
      let media: boolean;
      if (type === 11 || type === 9) media = (node as ParentNode).querySelector('video, audio') !== null;
      else if (type !== 1) continue;
      else {
        const el = node as Element;
        media = MEDIA.has(el.localName) || el.querySelector('video, audio') !== null;
        // A player component added whole: its player in its own shadow root.
        const own = shadowOf(el);
        if (!media && el.isConnected && own?.querySelector('video, audio')) {
          this.mediaRoots.add(own);
          found = true;
          continue;
        }
      }
      if (!media) continue;
      found = true;
      // Its shadow root or frame's document (not a fragment or template the page moved it into).
      const root = node.getRootNode();
      if (root !== this.doc && liveRoot(root)) this.mediaRoots.add(root as ParentNode);
    }
    return found;
  }

  /**
   * Where the page's players are: the document, and the shadow roots and frames' documents where
   * players were met and that are still on the page.
   */
  private playerRoots(): ParentNode[] {
    const roots: ParentNode[] = [this.doc];
    for (const root of this.mediaRoots) {
      if (liveRoot(root as Node)) roots.push(root);
      else this.mediaRoots.delete(root);
    }
    return roots;
  }

  private scheduleFlush(): void {
    this.report.settled = false;
    if (this.flushScheduled || this.firstPassing) return;
    this.flushScheduled = true;
    this.slices.later((deadline) => void this.flush(deadline));
  }

  private updateSettled(): void {
    this.report.settled =
      !this.firstPassing && !this.opening && this.queue.length === 0 && !this.pending && !this.flushScheduled && !this.captionsScheduled && !this.captionsReading;
  }

  /** Read queued additions in slices of idle time: through the prefilter, or (once open) in full. */
  private async flush(deadline?: IdleDeadline): Promise<void> {
    this.flushScheduled = false;
    if (!this.gate || this.firstPassing || this.opening || !this.ctx.isValid) return;
    const t0 = this.ports.now();
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
      this.mediaAdded(roots);
      this.pending = new GatePass(this.gate!, roots);
      this.report.batches! += 1;
    }
    const pass = this.pending;
    const done = pass.step(sliceEnd);
    this.slices.account(t0);
    if (!done) {
      if (pass.waiting) await this.readElements();
      return;
    }
    this.pending = undefined;
    this.late?.(pass.found);
    if (pass.open) await this.openGate();
  }

  private async flushFull(t0: number, sliceEnd: number): Promise<void> {
    let added = false;
    let next = 0;
    while (next < this.queue.length && this.ports.now() < sliceEnd) {
      const node = this.queue[next++]!;
      if (!node.isConnected || this.isOurs(node)) continue;
      const text = this.lib!.collectText(node, { items: this.items });
      this.mediaAdded([node, ...text.roots]);
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
      this.slices.account(t0);
      return;
    }
    await this.apply(t0);
  }

  /** Whether a node is inside Backstory's own host (its changes are not page text). */
  private isOurs(node: Node): boolean {
    for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      if (isSkipped(el)) return true;
    }
    return false;
  }

  /** Decide over everything the full pass has read, and bring the page and the background in line. */
  private apply(workStarted: number): Promise<void> {
    // One decision at a time, in the order they were asked for: a decision spread over slices is
    // published before a later one starts.
    const next = this.deciding.then(() => this.decideAndPublish(workStarted));
    this.deciding = next.catch(() => undefined);
    return next;
  }

  private async decideAndPublish(workStarted: number): Promise<void> {
    const session = this.session;
    if (!session) return;
    const hitCount = session.hitCount;
    const ours = () => this.ctx.isValid && this.session === session;
    const decision = await this.lib!.decideInSlices(session, this.url, workStarted, this.slices, ours, () => !!this.ui && !this.ui.host);
    if (!decision) return;
    const { detection: decided, started } = decision;
    this.decidedHits = hitCount;
    this.slices.account(started);
    this.detection = decided;
    const seen = new Map();
    await this.publish({
      matched: decided.matched,
      score: decided.score,
      families: decided.families,
      people: decided.people,
      reason: decided.reason,
      // The page's own words, not the folded form the matcher compared.
      signals: decided.signals.map(({ segment, ...s }) => ({ ...s, text: this.lib!.pageWords(this.nodes[segment], s.text, this.detector!.foldTable, seen) })),
      stage: 'full',
      detectMs: this.ports.now() - this.started,
    });
  }

  /**
   * Report a decision, and show or remove the sidebar, highlights and notes to fit it. The background
   * hears only of changes (other families or people); the page follows every decision, so a post that
   * arrives later and carries the story gets its note even when it names no one new.
   */
  private async publish(summary: DetectionSummary): Promise<void> {
    this.report.detection = summary;
    this.report.status = 'done';
    this.report.url = this.url;

    const key = summary.matched ? `${this.url} ${summary.people.join(',')} ${summary.families.join(',')}` : '';
    const changed = key !== this.told;
    this.told = key;
    if (!summary.matched) {
      if (!changed) return;
      this.ui?.remove();
      if (this.report.sidebarMounted || this.report.notes) await this.tell({ type: 'detection', url: this.url, detection: summary });
      this.report.sidebarMounted = false;
      this.report.notes = 0;
      return;
    }
    // The background (badge, tab state) is told without waiting for it: the sidebar mounts at once,
    // and its frame asks the background for the context when it has loaded.
    const told = changed ? this.tell({ type: 'detection', url: this.url, detection: summary }) : undefined;
    if (told) {
      this.detectionTold = told.catch(() => undefined);
      // A new decision resets the badge to its count: a page that still hides the sidebar says so again.
      const hidden = this.report.hidden;
      if (hidden) void this.detectionTold.then(() => this.tell({ type: 'sidebar-hidden', hidden }));
    }
    if (!this.dismissed && this.ui && this.detection) {
      const mounting = !this.ui.host && !this.ui.panelOnly;
      const shown = this.ui.show(
        this.detection,
        this.targets(),
        (segment) => this.nodes[segment],
        () => void this.tell({ type: 'sidebar-mounted', ms: this.report.sidebarMs! }),
        this.playerRoots().slice(1),
      );
      if (mounting) {
        this.report.sidebarMounted = true;
        this.report.sidebarMs = this.ports.now() - this.started;
      }
      await shown;
      this.report.notes = this.ui.noteCount;
    }
    await told;
  }

  /** Where each signal was found, in the order of the summary's signals. */
  private targets(): Array<HighlightTarget | undefined> {
    return (this.detection?.signals ?? []).map((s) => {
      const node = s.segment >= 0 ? this.nodes[s.segment] : undefined;
      return node ? { node, text: s.text, table: this.detector!.foldTable } : undefined;
    });
  }

  /** "Show on the page": scroll to where signal number `signal` was found. */
  jump(signal: number): void {
    this.ui?.jump(this.targets()[signal]);
  }

  /** "Hide on this page": remove the sidebar and highlights until the page is loaded again. */
  dismiss(): void {
    this.dismissed = true;
    this.ui?.remove();
  }

  /** Whether the page shows Backstory's sidebar (the annotator mounts its own where it has none). */
  get hasSidebar(): boolean {
    return !!this.ui?.host;
  }

  teardown(): void {
    this.ui?.remove();
    this.queue.length = 0;
    this.pending = undefined;
    this.generation++;
  }

  /**
   * Captions: read where the prefilter opened, or where the page carries the story's topic (Uyghur,
   * Xinjiang) and a video whose names may be only spoken. They may open the full pass themselves.
   */
  private async readCaptions(): Promise<void> {
    const records = this.records;
    // No player, no captions: one query of the page on every page, as before players were watched.
    const roots = this.playerRoots();
    if (!this.gate || !records || !this.watchPlayers(roots) || !hasTracks(roots)) return;
    if (!this.session && !onTopic(this.doc, records.record, () => records.foldTable())) {
      // Off the topic, no track is loaded for Backstory (a request, and a change the page could see),
      // but what the page loads itself to show is read once it has loaded: nothing asked or changed.
      for (const el of inRoots(roots, 'video > track, audio > track')) {
        if (this.tracks.has(el)) continue;
        this.tracks.add(el);
        const read = () => void this.ports.chunk('ui').then((ui) => this.captionCues(ui.trackCueTexts(this.playerRoots())));
        // HTMLTrackElement.LOADED === 2.
        if ((el as HTMLTrackElement).readyState === 2) read();
        else this.ctx.addEventListener(el, 'load', read);
      }
      return;
    }
    this.report.settled = false;
    await this.captionCues(await readCaptionCues(roots, this.ctx, this.ports));
  }

  /**
   * A player or a caption track the page added after its first pass (a video page that builds its
   * player late): the captions are looked at again, as at the first pass (`readCaptions`), once for
   * the nodes of a batch.
   */
  private mediaAdded(roots: readonly Node[]): void {
    // During a first pass (or a navigation's) they are only noted: the captions' look that follows
    // the pass asks them.
    if (!this.noteMedia(roots) || this.captionsScheduled || this.firstPassing) return;
    this.captionsScheduled = true;
    this.report.settled = false;
    this.ctx.setTimeout(() => {
      this.captionsScheduled = false;
      if (this.firstPassing || !this.ctx.isValid) {
        this.updateSettled();
        return;
      }
      this.captionsReading = true;
      void this.readCaptions().finally(() => {
        this.captionsReading = false;
        this.updateSettled();
      });
    }, 0);
  }

  /**
   * Players' captions that no <track> element holds: a player (hls.js, Shaka, video.js and the like)
   * makes its tracks with `addTextTrack` and adds cues as they arrive. What such a track already holds
   * is read (it was loaded by the page, to be shown: reading it asks for nothing and changes nothing),
   * again when the player adds a track and when its shown cues change, as new cues arrive. The players
   * on the page at its first pass and at each navigation are watched. False when the page has none.
   */
  private watchPlayers(roots: readonly ParentNode[]): boolean {
    const schedule = () => this.scheduleCues();
    const watchTrack = (track: TextTrack, media: HTMLMediaElement) => {
      if (track.kind !== 'captions' && track.kind !== 'subtitles') return;
      // What it holds now is read (at a navigation too: the new page's session has none of it).
      if (track.cues?.length) schedule();
      if (this.players.has(track)) return;
      this.players.add(track);
      this.ctx.addEventListener(track, 'cuechange', schedule);
      // Its player counted again (a chain of looks per player; a track added after it ended starts another).
      if (!this.cueCounts.has(media) && this.cueCounts.size < MAX_PLAYERS) {
        this.cueCounts.set(media, cueCount(media));
        this.checkCues(media, 0);
      }
    };
    let players = 0;
    for (const media of inRoots<HTMLMediaElement>(roots, 'video, audio')) {
      players++;
      const tracks = media.textTracks;
      if (!tracks) continue;
      if (!this.players.has(media)) {
        this.players.add(media);
        this.ctx.addEventListener(tracks, 'addtrack', (event) => {
          const track = (event as TrackEvent).track;
          if (track) watchTrack(track as TextTrack, media);
          schedule();
        });
      }
      for (let t = 0; t < tracks.length; t++) watchTrack(tracks[t]!, media);
    }
    return players > 0;
  }

  /** Read the players' cues, in a task of its own (once for what asks in the same task). */
  private scheduleCues(): void {
    if (this.cuesScheduled) return;
    this.cuesScheduled = true;
    this.ctx.setTimeout(() => {
      this.cuesScheduled = false;
      void this.ports.chunk('ui').then((ui) => this.captionCues(ui.trackCueTexts(this.playerRoots())));
    }, 0);
  }

  /**
   * A player's caption cues counted again at `CUE_CHECKS` (ms after the previous look), from when a
   * track of it is first listened to: a player that builds its captions cue by cue while nothing plays
   * (a page that adds them on a timer) raises no event. A count that changed is read
   * (`scheduleCues`). The player is let go after its last look, or once it has left the page.
   */
  private checkCues(media: HTMLMediaElement, i: number): void {
    if (i >= CUE_CHECKS.length) {
      this.cueCounts.delete(media);
      return;
    }
    this.ctx.setTimeout(() => {
      const count = this.cueCounts.get(media);
      if (!this.ctx.isValid || count === undefined) return;
      if (!media.isConnected) {
        this.cueCounts.delete(media);
        return;
      }
      const now = cueCount(media);
      if (now !== count) {
        this.cueCounts.set(media, now);
        this.scheduleCues();
      }
      this.checkCues(media, i + 1);
    }, CUE_CHECKS[i]!);
  }

  /**
   * Caption cues read: through the prefilter (if it has not opened; all of them, as what opens it may
   * be spread over cues read at different times), then into the full pass (those it does not hold yet).
   */
  private async captionCues(all: string[]): Promise<void> {
    // During a first pass (a navigation's), cues wait for it to end (`readCaptions` reads them then):
    // the prefilter opened here would be overruled by that pass's own decision.
    if (!this.ctx.isValid || all.length === 0 || !this.gate || this.firstPassing) return;
    const generation = this.generation;
    if (!this.session) {
      // The same cues again (a player's cues shown in turn): the prefilter's answer is the same.
      const tried = `${all.length}:${all.reduce((n, cue) => n + cue.length, 0)}`;
      if (tried === this.cuesTried) return;
      const open = await captionsOpen(this.gate, all, () => this.readElements());
      if (!this.ctx.isValid || generation !== this.generation || this.firstPassing) return;
      if (!open) {
        this.cuesTried = tried;
        return;
      }
      await this.openGate();
      if (!this.session || generation !== this.generation) return;
    }
    // While the full pass reads the document, its segments and their nodes go in pairs: cues wait.
    if (this.opening) {
      await this.opening;
      if (!this.session || generation !== this.generation || !this.ctx.isValid) return;
    }
    const cues = all.filter((cue) => !this.cuesRead.has(cue));
    if (cues.length === 0) return;
    for (const cue of cues) this.cuesRead.add(cue);
    const captions = this.lib!.collectText(this.doc.createDocumentFragment(), { captions: cues });
    this.session.add(captions.segments);
    for (const n of captions.nodes) this.nodes.push(n);
    await this.apply(this.ports.now());
  }

  private tell(message: ContentToBackground): Promise<unknown> {
    return this.ports.send(message).catch(() => undefined);
  }
}
