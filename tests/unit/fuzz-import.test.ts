/**
 * Fuzzing the import with fast-check: whatever the file holds (random JSON, annotation-shaped
 * objects with wrong types, `__proto__` and `constructor` keys, deep nesting, a million items, huge
 * strings), the import either reads it correctly or refuses it with an ImportError naming each
 * problem, and a refused import leaves the store as it was. A quota error at any write leaves it
 * as it was too.
 *
 * Fixed seed, few runs in `npm test`; a longer run: `FUZZ_RUNS=20000 npx vitest run tests/unit/fuzz-import.test.ts`
 * (FUZZ_SEED picks another seed).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { IDBObjectStore } from 'fake-indexeddb';
import { DB_NAME, StoreError, openStore, type DB } from '../../extension/store';
import { listAll, saveAnnotation } from '../../extension/annotation-store';
import { WRITE_BATCH, importAnnotations } from '../../extension/annotation-transfer';
import { IMPORT_LIMITS, ImportError, parseImport } from '../../core/annotations/import';
import { exportJsonLd } from '../../core/annotations/export';
import { AnnotationRecord, createAnnotation, noteOf } from '../../core/annotations/model';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_501);
const settings = (runs = RUNS) => ({ numRuns: runs, seed: SEED, endOnFailure: true });
// A long run takes minutes; the default one, a few seconds.
const TIMEOUT = Math.max(30_000, RUNS * 50);

/** What an import of `text` gives: records that are valid and read back the same, or an ImportError. */
function outcome(text: string): AnnotationRecord[] | ImportError {
  let records: AnnotationRecord[];
  try {
    records = parseImport(text);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    for (const p of error.problems) {
      expect(typeof p.path).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
    return error;
  }
  for (const r of records) {
    expect(AnnotationRecord.safeParse(r).success).toBe(true);
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  }
  // Nothing read is lost on the way out and back in.
  expect(parseImport(exportJsonLd(records))).toEqual(records);
  return records;
}

const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const oddKey = fc.constantFrom(...ODD_KEYS);
const anyJson = fc.jsonValue({ maxDepth: 4 });

const iri = fc.oneof(fc.constant('urn:uuid:00000000-0000-4000-8000-000000000001'), fc.webUrl(), fc.string(), oddKey);
const date = fc.oneof(fc.constant('2024-05-01T10:00:00Z'), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.integer());
const quote = fc.record(
  { type: fc.constantFrom('TextQuoteSelector', 'TextPositionSelector', 'RangeSelector', 'FancySelector'), exact: fc.oneof(fc.string(), anyJson), prefix: fc.string(), start: fc.integer(), end: fc.integer() },
  { requiredKeys: ['type'] },
);
const selector = fc.oneof(quote, anyJson, fc.dictionary(oddKey, anyJson));
const body = fc.oneof(
  fc.string(),
  fc.webUrl(),
  fc.record({ type: fc.constantFrom('TextualBody', 'SpecificResource', 'Other'), value: fc.oneof(fc.string(), anyJson), purpose: fc.constantFrom('commenting', 'tagging', 'linking', 'x'), source: fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)')) }, { requiredKeys: [] }),
  anyJson,
);
const target = fc.oneof(
  fc.webUrl(),
  fc.record({ source: fc.oneof(fc.webUrl(), fc.string()), selector: fc.oneof(selector, fc.array(selector, { maxLength: 3 })) }, { requiredKeys: [] }),
  fc.array(fc.record({ source: fc.webUrl() }), { maxLength: 2 }),
  anyJson,
);
/** Annotation-shaped objects, W3C or Hypothesis, with wrong types and odd keys mixed in. */
const annotation = fc
  .record(
    {
      id: iri,
      type: fc.oneof(fc.constant('Annotation'), fc.string()),
      created: date,
      modified: date,
      updated: date,
      body: fc.oneof(body, fc.array(body, { maxLength: 3 })),
      target,
      uri: fc.webUrl(),
      text: fc.oneof(fc.string(), anyJson),
      tags: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), anyJson),
      user: fc.oneof(fc.constant('acct:mira_k@hypothes.is'), fc.string()),
      user_info: fc.oneof(fc.record({ display_name: fc.oneof(fc.string(), fc.constant(null), anyJson) }), anyJson),
      references: fc.oneof(fc.array(fc.oneof(fc.constant('Xq3nVB_vEe-8ZCPy1Rk4bQ'), fc.string()), { maxLength: 3 }), anyJson),
      creator: fc.oneof(fc.record({ name: fc.string(), id: iri }), anyJson),
    },
    { requiredKeys: [] },
  )
  .chain((a) => fc.dictionary(oddKey, anyJson, { maxKeys: 2 }).map((odd) => ({ ...a, ...odd })));
