/**
 * The one piece of UI Backstory puts into a page: a host element with a closed shadow root holding
 * an extension-origin iframe (the sidebar). The page's CSS cannot reach inside the shadow root, the
 * page's scripts cannot read or change the iframe's document (another origin) nor reach its window
 * (a frame in a shadow tree is not in window.frames), and the host's own styles cannot be overridden
 * (see HOST_CSS).
 *
 * Collapsed, the host is a slim tab at the right edge; open, a panel beside the page. In a
 * right-to-left interface (Uyghur) both sit at the left edge (LEFT_CSS, issue 17).
 *
 * Nothing about the host is fixed for a page to fingerprint: its tag name is random per page load
 * (content/host-element.ts), it has no attribute, and whether it is open is a style rule inside the
 * closed shadow root, not an attribute on the host.
 */
import { createFrameHost } from './frame-host';
import type { SidebarSide } from './sidebar-placement';

/**
 * The host's own styles live in the shadow root as `:host` rules with !important. In the cascade,
 * !important declarations from a shadow tree beat the page's, even the page's inline !important, so
 * no page stylesheet or script-set style can hide, move or disguise the host.
 */
const HOST_CSS = `
:host {
  position: fixed !important; right: 0 !important; left: auto !important; bottom: auto !important;
  z-index: 2147483647 !important; display: block !important; visibility: visible !important;
  opacity: 1 !important; transform: none !important; translate: none !important; rotate: none !important;
  scale: none !important; zoom: 1 !important; filter: none !important; clip-path: none !important;
  mask: none !important; mix-blend-mode: normal !important; pointer-events: auto !important;
  min-width: 0 !important; min-height: 0 !important; max-width: none !important; max-height: none !important;
  overflow: visible !important; contain: none !important; margin: 0 !important; padding: 0 !important;
  border: 0 !important; outline: none !important; box-shadow: none !important; background: transparent !important;
  float: none !important;
}
iframe { display: block; border: 0; width: 100%; height: 100%; background: transparent; }
`;

/** The open and collapsed geometry: one of them is the state style sheet's text, in the shadow root. */
const OPEN_CSS = `:host { top: 0 !important; width: min(380px, 100vw) !important; height: 100vh !important; }`;
const COLLAPSED_CSS = `
:host { top: calc(50vh - 124px) !important; width: 44px !important; height: 248px !important; }
/* The collapsed tab's rounded corners clip the frame itself: a frame whose colour scheme differs
   from the page's gets an opaque backdrop, which would show in the corners. */
iframe { border-radius: 8px 0 0 8px; }
`;

/**
 * Issue 17, right to left: the left-edge placement, added after the state rules (same specificity,
 * later wins). A rule set in the shadow root rather than an attribute, so the page sees nothing of the
 * language.
 */
const LEFT_CSS = `:host { left: 0 !important; right: auto !important; }`;
const LEFT_COLLAPSED_CSS = `iframe { border-radius: 0 8px 8px 0; }`;

export class SidebarHost {
  private readonly host: HTMLElement;
  /** The open or collapsed geometry (OPEN_CSS, COLLAPSED_CSS): the state, kept where the page cannot see it. */
  private readonly stateStyle: HTMLStyleElement;
  private isOpen = false;
  /** Resolves when the first frame has loaded. */
  private readonly firstLoad: Promise<void>;

  /** `url`: the sidebar page's extension URL (runtime.getURL('/sidebar.html')). */
  constructor(
    url: string,
    open: boolean,
    /** The edge the host sits at (content/sidebar-placement.ts). */
    private readonly side: SidebarSide = 'right',
  ) {
    // The host (random name), its closed shadow root and the frame (replaced if anything navigates it
    // away) come from the factory the notes share (content/frame-host.ts).
    const made = createFrameHost(HOST_CSS, url, 'Backstory');
    this.host = made.host;
    this.firstLoad = made.firstLoad;
    this.stateStyle = document.createElement('style');
    made.shadow.append(this.stateStyle);
    this.setOpen(open);
  }

  /** Add the host to the page; resolves when the iframe has loaded. */
  mount(): Promise<void> {
    document.documentElement.append(this.host);
    return this.firstLoad;
  }

  setOpen(open: boolean): void {
    this.isOpen = open;
    const left = this.side === 'left' ? LEFT_CSS + (open ? '' : LEFT_COLLAPSED_CSS) : '';
    this.stateStyle.textContent = (open ? OPEN_CSS : COLLAPSED_CSS) + left;
  }

  get open(): boolean {
    return this.isOpen;
  }

  /** The host element (for the page UI's checks that the page has not hidden it). */
  get element(): HTMLElement {
    return this.host;
  }

  get mounted(): boolean {
    return this.host.isConnected;
  }

  /** Whether the host is where mount() put it (the page may have removed or moved it). */
  get inPlace(): boolean {
    return this.host.parentNode === document.documentElement;
  }

  /** Put the host back where it belongs (its frame reloads: a fresh frame on our page). */
  remount(): void {
    document.documentElement.append(this.host);
  }

  destroy(): void {
    this.host.remove();
  }
}
