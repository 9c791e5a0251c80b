import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, openStore, type DB } from '../../extension/store';
import { listAll } from '../../extension/annotation-store';
import { exportAnnotations, importAnnotations } from '../../extension/annotation-transfer';
import {
  createAnnotation,
  documentKey,
  linkIri,
  linksOf,
  noteOf,
  quoteOf,
  tagsOf,
  withContent,
  type AnnotationRecord,
} from '../../core/annotations/model';
import { ImportError, MB, parseImport } from '../../core/annotations/import';
import { exportJsonLd } from '../../core/annotations/export';
import { CSV_COLUMNS, FORMULA_GUARD, exportCsv, splitTags } from '../../core/annotations/csv';
import Papa from 'papaparse';

/** The CSV as a spreadsheet reads it (Papa.parse), with the formula guard's `'` taken off again. */
function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data.map((row) => row.map((cell) => (cell.startsWith("'") && FORMULA_GUARD.test(cell.slice(1)) ? cell.slice(1) : cell)));
}

const CNN = 'https://www.cnn.com/2021/04/23/china/xinjiang-uyghur-family-separation-intl-hnk/index.html';

describe('documentKey', () => {
  it.each([
    ['tracking parameters and fragment go', `${CNN}?utm_source=twCNNi&utm_medium=social#comments`, 'cnn.com/2021/04/23/china/xinjiang-uyghur-family-separation-intl-hnk/index.html'],
    ['www., http and a trailing slash go', 'http://www.example.org/news/story/', 'example.org/news/story'],
    ['m. and mobile. go', 'https://m.example.org/news/story?fbclid=abc&gclid=1', 'example.org/news/story'],
    ['amp. host, /amp path and amp=1', 'https://amp.example.org/news/story/amp/?amp=1', 'example.org/news/story'],
    ['.amp.html', 'https://example.org/news/story.amp.html', 'example.org/news/story.html'],
    ['meaningful parameters stay, sorted', 'https://example.org/search?q=uyghur&page=2&mc_cid=x&mc_eid=y', 'example.org/search?page=2&q=uyghur'],
    ['ref, ref_src, igshid go', 'https://example.org/a?ref=home&ref_src=twsrc&igshid=zz', 'example.org/a'],
    ['twitter.com is x.com; s and t go there', 'https://twitter.com/CGTNOfficial/status/1385?s=20&t=AbC', 'x.com/CGTNOfficial/status/1385'],
    ['s and t stay elsewhere', 'https://example.org/a?s=20&t=5', 'example.org/a?s=20&t=5'],
    ['youtu.be is youtube.com/watch', 'https://youtu.be/dQw4w9WgXcQ?si=share&t=30', 'youtube.com/watch?v=dQw4w9WgXcQ'],
    ['AMP cache is unwrapped', 'https://www-cnn-com.cdn.ampproject.org/c/s/www.cnn.com/2021/story.amp.html', 'cnn.com/2021/story.html'],
    ['Google AMP viewer is unwrapped', 'https://www.google.com/amp/s/www.cnn.com/2021/story/amp', 'cnn.com/2021/story'],
    ['root path is empty', 'https://www.cnn.com/', 'cnn.com'],
    ['non-http URLs are kept, without fragment', 'file:///home/r/report.html#p3', 'file:///home/r/report.html'],
  ])('%s', (_name, url, key) => {
    expect(documentKey(url)).toBe(key);
  });

  it.each([
    ['same host', 'https://www.cnn.com/x?utm_source=a', 'https://www.cnn.com/2021/story', 'cnn.com/2021/story'],
    ['another subdomain of the same site', 'https://edition.cnn.com/2021/story', 'https://www.cnn.com/2021/story', 'cnn.com/2021/story'],
    ['same site under a country suffix', 'https://m.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/world-1', 'bbc.co.uk/news/world-1'],
    ['another site: ignored', 'https://evil.example/copy', 'https://www.cnn.com/2021/story', 'evil.example/copy'],
    ['a different .co.uk site: ignored', 'https://evil.co.uk/copy', 'https://www.bbc.co.uk/news/1', 'evil.co.uk/copy'],
    ['another tenant of a shared host: ignored', 'https://someone.github.io/copy', 'https://other.github.io/story', 'someone.github.io/copy'],
    ['a javascript: canonical: ignored', 'https://www.cnn.com/a', 'javascript:alert(1)', 'cnn.com/a'],
    ['an AMP cache page pointing to its origin', 'https://www-cnn-com.cdn.ampproject.org/c/s/www.cnn.com/a.amp.html', 'https://www.cnn.com/a.html', 'cnn.com/a.html'],
  ])('canonical link: %s', (_name, url, canonical, key) => {
    expect(documentKey(url, canonical)).toBe(key);
  });
});

