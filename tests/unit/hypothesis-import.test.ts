/**
 * Hypothesis import: the client's export file and the API's search result, read through the same
 * import as W3C files (parseImport, importAnnotations), merged the same way, refused whole with the
 * item and field named. Fixtures: tests/fixtures/hypothesis/ (realistic files, trimmed of nothing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, openStore, type DB } from '../../extension/store';
import { getAnnotation, listAll, updateAnnotation } from '../../extension/annotation-store';
import { importAnnotations } from '../../extension/annotation-transfer';
import { ImportError, formatProblem, parseImport } from '../../core/annotations/import';
import { exportJsonLd } from '../../core/annotations/export';
import { documentKey, isPageNote, noteOf, quoteOf, tagsOf, type AnnotationRecord } from '../../core/annotations/model';

const FIXTURES = path.resolve('tests/fixtures/hypothesis');
const CLIENT_EXPORT = readFileSync(path.join(FIXTURES, 'client-export.json'), 'utf8');
const API_SEARCH = readFileSync(path.join(FIXTURES, 'api-search.json'), 'utf8');
const HERALD = 'https://www.riversideherald.example/local/2024/05/02/cycle-lanes';
const H = (id: string) => `https://hypothes.is/a/${id}`;

const byId = (records: AnnotationRecord[], id: string) => {
  const r = records.find((x) => x.id === id);
  expect(r, id).toBeDefined();
  return r!;
};

describe('the Hypothesis client export', () => {
  const records = parseImport(CLIENT_EXPORT);

  it('reads every annotation', () => expect(records).toHaveLength(6));

  it('keeps the page, note (Markdown), tags, dates, author and every selector', () => {
    const first = byId(records, H('Xq3nVB_vEe-8ZCPy1Rk4bQ'));
    expect(first).toMatchObject({
      created: '2024-05-28T09:14:02.551203+00:00',
      modified: '2024-05-28T09:20:47.102934+00:00',
      target: { source: HERALD },
      documentKey: documentKey(HERALD),
      creator: { id: 'acct:mira_k@hypothes.is', name: 'Mira Kovač' },
    });
    expect(first.body).toContainEqual({ type: 'TextualBody', value: 'Vote count matches the **council minutes** (item 7).', format: 'text/markdown', purpose: 'commenting' });
    expect(tagsOf(first)).toEqual(['council', 'transport']);
    expect(first.target.selector?.map((s) => s.type)).toEqual(['RangeSelector', 'TextPositionSelector', 'TextQuoteSelector']);
    expect(first.target.selector?.[0]).toEqual({ type: 'RangeSelector', endOffset: 96, startOffset: 0, endContainer: '/main[1]/article[1]/p[1]', startContainer: '/main[1]/article[1]/p[1]' });
    expect(quoteOf(first)).toBe('The council voted eight to three on Tuesday to build protected cycle lanes along the high street.');
    // Hypothesis' sharing and moderation fields are not Backstory's to keep.
    for (const field of ['group', 'permissions', 'document', 'links', 'user', 'user_info', 'flagged', 'hidden']) expect(first).not.toHaveProperty(field);
  });

  it('names the author by the acct: user when there is no display name', () => {
    expect(byId(records, H('b8TnzB_wEe-Cq8-bvIW1pA')).creator).toEqual({ id: 'acct:mira_k@hypothes.is', name: 'mira_k' });
  });

  it('keeps replies linked to what they answer, the whole thread in order', () => {
    const reply = byId(records, H('dG9wzB_wEe-Cq9cz1kNQhg'));
    const replyToReply = byId(records, H('eWQ1bB_xEe-RlFOAm6sVPw'));
    expect(reply.references).toEqual([H('b8TnzB_wEe-Cq8-bvIW1pA')]);
    expect(replyToReply.references).toEqual([H('b8TnzB_wEe-Cq8-bvIW1pA'), H('dG9wzB_wEe-Cq9cz1kNQhg')]);
    expect(quoteOf(byId(records, reply.references!.at(-1)!))).toBe('Shop owners asked for deliveries to be kept open in the mornings.');
    expect(reply.creator).toEqual({ id: 'acct:jun.ito@hypothes.is', name: 'Jun Ito' });
  });

  it('an annotation with no selector is a page note; one with no text keeps its tags and quote', () => {
    const pageNote = byId(records, H('f1Ab2C_yEe-7xM0qPcYt3w'));
    expect(isPageNote(pageNote)).toBe(true);
    expect(pageNote.target).toEqual({ source: HERALD });
    expect(noteOf(pageNote)).toBe('Page note: follow up in September when work starts.');
    const highlight = byId(records, H('gH7kLm_zEe-0aBcDeFgHiQ'));
    expect(noteOf(highlight)).toBe('');
    expect(tagsOf(highlight)).toEqual(['highlight']);
    expect(quoteOf(highlight)).toBe('no evidence was given');
  });

  it('exports as W3C JSON-LD (replies with motivation "replying", the author as creator) and reads back without loss', () => {
    const doc = JSON.parse(exportJsonLd(records)) as { first: { items: Array<Record<string, unknown>> } };
    const reply = doc.first.items.find((i) => i.id === H('dG9wzB_wEe-Cq9cz1kNQhg'))!;
    expect(reply).toMatchObject({ motivation: 'replying', creator: { type: 'Person', id: 'acct:jun.ito@hypothes.is', name: 'Jun Ito' }, 'backstory:references': [H('b8TnzB_wEe-Cq8-bvIW1pA')] });
    expect(parseImport(exportJsonLd(records))).toEqual(records);
  });
});

describe('the Hypothesis API search result', () => {
  const records = parseImport(API_SEARCH);

  it('reads its rows; a self-hosted Hypothesis keeps its own host in ids and references', () => {
    expect(records.map((r) => r.id)).toEqual([
      'https://annotations.example.org/a/K2nQwR8aEe-3uTqZlmN0xw',
      'https://annotations.example.org/a/L7pRsT8bEe-9vWxYzAbCdA',
      'https://annotations.example.org/a/M1aBcD8cEe-2eFgHiJkLmA',
    ]);
    expect(records[1]!.references).toEqual([records[0]!.id]);
    expect(records[1]!.creator).toEqual({ id: 'acct:second_reader@annotations.example.org', name: 'second_reader' });
    expect(quoteOf(records[0]!)).toBe('the children are well looked after by their grandfather');
    expect(isPageNote(records[2]!)).toBe(true);
  });
});

describe('importing Hypothesis files into the store', () => {
  let db: DB;
  beforeEach(async () => {
    indexedDB.deleteDatabase(DB_NAME);
    db = await openStore();
  });
  afterEach(() => db.close());

  it('adds them; the same file again changes nothing', async () => {
    expect(await importAnnotations(db, CLIENT_EXPORT)).toEqual({ added: 6, updated: 0, unchanged: 0, conflicts: 0 });
    expect(await importAnnotations(db, CLIENT_EXPORT)).toEqual({ added: 0, updated: 0, unchanged: 6, conflicts: 0 });
    expect(await listAll(db)).toHaveLength(6);
  });

  it('merges without loss: edited here and in Hypothesis, both versions are kept', async () => {
    await importAnnotations(db, CLIENT_EXPORT);
    const id = H('Xq3nVB_vEe-8ZCPy1Rk4bQ');
    await updateAnnotation(db, id, { note: 'My own reading of the minutes.' }, new Date('2024-06-01T00:00:00Z'));
    const file = JSON.parse(CLIENT_EXPORT) as { annotations: Array<Record<string, unknown>> };
    file.annotations[0]!.text = 'Edited in Hypothesis later.';
    file.annotations[0]!.updated = '2024-06-05T00:00:00.000000+00:00';
    expect(await importAnnotations(db, JSON.stringify(file))).toEqual({ added: 0, updated: 1, unchanged: 5, conflicts: 1 });
    expect(noteOf((await getAnnotation(db, id))!)).toBe('Edited in Hypothesis later.');
    const notes = (await listAll(db)).map(noteOf);
    expect(notes).toContain('My own reading of the minutes.');
    expect((await listAll(db)).find((r) => noteOf(r) === 'My own reading of the minutes.')).toMatchObject({ conflictOf: id });
  });

  type Change = (a: Record<string, unknown>) => void;
  it.each<[string, number, Change, string]>([
    ['a user that is not acct:', 1, (a) => (a.user = 'mira_k'), 'item 1 (id "b8TnzB_wEe-Cq8-bvIW1pA"), field user: must be a Hypothesis user such as acct:username@hypothes.is'],
    ['an id with spaces', 0, (a) => (a.id = 'not an id'), 'item 0 (id "not an id"), field id: a Hypothesis id is 1 to 64 letters, digits, "-" or "_" (or an IRI)'],
    ['references that are not a list', 2, (a) => (a.references = 'b8TnzB_wEe-Cq8-bvIW1pA'), 'item 2 (id "dG9wzB_wEe-Cq9cz1kNQhg"), field references: references are an array of annotation ids'],
    ['a reference that is a number', 3, (a) => (a.references = ['b8TnzB_wEe-Cq8-bvIW1pA', 42]), 'item 3 (id "eWQ1bB_xEe-RlFOAm6sVPw"), field references[1]: a reference is an annotation id (a string)'],
    ['a display name that is a number', 4, (a) => (a.user_info = { display_name: 5 }), 'item 4 (id "f1Ab2C_yEe-7xM0qPcYt3w"), field user_info.display_name: must be a string or null'],
    ['an unknown selector', 0, (a) => ((a.target as Array<{ selector: unknown[] }>)[0]!.selector[1] = { type: 'FancySelector' }), 'item 0 (id "Xq3nVB_vEe-8ZCPy1Rk4bQ"), field target[0].selector[1].type: unknown selector type "FancySelector"; Backstory anchors with TextQuoteSelector, TextPositionSelector (and keeps RangeSelector, XPathSelector, CssSelector, FragmentSelector, DataPositionSelector, SvgSelector)'],
    ['a PDF (not a web page)', 5, (a) => ((a.target as Array<{ source: string }>)[0]!.source = 'urn:x-pdf:6f4b9c2e1d'), 'item 5 (id "gH7kLm_zEe-0aBcDeFgHiQ"), field target[0].source: must be an http(s) URL'],
    ['a date that is not one', 1, (a) => (a.created = 'yesterday'), 'item 1 (id "b8TnzB_wEe-Cq8-bvIW1pA"), field created: must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T10:00:00Z'],
    ['tags as one string', 0, (a) => (a.tags = 'council'), 'item 0 (id "Xq3nVB_vEe-8ZCPy1Rk4bQ"), field tags: tags are an array of strings'],
    ['a note that is not text', 2, (a) => (a.text = { markdown: 'x' }), 'item 2 (id "dG9wzB_wEe-Cq9cz1kNQhg"), field text: must be a string'],
  ])('refuses the whole file for %s, naming the annotation and field; the store is unchanged', async (_name, index, change, problem) => {
    await importAnnotations(db, API_SEARCH);
    const before = JSON.stringify(await listAll(db));
    const file = JSON.parse(CLIENT_EXPORT) as { annotations: Array<Record<string, unknown>> };
    change(file.annotations[index]!);
    const error = await importAnnotations(db, JSON.stringify(file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems.map(formatProblem)).toEqual([problem]);
    expect(JSON.stringify(await listAll(db))).toBe(before);
  });
});
