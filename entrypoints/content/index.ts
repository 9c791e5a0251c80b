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
 * attribute, no message. The script answers `get-detection` (popup, checker) on any page. When the
 * extension is updated or removed, `ctx` invalidates and this script tears down its UI and goes quiet.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Detector } from '../../lib/detect';
import { collectText } from '../../lib/page-text';
import { MATCH_INDEX_KEY, isMatchIndex } from '../../lib/match-index';
import {
  BackgroundToContent,
  parseMessage,
  type ContentToBackground,
  type DetectionReport,
  type DetectionSummary,
} from '../../lib/messages';
import { SidebarHost } from './sidebar-host';
import { SETTINGS_KEY, isActiveOn, parseSettings, siteOf } from '../../lib/settings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const report: DetectionReport = { url: location.href, status: 'pending', sidebarMounted: false };
    let host: SidebarHost | undefined;

    const onMessage = (message: unknown) => {
      const parsed = parseMessage(BackgroundToContent, message);
      if (parsed?.type === 'get-detection') return Promise.resolve({ ...report, url: location.href });
      if (parsed?.type === 'set-open') host?.setOpen(parsed.open);
      if (parsed?.type === 'dismiss') host?.destroy();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      host?.destroy();
    });

    void run(ctx, report, (h) => (host = h)).catch((error: unknown) => {
      // An invalidated context (extension updated) is expected; anything else is a bug worth seeing.
      if (ctx.isValid) console.error('Backstory detector failed:', error);
    });
  },
});

async function run(ctx: ContentScriptContext, report: DetectionReport, setHost: (h: SidebarHost) => void): Promise<void> {
  const started = performance.now();
  // One read for both: the index and the reader's settings.
  const stored = await browser.storage.local.get([MATCH_INDEX_KEY, SETTINGS_KEY]);
  if (!ctx.isValid) return;
  const index = stored[MATCH_INDEX_KEY];
  const settings = parseSettings(stored[SETTINGS_KEY]);
  if (!isMatchIndex(index)) {
    report.status = 'no-index';
    return;
  }
  if (!isActiveOn(settings, location.href)) {
    report.status = settings.paused ? 'paused' : 'muted';
    return;
  }

  const detector = new Detector(index);
  const page = collectText(document, { withHead: true });
  const detection = detector.detect(page.segments, location.href);
  const summary: DetectionSummary = {
    matched: detection.matched,
    score: detection.score,
    families: detection.families,
    people: detection.people,
    reason: detection.reason,
    signals: detection.signals.map(({ segment: _segment, ...s }) => s),
    detectMs: performance.now() - started,
  };
  report.detection = summary;
  report.status = 'done';
  if (!detection.matched) return;

  // The background (badge, tab state) is told without waiting for it: the sidebar mounts at once, and
  // its frame asks the background for the context when it has loaded.
  const detected: ContentToBackground = { type: 'detection', url: location.href, detection: summary };
  const told = browser.runtime.sendMessage(detected);

  const host = new SidebarHost(settings.openBySite[siteOf(location.href)] ?? false);
  setHost(host);
  const loaded = host.mount();
  report.sidebarMounted = true;
  report.sidebarMs = performance.now() - started;
  await told;
  await loaded;
  const mounted: ContentToBackground = { type: 'sidebar-mounted', ms: report.sidebarMs };
  await browser.runtime.sendMessage(mounted);
}
