/**
 * Popup: asks the active tab's content script what it decided (`get-detection`), shows it, and lets
 * the reader pause everywhere, mute the site, or open the sidebar.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { DetectionReport } from '../../core/messages/records';
import { type PopupToBackground } from '../../core/messages/to-background';
import { parseMessage, type BackgroundToContent } from '../../core/messages/to-content';
import { loadSettings, updateSettings, type Settings } from '../../core/settings';
import { migrateSettings, mute, muteChoices, mutingEntries, unmuteUrl } from '../../core/muting';
import { translator } from '../../core/i18n';
import { applyLocale, pageLocale } from '../../extension/page-locale';
import { MATCH_INDEX_KEY, isStoredMatchIndex, type MatchIndex } from '../../core/detect/match-index';
import { hasSidePanel, openSidePanel } from '../../extension/side-panel';

/**
 * The tab the popup is about: the active tab, or the one named by `?tab=ID` (the popup opened as a
 * page of its own, as the e2e tests do; popup.html is not web-accessible, so only the extension can).
 */
async function targetTab(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function main() {
  const tabId = await targetTab();
  const ask: BackgroundToContent = { type: 'get-detection' };
  const report =
    tabId === undefined
      ? undefined
      : parseMessage(DetectionReport, await browser.tabs.sendMessage(tabId, ask, { frameId: 0 }).catch(() => undefined));
  const stored = await browser.storage.local.get(MATCH_INDEX_KEY);
  const index = stored[MATCH_INDEX_KEY];
  const names: Record<string, string> = {};
  if (isStoredMatchIndex(index)) {
    const records = JSON.parse(index.records) as Pick<MatchIndex, 'people' | 'families'>;
    for (const [id, p] of Object.entries(records.people)) names[id] = p.name;
    for (const [id, f] of Object.entries(records.families)) names[id] = f.label;
  }
  // Migrated on read too, in case the background has not run since an update (core/muting.ts).
  const settings = migrateSettings(await loadSettings(browser.storage.local));
  const locale = pageLocale(settings, navigator.languages);
  const t = translator(locale);
  applyLocale(document.documentElement, locale);
  render(<App initial={settings} report={report} tabId={tabId} names={names} t={t} />, document.getElementById('app')!);
}

function App({ initial, report, tabId, names, t }: { initial: Settings; report: DetectionReport | undefined; tabId: number | undefined; names: Record<string, string>; t: ReturnType<typeof translator> }) {
  const [settings, setSettings] = useState(initial);
  const [needsReload, setNeedsReload] = useState(false);
  const url = report?.url ?? '';
  const mutedBy = mutingEntries(settings, url)[0]?.name ?? null;
  useEffect(() => void document.querySelector<HTMLElement>('button')?.focus(), []);
  const send = (m: PopupToBackground) => browser.runtime.sendMessage(m);

  const change = async (update: (s: Settings) => Settings, turnsOff: boolean) => {
    setSettings(await updateSettings(browser.storage.local, update));
    // Turning off takes effect at once; turning back on applies on the next page load.
    if (turnsOff && tabId !== undefined && report?.sidebarMounted) await send({ type: 'dismiss', tabId });
    else setNeedsReload(true);
  };

  return (
    <Popup
      t={t}
      report={report}
      muteChoices={report ? muteChoices(url) : null}
      paused={settings.paused}
      mutedBy={mutedBy}
      names={names}
      needsReload={needsReload}
      onPause={(paused) => void change((s) => ({ ...s, paused }), paused)}
      onMute={(entry) => void change((s) => mute(migrateSettings(s), entry), true)}
      onUnmute={() => void change((s) => unmuteUrl(migrateSettings(s), url), false)}
      onOpenSidebar={() => {
        if (tabId !== undefined) void send({ type: 'set-open', tabId, open: true }).then(closePopup);
      }}
      // The side panel opens only from a user gesture: called right in the click, before any await.
      onOpenSidePanel={hasSidePanel() && tabId !== undefined ? () => void openSidePanel(tabId).then((ok) => ok && closePopup()) : undefined}
      onOptions={() => void browser.runtime.openOptionsPage().then(closePopup)}
    />
  );
}

/** Close when shown as the toolbar popup; stay when opened as a page (tests). */
function closePopup() {
  if (!new URLSearchParams(location.search).has('tab')) window.close();
}

void main();