/** Annotations with everything that could get lost on the way: scripts, quotes, separators, history. */
function sampleRecords(): AnnotationRecord[] {
  const first = createAnnotation({
    url: `${CNN}?utm_source=tw`,
    note: 'Zumeryem\'s video: "edited", per CNN.\nSecond line, with a comma; and a semicolon.',
    tags: ['coaching', 'state media', 'a;b', 'back\\slash'],
    links: [linkIri('people', 'zumeryem'), 'https://www.cnn.com/2021/other'],
    selectors: [
      { type: 'TextQuoteSelector', exact: 'the clip had been "edited"', prefix: 'Researchers said ', suffix: ', and that' },
      { type: 'TextPositionSelector', start: 120, end: 146 },
    ],
    now: new Date('2024-05-01T10:00:00Z'),
  });
  const edited = withContent(first, { note: `${noteOf(first)}\nEdited later.` }, new Date('2024-05-02T09:00:00Z'));
  const uyghur = createAnnotation({
    url: 'https://news.cgtn.com/news/2021-04-24/story/index.html',
    note: 'ئانىسى ۋە دادىسى — 母亲和父亲 — =SUM(A1) looks like a formula',
    tags: ['=cmd', '-minus', '@at'],
    selectors: [{ type: 'TextQuoteSelector', exact: '新疆', prefix: '', suffix: '' }],
    now: new Date('2024-05-03T10:00:00Z'),
  });
  const pageNote = createAnnotation({ url: 'https://x.com/CGTNOfficial/status/1385?s=20', note: 'Whole-page note, no quote.', now: new Date('2024-05-04T10:00:00Z') });
  const highlight = createAnnotation({
    url: 'https://www.bbc.co.uk/news/world-asia-china-1',
    selectors: [{ type: 'TextQuoteSelector', exact: 'a highlight without a note' }],
    now: new Date('2024-05-05T10:00:00Z'),
  });
  return [edited, uyghur, pageNote, { ...highlight, conflictOf: 'urn:uuid:00000000-0000-4000-8000-000000000001' }];
}

