/**
 * What a matching page shows: the sidebar host (mounted at once, in the detector's own bundle; none
 * when the reader shows context only in the browser's side panel), and, from chunk-ui.js (imported on
 * the first match), the name highlights and the notes at the posts or videos that carry the story.
 * One owner for all, so a decision that no longer matches, "Hide on this page" or the extension going
 * away removes everything.
 */
import type { Detection } from '../../core/detect/detect';
import type { HighlightTarget, PageHighlights } from '../highlights';
import type { HiddenReason } from '../host-visibility';
import type { PageNotes } from '../page-notes';
import type { SidebarHost } from '../sidebar-host';
import type { WatchContext, WatchPorts } from './ports';

/**
 * How many times a host the page removed or moved is put back, per page load. A page that keeps
 * removing it wins: it is then reported hidden, and the popup offers the side panel.
 */
export const MAX_REMOUNTS = 3;
/** How often the mounted host is checked for being hidden or covered (a few style and hit-test reads). */
export const HOST_CHECK_MS = 1000;

export class PageUi {
  host: SidebarHost | undefined;
  private highlights: PageHighlights | undefined;
  private stopWatchingExtension: (() => void) | undefined;
  private stopGuarding: (() => void) | undefined;
  private remounts = 0;
  private hidden: HiddenReason | undefined;
  /** The frame says the browser does not show it (extension/sidebar/visibility.ts). */
  private frameHidden = false;
  private recheck: (() => void) | undefined;
  private notes: PageNotes | undefined;
  /** Counts changes to the page's highlights and notes (the visibility check waits for a frame after them). */
  private touched = 0;
  /** Between show() and remove(): what an import that lands late may still put up. */
  private live = false;

  constructor(
    private readonly ctx: WatchContext,
    private readonly ports: WatchPorts,
    /** Whether the reader keeps the sidebar open on this site. */
    private readonly openAtStart: boolean,
    /** The stored settings record, for the sidebar's language and edge (content/sidebar-placement.ts). */
    private readonly storedSettings: unknown,
    /** The page hides the sidebar (why), or shows it again (undefined). */
    private readonly onHidden: (hidden: HiddenReason | undefined) => void = () => undefined,
    /** The reader shows context only in the browser's side panel: no sidebar in the page. */
    readonly panelOnly = false,
    private readonly doc: Document = document,
  ) {}

  /**
   * Mount the host if it is not there (calls `onMounted` on its frame's first load then), highlight
   * the names of `detection` at `targets` (one per signal, in the signals' order), and put a note at
   * each post or video that carries the story (`nodeOf`: a segment's node).
   */
  async show(
    detection: Detection,
    targets: ReadonlyArray<HighlightTarget | undefined>,
    nodeOf: (segment: number) => Node | undefined,
    onMounted: () => void,
    /** The shadow roots and frames' documents where players were met (PageWatch `playerRoots`). */
    players: readonly ParentNode[] = [],
  ): Promise<void> {
    this.live = true;
    if (!this.host && !this.panelOnly) {
      // The host (a closed shadow root holding the extension's frame) is mounted at once; the sidebar
      // itself is the frame's page, which loads only now. The highlights come with chunk-ui.js.
      this.ports.loaded('annotator')?.annotator.yieldSidebar();
      // The host's code comes with the full pass's (chunk-detector.js), which every match has run.
      const { SidebarHost, sidebarPlacement } = this.ports.loaded('detector')!;
      const { url, side } = sidebarPlacement(this.ports.sidebarUrl(), this.storedSettings, document, navigator.languages);
      const host = (this.host = new SidebarHost(url, this.openAtStart, side));
      this.stopWatchingExtension = this.ports.watchExtension();
      // The frame goes into the page in a task of its own: making it is 6-20 ms in Chromium (a child
      // frame, a process for the extension's page), and the decision and the host's making come before.
      if (!(await this.nextTask()) || this.host !== host) return;
      void host.mount().then(onMounted);
      // The highlights and notes in a task of their own: the page gets a turn between (on a large
      // page, mounting and highlighting in one task would hold it up for more than a frame).
      if (!(await this.nextTask())) return;
      // Watched from the next task, before its frame has even loaded: a page may remove it at once
      // (a removal in between is seen by the first check, which looks whether it is in place).
      if (this.host === host) this.guard(host);
    }
    const ui = await this.ports.chunk('ui');
    if (!this.ctx.isValid || !this.live) return;
    this.recheck?.();
    this.highlights ??= new ui.PageHighlights();
    this.highlights.show(targets.filter((t, i): t is HighlightTarget => !!t && !!detection.signals[i]!.personId));
    this.touched++;
    // The notes in a task of their own too: each is a frame put into the page.
    if (!(await this.nextTask())) return;
    this.notes ??= new ui.PageNotes((familyId) => this.ports.noteUrl(familyId));
    this.notes.show(ui.noteTargets(detection, nodeOf, this.doc, players));
    this.touched++;
  }

