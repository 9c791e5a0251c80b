/**
 * Background: installs the dataset, keeps per-tab detection state, sets the badge, and is the one
 * place that opens, closes or dismisses a tab's sidebar (from the sidebar itself, the popup or the
 * keyboard shortcut). Every message is parsed before use, and its sender checked.
 */
import { browser, type Browser } from 'wxt/browser';
import rawDataset from '../data/dataset.json';
import { openStore, readDataset } from '../extension/store';
import { installDataset } from '../extension/install';
import {
  ContentToBackground,
  PopupToBackground,
  SidebarToBackground,
  parseMessage,
  type BackgroundToContent,
  type ContextResponse,
  type TabState,
} from '../core/messages/messages';
import { tabStates } from '../extension/tab-state';
import { loadSettings, siteOf, updateSettings } from '../core/settings';
import { annotationService, syncAnnotatedSites, withStore } from '../extension/annotation-service';
import { AnnotatorToBackground, SidebarAnnotationsToBackground } from '../core/messages/annotations';
import { BADGE_COLORS } from '../extension/badge';

export default defineBackground(() => {
  const states = tabStates(browser.storage.session);
  // Annotations (issue 6): the annotate flow and each tab's annotations, in lib/annotation-service.ts.
  const annotations = annotationService({
    session: browser.storage.session,
    local: browser.storage.local,
    withDb: withStore,
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    getTabState: (tabId) => states.get(tabId),
    setTabState: (tabId, state) => states.set(tabId, state),
    openSidebar: (tabId) => setOpen(tabId, true),
    openOnSite: async (url) => (await loadSettings(browser.storage.local)).openBySite[siteOf(url)] ?? false,
  });

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
    // Only this extension's own contexts reach onMessage (no externally_connectable); each kind of
    // sender may send only its own messages, and every message is parsed.
    if (sender.id !== browser.runtime.id) return undefined;
    const tabId = sender.tab?.id;

    // The popup (as the toolbar popup, or opened as a page of its own) is recognised by its URL.
    if (isExtensionPage(sender, '/popup.html')) {
      const fromPopup = parseMessage(PopupToBackground, message);
      if (fromPopup?.type === 'set-open') return setOpen(fromPopup.tabId, fromPopup.open);
      if (fromPopup?.type === 'dismiss') return dismiss(fromPopup.tabId);
      return undefined;
    }
    if (tabId === undefined) return undefined;

    const fromContent = sender.frameId === 0 ? parseMessage(ContentToBackground, message) : undefined;
    if (fromContent?.type === 'detection') return onDetection(tabId, fromContent.url, fromContent.detection);
    if (fromContent?.type === 'sidebar-mounted') {
      return states.update(tabId, (s) => (s ? { ...s, sidebarMs: fromContent.ms } : s));
    }
    const fromAnnotator = sender.frameId === 0 ? parseMessage(AnnotatorToBackground, message) : undefined;
    if (fromAnnotator?.type === 'annotations-page') return annotations.pageLoaded(tabId, fromAnnotator);
    if (fromAnnotator?.type === 'annotation-statuses') return annotations.statusesReported(tabId, fromAnnotator);

    const fromSidebar = sender.frameId !== 0 && isExtensionPage(sender, '/sidebar.html') ? parseMessage(SidebarToBackground, message) : undefined;
    if (fromSidebar?.type === 'get-tab-state') return states.get(tabId);
    if (fromSidebar?.type === 'get-context') return contextFor(tabId);
    if (fromSidebar?.type === 'set-open') return setOpen(tabId, fromSidebar.open);
    if (fromSidebar?.type === 'dismiss') return dismiss(tabId);
    if (fromSidebar?.type === 'jump') {
      const relay: BackgroundToContent = { type: 'jump', signal: fromSidebar.signal };
      return browser.tabs.sendMessage(tabId, relay, { frameId: 0 }).then(() => true);
    }
    const fromSidebarAnnotations =
      sender.frameId !== 0 && isExtensionPage(sender, '/sidebar.html') ? parseMessage(SidebarAnnotationsToBackground, message) : undefined;
    if (fromSidebarAnnotations) return annotations.fromSidebar(tabId, fromSidebarAnnotations);
    return undefined;
  });

  async function onDetection(tabId: number, url: string, detection: TabState['detection']) {
    if (!detection.matched) {
      await states.set(tabId, undefined);
      await browser.action.setBadgeText({ tabId, text: '' });
      return true;
    }
    const settings = await loadSettings(browser.storage.local);
    const state: TabState = { url, detection, open: settings.openBySite[siteOf(url)] ?? false };
    await states.set(tabId, state);
    const count = detection.people.length;
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '✓' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS.background });
    await browser.action.setBadgeTextColor({ tabId, color: BADGE_COLORS.text });
    return { open: state.open };
  }

  /** Open or collapse a tab's sidebar, and remember the choice for the site. */
  async function setOpen(tabId: number, open: boolean): Promise<boolean> {
    const state = await states.get(tabId);
    if (!state) return false;
    await states.set(tabId, { ...state, open });
    await updateSettings(browser.storage.local, (s) => ({ ...s, openBySite: { ...s.openBySite, [siteOf(state.url)]: open } }));
    const relay: BackgroundToContent = { type: 'set-open', open };
    await browser.tabs.sendMessage(tabId, relay, { frameId: 0 });
    return true;
  }

  async function dismiss(tabId: number): Promise<boolean> {
    await states.set(tabId, undefined);
    const relay: BackgroundToContent = { type: 'dismiss' };
    await browser.tabs.sendMessage(tabId, relay, { frameId: 0 });
    return true;
  }

  /** The tab's state and the stored dataset, read in the extension's own origin. */
  async function contextFor(tabId: number): Promise<ContextResponse | undefined> {
    const state = await states.get(tabId);
    if (!state) return undefined;
    const db = await openStore();
    try {
      const { meta, ...data } = await readDataset(db);
      return { tabId, state, data, ...(meta ? { meta: { version: meta.version, dataAsOf: meta.dataAsOf, hash: meta.hash } } : {}) };
    } finally {
      db.close();
    }
  }

  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'toggle-sidebar') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([tab]) => {
      if (tab?.id === undefined) return;
      const state = await states.get(tab.id);
      if (state) await setOpen(tab.id, !state.open);
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => void states.set(tabId, undefined));

  // Annotate: the context menu item on a selection, and the keyboard command, start the same flow.
  const annotateActiveTab = async (): Promise<boolean> => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id === undefined ? false : annotations.annotate(tab.id);
  };
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id: 'annotate-selection', title: 'Annotate', contexts: ['selection'] }));
    // The every-page filter follows the stored annotations (restored after an update, say).
    void withStore((db) => syncAnnotatedSites(db, browser.storage.local)).catch(reportInstallError);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'annotate-selection' && tab?.id !== undefined) void annotations.annotate(tab.id);
  });
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'annotate-selection') void annotateActiveTab();
  });
  // The e2e tests start the flow here, as the command does (Playwright cannot open a native menu).
  // The service worker's global is reachable by this extension only.
  (globalThis as Record<symbol, unknown>)[Symbol.for('backstory.annotate-active-tab')] = annotateActiveTab;
});

/** A sender that is one of our own pages (by path). */
function isExtensionPage(sender: Browser.runtime.MessageSender, pagePath: string): boolean {
  return !!sender.url && sender.url.startsWith(browser.runtime.getURL(pagePath as '/sidebar.html'));
}

function reportInstallError(error: unknown) {
  console.error('Backstory could not install its dataset:', error);
}
