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
import { BackgroundToContent, parseMessage } from '../../lib/content-messages';
import type { ContentToBackground, DetectionReport, DetectionSummary } from '../../lib/messages';
import type { SidebarHost } from './sidebar-host';
import type { PageHighlights, HighlightTarget } from './highlights';
import { UI_PATH, loadContentUi } from './ui-registry';
import { SETTINGS_KEY, isActiveOn, parseSettings, siteOf } from '../../lib/settings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const report: DetectionReport = { url: location.href, status: 'pending', sidebarMounted: false };
    let host: SidebarHost | undefined;
    let highlights: PageHighlights | undefined;
    let targets: Array<HighlightTarget | undefined> = [];

    const onMessage = (message: unknown) => {
      const parsed = parseMessage(BackgroundToContent, message);
      if (parsed?.type === 'get-detection') return Promise.resolve({ ...report, url: location.href });
      if (parsed?.type === 'set-open') host?.setOpen(parsed.open);
      if (parsed?.type === 'dismiss') {
        host?.destroy();
        highlights?.destroy();
      }
      if (parsed?.type === 'jump') {
        const target = targets[parsed.signal];
        if (target) highlights?.jump(target);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      host?.destroy();
      highlights?.destroy();
    });

    void run(ctx, report, (h, hl, t) => ((host = h), (highlights = hl), (targets = t))).catch((error: unknown) => {
      // An invalidated context (extension updated) is expected; anything else is a bug worth seeing.
      if (ctx.isValid) console.error('Backstory detector failed:', error);
    });
  },
});

async function run(
  ctx: ContentScriptContext,
  report: DetectionReport,
  setUi: (host: SidebarHost, highlights: PageHighlights, targets: Array<HighlightTarget | undefined>) => void,
): Promise<void> {
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

  const ui = await loadContentUi(browser.runtime.getURL(UI_PATH));
  if (!ctx.isValid) return;
  const host = new ui.SidebarHost(browser.runtime.getURL('/sidebar.html'), settings.openBySite[siteOf(location.href)] ?? false);
  // Where each signal was found, for highlights and "show on the page" (same order as the summary).
  const targets = detection.signals.map((s) => (s.segment >= 0 && page.nodes[s.segment] ? { node: page.nodes[s.segment]!, text: s.text } : undefined));
  const highlights = new ui.PageHighlights();
  highlights.show(targets.filter((t, i): t is HighlightTarget => !!t && !!detection.signals[i]!.personId));
  setUi(host, highlights, targets);
  const loaded = host.mount();
  report.sidebarMounted = true;
  report.sidebarMs = performance.now() - started;
  await told;
  await loaded;
  const mounted: ContentToBackground = { type: 'sidebar-mounted', ms: report.sidebarMs };
  await browser.runtime.sendMessage(mounted);
}
