/**
 * The extension API as the content script and its chunks use it: the browser's own object, chosen
 * when the extension is built (Firefox's `browser`, Chromium's `chrome`), never looked up by name
 * at run time.
 *
 * Why not `wxt/browser` (webextension-polyfill) here: the polyfill picks `globalThis.browser` when
 * `browser.runtime.id` is there, and a page can put it there. In Chromium's isolated world the
 * global has no `browser` of its own, so the lookup falls through to the window's named properties,
 * which are the page's: `<form id="browser"><input name="runtime" id="x"></form>` made
 * `browser.runtime.id` read "x", and the polyfill handed the content script a form instead of the
 * API (tests/fixtures/hostile/clobber.html). Chromium's `chrome` and Firefox's `browser` are the
 * isolated world's own globals, which named properties cannot shadow. In Chromium's MV3 every call
 * the content script makes returns a promise; the one difference left, that Chromium ignores a
 * promise returned by a message listener, is handled by `answer`. Leaving the polyfill out also
 * takes about 3 KB (gzip) off the script every page loads. The extension's own pages keep
 * `wxt/browser`: no page's markup reaches their globals.
 */
import type { browser as polyfilled } from 'wxt/browser';

/** The API's type: the polyfill's, which both browsers' own objects follow for what is used here. */
type Browser = typeof polyfilled;

type Globals = Record<'browser' | 'chrome', Browser | undefined>;

/** The browser's extension API (Firefox's `browser`, Chromium's `chrome`; unit tests stub both). */
export const browser: Browser = (globalThis as unknown as Globals)[import.meta.env.FIREFOX ? 'browser' : 'chrome']!;

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
