/**
 * The browser's own side panel (Chrome `side_panel`, Firefox `sidebar_action`): the same context as
 * the in-page sidebar, for the active tab, on the one surface no page can cover or imitate. It follows
 * the reader: another tab activated, or the tab's detection changed (storage.session `tab:<id>`), and
 * it shows that tab's context; a note's "More context" names a family, and it scrolls there.
 *
 * `?tab=ID` names the tab (the e2e tests and screenshots open the page as a tab of its own, since
 * headless browsers draw no side panel); otherwise the active tab of this window.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Sidebar } from '../../components/Sidebar';
import type { ContextView } from '../../core/dataset/context-view';
import { ContextResponse, TabState } from '../../core/messages/records';
import type { PanelToBackground } from '../../core/messages/to-background';
import { parseMessage } from '../../core/messages/to-content';
import { loadSettings } from '../../core/settings';
import { translator, type Translate } from '../../core/i18n';
import { applyLocale, pageLocale } from '../../extension/page-locale';
import { contextForTab } from '../../extension/sidebar/context-for-tab';

interface Loaded {
  tabId: number;
  state: TabState;
  view: ContextView;
  provenance: ContextResponse['meta'];
}

const send = (message: PanelToBackground) => browser.runtime.sendMessage(message);
const named = Number(new URLSearchParams(location.search).get('tab'));
const fixedTab = Number.isInteger(named) && named > 0 ? named : undefined;

async function activeTab(): Promise<number | undefined> {
  if (fixedTab !== undefined) return fixedTab;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function load(tabId: number, locale: string): Promise<Loaded | undefined> {
  const response = parseMessage(ContextResponse, await send({ type: 'panel-context', tabId }));
  if (!response?.state.detection.matched) return undefined;
  return { tabId, state: response.state, view: await contextForTab(response, locale), provenance: response.meta };
}

function App({ t, locale }: { t: Translate; locale: string }) {
  const [tabId, setTabId] = useState<number | undefined>();
  const [loaded, setLoaded] = useState<Loaded | undefined | null>(null);
  const [focus, setFocus] = useState<string | undefined>();

  // Which tab: the active one, followed as the reader switches tabs.
  useEffect(() => {
    void activeTab().then(setTabId);
    if (fixedTab !== undefined) return undefined;
    const onActivated = () => void activeTab().then(setTabId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);

  // That tab's context, reloaded when its detection changes; a note's family, scrolled to.
  useEffect(() => {
    if (tabId === undefined) return undefined;
    let current = '';
    const refresh = () =>
      void load(tabId, locale).then((l) => {
        const key = l ? `${l.state.url} ${l.state.detection.families.join()} ${l.state.detection.people.join()}` : '';
        if (key !== current || !l) setLoaded(l);
        current = key;
        setFocus(l?.state.focus);
      });
    refresh();
    const key = `tab:${tabId}`;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId, locale]);

  useEffect(() => {
    if (loaded && focus) document.getElementById(`family-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [loaded, focus]);

  if (loaded === null) return <p class="loading">{t('sidebar.loading')}</p>;
  if (!loaded) {
    return (
      <main class="panel-empty" aria-label={t('panel.title')}>
        <h1>{t('app.name')}</h1>
        <p>{t('panel.empty')}</p>
      </main>
    );
  }
  return (
    <Sidebar
      view={loaded.view}
      detection={loaded.state.detection}
      provenance={loaded.provenance}
      // The browser's own panel: closing it is the browser's (its header), or this.
      onCollapse={() => window.close()}
      onJump={(signal) => void send({ type: 'jump', tabId: loaded.tabId, signal })}
      t={t}
      locale={locale}
    />
  );
}

async function start() {
  const settings = await loadSettings(browser.storage.local);
  const locale = pageLocale(settings, navigator.languages);
  applyLocale(document.documentElement, locale);
  document.title = translator(locale)('panel.title');
  render(<App t={translator(locale)} locale={locale} />, document.getElementById('app')!);
}

void start();
