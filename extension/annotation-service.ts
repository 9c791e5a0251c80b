/**
 * The background's half of annotating: the annotate flow (selection -> draft -> sidebar form ->
 * saved record -> highlights), each tab's annotation state, and the compact list of annotated sites
 * the detector reads on every page. Plain TypeScript: the browser APIs come in as `deps`, so the flow
 * is tested without a browser (tests/unit/annotation-flow.test.ts).
 *
 * Per tab, storage.session keeps `annot:<tabId>`: the page (url, canonical link, document key), what
 * anchoring found there (statuses, computed in the page, never stored with the records) and the
 * pending draft. The sidebar watches that key and asks again when it changes. A sidebar whose page is
 * not about the story gets a tab state of its own (`detection.matched` false), so opening, collapsing
 * and hiding work the same way on both kinds of page.
 */
import { openStore, type DB } from './store';
import { listAll, listByDocument, saveAnnotation } from './annotation-store';
import {
  createAnnotation,
  documentKey,
  isPageNote,
  linksOf,
  noteOf,
  quoteOf,
  tagsOf,
  InvalidAnnotationError,
  type AnnotationRecord,
  type Selector,
} from '../core/annotations/model';
import { ANNOTATED_SITES_KEY } from '../core/annotations/annotated-sites';
import { annotatedSites } from '../core/annotations/document-key';
import { parseMessage } from '../core/messages/to-content';
import { Described, Shown, annotationStateKey, type AnchorItem, type AnnotationItem, type AnnotationsView, type PageAnnotations, type SaveResult, type Statuses } from '../core/messages/records';
import { type AnnotatorToBackground, type SidebarAnnotationsToBackground } from '../core/messages/to-background';
import { ANNOTATOR_MESSAGE, type AnnotatorCall, type AnnotatorMessage } from '../core/messages/to-content';
import type { DetectionSummary, TabState } from '../core/messages/records';
import type { SessionArea } from './tab-state';

/** A tab's annotation state, in storage.session. */
export interface TabAnnotations {
  url: string;
  canonical: string | null;
  documentKey: string;
  statuses: Statuses;
  draft?: { url: string; canonical: string | null; selectors: Selector[] };
}

export interface AnnotationServiceDeps {
  session: SessionArea;
  local: { set(items: Record<string, unknown>): Promise<void> };
  /** Run `work` with the extension's database open. */
  withDb<T>(work: (db: DB) => Promise<T>): Promise<T>;
  /** Send to the tab's content script in frame 0; rejects when there is none. */
  sendToTab(tabId: number, message: AnnotatorMessage): Promise<unknown>;
  getTabState(tabId: number): Promise<TabState | undefined>;
  /**
   * Change the tab's state in turn with its other changes (extension/tab-state.ts): `change` gets the
   * state as it is then and returns the new one.
   */
  updateTabState(tabId: number, change: (s: TabState | undefined) => TabState | undefined): Promise<unknown>;
  /** Open the sidebar the detector mounted (the background's setOpen). */
  openSidebar(tabId: number): Promise<unknown>;
  /** Whether the reader left the sidebar open on this page's site. */
  openOnSite(url: string): Promise<boolean>;
}

/** The tab state of a page that has annotations but nothing from the story. */
export function annotationsOnlyDetection(): DetectionSummary {
  return { matched: false, score: 0, families: [], people: [], signals: [], reason: 'Nothing from the story was found; this page has annotations.', detectMs: 0 };
}

/** What the page needs to anchor: ids and selectors only. */
export function anchorItems(records: readonly AnnotationRecord[]): AnchorItem[] {
  return records.map((r) => ({ id: r.id, selectors: (r.target.selector ?? []) as AnchorItem['selectors'] }));
}

/** Records as the sidebar lists them, with where each stands on the page. */
export function sidebarItems(records: readonly AnnotationRecord[], statuses: Statuses): AnnotationItem[] {
  return records.map((r) => {
    const status = isPageNote(r) ? 'page' : statuses[r.id];
    return { id: r.id, quote: quoteOf(r), note: noteOf(r), tags: tagsOf(r), links: linksOf(r), modified: r.modified, ...(status ? { status } : {}) };
  });
}

/** A failure, in words for the reader: a StoreError's message, or each invalid field. */
export function errorMessage(error: unknown): string {
  if (error instanceof InvalidAnnotationError) return `The annotation was not saved: ${error.problems.join('; ')}.`;
  return error instanceof Error ? error.message : String(error);
}

