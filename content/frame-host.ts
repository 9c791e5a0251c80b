/**
 * The one way Backstory puts UI into a page: a host element with a closed shadow root holding an
 * extension-origin iframe. The sidebar (content/sidebar-host.ts) and the notes at the story's posts
 * (content/note-host.ts) are both made here, so whatever hardens one hardens both.
 *
 * Every host has a random tag name and no attribute (content/host-element.ts), so nothing about it is
 * fixed for a page to look for.
 *
 * The page's CSS cannot reach inside the shadow root; the page's scripts cannot read or change the
 * frame's document (another origin) nor reach its window (a frame in a shadow tree is not in
 * window.frames); the host's own styles are `:host` rules with !important inside the shadow root,
 * which outrank every page style, inline ones included.
 */

import { createHost } from './host-element';

export interface FrameHost {
  /** The element to place in the page. */
  readonly host: HTMLElement;
  /** Its closed shadow root (for state style sheets of the host's own). */
  readonly shadow: ShadowRoot;
  /** The frame showing our page now (replaced if anything navigates it away). */
  frame(): HTMLIFrameElement;
  /** Resolves when the first frame has loaded. */
  readonly firstLoad: Promise<void>;
}

/**
 * A host (random tag name, marked as Backstory's so the page's text readers skip it:
 * content/dom-text.ts) with `css` in its closed shadow root and a frame on `url`, titled `title`.
 */
export function createFrameHost(css: string, url: string, title: string): FrameHost {
  const host = createHost();
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
  let current: HTMLIFrameElement | undefined;
  // A fresh frame on our page. Its first load is ours; any later load means something navigated it
  // (a page with a handle on it, a bug, another extension) to draw a fake in its place: the frame is
  // then replaced by a fresh one rather than re-pointed, which could race the navigation.
  const createFrame = (): HTMLIFrameElement => {
    const frame = document.createElement('iframe');
    frame.title = title;
    frame.src = url;
    let loads = 0;
    frame.addEventListener('load', () => {
      if (++loads === 1 || frame !== current) return;
      current = createFrame();
    });
    if (current) current.replaceWith(frame);
    else shadow.append(frame);
    return frame;
  };
  current = createFrame();
  const first = current;
  const firstLoad = new Promise<void>((resolve) => first.addEventListener('load', () => resolve(), { once: true }));
  return { host, shadow, frame: () => current!, firstLoad };
}
