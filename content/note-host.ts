/**
 * The note at a post or video that carries the story: a host made by the shared factory
 * (content/frame-host.ts: closed shadow root, extension-origin frame on note.html), placed directly
 * after the post or the video's player, as a sibling: never inside the page's own components, where a
 * framework re-rendering would drop it. Its height is fixed before it is placed, so it never grows
 * under the reader afterwards; it goes below the post, and the browser's scroll anchoring keeps what
 * the reader is looking at in place when it lands above the viewport.
 *
 * If the page removes it while its post stays, it is put back, a bounded number of times (a page that
 * keeps removing it wins; it is not a fight worth having).
 */
import { createFrameHost, type FrameHost } from './frame-host';

/** The note's height in CSS pixels: four lines of text and their padding (entrypoints/note/style.css). */
export const NOTE_HEIGHT = 96;
/** How many times a note removed by the page is put back. */
export const NOTE_REATTACH_LIMIT = 3;

const NOTE_CSS = `
:host {
  display: block !important; position: static !important; box-sizing: border-box !important;
  width: auto !important; max-width: 100% !important; min-width: 0 !important;
  height: ${NOTE_HEIGHT}px !important; min-height: ${NOTE_HEIGHT}px !important; max-height: ${NOTE_HEIGHT}px !important;
  margin: 8px 0 !important; padding: 0 !important; border: 0 !important; outline: none !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important; translate: none !important;
  rotate: none !important; scale: none !important; zoom: 1 !important; filter: none !important;
  clip-path: none !important; mask: none !important; mix-blend-mode: normal !important;
  pointer-events: auto !important; overflow: hidden !important; contain: strict !important;
  float: none !important; background: transparent !important; box-shadow: none !important;
  z-index: auto !important; order: 0 !important; flex: none !important; grid-column: 1 / -1 !important;
}
iframe { display: block; border: 0; width: 100%; height: 100%; background: transparent; color-scheme: normal; }
`;

export class NoteHost {
  private readonly frameHost: FrameHost;
  private observer: MutationObserver | undefined;
  private reattached = 0;

  /**
   * `url`: note.html for the family (runtime.getURL); `anchor`: the post or player element the note
   * follows.
   */
  constructor(
    url: string,
    readonly anchor: Element,
    readonly familyId: string,
  ) {
    this.frameHost = createFrameHost(NOTE_CSS, url, 'Backstory');
  }

  get host(): HTMLElement {
    return this.frameHost.host;
  }

  /** Place the note right after its anchor, and watch for the page removing it. */
  mount(): void {
    this.anchor.after(this.host);
    const parent = this.anchor.parentNode;
    if (!parent || this.observer) return;
    this.observer = new MutationObserver(() => {
      if (this.host.isConnected) return;
      // The post went too (a virtualised feed scrolled it away): the detector will see it come back.
      if (!this.anchor.isConnected || this.reattached >= NOTE_REATTACH_LIMIT) return this.destroy();
      this.reattached++;
      this.anchor.after(this.host);
    });
    this.observer.observe(parent, { childList: true });
  }

  destroy(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.host.remove();
  }
}
