/**
 * What a matching page shows: the sidebar host (mounted at once, in the detector's own bundle) and the
 * name highlights (from chunk-ui.js, imported on the first match). One owner for both, so a decision
 * that no longer matches, "Hide on this page" or the extension going away removes everything.
 */
import type { Detection } from '../../core/detect/detect';
import type { HighlightTarget, PageHighlights } from '../highlights';
import { SidebarHost } from '../sidebar-host';
import { sidebarPlacement } from '../sidebar-placement';
import type { WatchContext, WatchPorts } from './ports';

export class PageUi {
  host: SidebarHost | undefined;
  private highlights: PageHighlights | undefined;

  constructor(
    private readonly ctx: WatchContext,
    private readonly ports: WatchPorts,
    /** Whether the reader keeps the sidebar open on this site. */
    private readonly openAtStart: boolean,
    /** The stored settings record, for the sidebar's language and edge (content/sidebar-placement.ts). */
    private readonly storedSettings?: unknown,
  ) {}

  /**
   * Mount the host if it is not there (returns its frame's first load then), and highlight the names
   * of `detection` at `targets` (one per signal, in the signals' order).
   */
  async show(detection: Detection, targets: ReadonlyArray<HighlightTarget | undefined>, onMounted: () => void): Promise<void> {
    if (!this.host) {
      // The host (a closed shadow root holding the extension's frame) is mounted at once; the sidebar
      // itself is the frame's page, which loads only now. The highlights come with chunk-ui.js.
      this.ports.loaded('annotator')?.annotator.yieldSidebar();
      const { url, side } = sidebarPlacement(this.ports.sidebarUrl(), this.storedSettings, document, navigator.languages);
      this.host = new SidebarHost(url, this.openAtStart, side);
      void this.host.mount().then(onMounted);
    }
    const ui = await this.ports.chunk('ui');
    if (!this.ctx.isValid || !this.host) return;
    this.highlights ??= new ui.PageHighlights();
    this.highlights.show(targets.filter((t, i): t is HighlightTarget => !!t && !!detection.signals[i]!.personId));
  }

  jump(target: HighlightTarget | undefined): void {
    if (target) this.highlights?.jump(target);
  }

  setOpen(open: boolean): void {
    this.host?.setOpen(open);
  }

  remove(): void {
    this.host?.destroy();
    this.highlights?.destroy();
    this.host = undefined;
    this.highlights = undefined;
  }
}