/** Any text, lone surrogates included (page text can hold them). */
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\uD800 lone', 'e\u0301', '新疆 ئۇيغۇر', ''));
const tag = fc.stringMatching(/^[a-z][a-z -]{0,20}[a-z]$/);
const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const textQuote = fc.record({ type: fc.constant('TextQuoteSelector'), exact: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), prefix: text, suffix: text }, { requiredKeys: ['type', 'exact'] });
/** Annotations that are valid, as W3C tools and Hypothesis write them: the path that must read back the same. */
const validW3C = fc.record(
  {
    id: fc.uuid().map((u) => `urn:uuid:${u}`),
    type: fc.constant('Annotation'),
    created: isoDate,
    body: fc.array(fc.oneof(text.map((value) => ({ type: 'TextualBody', value, purpose: 'commenting' })), tag.map((value) => ({ type: 'TextualBody', value, purpose: 'tagging' })), fc.constant('backstory:people/zumeryem')), { maxLength: 3 }),
    target: fc.record({ source: fc.webUrl(), selector: fc.array(fc.oneof(textQuote, fc.constant({ type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[1]', endOffset: 4 })), { maxLength: 2 }) }, { requiredKeys: ['source'] }),
    creator: fc.record({ type: fc.constant('Person'), name: fc.string({ minLength: 1, maxLength: 30 }).filter((n) => n.trim() === n && n.length > 0) }),
  },
  { requiredKeys: ['type', 'target'] },
);
const validHypothesis = fc.record(
  {
    id: fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    created: isoDate,
    uri: fc.webUrl(),
    text,
    tags: fc.array(tag, { maxLength: 3 }),
    user: fc.stringMatching(/^acct:[a-z_]{3,12}@hypothes\.is$/),
    user_info: fc.record({ display_name: fc.oneof(fc.constant(null), fc.string({ minLength: 1, maxLength: 30 })) }),
    references: fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{22}$/), { minLength: 1, maxLength: 2 }),
    target: fc.webUrl().chain((source) => fc.array(textQuote, { maxLength: 1 }).map((selector) => [{ source, ...(selector.length ? { selector } : {}) }])),
  },
  { requiredKeys: ['uri', 'user'] },
);
const item = fc.oneof(annotation, validW3C, validHypothesis);
const file = fc.oneof(
  fc.array(item, { maxLength: 4 }),
  fc.array(item, { maxLength: 4 }).map((items) => ({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } })),
  fc.array(item, { maxLength: 4 }).map((annotations) => ({ export_date: '2024-06-03T14:22:31Z', annotations })),
  fc.array(item, { maxLength: 4 }).map((rows) => ({ total: rows.length, rows })),
  item,
);

describe('fuzzing parseImport', () => {
  const protoBefore = Object.getOwnPropertyNames(Object.prototype);
  afterAll(() => {
    // No input reached Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(protoBefore);
  });

  it('random JSON: a correct import or a precise refusal', () => {
    fc.assert(fc.property(anyJson, (value) => void outcome(JSON.stringify(value) ?? 'null')), settings());
  }, TIMEOUT);

  it('random text: a precise refusal, never a crash', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void outcome(text)), settings());
  }, TIMEOUT);

  it('annotation-shaped files with wrong types and __proto__/constructor keys: a correct import or a precise refusal', () => {
    fc.assert(
      fc.property(file, fc.constantFrom(...ODD_KEYS), (value, key) => {
        // Written into the text, as a file would hold it: JSON.parse makes "__proto__" an own key.
        const text = JSON.stringify(value);
        const isFilledObject = !Array.isArray(value) && Object.keys(value).length > 0;
        void outcome(isFilledObject ? text.replace(/^\{/, `{"${key}":{"polluted":true},`) : text);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      settings(),
    );
  }, TIMEOUT);

  it.each([
    ['deeply nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['a deeply nested kept selector', JSON.stringify([{ type: 'Annotation', target: { source: 'https://example.org/a', selector: [{ type: 'RangeSelector', startSelector: '§' }] } }]).replace('"§"', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`)],
    ['a deeply nested note', JSON.stringify([{ type: 'Annotation', target: 'https://example.org/a', body: '§' }]).replace('"§"', `${'['.repeat(50_000)}${']'.repeat(50_000)}`)],
    ['a million items', JSON.stringify(new Array(1_000_000).fill(0))],
    ['a million items in a collection', JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: new Array(1_000_000).fill({}) } })],
    ['a 10 MB note', JSON.stringify([{ type: 'Annotation', target: 'https://example.org/a', body: 'n'.repeat(10 * 1024 * 1024) }])],
    ['a 1 MB id', JSON.stringify([{ id: `urn:${'x'.repeat(1024 * 1024)}`, type: 'Annotation', target: 'https://example.org/a' }])],
    ['a 1 MB kept selector', JSON.stringify([{ type: 'Annotation', target: { source: 'https://example.org/a', selector: [{ type: 'CssSelector', value: 'x'.repeat(1024 * 1024) }] } }])],
    ['a 1 MB Hypothesis display name', JSON.stringify({ annotations: [{ uri: 'https://example.org/a', user: 'acct:a@b', user_info: { display_name: 'x'.repeat(1024 * 1024) } }] })],
  ])('%s: a precise refusal', (_name, text) => {
    const result = outcome(text);
    expect(result).toBeInstanceOf(ImportError);
    const error = result as ImportError;
    expect(error.message.length).toBeLessThan(20_000);
  }, TIMEOUT);

  it('says which limit a million items break', () => {
    expect(() => parseImport(JSON.stringify(new Array(1_000_000).fill(0)))).toThrow(
      `the file holds 1,000,000 annotations; the limit is ${IMPORT_LIMITS.annotations.toLocaleString('en')} per file`,
    );
  });
});

describe('fuzzing the store', () => {
  let db: DB;
  let notesBefore: string;
  beforeAll(async () => {
    indexedDB.deleteDatabase(DB_NAME);
    db = await openStore();
    for (let i = 0; i < 20; i++) await saveAnnotation(db, createAnnotation({ id: `urn:uuid:00000000-0000-4000-8000-00000000000${i % 10}${i >= 10 ? 'a' : ''}`, url: 'https://example.org/a', note: `kept ${i}` }));
    notesBefore = JSON.stringify((await listAll(db)).map(noteOf).sort());
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => db.close());

  it('a refused file changes nothing; an accepted one loses nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (value) => {
        const before = JSON.stringify(await db.getAll('annotations'));
        const error = await importAnnotations(db, JSON.stringify(value)).then(() => undefined, (e: unknown) => e);
        if (error !== undefined) {
          expect(error).toBeInstanceOf(ImportError);
          expect(JSON.stringify(await db.getAll('annotations'))).toBe(before);
        }
        const notes = (await listAll(db)).map(noteOf);
        for (const note of JSON.parse(notesBefore) as string[]) expect(notes).toContain(note);
      }),
      settings(Math.min(2_000, Math.max(20, Math.floor(RUNS / 10)))),
    );
  }, TIMEOUT);

  it('a quota error at any write of a multi-batch import: a clear error, the store exactly as it was', async () => {
    const count = WRITE_BATCH + 500;
    const text = exportJsonLd(Array.from({ length: count }, (_, i) => createAnnotation({ url: `https://example.org/p${i % 7}`, note: `bulk ${i}`, now: new Date(Date.UTC(2024, 0, 1) + i) })));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: count }), async (failAt) => {
        const before = JSON.stringify(await db.getAll('annotations'));
        const original = IDBObjectStore.prototype.put;
        let calls = 0;
        const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
          if (++calls === failAt) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        });
        const error = await importAnnotations(db, text).catch((e: unknown) => e);
        put.mockRestore();
        expect(error).toBeInstanceOf(StoreError);
        expect((error as StoreError).message).toBe('Importing annotations failed: the browser refused more storage (quota exceeded). Nothing was changed.');
        expect(JSON.stringify(await db.getAll('annotations'))).toBe(before);
      }),
      // Each run imports 2,500 annotations: a handful is enough to hit every batch.
      settings(Math.min(25, Math.max(4, Math.floor(RUNS / 50)))),
    );
  }, TIMEOUT);
});
