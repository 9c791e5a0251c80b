import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import raw from '../../data/dataset.json';
import { openStore, StoreError, UPGRADES, type DB, type UpgradeStep } from '../../extension/store';
import { installDataset } from '../../extension/install';
import {
  deleteAnnotation,
  getAnnotation,
  listAll,
  listByDocument,
  restoreAnnotation,
  saveAnnotation,
  updateAnnotation,
} from '../../extension/annotation-store';
import {
  InvalidAnnotationError,
  contentFingerprint,
  createAnnotation,
  documentKey,
  linkIri,
  noteOf,
  tagsOf,
  withContent,
  type AnnotationRecord,
} from '../../core/annotations/model';
import { conflictId } from '../../core/annotations/merge';
import { importAnnotations } from '../../extension/annotation-transfer';
import { exportJsonLd } from '../../core/annotations/export';
import { ImportError } from '../../core/annotations/import';

const CNN = 'https://edition.cnn.com/2021/04/23/china/xinjiang-uyghur-family-separation-intl-hnk/index.html';
const CGTN = 'https://news.cgtn.com/news/2021-04-24/uyghur-family-responds/index.html';

const opened: DB[] = [];
async function open(options?: Parameters<typeof openStore>[0]): Promise<DB> {
  const db = await openStore(options);
  opened.push(db);
  return db;
}

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
});

function at(day: number): Date {
  return new Date(Date.UTC(2024, 4, day, 10));
}

function samples(): AnnotationRecord[] {
  return [
    createAnnotation({
      url: `${CNN}?utm_source=twCNNi#comments`,
      note: 'The parents answered every accusation; no evidence was given.',
      tags: ['response', 'evidence'],
      links: [linkIri('people', 'zumeryem')],
      selectors: [{ type: 'TextQuoteSelector', exact: 'no evidence was given', prefix: 'answered that ', suffix: ' for the' }],
      now: at(1),
    }),
    createAnnotation({
      url: CNN,
      note: 'Coached before the interview, per researchers.',
      tags: ['coaching'],
      selectors: [{ type: 'TextQuoteSelector', exact: 'appeared to have been coached' }],
      now: at(2),
    }),
    createAnnotation({
      url: CGTN,
      note: 'State media segment with relatives.',
      tags: ['state-media', 'Coaching'],
      selectors: [{ type: 'TextQuoteSelector', exact: 'relatives criticised' }],
      now: at(3),
    }),
    createAnnotation({ url: 'https://www.bbc.co.uk/news/world-asia-china-56', note: 'Background piece.', now: at(4) }),
  ];
}

async function seeded(): Promise<{ db: DB; records: AnnotationRecord[] }> {
  const db = await open();
  const records = samples();
  for (const r of records) await saveAnnotation(db, r);
  return { db, records };
}

