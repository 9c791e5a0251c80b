/**
 * The annotate flow without a browser: the every-page filter (annotated sites), the background
 * service (selection -> draft -> sidebar view -> save -> highlights), failures reported instead of
 * dropped, and the page half (describing a selection, re-anchoring after the markup changed).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBObjectStore } from 'fake-indexeddb';
import { openStore, type DB } from '../../extension/store';
import { deleteAnnotation, listAll, saveAnnotation } from '../../extension/annotation-store';
import { createAnnotation, documentKey } from '../../core/annotations/model';
import { annotatedSites } from '../../core/annotations/document-key';
import { ANNOTATED_SITES_KEY, mayHaveAnnotations } from '../../core/annotations/annotated-sites';
import { parseTagInput, formatTags, linksIn } from '../../core/annotations/form';
import { annotationService, type AnnotationServiceDeps } from '../../extension/annotation-service';
import { tabStates } from '../../extension/tab-state';
import { loadSettings, updateSettings } from '../../core/settings';
import { openOnUrl, rememberOpen } from '../../core/muting';
import { fakeBrowser } from 'wxt/testing';
import { AnnotationsView } from '../../core/messages/records';
import { type AnnotatorMessage } from '../../core/messages/to-content';
import { anchorAll, describeSelection } from '../../content/annotator';
import { textOfRoot } from '../../content/text-dom';

const CNN = 'https://edition.cnn.com/2021/04/23/china/xinjiang-uyghur-family-separation-intl-hnk/index.html';

describe('the every-page filter', () => {
  it.each([
    // [document keys, stored sites]: registrable domains, plus the hosts keyed under them
    [['edition.cnn.com/a', 'cnn.com/b'], ['cnn.com']],
    [['news.bbc.co.uk/x', 'bbc.co.uk/y'], ['bbc.co.uk']],
    [['alice.github.io/post'], ['alice.github.io']],
    [['localhost:8080/x', '127.0.0.1/y'], ['127.0.0.1', 'localhost']],
    [['x.com/a/status/1'], ['twitter.com', 'x.com']],
    [['youtube.com/watch?v=1'], ['youtu.be', 'youtube.com']],
    [['about:blank', 'file:///home/r/a.html'], []],
  ])('annotatedSites(%j) = %j', (keys, sites) => expect(annotatedSites(keys)).toEqual(sites));

  it.each([
    // [annotated page, its canonical, page visited later, expected]
    [CNN, null, `${CNN}?utm_source=x`, true],
    [CNN, 'https://www.cnn.com/2021/04/23/china/story/index.html', 'https://edition.cnn.com/other', true],
    [CNN, null, 'https://amp-cnn-com.cdn.ampproject.org/c/s/amp.cnn.com/x', true],
    [CNN, null, 'https://www.google.com/amp/s/www.cnn.com/x', true],
    [CNN, null, 'https://www.bbc.com/news', false],
    // a site, not its last two labels: one annotated .co.uk page does not open every .co.uk site
    ['https://www.bbc.co.uk/news/a', null, 'https://news.bbc.co.uk/b', true],
    ['https://www.bbc.co.uk/news/a', null, 'https://www.theguardian.co.uk/b', false],
    ['https://alice.github.io/a', null, 'https://bob.github.io/a', false],
    ['https://twitter.com/a/status/1', null, 'https://mobile.twitter.com/a/status/1', true],
    ['https://youtu.be/abc', null, 'https://youtu.be/abc?t=3', true],
    [CNN, null, 'https://notcnn.com/x', false],
  ])('annotated %s (canonical %s) -> %s may have annotations: %s', (url, canonical, visit, expected) => {
    const sites = annotatedSites([documentKey(url, canonical)]);
    expect(mayHaveAnnotations(sites, visit)).toBe(expected);
  });

  it('says no when nothing is annotated, or the stored value is not a list', () => {
    expect(mayHaveAnnotations(undefined, CNN)).toBe(false);
    expect(mayHaveAnnotations([], CNN)).toBe(false);
    expect(mayHaveAnnotations('cnn.com', CNN)).toBe(false);
  });
});

describe('form helpers', () => {
  it.each([
    ['coaching, cgtn;  interview ', ['coaching', 'cgtn', 'interview']],
    ['a,,a, ,b', ['a', 'b']],
    ['', []],
  ])('parseTagInput(%j)', (input, tags) => expect(parseTagInput(input)).toEqual(tags));
  it('round-trips tags and picks links by collection', () => {
    expect(parseTagInput(formatTags(['a b', 'c']))).toEqual(['a b', 'c']);
    expect(linksIn(['backstory:people/muhlise', 'backstory:claims/x', 'https://e.org'], 'people')).toEqual(['backstory:people/muhlise']);
  });
});

const ARTICLE_V1 = `<article><h1>Families apart</h1>
<p>Mamutjan Abdurehim has not seen his children since 2015.</p>
<p>In a video released by state media, his daughter <b>Muhlise</b> says she is happy and wants to stay.</p>
<p>Researchers say the children were coached before the interview.</p></article>`;
// Same text, other markup, a paragraph before, reflowed white space, a word changed near the quote.
const ARTICLE_V2 = `<div class="wrap"><p>Updated with a response from the ministry.</p><section>
<h2>Families apart</h2><p>Mamutjan   Abdurehim has not seen his children since 2015.</p>
<p>In a clip released by state media,
his daughter <em>Muhlise</em>   says she is happy and wants to stay.</p>
<p>Researchers say the children were coached before the interview.</p></section></div>`;
const QUOTE = 'his daughter Muhlise says she is happy';

function select(doc: Document, text: string): Selection {
  const rt = textOfRoot(doc.body);
  const start = rt.text.indexOf('his daughter');
  expect(start).toBeGreaterThan(-1);
  const end = rt.text.indexOf('happy') + 'happy'.length;
  const range = doc.createRange();
  const at = (pos: number) => {
    let i = rt.offsets.length - 1;
    while (rt.offsets[i]! > pos) i--;
    return { node: rt.nodes[i]!, offset: pos - rt.offsets[i]! };
  };
  const s = at(start);
  const e = at(end);
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  const selection = doc.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  expect(selection.toString().replace(/\s+/g, ' ')).toBe(text);
  return selection;
}

describe('the page half', () => {
  afterEach(() => {
    document.body.replaceChildren();
    document.head.replaceChildren();
  });

  it('describes a selection and re-anchors it after markup, white space and a nearby word changed; orphans it when gone', () => {
    const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.childNodes;
    document.body.replaceChildren(...parse(ARTICLE_V1));
    const link = document.createElement('link');
    link.rel = 'canonical';
    link.href = 'https://www.cnn.com/a';
    document.head.append(link);
    const described = describeSelection(document, select(document, QUOTE));
    expect(described.ok).toBe(true);
    if (!described.ok) return;
    expect(described.canonical).toBe('https://www.cnn.com/a');
    expect(described.selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: QUOTE });
    const item = { id: 'urn:x:1', selectors: described.selectors };

    document.body.replaceChildren(...parse(ARTICLE_V2));
    const v2 = anchorAll(textOfRoot(document.body), [item, { id: 'urn:x:page', selectors: [] }]);
    expect(v2.statuses).toEqual({ 'urn:x:1': 'anchored' });
    expect(v2.ranges.get('urn:x:1')!.toString().replace(/\s+/g, ' ')).toBe(QUOTE);

    document.body.replaceChildren(...parse('<p>Mamutjan Abdurehim has not seen his children since 2015.</p>'));
    expect(anchorAll(textOfRoot(document.body), [item]).statuses).toEqual({ 'urn:x:1': 'orphaned' });
  });

  it('reports no selection rather than describing nothing', () => {
    document.body.replaceChildren(document.createTextNode('Some text'));
    document.getSelection()!.removeAllRanges();
    expect(describeSelection(document, document.getSelection())).toEqual({ ok: false, reason: 'no-selection' });
  });
});

/**
 * The background service with everything real but the browser's tabs: the store on fake-indexeddb,
 * storage.session and storage.local from WXT's fake browser, the tab states and settings modules the
 * background uses, and, as the tab, the content script's own page code (describeSelection, anchorAll)
 * running on a page in happy-dom. Only the sidebar iframe is not mounted (happy-dom loads no frames;
 * the e2e test covers it): the tab records whether it was asked to mount one.
 */
