/**
 * What a matching page shows: the sidebar host (mounted at once, in the detector's own bundle; none
 * when the reader shows context only in the browser's side panel), and, from chunk-ui.js (imported on
 * the first match), the name highlights and the notes at the posts or videos that carry the story.
 * One owner for all, so a decision that no longer matches, "Hide on this page" or the extension going
 * away removes everything.
 */
import type { Detection } from '../../core/detect/detect';
import type { HighlightTarget, PageHighlights } from '../highlights';
import type { PageNotes } from '../page-notes';
import { SidebarHost } from '../sidebar-host';
import type { WatchContext, WatchPorts } from './ports';

export class PageUi {
  host: SidebarHost | undefined;
  private highlights: PageHighlights | undefined;
  private notes: PageNotes | undefined;
  /** Between show() and remove(): what an import that lands late may still put up. */
  private live = false;

  constructor(
    private readonly ctx: WatchContext,
    private readonly ports: WatchPorts,
    /** Whether the reader keeps the sidebar open on this site. */
    private readonly openAtStart: boolean,
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
  ): Promise<void> {
    this.live = true;
    if (!this.host && !this.panelOnly) {
      // The host (a closed shadow root holding the extension's frame) is mounted at once; the sidebar
      // itself is the frame's page, which loads only now. The highlights come with chunk-ui.js.
      this.ports.loaded('annotator')?.annotator.yieldSidebar();
      this.host = new SidebarHost(this.ports.sidebarUrl(), this.openAtStart);
      void this.host.mount().then(onMounted);
    }
    const ui = await this.ports.chunk('ui');
    if (!this.ctx.isValid || !this.live) return;
    this.highlights ??= new ui.PageHighlights();
    this.highlights.show(targets.filter((t, i): t is HighlightTarget => !!t && !!detection.signals[i]!.personId));
    this.notes ??= new ui.PageNotes((familyId) => this.ports.noteUrl(familyId));
    this.notes.show(ui.noteTargets(detection, nodeOf, this.doc));
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

  remove(): void {
    this.live = false;
    this.host?.destroy();
    this.highlights?.destroy();
    this.notes?.destroy();
    this.host = undefined;
    this.highlights = undefined;
    this.notes = undefined;
  }
}
