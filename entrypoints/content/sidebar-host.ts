/**
 * The one piece of UI Backstory puts into a page: a host element with a closed shadow root holding
 * an extension-origin iframe (the sidebar). The page's CSS cannot reach inside the shadow root, and
 * the page's scripts cannot read or change the iframe's document (another origin).
 *
 * Collapsed, the host is a slim tab at the right edge; open, a panel beside the page.
 */
import { browser } from 'wxt/browser';
import { HOST_TAG } from '../../lib/page-text';

const WIDTH = { open: 'min(380px, 100vw)', collapsed: '44px' } as const;
const HEIGHT = { open: '100vh', collapsed: '248px' } as const;

export class SidebarHost {
  private readonly host: HTMLElement;
  private readonly frame: HTMLIFrameElement;

  constructor(open: boolean) {
    this.host = document.createElement(HOST_TAG);
    // Inline styles on the host (outside the shadow root) so it sits above page content in any layout.
    this.host.style.cssText =
      'all:initial;position:fixed;top:0;right:0;z-index:2147483647;display:block;border:0;margin:0;padding:0;';
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent =
      // The collapsed tab's rounded corners clip the frame itself: a frame whose colour scheme differs
      // from the page's gets an opaque backdrop, which would show in the corners.
      ':host{all:initial}iframe{display:block;border:0;width:100%;height:100%;background:transparent}' +
      ':host([data-state=collapsed]) iframe{border-radius:8px 0 0 8px}';
    this.frame = document.createElement('iframe');
    this.frame.title = 'Backstory: sourced context';
    this.frame.src = browser.runtime.getURL('/sidebar.html');
    this.frame.setAttribute('allowtransparency', 'true');
    shadow.append(style, this.frame);
    this.setOpen(open);
  }

  /** Add the host to the page; resolves when the iframe has loaded. */
  mount(): Promise<void> {
    const loaded = new Promise<void>((resolve) => this.frame.addEventListener('load', () => resolve(), { once: true }));
    document.documentElement.append(this.host);
    return loaded;
  }

  setOpen(open: boolean): void {
    const key = open ? 'open' : 'collapsed';
    this.host.style.width = WIDTH[key];
    this.host.style.height = HEIGHT[key];
    this.host.style.top = open ? '0' : 'calc(50vh - 124px)';
    this.host.dataset.state = key;
  }

  get mounted(): boolean {
    return this.host.isConnected;
  }

  destroy(): void {
    this.host.remove();
  }
}