/** What is in the database, read through a new connection (not the module's in-memory copy). */
async function onDisk(): Promise<AnnotationRecord[]> {
  const db = await open();
  const rows = (await db.getAll('annotations')) as AnnotationRecord[];
  db.close();
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

const byId = (records: readonly AnnotationRecord[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('save, get, list, search', () => {
  it('saves and finds an annotation by id and by document, under any URL of that document', async () => {
    const { db, records } = await seeded();
    expect(await getAnnotation(db, records[0]!.id)).toEqual(records[0]);
    const key = documentKey('http://edition.cnn.com/2021/04/23/china/xinjiang-uyghur-family-separation-intl-hnk/index.html?fbclid=x');
    expect((await listByDocument(db, key)).map((a) => a.id)).toEqual([records[0]!.id, records[1]!.id]);
    expect(await listByDocument(db, 'example.org/nothing')).toEqual([]);
    expect(byId(await onDisk())).toEqual(byId(records));
  });

  it.each([
    ['everything, newest first', {}, [3, 2, 1, 0]],
    ['text: all words, any case, in note or quote', { text: 'COACHED interview' }, [1]],
    ['text: in the quote', { text: 'relatives criticised' }, [2]],
    ['text: in the URL', { text: 'bbc.co.uk' }, [3]],
    ['tag, any case', { tag: 'coaching' }, [2, 1]],
    ['site, given as a domain', { site: 'cnn.com' }, [1, 0]],
    ['site, given as a URL', { site: 'https://www.cgtn.com/anything' }, [2]],
    ['site and tag', { site: 'cnn.com', tag: 'evidence' }, [0]],
    ['nothing matches', { text: 'xylophone' }, []],
  ])('listAll: %s', async (_name, query, expected) => {
    const { db, records } = await seeded();
    expect((await listAll(db, query)).map((a) => a.id)).toEqual(expected.map((i) => records[i]!.id));
  });

  it('validates before writing: an invalid annotation is refused with the field named, and nothing is written', async () => {
    const { db } = await seeded();
    const bad = { ...samples()[0]!, body: [{ type: 'SpecificResource', source: 'javascript:alert(1)', purpose: 'linking' }] } as AnnotationRecord;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const error = await saveAnnotation(db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidAnnotationError);
    expect((error as InvalidAnnotationError).problems[0]).toMatch(/^body\[0\]/);
    expect(put).not.toHaveBeenCalled();
    expect(await onDisk()).toHaveLength(4);
  });

  it('hands out frozen records: edits go through updateAnnotation', async () => {
    const { db, records } = await seeded();
    const got = (await getAnnotation(db, records[0]!.id))!;
    expect(Object.isFrozen(got) && Object.isFrozen(got.body)).toBe(true);
  });
});

describe('update, delete, undo', () => {
  it('updates note and tags, keeps links and the quote, records the previous version', async () => {
    const { db, records } = await seeded();
    const before = records[0]!;
    const after = await updateAnnotation(db, before.id, { note: 'Revised note.', tags: ['evidence', ' response ', 'evidence', ''] }, at(9));
    expect(noteOf(after)).toBe('Revised note.');
    expect(tagsOf(after)).toEqual(['evidence', 'response']);
    expect(after.target).toEqual(before.target);
    expect(after.modified).toBe(at(9).toISOString());
    expect(after.created).toBe(before.created);
    expect(after.revisions).toEqual([contentFingerprint(before)]);
    expect(await getAnnotation(db, before.id)).toEqual(after);
    expect((await onDisk()).find((a) => a.id === before.id)).toEqual(after);
  });

  it('an update that changes nothing writes nothing', async () => {
    const { db, records } = await seeded();
    const same = await updateAnnotation(db, records[1]!.id, { note: noteOf(records[1]!) }, at(9));
    expect(same).toEqual(records[1]);
  });

  it('an update of a missing annotation is a StoreError', async () => {
    const { db } = await seeded();
    await expect(updateAnnotation(db, 'urn:uuid:missing', { note: 'x' })).rejects.toThrow(
      /Updating the annotation failed: no annotation has the id urn:uuid:missing\. Nothing was changed\./,
    );
  });

  it('delete returns the record; restore puts it back exactly (undo)', async () => {
    const { db, records } = await seeded();
    const deleted = await deleteAnnotation(db, records[2]!.id);
    expect(deleted).toEqual(records[2]);
    expect(await getAnnotation(db, records[2]!.id)).toBeUndefined();
    expect(await onDisk()).toHaveLength(3);
    await restoreAnnotation(db, deleted!);
    expect(await getAnnotation(db, records[2]!.id)).toEqual(records[2]);
    expect(byId(await onDisk())).toEqual(byId(records));
    expect(await deleteAnnotation(db, 'urn:uuid:missing')).toBeUndefined();
  });

  it('restore refuses to overwrite an annotation that exists', async () => {
    const { db, records } = await seeded();
    await expect(restoreAnnotation(db, records[0]!)).rejects.toThrow(StoreError);
  });
});

describe('import merge', () => {
  it('adds, updates, keeps, and on a conflict keeps both versions; a second import adds nothing', async () => {
    const { db, records } = await seeded();
    const [a, b, c, d] = records as [AnnotationRecord, AnnotationRecord, AnnotationRecord, AnnotationRecord];
    // a: the file has a later edit of the stored version -> updated.
    const aLater = withContent(a, { note: 'Edited on the other computer.' }, at(10));
    // b: the stored version is a later edit of the file's -> unchanged.
    const bLater = await updateAnnotation(db, b.id, { tags: ['coaching', 'interview'] }, at(10));
    // c: changed on both sides since they parted -> the newer keeps the id, the other is a copy.
    const cHere = await updateAnnotation(db, c.id, { note: 'Changed here.' }, at(11));
    const cThere = withContent(c, { note: 'Changed there, later.' }, at(12));
    // d: identical -> unchanged.
    const fresh = createAnnotation({ url: CGTN, note: 'New from the file.', now: at(13) });
    const file = exportJsonLd([aLater, b, cThere, d, fresh]);

    expect(await importAnnotations(db, file)).toEqual({ added: 1, updated: 2, unchanged: 2, conflicts: 1 });
    expect(await getAnnotation(db, a.id)).toEqual(aLater);
    expect(await getAnnotation(db, b.id)).toEqual(bLater);
    expect(await getAnnotation(db, c.id)).toEqual(cThere);
    const copy = await getAnnotation(db, conflictId(c.id, contentFingerprint(cHere)));
    expect(copy).toEqual({ ...cHere, id: copy!.id, conflictOf: c.id });
    expect(await getAnnotation(db, fresh.id)).toEqual(fresh);
    expect(await onDisk()).toHaveLength(6);

    // Nothing was lost: every note ever written here or in the file is stored.
    const notes = (await listAll(db)).map(noteOf);
    for (const note of [aLater, bLater, cHere, cThere, d, fresh].map(noteOf)) expect(notes).toContain(note);

    // The same file again: all unchanged, no new copies.
    expect(await importAnnotations(db, file)).toEqual({ added: 0, updated: 0, unchanged: 5, conflicts: 0 });
    expect(await onDisk()).toHaveLength(6);
  });

  it('when the stored side of a conflict is newer, it keeps the id and the file\'s version is kept as a copy', async () => {
    const { db, records } = await seeded();
    const c = records[2]!;
    const cThere = withContent(c, { note: 'Changed there, earlier.' }, at(10));
    const cHere = await updateAnnotation(db, c.id, { note: 'Changed here, later.' }, at(12));
    expect(await importAnnotations(db, exportJsonLd([cThere]))).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: 1 });
    expect(await getAnnotation(db, c.id)).toEqual(cHere);
    expect(await getAnnotation(db, conflictId(c.id, contentFingerprint(cThere)))).toMatchObject({ conflictOf: c.id, body: cThere.body });
  });

  it('the content fingerprint ignores key and body order (RFC 8785), and survives broken UTF-16 in page text', () => {
    const target = { source: CGTN, selector: [{ type: 'TextQuoteSelector' as const, exact: 'q', prefix: 'p' }] };
    const note = { type: 'TextualBody' as const, value: 'n', format: 'text/plain', purpose: 'commenting' as const };
    const tag = { type: 'TextualBody' as const, value: 't', purpose: 'tagging' as const };
    const fp = contentFingerprint({ body: [note, tag], target });
    expect(contentFingerprint({ body: [tag, { purpose: 'commenting', format: 'text/plain', value: 'n', type: 'TextualBody' }], target: { selector: [{ prefix: 'p', exact: 'q', type: 'TextQuoteSelector' }], source: CGTN } })).toBe(fp);
    expect(contentFingerprint({ body: [note], target })).not.toBe(fp);
    expect(contentFingerprint({ body: [{ ...note, value: 'n\uD800' }], target })).toMatch(/^[0-9a-f]{14}$/);
  });

  it('conflict copies get name-based (v5) UUIDs: the same for the same annotation and content, different otherwise', () => {
    const id = conflictId('urn:x:1', 'aaaaaaaaaaaaaa');
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(conflictId('urn:x:1', 'aaaaaaaaaaaaaa')).toBe(id);
    expect(conflictId('urn:x:1', 'bbbbbbbbbbbbbb')).not.toBe(id);
    expect(conflictId('urn:x:2', 'aaaaaaaaaaaaaa')).not.toBe(id);
  });

  it('a conflict copy kept earlier under an older-style id is not kept twice', async () => {
    const { db, records } = await seeded();
    const c = records[2]!;
    const cThere = withContent(c, { note: 'Changed there, earlier.' }, at(10));
    await updateAnnotation(db, c.id, { note: 'Changed here, later.' }, at(12));
    // As an earlier version of Backstory stored it: same content, same conflictOf, another id.
    await saveAnnotation(db, { ...cThere, id: 'urn:uuid:12345678-1234-8123-a123-123456789000', conflictOf: c.id });
    const count = (await onDisk()).length;
    expect(await importAnnotations(db, exportJsonLd([cThere]))).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: 0 });
    expect(await onDisk()).toHaveLength(count);
  });

  it('a refused import changes nothing', async () => {
    const { db } = await seeded();
    const before = await onDisk();
    const file = JSON.stringify([JSON.parse(exportJsonLd([createAnnotation({ url: CGTN, note: 'ok' })])).first.items[0], { target: 'javascript:alert(1)' }]);
    await expect(importAnnotations(db, file)).rejects.toThrow(ImportError);
    expect(await onDisk()).toEqual(before);
  });
});

