/**
 * Detector content script: runs on every http(s) page at document_idle.
 *
 *   storage.local ──matchIndex──▶ Detector ◀── collectText(document)
 *                                    │
 *                 no match ──────────┴──────── match
 *                 (page untouched)             ├─ SidebarHost (shadow root + extension iframe)
 *                                              └─ "detection" message ─▶ background (badge, tab state)
 *
 * Pages that are not about the story are left exactly as they were: no element, no style, no
 * attribute, no message. When the extension is updated or removed, `ctx` invalidates and this
 * script tears down its UI and goes quiet.
 */
import { browser } from 'wxt/browser';
import { Detector } from '../../lib/detect';
import { collectText } from '../../lib/page-text';
import { MATCH_INDEX_KEY, isMatchIndex } from '../../lib/match-index';
import { BackgroundToContent, parseMessage, type ContentToBackground, type DetectionSummary } from '../../lib/messages';
import { SidebarHost } from './sidebar-host';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    void run(ctx).catch((error: unknown) => {
      // An invalidated context (extension updated) is expected; anything else is a bug worth seeing.
      if (ctx.isValid) console.error('Backstory detector failed:', error);
    });
  },
});

async function run(ctx: ContentScriptContext): Promise<void> {
  const started = performance.now();
  const stored = (await browser.storage.local.get(MATCH_INDEX_KEY))[MATCH_INDEX_KEY];
  if (!isMatchIndex(stored) || !ctx.isValid) return;

  const detector = new Detector(stored);
  const page = collectText(document, { withHead: true });
  const detection = detector.detect(page.segments, location.href);
  if (!detection.matched) return;

  const summary: DetectionSummary = {
    matched: detection.matched,
    score: detection.score,
    families: detection.families,
    people: detection.people,
    reason: detection.reason,
    signals: detection.signals.map(({ segment: _segment, ...s }) => s),
    detectMs: performance.now() - started,
  };
  const detected: ContentToBackground = { type: 'detection', url: location.href, detection: summary };
  await browser.runtime.sendMessage(detected);

  const host = new SidebarHost(false);
  ctx.onInvalidated(() => host.destroy());
  const onMessage = (message: unknown) => {
    const parsed = parseMessage(BackgroundToContent, message);
    if (parsed?.type === 'set-open') host.setOpen(parsed.open);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  await host.mount();
  const mounted: ContentToBackground = { type: 'sidebar-mounted', ms: performance.now() - started };
  await browser.runtime.sendMessage(mounted);
}