/** Run `work` on a freshly opened database, closed afterwards (as the background's other reads do). */
export async function withStore<T>(work: (db: DB) => Promise<T>): Promise<T> {
  const db = await openStore();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Rewrite the list of annotated sites the detector reads from every page. */
export async function syncAnnotatedSites(db: DB, local: AnnotationServiceDeps['local']): Promise<string[]> {
  const sites = annotatedSites((await listAll(db)).map((r) => r.documentKey));
  await local.set({ [ANNOTATED_SITES_KEY]: sites });
  return sites;
}

export function annotationService(deps: AnnotationServiceDeps) {
  const key = annotationStateKey;
  const getState = async (tabId: number) => (await deps.session.get(key(tabId)))[key(tabId)] as TabAnnotations | undefined;
  const setState = (tabId: number, state: TabAnnotations) => deps.session.set({ [key(tabId)]: state });
  const call = (tabId: number, c: AnnotatorCall) => deps.sendToTab(tabId, { type: ANNOTATOR_MESSAGE, call: c });
  const recordsFor = (documentKey: string) => deps.withDb((db) => listByDocument(db, documentKey));

  /** Whether the tab's detector sidebar belongs to this page. */
  const isStory = (state: TabState | undefined, url: string) => !!state?.detection.matched && state.url === url;
  /**
   * Unless the detector's sidebar belongs to this page, make the tab's state an annotations-only
   * sidebar's, in one change (a decision that lands meanwhile is not overwritten). True: the story's.
   */
  const annotationsSidebar = async (tabId: number, url: string, open: boolean): Promise<boolean> => {
    let story = false;
    await deps.updateTabState(tabId, (s) => {
      story = isStory(s, url);
      return story ? s : { url, detection: annotationsOnlyDetection(), open };
    });
    return story;
  };

  /** Re-anchor and highlight the page's annotations; keep what anchoring found. */
  async function show(tabId: number, state: TabAnnotations, mount: boolean, open: boolean): Promise<void> {
    const records = await recordsFor(state.documentKey);
    const shown = parseMessage(Shown, await call(tabId, { kind: 'show', items: anchorItems(records), mount, open }).catch(() => undefined));
    const current = await getState(tabId);
    if (shown && current?.url === state.url) await setState(tabId, { ...current, statuses: shown.statuses });
  }

  return {
    /**
     * The annotate flow, from the context menu or the keyboard command: ask the page for the
     * selection's selectors, keep them as the tab's draft, open the sidebar on the Annotate form.
     * Resolves false when there is nothing to annotate (no content script, no selection).
     */
    async annotate(tabId: number): Promise<boolean> {
      const described = parseMessage(Described, await call(tabId, { kind: 'describe' }).catch(() => undefined));
      if (!described?.ok) return false;
      const { url, canonical } = described;
      const previous = await getState(tabId);
      const state: TabAnnotations = {
        url,
        canonical,
        documentKey: documentKey(url, canonical),
        statuses: previous?.url === url ? previous.statuses : {},
        draft: { url, canonical, selectors: described.selectors as Selector[] },
      };
      await setState(tabId, state);
      if (await annotationsSidebar(tabId, url, true)) {
        await deps.openSidebar(tabId);
        return true;
      }
      await show(tabId, state, true, true);
      return true;
    },

    /** The annotator on a page that may have annotations: its records, and whether to mount a sidebar. */
    async pageLoaded(tabId: number, m: Extract<AnnotatorToBackground, { type: 'annotations-page' }>): Promise<PageAnnotations> {
      const state: TabAnnotations = { url: m.url, canonical: m.canonical, documentKey: documentKey(m.url, m.canonical), statuses: {} };
      const records = await recordsFor(state.documentKey);
      if (records.length === 0) return { items: [], open: false };
      await setState(tabId, state);
      const open = await deps.openOnSite(m.url);
      if (!m.hasSidebar) await annotationsSidebar(tabId, m.url, open);
      return { items: anchorItems(records), open };
    },

    async statusesReported(tabId: number, m: Extract<AnnotatorToBackground, { type: 'annotation-statuses' }>): Promise<boolean> {
      const current = await getState(tabId);
      if (current?.url !== m.url) return false;
      await setState(tabId, { ...current, statuses: m.statuses });
      return true;
    },

    /** A message from the tab's sidebar. */
    async fromSidebar(tabId: number, m: SidebarAnnotationsToBackground): Promise<AnnotationsView | SaveResult | boolean | undefined> {
      const current = await getState(tabId);
      // A state left from an earlier page in this tab is not this sidebar's.
      const tabState = await deps.getTabState(tabId);
      const state = current && (!tabState || tabState.url === current.url) ? current : undefined;
      switch (m.type) {
        case 'annotations-get': {
          if (!state) return undefined;
          const records = await recordsFor(state.documentKey);
          const quote = state.draft?.selectors.find((s) => s.type === 'TextQuoteSelector');
          return {
            url: state.url,
            documentKey: state.documentKey,
            items: sidebarItems(records, state.statuses),
            ...(state.draft ? { draft: { quote: quote && 'exact' in quote ? String(quote.exact) : '' } } : {}),
          };
        }
        case 'annotation-save': {
          if (!state?.draft) return { ok: false, error: 'Nothing to save: select text on the page and choose "Annotate" again.' };
          const { draft } = state;
          let saved: AnnotationRecord;
          try {
            const record = createAnnotation({ url: draft.url, canonical: draft.canonical, selectors: draft.selectors, note: m.note, tags: m.tags, links: m.links });
            saved = await deps.withDb(async (db) => {
              const r = await saveAnnotation(db, record);
              await syncAnnotatedSites(db, deps.local);
              return r;
            });
          } catch (error) {
            // Reported in the form, which keeps what the reader wrote: nothing is dropped silently.
            return { ok: false, error: errorMessage(error) };
          }
          const { draft: _done, ...rest } = state;
          await setState(tabId, rest);
          await show(tabId, rest, false, true);
          return { ok: true, id: saved.id };
        }
        case 'annotation-cancel': {
          if (!state) return false;
          const { draft: _dropped, ...rest } = state;
          await setState(tabId, rest);
          return true;
        }
        case 'annotation-jump':
          await call(tabId, { kind: 'jump', id: m.id }).catch(() => undefined);
          return true;
      }
    },
  };
}

export type AnnotationService = ReturnType<typeof annotationService>;
