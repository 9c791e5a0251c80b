/**
 * The one piece of UI Backstory puts into a page: a host element with a closed shadow root holding
 * an extension-origin iframe (the sidebar). The page's CSS cannot reach inside the shadow root, the
 * page's scripts cannot read or change the iframe's document (another origin) nor reach its window
 * (a frame in a shadow tree is not in window.frames), and the host's own styles cannot be overridden
 * (see HOST_CSS).
 *
 * Collapsed, the host is a slim tab at the right edge; open, a panel beside the page.
 */
import { HOST_TAG } from './dom-text';
import { createFrameHost } from './frame-host';

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
:host([data-state='open']) { top: 0 !important; width: min(380px, 100vw) !important; height: 100vh !important; }
:host(:not([data-state='open'])) { top: calc(50vh - 124px) !important; width: 44px !important; height: 248px !important; }
iframe { display: block; border: 0; width: 100%; height: 100%; background: transparent; }
/* The collapsed tab's rounded corners clip the frame itself: a frame whose colour scheme differs
   from the page's gets an opaque backdrop, which would show in the corners. */
:host(:not([data-state='open'])) iframe { border-radius: 8px 0 0 8px; }
`;

export class SidebarHost {
  private readonly host: HTMLElement;
  /** Resolves when the first frame has loaded. */
  private readonly firstLoad: Promise<void>;

  /** `url`: the sidebar page's extension URL (runtime.getURL('/sidebar.html')). */
  constructor(url: string, open: boolean) {
    // The host, its closed shadow root and the frame (replaced if anything navigates it away) come
    // from the factory the notes share (content/frame-host.ts).
    ({ host: this.host, firstLoad: this.firstLoad } = createFrameHost(HOST_TAG, HOST_CSS, url, 'Backstory'));
    this.setOpen(open);
  }

  /** Add the host to the page; resolves when the iframe has loaded. */
  mount(): Promise<void> {
    document.documentElement.append(this.host);
    return this.firstLoad;
  }

  setOpen(open: boolean): void {
    this.host.dataset.state = open ? 'open' : 'collapsed';
  }

  get mounted(): boolean {
    return this.host.isConnected;
  }

  destroy(): void {
    this.host.remove();
  }
}
