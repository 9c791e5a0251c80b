/**
 * The sidebar app, an extension page inside the iframe the content script mounts. It asks the
 * background what was detected in its tab and for the records to show, and
 * renders. The dataset comes from the background too: inside a web page this frame is third-party,
 * and browsers that block third-party storage would deny it IndexedDB. It listens to no window messages: nothing the page posts can reach it.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Sidebar } from '../../components/Sidebar';
import { CollapsedTab } from '../../components/CollapsedTab';
import { buildContextView, type ContextView, type StoredDataset } from '../../lib/context-view';
import { ContextResponse, parseMessage, type SidebarToBackground, type TabState } from '../../lib/messages';

interface Loaded {
  state: TabState;
  view: ContextView;
  provenance: { version: string; dataAsOf: string; hash: string } | undefined;
}

async function load(): Promise<Loaded> {
  const ask: SidebarToBackground = { type: 'get-context' };
  const response = parseMessage(ContextResponse, await browser.runtime.sendMessage(ask));
  if (!response) throw new Error('no detection is recorded for this tab.');
  const { state, data, meta } = response;
  // The records were validated against the full schema when the dataset was installed.
  const view = buildContextView(data as unknown as StoredDataset, state.detection.families, state.detection.people);
  return { state, view, provenance: meta };
}

function App() {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    load().then((l) => {
      setLoaded(l);
      setOpen(l.state.open);
    }, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const changeOpen = (next: boolean) => {
    setOpen(next);
    document.documentElement.dataset.state = next ? 'open' : 'collapsed';
    const msg: SidebarToBackground = { type: 'set-open', open: next };
    void browser.runtime.sendMessage(msg);
  };

  if (error) return <p class="error" role="alert">Backstory could not load its context: {error}</p>;
  if (!loaded) return <p class="loading">Loading context…</p>;
  if (!open) return <CollapsedTab people={loaded.state.detection.people.length} onOpen={() => changeOpen(true)} />;
  return (
    <Sidebar
      view={loaded.view}
      detection={loaded.state.detection}
      provenance={loaded.provenance}
      onCollapse={() => changeOpen(false)}
    />
  );
}

render(<App />, document.getElementById('app')!);
