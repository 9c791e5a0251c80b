/**
 * Whether the reader can see this sidebar frame, as the browser itself judges it: IntersectionObserver
 * v2 (`trackVisibility`), which Chromium computes for the observed element against everything drawn
 * above it in the top-level page, and its effects (opacity, filters, transforms). It works on the
 * observed element in the observer's own document, so it runs here, inside the frame, on the frame's
 * root element. It catches what the content script's hit-testing cannot: an overlay a page makes
 * click-through (`pointer-events: none`) and still draws over the sidebar. Firefox has no
 * `trackVisibility`: there, only the content script's checks run (content/host-visibility.ts).
 *
 * https://web.dev/articles/intersectionobserver-v2
 */

/** IntersectionObserver v2's additions (not yet in TypeScript's DOM types). */
interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/**
 * Call `onChange(visible)` with the frame's visibility, first as soon as it is known, then on each
 * change; returns the way to stop. Does nothing where IntersectionObserver v2 is missing.
 */
export function watchFrameVisibility(onChange: (visible: boolean) => void, doc: Document = document): () => void {
  if (typeof IntersectionObserver === 'undefined' || !('isVisible' in IntersectionObserverEntry.prototype)) return () => undefined;
  let last: boolean | undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries.at(-1) as VisibilityEntry | undefined;
      if (entry?.isVisible === undefined || entry.isVisible === last) return;
      last = entry.isVisible;
      onChange(entry.isVisible);
    },
    // `delay` of at least 100 ms is required with trackVisibility (the check is costly).
    { trackVisibility: true, delay: 100, threshold: [0, 1] } as IntersectionObserverInit,
  );
  observer.observe(doc.documentElement);
  return () => observer.disconnect();
}
