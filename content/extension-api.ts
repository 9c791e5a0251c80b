/**
 * The extension API as the content script and its chunks use it: the browser's own object, never
 * found by a global name a page can take. Firefox: `browser`, the content script sandbox's own global
 * (page elements are not globals there). Chromium: the object content/api-guard.js keeps under a
 * symbol at document_start, before the page's markup exists; `chrome` only where that script did not
 * run.
 *
 * Why not `wxt/browser` (webextension-polyfill) here: in Chromium's isolated world, a page element
 * with an id or a name is readable as a global wherever the world has no property of that name, and
 * Chromium, making the world at document_idle, leaves out its own `browser` and `chrome` when the
 * page already has elements of those names. `<form id="browser"><input name="runtime" id="x">` made
 * the polyfill (which takes `globalThis.browser` when `browser.runtime.id` is set) hand the content
 * script the page's form, and `<form id="chrome">` left `chrome` reading the form too
 * (tests/fixtures/hostile/clobber.html, rootid.html). In Chromium's MV3 every call the content script
 * makes returns a promise; the one difference left, that Chromium ignores a promise a message
 * listener returns, is handled by `answer`. Leaving the polyfill out also takes about 3 KB (gzip) off
 * the script every page loads. The extension's own pages keep `wxt/browser`: no web page's markup
 * reaches their globals.
 */
import type { browser as polyfilled } from 'wxt/browser';
import { GUARD_SLOTS, chromeApi } from './chrome-api';

/** The API's type: the polyfill's, which both browsers' own objects follow for what is used here. */
type Browser = typeof polyfilled;

type Globals = Record<'browser', Browser | undefined>;

/** The browser's extension API (Firefox's `browser`, Chromium's `chrome` as kept at document_start; unit tests stub both). */
export const browser: Browser = import.meta.env.FIREFOX ? (globalThis as unknown as Globals).browser! : (chromeApi() as Browser);

/**
 * A runtime.onMessage listener that answers with a promise in both browsers: it calls
 * `sendResponse` when `reply` settles and returns true (Chromium keeps the channel open only then).
 * `handle` returns undefined for messages it does not answer.
 */
export function answer(handle: (message: unknown) => Promise<unknown> | undefined) {
  return (message: unknown, _sender: unknown, sendResponse: (reply?: unknown) => void): true | undefined => {
    const reply = handle(message);
    if (!reply) return undefined;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
}

/** The first read as content/api-guard.js began it. */
interface BegunRead {
  keys?: unknown;
  read?: Promise<Record<string, unknown> | undefined>;
  /** One of its keys changed since it began. */
  stale?: boolean;
  /** Stop listening for changes. */
  done?: () => void;
}

/**
 * A storage.local read. The watch's first (content/watch/start-keys.ts) may have begun already: in
 * Chromium, content/api-guard.js begins it at document_start, and it is taken here once, for the same
 * keys. Where that read failed, or one of its keys changed since (the guard listens), or nothing began
 * it (Firefox, a script injected without the guard), the keys are read now.
 */
export async function read(keys: readonly string[]): Promise<Record<string, unknown>> {
  const slot = Symbol.for(GUARD_SLOTS.start);
  const g = globalThis as Record<symbol, unknown>;
  const begun = g[slot] as BegunRead | undefined;
  if (begun && String(begun.keys) === String(keys)) {
    delete g[slot];
    const got = await begun.read;
    begun.done?.();
    if (got && !begun.stale) return got;
  }
  return browser.storage.local.get([...keys]);
}
