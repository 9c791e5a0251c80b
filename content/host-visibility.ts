/**
 * Whether the page hides Backstory's host: what the content script can see from outside the shadow
 * root. The host's own styles cannot be overridden (content/sidebar-host.ts), but a page can still act
 * on everything around it: remove or move the host, style the root element it lives in (opacity,
 * filter, transform, clip-path, zoom, contain, display), or draw over it (a full-window overlay, a
 * modal dialog, a popover, a fullscreen element: the top layer is above every fixed element).
 *
 * The sidebar frame adds what only it can know in Chromium (IntersectionObserver v2, "is my frame
 * visible": extension/sidebar/visibility.ts). The page UI re-mounts a removed host a bounded number
 * of times, then says the page hides Backstory (popup, badge), where the browser's side panel is the
 * answer (SECURITY.md).
 */

/** Why the host is not seen: removed (and re-mounted too often), styled out of sight, or covered. */
export type HiddenReason = 'removed' | 'invisible' | 'covered';

/** Styles of the root element that hide or displace every descendant, the host included, and their harmless values. */
const ROOT_STYLES: ReadonlyArray<[property: string, harmless: (value: string) => boolean]> = [
  ['display', (v) => v !== 'none'],
  ['opacity', (v) => Number(v) >= 0.9],
  ['filter', (v) => v === 'none'],
  ['transform', (v) => v === 'none'],
  ['clip-path', (v) => v === 'none'],
  ['mask-image', (v) => v === 'none'],
  ['zoom', (v) => v === '' || v === 'normal' || Number(v) === 1],
  ['content-visibility', (v) => v === '' || v === 'visible'],
  // A root with layout or paint containment becomes the containing block of position: fixed.
  ['contain', (v) => v === 'none' || !/paint|layout|strict|content/.test(v)],
];

/** The smallest size the host has, collapsed (content/sidebar-host.ts): a 44 by 248 pixel tab. */
const MIN_WIDTH = 40;
const MIN_HEIGHT = 100;

/**
 * Look at the host as the reader would: in the page, styled to be seen, of its size, inside the
 * window, and the topmost element at several points inside it. Undefined: nothing hides it.
 */
export function hostHidden(host: HTMLElement, doc: Document = host.ownerDocument): HiddenReason | undefined {
  if (!host.isConnected) return 'removed';
  const view = doc.defaultView!;
  const root = view.getComputedStyle(doc.documentElement);
  for (const [property, harmless] of ROOT_STYLES) if (!harmless(root.getPropertyValue(property))) return 'invisible';
  const style = view.getComputedStyle(host);
  if (style.display === 'none' || style.visibility !== 'visible' || Number(style.opacity) < 0.9) return 'invisible';
  const box = host.getBoundingClientRect();
  if (box.width < MIN_WIDTH || box.height < MIN_HEIGHT) return 'invisible';
  if (box.right > view.innerWidth + 1 || box.left < -1 || box.top < -1 || box.bottom > view.innerHeight + 1) return 'invisible';
  // The top layer (modal dialogs, open popovers, fullscreen elements) is drawn above any fixed element.
  if (doc.fullscreenElement || topLayer(doc)) return 'covered';
  // Hit-testing at the centre and near the corners: the topmost element must be the host (a point in
  // its closed shadow tree, the frame included, is the host to the document).
  const inset = 8;
  const points: Array<[number, number]> = [
    [box.left + box.width / 2, box.top + box.height / 2],
    [box.left + inset, box.top + inset],
    [box.right - inset, box.top + inset],
    [box.left + inset, box.bottom - inset],
    [box.right - inset, box.bottom - inset],
  ];
  for (const [x, y] of points) if (doc.elementFromPoint(x, y) !== host) return 'covered';
  return undefined;
}

/**
 * Whether a modal dialog, a full-screen element or an open popover is in the top layer (false where
 * the selectors are unknown). One walk of the document, its elements rejected by their tag or
 * attribute first: a bare `:modal` tested every element of a 5 MB page (10 ms or more a query).
 */
function topLayer(doc: Document): boolean {
  if (doc.fullscreenElement) return true;
  for (const selector of ['dialog:modal, [popover]:popover-open', 'dialog:modal']) {
    try {
      return !!doc.querySelector(selector);
    } catch {
      // An older engine without one of the pseudo-classes: it has no such element either.
    }
  }
  return false;
}
