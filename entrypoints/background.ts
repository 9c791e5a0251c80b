/**
 * Background: installs the dataset, routes every message (extension/background/router.ts), keeps
 * per-tab state and the badge (extension/background/tab-sidebars.ts), and starts the annotate flow
 * (extension/annotation-service.ts). It only wires.
 */
import { browser } from 'wxt/browser';
import rawDataset from '../data/dataset.json';
import { openStore } from '../extension/store';
import { installDataset, watchIndex } from '../extension/install';
import { tabStates } from '../extension/tab-state';
import { SETTINGS_KEY, loadSettings, updateSettings } from '../core/settings';
import { resolveLocale, translator } from '../core/i18n';
import { openSidePanel } from '../extension/side-panel';
import { migrateSettings, openOnUrl } from '../core/muting';
import { annotationService, syncAnnotatedSites, withStore } from '../extension/annotation-service';
import { tabSidebars } from '../extension/background/tab-sidebars';
import { routeMessage } from '../extension/background/router';

export default defineBackground(() => {
  const states = tabStates(browser.storage.session);
  const sidebars = tabSidebars(states);
  const annotations = annotationService({
    session: browser.storage.session,
    local: browser.storage.local,
    withDb: withStore,
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    getTabState: (tabId) => states.get(tabId),
    updateTabState: (tabId, change) => states.update(tabId, change),
    openSidebar: (tabId) => sidebars.setOpen(tabId, true),
    openOnSite: async (url) => openOnUrl(await loadSettings(browser.storage.local), url),
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
  // Settings from before sites were registrable domains (core/muting.ts): migrated in place, idempotent.
  const migrate = () => updateSettings(browser.storage.local, migrateSettings).catch((e: unknown) => console.error('Backstory could not migrate its settings:', e));
  browser.runtime.onInstalled.addListener(() => void (install().catch(reportInstallError), migrate()));
  browser.runtime.onStartup.addListener(() => void (install().catch(reportInstallError), migrate()));
  // The index removed or garbled while the browser runs: rebuilt from the bundled dataset.
  watchIndex(browser.storage.onChanged, () => install().catch(reportInstallError));
  browser.runtime.onMessage.addListener(routeMessage({ states, sidebars, annotations }));
  browser.tabs.onRemoved.addListener((tabId) => void states.set(tabId, undefined));

  // Annotate: the context menu item on a selection, and the keyboard command, start the same flow.
  const annotateActiveTab = async (): Promise<boolean> => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id === undefined ? false : annotations.annotate(tab.id);
  };
  // The side panel's menu item speaks the reader's UI language, and follows a change of it.
  const sidePanelTitle = async () => translator(resolveLocale((await loadSettings(browser.storage.local)).locale, navigator.languages))('menu.sidePanel');
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id: 'annotate-selection', title: 'Annotate', contexts: ['selection'] }))
      .then(sidePanelTitle)
      .then((title) => browser.contextMenus.create({ id: 'side-panel', title, contexts: ['all'] }));
    // The every-page filter follows the stored annotations (restored after an update, say).
    void withStore((db) => syncAnnotatedSites(db, browser.storage.local)).catch(reportInstallError);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void sidePanelTitle().then((title) => browser.contextMenus.update('side-panel', { title }).catch(() => undefined));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'annotate-selection' && tab?.id !== undefined) void annotations.annotate(tab.id);
    // The side panel opens only from a user gesture: here, synchronously in the menu click.
    if (info.menuItemId === 'side-panel' && tab?.id !== undefined) void openSidePanel(tab.id);
  });
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') void sidebars.toggleActive();
    if (command === 'annotate-selection') void annotateActiveTab();
  });
  // The e2e tests start the flow here, as the command does (Playwright cannot open a native menu).
  // The service worker's global is reachable by this extension only.
  (globalThis as Record<symbol, unknown>)[Symbol.for('backstory.annotate-active-tab')] = annotateActiveTab;
});

function reportInstallError(error: unknown) {
  console.error('Backstory could not install its dataset:', error);
}
