/**
 * Text that arrives where the page's observer does not look (content/watch/slices.ts `observePage`
 * watches the document, not inside what hangs off it):
 * - a shadow root (open, or closed: content/dom-text.ts `shadowOf`): what a component adds to it later (a "related stories" box filled in, an app
 *   that swaps its view inside its shadow root);
 * - a frame: a new document in it (its `srcdoc` set, a navigation), and what is added to that document;
 * - a custom element without a shadow root yet: the page defines it later (a component library loaded
 *   after the page) and it attaches one then, which no mutation records.
 * The prefilter's passes note them as they read (content/prefilter.ts `GatePass.found`); `lateWatch`
 * observes the first two and looks at the third again a few times, and queues what they bring like
 * any added text. The custom elements looked at again are bounded, so a page of thousands costs little.
 */
import { shadowOf } from '../dom-text';
import type { LateContainers } from '../prefilter';
import type { WatchContext } from './ports';

/** At most this many custom elements are looked at again. */
const MAX_HOSTS = 256;
/** When custom elements without a shadow root are looked at again (ms after the previous look). */
const HOST_CHECKS = [500, 1000, 2500, 6000, 20_000];

/**
 * Returns `register`, for what each pass found. `observe` watches a subtree as the document is
 * watched; `enqueue` reads a node like an added one.
 */
export function lateWatch(ctx: WatchContext, observe: (target: Node) => void, enqueue: (node: Node) => void): (found: LateContainers) => void {
  const seen = new WeakSet<object>();
  let hosts: Element[] = [];
  let checking = false;
  /** Watch a shadow root or a frame's body (once); `read`: and read it now. */
  const watch = (node: Node | null | undefined, read?: boolean) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    observe(node);
    if (read) enqueue(node);
  };
  const docOf = (frame: Element) => {
    try {
      return (frame as HTMLIFrameElement).contentDocument;
    } catch {
      return null; // Cross-origin: not readable, and not ours to read.
    }
  };
  const body = (frame: Element) => docOf(frame)?.body;
  const check = (i: number) => {
    checking = i < HOST_CHECKS.length && hosts.length > 0;
    if (checking)
      ctx.setTimeout(() => {
        // The ones with a shadow root now: read it, and watch it.
        hosts = hosts.filter((host) => {
          const shadow = shadowOf(host);
          return shadow ? watch(shadow, true) : host.isConnected;
        });
        check(i + 1);
      }, HOST_CHECKS[i]!);
  };
  return (found) => {
    for (const shadow of found.shadows) watch(shadow);
    for (const [frame, read] of found.frames) {
      if (seen.has(frame)) continue;
      seen.add(frame);
      // The document the pass read, then each new one, read whole: also one that loaded between the
      // pass's read and now, before there was a listener (a frame appended with its srcdoc set is
      // about:blank when an added node is read, and has its document a moment later).
      const now = docOf(frame);
      watch(now?.body, now !== read);
      ctx.addEventListener(frame, 'load', () => watch(body(frame), true));
    }
    for (const host of found.hosts) {
      if (hosts.length < MAX_HOSTS && !seen.has(host)) hosts.push(host);
      seen.add(host);
    }
    if (!checking) check(0);
  };
}