  /** The next task (the page gets a turn); false if the extension or this page's UI is gone by then. */
  private async nextTask(): Promise<boolean> {
    await new Promise<void>((resolve) => this.ctx.setTimeout(resolve, 0));
    return this.ctx.isValid && this.live;
  }

  /** How many notes the page shows now. */
  get noteCount(): number {
    return this.notes?.count ?? 0;
  }

  jump(target: HighlightTarget | undefined): void {
    if (target) this.highlights?.jump(target);
  }

  setOpen(open: boolean): void {
    this.host?.setOpen(open);
  }

  /**
   * Watch the mounted host: put it back when the page removes or moves it (MAX_REMOUNTS times), and
   * look every HOST_CHECK_MS whether the page hides or covers it (content/host-visibility.ts, in
   * chunk-ui.js).
   */
  private guard(host: SidebarHost): void {
    const check = () => {
      if (this.host !== host) return;
      if (!host.inPlace && this.remounts < MAX_REMOUNTS) {
        this.remounts++;
        host.remount();
      }
      // The style and hit-test checks come with chunk-ui.js (matching pages only); until it has
      // loaded, a moment after the host, only a removal is seen (`show` checks again then).
      const hidden = host.inPlace ? (this.ports.loaded('ui')?.hostHidden(host.element) ?? (this.frameHidden ? 'covered' : undefined)) : 'removed';
      if (hidden === this.hidden) return;
      this.hidden = hidden;
      this.onHidden(hidden);
    };
    // Checked just after the browser has drawn a frame, when the page's style and layout are fresh:
    // the checks' style, box and hit-test reads then cost little, where run at once they could force
    // a layout of the whole page (about 80 ms on a 5 MB page; the highlights' stylesheet restyles every
    // element, 120-290 ms). Highlights or notes put in after that frame: the check waits for the next.
    // One check at a time.
    let pending = false;
    const soon = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        const drawn = this.touched;
        this.ctx.setTimeout(() => {
          pending = false;
          if (this.touched === drawn) check();
          else soon();
        }, 0);
      });
    };
    // The root's children: a removal or a move of the host is seen by the next frame (the page cannot
    // see this observer).
    const observer = new MutationObserver(soon);
    observer.observe(document.documentElement, { childList: true });
    const timer = this.ctx.setInterval(soon, HOST_CHECK_MS);
    this.stopGuarding = () => {
      observer.disconnect();
      clearInterval(timer);
    };
    this.ctx.onInvalidated(() => this.stopGuarding?.());
    this.recheck = soon;
    soon();
  }

  /** What the sidebar frame sees of itself: not visible counts as covered, at once. */
  frameVisible(visible: boolean): void {
    this.frameHidden = !visible;
    this.recheck?.();
  }

  remove(): void {
    this.live = false;
    this.stopGuarding?.();
    this.stopGuarding = undefined;
    this.recheck = undefined;
    this.frameHidden = false;
    this.stopWatchingExtension?.();
    this.stopWatchingExtension = undefined;
    if (this.hidden) this.onHidden((this.hidden = undefined));
    this.host?.destroy();
    this.highlights?.destroy();
    this.notes?.destroy();
    this.host = undefined;
    this.highlights = undefined;
    this.notes = undefined;
  }
}
