/**
 * The detector content script: runs on every http(s) page at document_idle. It only wires: the page
 * watch (content/watch/page-watch.ts: the prefilter, the full pass, idle slices, mutation batches,
 * single-page navigation, settling) gets WXT's context and the browser's storage, messaging and
 * chunk imports; messages from the background are checked by hand (content/message-guard.ts) and
 * handed to it, or to the lazily loaded annotator.
 *
 *   storage.local ─▶ PageWatch ─▶ no match: the page is left exactly as it was
 *                             └─▶ match: SidebarHost (closed shadow root + extension frame; not
 *                                        when the reader shows context only in the side panel),
 *                                        chunk-ui.js (highlights, notes at the story's posts and
 *                                        videos), "detection" ─▶ background (badge)
 *
 * When the extension is updated, reloaded, disabled or removed, `ctx` invalidates (checked every
 * 250 ms while something is shown: content/script-context.ts) and everything this script did is torn
 * down. `ctx` is Backstory's own context class, which announces nothing to the page (wxt.config.ts).
 */
import { answer, browser, read } from '../../content/extension-api';
import { readBackgroundMessage } from '../../content/message-guard';
import { loadChunk, loadedChunk } from '../../content/chunks';
import { PageWatch } from '../../content/watch/page-watch';
import { noteUrl } from '../../content/sidebar-placement';
import type { ContentScriptContext } from '../../content/script-context';
import type { WatchPorts } from '../../content/watch/ports';
import { ANNOTATOR_MESSAGE } from '../../core/annotations/annotated-sites';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const getUrl = (path: string) => browser.runtime.getURL(path as '/chunk-ui.js');
    const ports: WatchPorts = {
      read,
      onStored: (key, listener) => {
        const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
          if (area === 'local' && key in changes) listener(changes[key]!.newValue);
        };
        browser.storage.onChanged.addListener(onChanged);
        return () => browser.storage.onChanged.removeListener(onChanged);
      },
      send: (message) => browser.runtime.sendMessage(message),
      chunk: (name) => loadChunk(name, getUrl),
      loaded: loadedChunk,
      startAnnotator: (hasSidebar) => void loadChunk('annotator', getUrl).then(({ annotator }) => annotator.start(ctx, hasSidebar)),
      sidebarUrl: () => browser.runtime.getURL('/sidebar.html'),
      // `ctx` is content/script-context.ts's class (wxt.config.ts aliases WXT's to it).
      watchExtension: () => (ctx as unknown as ContentScriptContext).watchExtension(),
      noteUrl: (familyId) => noteUrl(browser.runtime.getURL('/note.html'), familyId, document),
      now: () => performance.now(),
    };
    const watch = new PageWatch(ctx, ports);
    const onMessage = answer((message) => {
      const parsed = readBackgroundMessage(message);
      if (parsed?.type === 'get-detection') return Promise.resolve({ ...watch.report, url: location.href });
      if (parsed?.type === 'set-open') watch.ui?.setOpen(parsed.open);
      if (parsed?.type === 'dismiss') watch.dismiss();
      if (parsed?.type === 'jump') watch.jump(parsed.signal);
      // The sidebar frame's own view of whether the reader can see it (Chromium's IntersectionObserver v2).
      if (parsed?.type === 'frame-visibility') watch.ui?.frameVisible(parsed.visible);
      // Annotations: handed to the lazily loaded annotator, which parses them itself.
      if ((message as { type?: unknown } | null)?.type === ANNOTATOR_MESSAGE) {
        return loadChunk('annotator', getUrl).then(({ annotator }) => annotator.receive(message, ctx, watch.hasSidebar));
      }
      return undefined;
    });
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      watch.teardown();
    });
    void watch.start().catch((error: unknown) => {
      // An invalidated context (extension updated) is expected; anything else is a bug worth seeing.
      if (ctx.isValid) console.error('Backstory detector failed:', error);
    });
  },
});