describe('annotations are never lost', () => {
  function changedDataset() {
    const copy = structuredClone(raw) as typeof raw;
    copy.meta.version = '9.9.9';
    copy.claims[0]!.statement = `${copy.claims[0]!.statement} (revised)`;
    return copy;
  }

  it('survive a dataset update', async () => {
    const { db, records } = await seeded();
    const area = fakeBrowser.storage.local;
    expect((await installDataset(db, raw, area)).seeded).toBe(true);
    const update = await installDataset(db, changedDataset(), area);
    expect(update).toMatchObject({ version: '9.9.9', seeded: true });
    expect(byId(await onDisk())).toEqual(byId(records));
    expect(byId(await listAll(db))).toEqual(byId(records));
  });

  it('survive the upgrade from schema version 1, and a future upgrade step', async () => {
    const v1 = await open({ version: 1 });
    const records = samples();
    for (const r of records) await v1.put('annotations', r);
    v1.close();

    const current = await open();
    expect(byId(await listAll(current))).toEqual(byId(records));
    current.close();

    // Rehearse a version 3 that indexes annotations by document (a future step, not shipped).
    const step3: UpgradeStep = (_db, tx) => {
      (tx.objectStore('annotations') as unknown as IDBObjectStore).createIndex('documentKey', 'documentKey');
    };
    const next = await open({ upgrades: [...UPGRADES, step3] });
    expect(next.version).toBe(UPGRADES.length + 1);
    expect(byId(await listAll(next))).toEqual(byId(records));
    expect(await listByDocument(next, records[2]!.documentKey)).toEqual([records[2]]);
  });

  it('a write refused for quota is reported, and nothing is lost or half-written', async () => {
    const { db, records } = await seeded();
    await listAll(db); // the in-memory copy is loaded, and must stay true
    const before = await onDisk();
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls >= 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    const incoming = Array.from({ length: 5 }, (_, i) => createAnnotation({ url: CGTN, note: `imported ${i}`, now: at(20 + i) }));
    const error = await importAnnotations(db, exportJsonLd(incoming)).catch((e: unknown) => e);
    expect(calls).toBe(3); // two puts queued, the third refused: the two are rolled back
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/^Importing annotations failed: the browser refused more storage \(quota exceeded\)\. Nothing was changed\.$/);
    expect((error as StoreError).cause).toMatchObject({ name: 'QuotaExceededError' });

    const saveError = await saveAnnotation(db, incoming[0]!).catch((e: unknown) => e);
    expect((saveError as StoreError).message).toMatch(/^Saving the annotation failed: .*quota exceeded/);
    vi.restoreAllMocks();

    expect(await onDisk()).toEqual(before);
    expect(byId(await listAll(db))).toEqual(byId(records));
    // And once there is room again, the same import goes through.
    expect(await importAnnotations(db, exportJsonLd(incoming))).toMatchObject({ added: 5 });
  });

  it('an aborted transaction is reported and rolled back', async () => {
    const { db } = await seeded();
    const before = await onDisk();
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = original.apply(this, args);
      this.transaction.abort();
      return request;
    });
    await expect(updateAnnotation(db, before[0]!.id, { note: 'lost?' })).rejects.toThrow(/^Updating the annotation failed: the database transaction was aborted/);
    vi.restoreAllMocks();
    expect(await onDisk()).toEqual(before);
    expect(await getAnnotation(db, before[0]!.id)).toEqual(before[0]);
  });
});

describe('the in-memory copy stays true', () => {
  it('across connections in one context', async () => {
    const { db, records } = await seeded();
    const other = await open();
    expect(await listAll(other)).toHaveLength(4);
    await deleteAnnotation(db, records[0]!.id);
    expect(await listAll(other)).toHaveLength(3);
  });

  it('when another context announces a write', async () => {
    const { db } = await seeded();
    expect(await listAll(db)).toHaveLength(4);
    // Another extension page writes through its own copy of the module, then announces it.
    const extra = createAnnotation({ url: CGTN, note: 'from the options page' });
    await db.put('annotations', extra);
    const channel = new BroadcastChannel('backstory-annotations');
    channel.postMessage('changed');
    await vi.waitFor(async () => expect(await listAll(db)).toHaveLength(5));
    channel.close();
  });
});
