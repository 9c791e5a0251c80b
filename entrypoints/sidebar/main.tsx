/**
 * The sidebar app, an extension page inside the iframe the content script mounts. It asks the
 * background for its tab's detection and the records to show: the dataset lives in the extension's
 * IndexedDB, which this frame (third-party inside a web page) may be denied. It listens to no window
 * messages, so nothing a page posts can reach it. Open/collapsed follows the tab state the
 * background keeps, whoever changed it (this frame, the popup, the keyboard shortcut).
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Sidebar } from '../../components/Sidebar';
import { CollapsedTab } from '../../components/CollapsedTab';
import type { ContextView } from '../../core/dataset/context-view';
import { ContextResponse, TabState } from '../../core/messages/records';
import { type SidebarToBackground } from '../../core/messages/to-background';
import { parseMessage } from '../../core/messages/to-content';
import { loadSettings } from '../../core/settings';
import { translator, type Translate } from '../../core/i18n';
import { applyLocale, pageLanguageFrom, pageLocale } from '../../extension/page-locale';
import { contextForTab } from '../../extension/sidebar/context-for-tab';
import { AnnotationsSection, type LinkChoice } from '../../components/AnnotationsSection';
import { AnnotationsSidebar, AnnotationsTab } from '../../components/AnnotationsSidebar';
import { useAnnotations } from '../../extension/sidebar/use-annotations';
import { watchFrameVisibility } from '../../extension/sidebar/visibility';
import { hasSidePanel, openSidePanel } from '../../extension/side-panel';

interface Loaded {
  tabId: number;
  state: TabState;
  view: ContextView;
  provenance: { version: string; dataAsOf: string; hash: string } | undefined;
  /** Dataset records an annotation can link to. */
  choices: { people: LinkChoice[]; claims: LinkChoice[] };
}

const send = (message: SidebarToBackground) => browser.runtime.sendMessage(message);

/**
 * "Copy context": a click in this frame is the user gesture the clipboard asks for. The frame is
 * cross-origin inside the page, so the Clipboard API needs the iframe's allow="clipboard-write"
 * (content/sidebar-host.ts); a page whose Permissions-Policy withholds it still lets the older
 * execCommand('copy') through on a click, so that is the fallback. No extension permission is needed.
 */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the older way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

async function load(locale: string): Promise<Loaded> {
  let response: ContextResponse | undefined;
  // The content script tells the background about the match without waiting; this frame can load
  // first, so it asks again for a moment before giving up.
  for (let attempt = 0; attempt < 20 && !response; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 50));
    response = parseMessage(ContextResponse, await send({ type: 'get-context' }));
  }
  if (!response) throw new Error('no detection is recorded for this tab.');
  const { tabId, state, data, meta } = response;
  const view = await contextForTab(response, locale);
  const choices = {
    people: data.people.map((p) => ({ id: p.id, label: String(p.displayName ?? p.id) })),
    claims: data.claims.map((c) => ({ id: c.id, label: String(c.statement ?? c.id) })),
  };
  return { tabId, state, view, provenance: meta, choices };
}

