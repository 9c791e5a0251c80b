/** Small fakes shared by unit tests and benchmarks. */

/** A seeded random source (mulberry32), so a generated input can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Two iframes for `doc` (happy-dom loads no frames): one whose document is `inner`, as a same-origin
 * frame's is, and one that throws a SecurityError when its document is asked for, as a cross-origin
 * frame does in some engines.
 */
export function fakeFrames(doc: Document, inner: Document): { sameOrigin: HTMLIFrameElement; crossOrigin: HTMLIFrameElement } {
  const sameOrigin = doc.createElement('iframe');
  Object.defineProperty(sameOrigin, 'contentDocument', { get: () => inner });
  const crossOrigin = doc.createElement('iframe');
  Object.defineProperty(crossOrigin, 'contentDocument', {
    get: () => {
      throw new DOMException('Blocked a frame', 'SecurityError');
    },
  });
  return { sameOrigin, crossOrigin };
}
