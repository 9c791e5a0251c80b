/**
 * Background: installs the dataset, keeps per-tab detection state, sets the badge, relays the
 * sidebar's open/close to the tab's content script. Every message is parsed before use.
 */
import { browser, type Browser } from 'wxt/browser';
import rawDataset from '../data/dataset.json';
import { openStore, readDataset } from '../data/store';
import { installDataset } from '../data/install';
import {
  ContentToBackground,
  SidebarToBackground,
  parseMessage,
  type BackgroundToContent,
  type ContextResponse,
  type TabState,
} from '../lib/messages';
import { tabStates } from '../lib/tab-state';

export default defineBackground(() => {
  const states = tabStates(browser.storage.session);

  const install = async () => {
    const db = await openStore();
    try {
      const result = await installDataset(db, rawDataset, browser.storage.local);
      console.info(`Backstory dataset ${result.version} ready (${result.seeded ? 'seeded' : 'unchanged'}, ${result.ms.toFixed(0)} ms)`);
    } finally {
      db.close();
    }
  };
  browser.runtime.onInstalled.addListener(() => void install().catch(reportInstallError));
  browser.runtime.onStartup.addListener(() => void install().catch(reportInstallError));

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Only this extension's own contexts can reach onMessage (no externally_connectable), and
    // every message is still parsed: a malformed one is dropped.
    if (sender.id !== browser.runtime.id) return undefined;
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;

    const fromContent = sender.frameId === 0 ? parseMessage(ContentToBackground, message) : undefined;
    if (fromContent?.type === 'detection') {
      return onDetection(tabId, fromContent.url, fromContent.detection);
    }
    if (fromContent?.type === 'sidebar-mounted') {
      return states.update(tabId, (s) => (s ? { ...s, sidebarMs: fromContent.ms } : s));
    }

    const fromSidebar = isSidebarFrame(sender) ? parseMessage(SidebarToBackground, message) : undefined;
    if (fromSidebar?.type === 'get-tab-state') return states.get(tabId);
    if (fromSidebar?.type === 'get-context') return contextFor(tabId);
    if (fromSidebar?.type === 'set-open') {
      const relay: BackgroundToContent = { type: 'set-open', open: fromSidebar.open };
      return Promise.all([
        states.update(tabId, (s) => (s ? { ...s, open: fromSidebar.open } : s)),
        browser.tabs.sendMessage(tabId, relay, { frameId: 0 }),
      ]).then(() => true);
    }
    return undefined;
  });

  async function onDetection(tabId: number, url: string, detection: TabState['detection']) {
    const previous = await states.get(tabId);
    const state: TabState = { url, detection, open: previous?.open ?? false };
    await states.set(tabId, detection.matched ? state : undefined);
    const count = detection.matched ? detection.people.length : 0;
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : detection.matched ? '✓' : '' });
    if (detection.matched) await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5b7a' });
    return true;
  }

  /** The tab's state and the stored dataset, read in the extension's own origin. */
  async function contextFor(tabId: number): Promise<ContextResponse | undefined> {
    const state = await states.get(tabId);
    if (!state) return undefined;
    const db = await openStore();
    try {
      const { meta, ...data } = await readDataset(db);
      return { state, data, ...(meta ? { meta: { version: meta.version, dataAsOf: meta.dataAsOf, hash: meta.hash } } : {}) };
    } finally {
      db.close();
    }
  }

  browser.tabs.onRemoved.addListener((tabId) => void states.set(tabId, undefined));
});

/** The sidebar is our own page, in a frame of the tab (never the top frame). */
function isSidebarFrame(sender: Browser.runtime.MessageSender): boolean {
  return !!sender.url && sender.url.startsWith(browser.runtime.getURL('/sidebar.html')) && sender.frameId !== 0;
}

function reportInstallError(error: unknown) {
  console.error('Backstory could not install its dataset:', error);
}