function App({ t, locale }: { t: Translate; locale: string }) {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState<string | undefined>();
  /** Counts the reader's open and collapse clicks (an answer to an older one is not acted on). */
  const clicks = useRef(0);
  const annotations = useAnnotations(loaded?.tabId);

  useEffect(() => {
    load(locale).then(
      (l) => {
        setLoaded(l);
        setOpen(l.state.open);
        setFocus(l.state.focus);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  useEffect(() => {
    if (!loaded) return undefined;
    const key = `tab:${loaded.tabId}`;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      const next = parseMessage(TabState, changes[key]!.newValue);
      if (next) setOpen(next.open);
      // A note's "More context" named a family: show it.
      if (next?.focus) setFocus(next.focus);
    };
    // Firefox delivers no storage.session changes to an extension frame inside a web page. The host
    // resizes this frame whenever it opens or collapses, so a resize is the cue to ask for the state.
    const onResize = () => void askState().catch(() => undefined);
    browser.storage.onChanged.addListener(onChanged);
    window.addEventListener('resize', onResize);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      window.removeEventListener('resize', onResize);
    };
  }, [loaded]);

  useEffect(() => {
    document.documentElement.dataset.state = open ? 'open' : 'collapsed';
    // Focus follows the reader: into the panel when it opens, back to the tab when it collapses.
    const target = document.querySelector<HTMLElement>(open ? '.sidebar h1' : 'button.tab');
    // Only move focus when the reader is in this frame (never steal it from the page on load).
    if (loaded && document.hasFocus()) target?.focus();
  }, [open, loaded]);

  useEffect(() => {
    if (open && focus) document.getElementById(`family-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [open, focus, loaded]);

  /** Show the sidebar as the tab's state has it, unless `stale()` by the time it answers. */
  const askState = (stale: () => boolean = () => false) =>
    send({ type: 'get-tab-state' }).then((reply: unknown) => {
      const state = parseMessage(TabState, reply);
      if (!state || stale()) return state;
      setOpen(state.open);
      if (state.focus) setFocus(state.focus);
      return state;
    });

  /**
   * The reader opens or collapses the sidebar. The background tells the page's host, then keeps the
   * choice; if it could not (the page gone, no state for the tab), the panel shows what the tab's state
   * has, or goes back to how it was. Only the latest click's answer counts.
   */
  const changeOpen = (next: boolean) => {
    setOpen(next);
    const click = ++clicks.current;
    const stale = () => click !== clicks.current;
    const undo = () => {
      if (stale()) return;
      const back = () => !stale() && setOpen(!next);
      void askState(stale).then((state) => !state && back(), back);
    };
    void send({ type: 'set-open', open: next }).then((applied: unknown) => applied !== true && undo(), undo);
  };

  if (error) return <p class="error" role="alert">{t('sidebar.error', { error })}</p>;
  if (!loaded) return <p class="loading">{t('sidebar.loading')}</p>;
  // Annotations (issue 6): a section of the story sidebar, or the whole sidebar on other pages.
  const annotationsOnly = !loaded.state.detection.matched;
  const notes = annotations.view;
  const section = notes && (annotationsOnly || notes.items.length > 0 || notes.draft) && (
    <AnnotationsSection view={notes} {...loaded.choices} onSave={annotations.save} onCancel={annotations.cancel} onJump={annotations.jump} t={t} />
  );
  if (annotationsOnly) {
    if (!open) return <AnnotationsTab count={notes?.items.length ?? 0} onOpen={() => changeOpen(true)} t={t} />;
    return (
      <AnnotationsSidebar onCollapse={() => changeOpen(false)} onDismiss={() => void send({ type: 'dismiss' })} t={t}>
        {section || <p class="loading">{t('sidebar.loading')}</p>}
      </AnnotationsSidebar>
    );
  }
  if (!open) return <CollapsedTab t={t} people={loaded.state.detection.people.length} onOpen={() => changeOpen(true)} />;
  return (
    <Sidebar
      view={loaded.view}
      detection={loaded.state.detection}
      provenance={loaded.provenance}
      onCollapse={() => changeOpen(false)}
      onDismiss={() => void send({ type: 'dismiss' })}
      // The side panel opens only from a user gesture: called right in the click, before any await.
      onSidePanel={hasSidePanel() ? () => void openSidePanel(loaded.tabId).then((ok) => ok && changeOpen(false)) : undefined}
      onJump={(signal) => void send({ type: 'jump', signal })}
      t={t}
      locale={locale}
      annotations={section}
      onCopy={copyText}
    />
  );
}

async function start() {
  const settings = await loadSettings(browser.storage.local);
  // Beside the page: its language counts when the reader chose to follow it (the content script puts
  // the page's <html lang> in this frame's URL).
  const locale = pageLocale(settings, navigator.languages, pageLanguageFrom(location.href));
  applyLocale(document.documentElement, locale);
  render(<App t={translator(locale)} locale={locale} />, document.getElementById('app')!);
  // Whether the page lets the reader see this frame (Chromium): the content script adds it to its own checks.
  watchFrameVisibility((visible) => void send({ type: 'frame-visibility', visible }).catch(() => undefined));
}

void start();