describe('export', () => {
  it('writes a W3C AnnotationCollection with its page inline', () => {
    const records = sampleRecords();
    const doc = JSON.parse(exportJsonLd(records)) as Record<string, unknown> & { first: { type: string; items: Array<Record<string, unknown>> } };
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.id).toMatch(/^urn:uuid:/);
    expect(doc.total).toBe(records.length);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items).toHaveLength(records.length);
    const item = doc.first.items[0]!;
    expect(item).toMatchObject({ type: 'Annotation', motivation: 'commenting', target: { source: `${CNN}?utm_source=tw` } });
    expect(item.body).toContainEqual({ type: 'SpecificResource', source: 'backstory:people/zumeryem', purpose: 'linking' });
    expect(item.body).toContainEqual({ type: 'TextualBody', value: 'coaching', purpose: 'tagging' });
    expect(doc.first.items[3]).not.toHaveProperty('body');
    expect(doc.first.items[3]).toMatchObject({ motivation: 'highlighting' });
  });

  it('JSON-LD round trip loses nothing', () => {
    const records = sampleRecords();
    expect(parseImport(exportJsonLd(records))).toEqual(records);
  });

  it('CSV round trip loses nothing of its columns (RFC 4180 quoting, formula guard undone)', () => {
    const records = sampleRecords();
    const csv = exportCsv(records);
    expect(csv.startsWith('\uFEFFid,created,modified,page_url,quote,note,tags,links\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(records.length + 1);
    records.forEach((r, i) => {
      const [id, created, modified, url, quote, note, tags, links] = rows[i + 1]!;
      expect({ id, created, modified, url, quote, note, tags: splitTags(tags!), links: links ? links.split(' ') : [] }).toEqual({
        id: r.id,
        created: r.created,
        modified: r.modified,
        url: r.target.source,
        quote: quoteOf(r),
        note: noteOf(r),
        tags: tagsOf(r),
        links: linksOf(r),
      });
    });
  });

  it('guards a value that already starts with an apostrophe before a formula character, so the guard can be undone', () => {
    const record = createAnnotation({ url: 'https://example.org/a', note: "'=HYPERLINK(\"x\")", tags: ["'plain"], now: new Date('2024-01-01T00:00:00Z') });
    const csv = exportCsv([record]);
    expect(csv).toContain(`"''=HYPERLINK(""x"")"`);
    expect(readCsv(csv)[1]!.slice(5, 7)).toEqual(["'=HYPERLINK(\"x\")", "'plain"]);
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    const csv = exportCsv(sampleRecords());
    expect(csv).toContain(`'=cmd;-minus;@at`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
  });
});

/** A Hypothesis API search result, as its export tools write it (trimmed to the fields that matter). */
const HYPOTHESIS = {
  total: 2,
  rows: [
    {
      id: 'https://hypothes.is/a/Q2w3e4R5EeuAbCdEfGhIjK',
      created: '2021-05-01T10:00:00.123456+00:00',
      updated: '2021-05-02T08:30:00.654321+00:00',
      user: 'acct:researcher@hypothes.is',
      uri: CNN,
      text: 'State media aired this two days after the report.',
      tags: ['state-media', 'response'],
      group: '__world__',
      permissions: { read: ['group:__world__'] },
      target: [
        {
          source: CNN,
          selector: [
            { type: 'RangeSelector', endOffset: 52, startOffset: 0, endContainer: '/div[1]/p[4]', startContainer: '/div[1]/p[4]' },
            { type: 'TextPositionSelector', start: 2310, end: 2362 },
            { type: 'TextQuoteSelector', exact: 'no evidence was given for the accusations', prefix: 'The parents answered that ', suffix: ' against them.' },
          ],
        },
      ],
      document: { title: ['Separated families'] },
      links: { html: 'https://hypothes.is/a/Q2w3e4R5EeuAbCdEfGhIjK' },
    },
    {
      id: 'https://hypothes.is/a/Z9y8x7W6EeuAbCdEfGhIjK',
      created: '2021-05-03T10:00:00+00:00',
      updated: '2021-05-03T10:00:00+00:00',
      uri: 'https://news.cgtn.com/news/2021-04-24/story/index.html',
      text: '',
      tags: [],
      target: [{ source: 'https://news.cgtn.com/news/2021-04-24/story/index.html' }],
    },
  ],
};

describe('import: dialects', () => {
  it('reads a Hypothesis API export: text, tags, uri, updated, RangeSelector kept', () => {
    const [first, pageNote] = parseImport(JSON.stringify(HYPOTHESIS));
    expect(first).toMatchObject({
      id: 'https://hypothes.is/a/Q2w3e4R5EeuAbCdEfGhIjK',
      created: '2021-05-01T10:00:00.123456+00:00',
      modified: '2021-05-02T08:30:00.654321+00:00',
      documentKey: documentKey(CNN),
    });
    expect(noteOf(first!)).toBe('State media aired this two days after the report.');
    expect(tagsOf(first!)).toEqual(['state-media', 'response']);
    expect(quoteOf(first!)).toBe('no evidence was given for the accusations');
    expect(first!.target.selector?.map((s) => s.type)).toEqual(['RangeSelector', 'TextPositionSelector', 'TextQuoteSelector']);
    expect(first).not.toHaveProperty('user');
    expect(pageNote!.target).toEqual({ source: 'https://news.cgtn.com/news/2021-04-24/story/index.html' });
    expect(pageNote!.body).toEqual([]);
  });

  it.each([
    ['one Annotation', (a: object) => a],
    ['a bare array', (a: object) => [a]],
    ['an AnnotationPage', (a: object) => ({ type: 'AnnotationPage', items: [a] })],
    ['a collection with items', (a: object) => ({ type: 'AnnotationCollection', items: [a] })],
    ['a collection with pages inline', (a: object) => ({ type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage', items: [], next: { type: 'AnnotationPage', items: [a] } } })],
    ['a Hypothesis client export', (a: object) => ({ export_date: '2024-01-01', annotations: [a] })],
  ])('reads %s', (_name, wrap) => {
    const one = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno1',
      type: 'Annotation',
      body: 'A plain-string body is the note.',
      target: 'https://example.org/page1',
    };
    const [record] = parseImport(JSON.stringify(wrap(one)));
    expect(record).toMatchObject({ id: 'http://example.org/anno1', target: { source: 'https://example.org/page1' }, documentKey: 'example.org/page1' });
    expect(noteOf(record!)).toBe('A plain-string body is the note.');
  });

  it('reads W3C bodies: TextualBody without purpose, bodyValue, a link by IRI, a single selector', () => {
    const [record] = parseImport(
      JSON.stringify({
        type: 'Annotation',
        created: '2024-01-01T00:00:00Z',
        body: [{ type: 'TextualBody', value: 'note', format: 'text/markdown', language: 'en' }, 'backstory:claims/state-media-claim', { id: 'https://example.org/evidence' }],
        bodyValue: 'second note',
        target: { type: 'SpecificResource', source: 'https://example.org/p', selector: { type: 'TextQuoteSelector', exact: 'quoted' } },
      }),
    );
    expect(noteOf(record!)).toBe('note\n\nsecond note');
    expect(linksOf(record!)).toEqual(['backstory:claims/state-media-claim', 'https://example.org/evidence']);
    expect(record!.id).toMatch(/^urn:uuid:/);
    expect(record!.modified).toBe('2024-01-01T00:00:00Z');
  });

  it('keeps a claimed document key only when it is on the page\'s own site', () => {
    const base = { type: 'Annotation', target: 'https://edition.cnn.com/2021/story' };
    expect(parseImport(JSON.stringify({ ...base, 'backstory:documentKey': 'cnn.com/2021/story' }))[0]!.documentKey).toBe('cnn.com/2021/story');
    expect(parseImport(JSON.stringify({ ...base, 'backstory:documentKey': 'evil.example/x' }))[0]!.documentKey).toBe('edition.cnn.com/2021/story');
  });
});

describe('import: malformed files are refused whole, with precise problems, and the store is unchanged', () => {
  let db: DB;
  let before: string;
  beforeEach(async () => {
    indexedDB.deleteDatabase(DB_NAME);
    db = await openStore();
    await importAnnotations(db, exportJsonLd(sampleRecords()));
    before = JSON.stringify(await listAll(db));
  });
  afterEach(() => db.close());

  async function refused(file: string | Blob): Promise<string[]> {
    const error = await importAnnotations(db, file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^Import refused, nothing was imported/);
    expect(JSON.stringify(await listAll(db))).toBe(before);
    return (error as ImportError).problems.map((p) => `${p.index ?? '-'}|${p.id ?? ''}|${p.path}|${p.message}`);
  }

  const good = (id: string) => ({ id, type: 'Annotation', created: '2024-01-01T00:00:00Z', target: 'https://example.org/p', body: 'fine' });

  it.each([
    ['truncated JSON', exportJsonLd(sampleRecords()).slice(0, 500), /^-\|\|\|the file is not valid JSON at line \d+, column \d+ \(character 500 of 500\) — the file looks cut short/],
    ['JSON with a stray comma', '[{"id": "urn:a:1",}]', /^-\|\|\|the file is not valid JSON at line 1, column 19 \(character 18 of 20\)/],
    ['not annotations', '{"hello": "world"}', /^-\|\|\|the file holds no annotations: expected an AnnotationCollection/],
    ['a collection paged by link', '{"type": "AnnotationCollection", "first": "https://example.org/page1"}', /page 0 is only a link/],
    ['a 130 MB file', 'x'.repeat(130 * MB), /^-\|\|\|the file is 130\.0 MB; the limit is 128 MB$/],
    ['200,001 annotations', JSON.stringify(Array.from({ length: 200_001 }, () => ({}))), /^-\|\|\|the file holds 200,001 annotations; the limit is 200,000 per file \(split it and import the parts one after the other\)$/],
  ])('%s', async (_name, file, message) => {
    const problems = await refused(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('refuses a 200 MB File before reading it', async () => {
    const file = { size: 200 * MB, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect(await refused(file)).toEqual(['-|||the file is 200.0 MB; the limit is 128 MB']);
  });

  it('names each bad item, its id, the field and why (wrong types, unknown selector, unsafe link, duplicates)', async () => {
    const file = JSON.stringify({
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          good('urn:x:ok-1'),
          { ...good('urn:x:bad-types'), created: 1714557600, tags: 'coaching', target: { source: 'https://example.org/p', selector: [{ type: 'TextPositionSelector', start: '3', end: 1 }] } },
          { ...good('urn:x:bad-selector'), target: { source: 'https://example.org/p', selector: [{ type: 'TextQuoteSelector', exact: 'q' }, { type: 'FancySelector', value: 'x' }] } },
          { ...good('urn:x:bad-link'), body: [{ type: 'SpecificResource', source: 'javascript:alert(1)', purpose: 'linking' }] },
          { ...good('urn:x:bad-target'), target: 'ftp://example.org/file' },
          { ...good('urn:x:two-targets'), target: ['https://example.org/a', 'https://example.org/b'] },
          { ...good('not an iri') },
          good('urn:x:ok-1'),
          'just a string',
          { ...good('urn:x:no-target'), target: undefined },
          { ...good('urn:x:dates'), created: '2024-02-01T00:00:00Z', modified: '2024-01-01T00:00:00Z' },
        ],
      },
    });
    expect(await refused(file)).toEqual([
      '1|urn:x:bad-types|created|must be an ISO 8601 date-time (a string such as 2024-05-01T10:00:00Z)',
      '1|urn:x:bad-types|tags|tags are an array of strings',
      '1|urn:x:bad-types|target.selector[0].start|Invalid input: expected number, received string',
      '2|urn:x:bad-selector|target.selector[1].type|unknown selector type "FancySelector"; Backstory anchors with TextQuoteSelector, TextPositionSelector (and keeps RangeSelector, XPathSelector, CssSelector, FragmentSelector, DataPositionSelector, SvgSelector)',
      '3|urn:x:bad-link|body[0].source|a link is backstory:<collection>/<id> (e.g. backstory:people/zumeryem) or an http(s) URL',
      '4|urn:x:bad-target|target|must be an http(s) URL',
      '5|urn:x:two-targets|target|an annotation needs exactly one target (found 2)',
      '6|not an iri|id|must be an IRI such as urn:uuid:… or https://…',
      '7|urn:x:ok-1|id|the same id as item 0',
      '8|||an annotation is an object, not a string',
      '9|urn:x:no-target|target|an annotation needs a target (the page it is about)',
      '10|urn:x:dates|modified|modified comes before created',
    ]);
  });

  it('says how many problems there are and lists the first ones in its message', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ ...good(`urn:x:${i}`), target: 'ftp://x' }));
    const error = (await importAnnotations(db, JSON.stringify(items)).catch((e: unknown) => e)) as ImportError;
    expect(error.problems).toHaveLength(30);
    expect(error.message).toContain('(30 problems)');
    expect(error.message).toContain('item 0 (id "urn:x:0"), field target: must be an http(s) URL');
    expect(error.message).toContain('… and 10 more');
  });
});

describe('export from the store', () => {
  it('names the file and its type, and reads back as stored', async () => {
    indexedDB.deleteDatabase(DB_NAME);
    const db = await openStore();
    const records = sampleRecords();
    await importAnnotations(db, exportJsonLd(records));
    const jsonld = await exportAnnotations(db, 'jsonld', new Date('2024-06-01T00:00:00Z'));
    expect(jsonld).toMatchObject({ filename: 'backstory-annotations-2024-06-01.jsonld', count: 4 });
    expect(jsonld.mimeType).toMatch(/^application\/ld\+json/);
    expect(parseImport(jsonld.text)).toEqual(records);
    const csv = await exportAnnotations(db, 'csv', new Date('2024-06-01T00:00:00Z'));
    expect(csv).toMatchObject({ filename: 'backstory-annotations-2024-06-01.csv', mimeType: 'text/csv;charset=utf-8', count: 4 });
    expect(readCsv(csv.text)).toHaveLength(5);
    db.close();
  });
});
