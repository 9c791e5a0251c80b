/**
 * Large imports and exports: progress as the work goes, Cancel and failures leaving the store exactly
 * as it was (the batches already written are taken back), and exports reporting progress too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBObjectStore } from 'fake-indexeddb';
import { DB_NAME, StoreError, openStore, type DB } from '../../extension/store';
import { listAll, saveAnnotation } from '../../extension/annotation-store';
import { EXPORT_CHUNK, WRITE_BATCH, exportAnnotations, importAnnotations, type ExportProgress, type ImportProgress } from '../../extension/annotation-transfer';
import { ImportCancelled, parseImport, CHECK_CHUNK } from '../../core/annotations/import';
import { exportJsonLd } from '../../core/annotations/export';
import { createAnnotation, noteOf, withContent, type AnnotationRecord } from '../../core/annotations/model';

const COUNT = 5_000;
/** The `done` values of a phase in steps of `size`: 0, size, 2·size… and finally `total`. */
const steps = (total: number, size: number) => [...Array.from({ length: Math.ceil(total / size) }, (_, i) => i * size), total];
const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000);

function annotations(n: number, from = 0): AnnotationRecord[] {
  return Array.from({ length: n }, (_, k) =>
    createAnnotation({
      id: `urn:uuid:00000000-0000-4000-8000-${String(from + k).padStart(12, '0')}`,
      url: `https://www.cnn.com/2021/story-${(from + k) % 50}`,
      note: `note ${from + k}`,
      tags: ['bulk'],
      selectors: [{ type: 'TextQuoteSelector', exact: `quote ${from + k}` }],
      now: at(from + k),
    }),
  );
}

// Thousands of records through fake-indexeddb: seconds on a busy machine.
describe('large imports', { timeout: 30_000 }, () => {
  let db: DB;
  /** Everything on disk, in id order. */
  const onDisk = async () => ((await db.getAll('annotations')) as AnnotationRecord[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  const byId = (rs: AnnotationRecord[]) => [...rs].sort((a, b) => (a.id < b.id ? -1 : 1));

  /** A store with 300 annotations, and a file that adds COUNT, updates 100 and conflicts with 100 of them. */
  async function setUp(): Promise<{ file: string; before: AnnotationRecord[] }> {
    const stored = annotations(300, 1_000_000);
    for (const r of stored) await saveAnnotation(db, r);
    // 100 edited here; the file edits them too, later: conflicts (this side is kept as a copy).
    for (const r of stored.slice(200)) await saveAnnotation(db, withContent(r, { note: `${noteOf(r)}, edited here` }, at(2_000_000)));
    const laterEdits = stored.slice(0, 100).map((r) => withContent(r, { note: `${noteOf(r)}, edited in the file` }, at(2_000_001)));
    const bothChanged = stored.slice(200).map((r) => withContent(r, { note: `${noteOf(r)}, edited there later` }, at(2_000_002)));
    const file = exportJsonLd([...annotations(COUNT), ...laterEdits, ...bothChanged]);
    return { file, before: await onDisk() };
  }

  beforeEach(async () => {
    indexedDB.deleteDatabase(DB_NAME);
    db = await openStore();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    db.close();
  });

  it('reports progress: reading, then checking and writing, each counting up to its total', async () => {
    const { file } = await setUp();
    const events: ImportProgress[] = [];
    const summary = await importAnnotations(db, file, { onProgress: (p) => events.push(p) });
    expect(summary).toEqual({ added: COUNT, updated: 200, unchanged: 0, conflicts: 100 });

    expect([...new Set(events.map((e) => e.phase))]).toEqual(['reading', 'checking', 'writing']);
    const checking = events.filter((e) => e.phase === 'checking');
    const writing = events.filter((e) => e.phase === 'writing');
    expect(checking.map((e) => e.done)).toEqual(steps(COUNT + 200, CHECK_CHUNK));
    expect(checking.every((e) => e.total === COUNT + 200)).toBe(true);
    // Every record written (added, updated and the conflict copies), WRITE_BATCH per transaction.
    const puts = COUNT + 200 + 100;
    expect(writing.map((e) => e.done)).toEqual(steps(puts, WRITE_BATCH));
    expect(writing.every((e) => e.total === puts)).toBe(true);
    expect(await listAll(db)).toHaveLength(COUNT + 300 + 100);
  });

  it.each([
    ['while checking', (p: ImportProgress) => p.phase === 'checking' && p.done >= CHECK_CHUNK],
    ['after the first batch was written', (p: ImportProgress) => p.phase === 'writing' && p.done >= WRITE_BATCH],
    ['before the last batch', (p: ImportProgress) => p.phase === 'writing' && p.total - p.done <= WRITE_BATCH],
  ])('Cancel %s leaves the store exactly as it was', async (_when, cancelAt) => {
    const { file, before } = await setUp();
    const listedBefore = byId(await listAll(db));
    const cancel = new AbortController();
    const phases: string[] = [];
    const error = await importAnnotations(db, file, {
      signal: cancel.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (cancelAt(p)) cancel.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCancelled);
    expect((error as Error).message).toBe('Import cancelled: nothing was changed.');
    expect(await onDisk()).toEqual(before);
    // The in-memory copy the lists are served from agrees.
    expect(byId(await listAll(db))).toEqual(listedBefore);
    expect(phases.includes('undoing')).toBe(phases.includes('writing'));
  });

  it('a quota error in a later batch: the earlier batches are taken back, the error says why, nothing changed', async () => {
    const { file, before } = await setUp();
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === WRITE_BATCH + 10) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    const phases = new Set<string>();
    const error = await importAnnotations(db, file, { onProgress: (p) => phases.add(p.phase) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe('Importing annotations failed: the browser refused more storage (quota exceeded). Nothing was changed.');
    expect(phases.has('undoing')).toBe(true);
    vi.restoreAllMocks();
    expect(await onDisk()).toEqual(before);
  });

  it('a cancelled import can be run again and completes', async () => {
    const { file } = await setUp();
    const cancel = new AbortController();
    cancel.abort();
    await expect(importAnnotations(db, file, { signal: cancel.signal })).rejects.toBeInstanceOf(ImportCancelled);
    expect(await importAnnotations(db, file)).toMatchObject({ added: COUNT });
  });
});

describe('large exports', { timeout: 30_000 }, () => {
  it('report progress and give back every annotation', async () => {
    indexedDB.deleteDatabase(DB_NAME);
    const db = await openStore();
    const records = annotations(6_000);
    await importAnnotations(db, exportJsonLd(records));
    for (const format of ['jsonld', 'csv'] as const) {
      const events: ExportProgress[] = [];
      const file = await exportAnnotations(db, format, new Date('2024-06-01T00:00:00Z'), { onProgress: (p) => events.push(p) });
      expect(events[0]).toEqual({ phase: 'reading', done: 0, total: 0 });
      const writing = events.slice(1);
      expect(writing.map((e) => e.done)).toEqual(steps(6_000, EXPORT_CHUNK));
      expect(writing.every((e) => e.phase === 'writing' && e.total === 6_000)).toBe(true);
      expect(file.count).toBe(6_000);
      if (format === 'jsonld') expect(parseImport(file.text)).toEqual(records);
      else expect(file.text.split('\r\n')).toHaveLength(6_000 + 2);
    }
    db.close();
  });
});