describe('the background service', () => {
  let db: DB;
  let asked: AnnotatorMessage['call'][];
  let deps: AnnotationServiceDeps;
  const TAB = 7;
  const PAGE_URL = `${CNN}?utm_source=tw`;
  const states = tabStates(fakeBrowser.storage.session);

  function openPage(url: string, html: string, selecting?: string) {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
    document.body.replaceChildren(...new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.childNodes);
    if (selecting) select(document, selecting);
    else document.getSelection()!.removeAllRanges();
  }

  /** The content script's side of the tab: the page code that answers each call. */
  async function tab(message: AnnotatorMessage): Promise<unknown> {
    asked.push(message.call);
    const call = message.call;
    if (call.kind === 'describe') return describeSelection(document, document.getSelection());
    if (call.kind === 'show') return { statuses: anchorAll(textOfRoot(document.body), call.items).statuses };
    return true;
  }

  const view = async (service: ReturnType<typeof annotationService>) =>
    AnnotationsView.parse(await service.fromSidebar(TAB, { type: 'annotations-get' }));

  beforeEach(async () => {
    fakeBrowser.reset();
    db = await openStore();
    asked = [];
    deps = {
      session: fakeBrowser.storage.session,
      local: fakeBrowser.storage.local,
      withDb: (work) => work(db),
      sendToTab: (_tabId, message) => tab(message),
      getTabState: (tabId) => states.get(tabId),
      updateTabState: (tabId, change) => states.update(tabId, change),
      openSidebar: vi.fn(async () => true),
      openOnSite: async (url) => openOnUrl(await loadSettings(fakeBrowser.storage.local), url),
    };
    openPage(PAGE_URL, ARTICLE_V1, QUOTE);
  });
  afterEach(async () => {
    await Promise.all((await listAll(db)).map((r) => deleteAnnotation(db, r.id)));
    db.close();
    document.body.replaceChildren();
  });

  it('annotate -> draft in the sidebar -> save -> stored, listed for the page, anchored on it; orphaned once the passage is gone', async () => {
    const service = annotationService(deps);
    expect(await service.annotate(TAB)).toBe(true);
    // A page the detector did not match: the annotator mounts the sidebar, open, on the form.
    expect(await states.get(TAB)).toMatchObject({ url: PAGE_URL, open: true, detection: { matched: false } });
    expect(asked.map((c) => c.kind)).toEqual(['describe', 'show']);
    expect(asked[1]).toMatchObject({ mount: true, open: true });

    const draft = await view(service);
    expect(draft.draft).toEqual({ quote: QUOTE });
    expect(draft.documentKey).toBe(documentKey(CNN));

    const saved = await service.fromSidebar(TAB, { type: 'annotation-save', note: 'Coached?', tags: ['coaching'], links: ['backstory:people/muhlise'] });
    expect(saved).toMatchObject({ ok: true });
    const stored = await listAll(db);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: (saved as { id: string }).id, documentKey: documentKey(CNN), target: { source: PAGE_URL } });
    expect(await fakeBrowser.storage.local.get(ANNOTATED_SITES_KEY)).toEqual({ [ANNOTATED_SITES_KEY]: ['cnn.com'] });

    const after = await view(service);
    expect(after.draft).toBeUndefined();
    expect(after.items).toEqual([
      expect.objectContaining({ quote: QUOTE, note: 'Coached?', tags: ['coaching'], links: ['backstory:people/muhlise'], status: 'anchored' }),
    ]);

    // The page changed its markup: still anchored. The passage was cut: orphaned, still listed.
    openPage(`${CNN}#top`, ARTICLE_V2);
    const page = await service.pageLoaded(TAB, { type: 'annotations-page', url: `${CNN}#top`, canonical: null, hasSidebar: false });
    expect(page.items.map((i) => i.id)).toEqual([stored[0]!.id]);
    const statuses = anchorAll(textOfRoot(document.body), page.items).statuses;
    expect(statuses).toEqual({ [stored[0]!.id]: 'anchored' });
    openPage(`${CNN}#top`, '<p>Mamutjan Abdurehim has not seen his children since 2015.</p>');
    const gone = anchorAll(textOfRoot(document.body), page.items).statuses;
    expect(await service.statusesReported(TAB, { type: 'annotation-statuses', url: `${CNN}#top`, statuses: gone })).toBe(true);
    expect((await view(service)).items).toEqual([expect.objectContaining({ note: 'Coached?', status: 'orphaned' })]);
  });

  it('with nothing selected, annotate does nothing: no draft, no sidebar', async () => {
    openPage(PAGE_URL, ARTICLE_V1);
    const service = annotationService(deps);
    expect(await service.annotate(TAB)).toBe(false);
    expect(asked.map((c) => c.kind)).toEqual(['describe']);
    expect(await states.get(TAB)).toBeUndefined();
    expect(await service.fromSidebar(TAB, { type: 'annotations-get' })).toBeUndefined();
  });

  it('on a page the detector matched, opens the story sidebar instead of mounting another', async () => {
    await states.set(TAB, { url: PAGE_URL, open: false, detection: { matched: true, score: 9, families: [], people: [], signals: [], reason: '', detectMs: 1 } });
    await annotationService(deps).annotate(TAB);
    expect(deps.openSidebar).toHaveBeenCalledWith(TAB);
    expect(asked.map((c) => c.kind)).toEqual(['describe']);
  });

  it('a failed write is reported to the sidebar, and the draft is kept', async () => {
    const service = annotationService(deps);
    await service.annotate(TAB);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const result = await service.fromSidebar(TAB, { type: 'annotation-save', note: 'n', tags: [], links: [] });
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Saving the annotation failed: .*quota exceeded.*Nothing was changed\.$/) });
    } finally {
      put.mockRestore();
    }
    expect(await listAll(db)).toEqual([]);
    expect(await fakeBrowser.storage.local.get(ANNOTATED_SITES_KEY)).toEqual({});
    expect((await view(service)).draft).toEqual({ quote: QUOTE });
  });

  it('an invalid link is refused with the field named, and nothing is stored', async () => {
    const service = annotationService(deps);
    await service.annotate(TAB);
    const result = await service.fromSidebar(TAB, { type: 'annotation-save', note: '', tags: [], links: ['javascript:alert(1)'] });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('body[0].source') });
    expect(await listAll(db)).toEqual([]);
  });

  it('a page load with stored annotations gets them, opened as the reader left the site; another page of the tab never sees a stale list', async () => {
    await saveAnnotation(db, createAnnotation({ url: CNN, selectors: [{ type: 'TextQuoteSelector', exact: QUOTE }], note: 'kept' }));
    await updateSettings(fakeBrowser.storage.local, (s) => rememberOpen(s, CNN, true));
    const service = annotationService(deps);
    const page = await service.pageLoaded(TAB, { type: 'annotations-page', url: `http://edition.cnn.com/2021/04/23/china/xinjiang-uyghur-family-separation-intl-hnk/index.html#top`, canonical: null, hasSidebar: false });
    expect(page.items).toHaveLength(1);
    expect(page.open).toBe(true);
    expect(await states.get(TAB)).toMatchObject({ detection: { matched: false } });
    const none = await service.pageLoaded(TAB, { type: 'annotations-page', url: 'https://www.bbc.com/other', canonical: null, hasSidebar: false });
    expect(none).toEqual({ items: [], open: false });
    // The tab moved on to a story page without annotations: the old list is not this sidebar's.
    await states.set(TAB, { url: 'https://www.cnn.com/story', open: false, detection: { matched: true, score: 9, families: [], people: [], signals: [], reason: '', detectMs: 1 } });
    expect(await service.fromSidebar(TAB, { type: 'annotations-get' })).toBeUndefined();
  });
});
