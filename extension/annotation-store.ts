/**
 * The researcher's annotations in IndexedDB (the `annotations` store of extension/store.ts), in the
 * extension's origin only: background and extension pages, never a content script.
 *
 * Every write validates first, then runs in one transaction: it happens whole or not at all, and a
 * failure (quota exceeded, transaction aborted, a constraint) is thrown as a StoreError whose message
 * says what failed and that nothing was changed. Nothing fails silently.
 *
 * Reads are served from an in-memory copy of the store, per open database: the first read loads it
 * with one getAll, and later lists and searches filter it in memory (10,000 annotations within a
 * few milliseconds; see tests/bench/annotations.bench.ts). The copy stays true because every write
 * here updates it after its transaction commits, and announces itself on a BroadcastChannel, so the
 * same module in the background or another extension page drops its copy and reloads on its next
 * read. Records handed out are frozen: edit through `updateAnnotation`, never in place.
 * Import and export, which write and read in batches: annotation-transfer.ts.
 */
import type { IDBPObjectStore } from 'idb';
import { describeStoreError, StoreError, type BackstoryDB, type DB } from './store';
import {
  parseAnnotation,
  siteOfHost,
  siteOfKey,
  withContent,
  noteOf,
  quoteOf,
  tagsOf,
  type AnnotationContent,
  type AnnotationRecord,
} from '../core/annotations/model';

export { StoreError };

export type AnnotationsStore = IDBPObjectStore<BackstoryDB, ['annotations'], 'annotations', 'readwrite'>;

/** Records in the store are validated on every write, so reading checks the shape cheaply. */
export function isRecord(r: unknown): r is AnnotationRecord {
  // A record of another shape (none exist before issue 6, but a bug could write one) is left out of
  // lists rather than crashing them; it stays in the store, untouched.
  return typeof r === 'object' && r !== null && Array.isArray((r as AnnotationRecord).body) && typeof (r as AnnotationRecord).target?.source === 'string';
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The in-memory copy

interface Copy {
  records: Map<string, AnnotationRecord>;
  /** `changes` when the copy was loaded; another context's write makes them differ. */
  seen: number;
  /** Lower-cased note, quote, tags and URL per record, for text search. */
  haystacks: WeakMap<AnnotationRecord, string>;
}

const copies = new WeakMap<DB, Promise<Copy>>();
/** Counts writes: announced by other contexts, or made here (through any connection). */
let changes = 0;

const CHANNEL = 'backstory-annotations';
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
if (channel) {
  channel.onmessage = () => {
    changes++;
  };
  // Node (tests, bench) would otherwise wait for the channel before exiting.
  (channel as { unref?: () => void }).unref?.();
}

async function copyOf(db: DB): Promise<Copy> {
  const cached = copies.get(db);
  if (cached) {
    const copy = await cached;
    if (copy.seen === changes) return copy;
  }
  const seen = changes;
  const loading = db.getAll('annotations').then((rows) => ({
    records: new Map(rows.filter(isRecord).map((r) => [r.id, deepFreeze(r)])),
    seen,
    haystacks: new WeakMap(),
  }));
  copies.set(db, loading);
  loading.catch(() => copies.delete(db));
  return loading;
}

/** After a committed write: bring this context's copy up to date and tell the others. */
export async function committed(db: DB, puts: readonly AnnotationRecord[], deletes: readonly string[] = []): Promise<void> {
  // Other copies in this context (another connection) reload; this one is patched in place.
  const before = changes++;
  const cached = copies.get(db);
  if (cached) {
    const copy = await cached.catch(() => undefined);
    if (copy) {
      for (const r of puts) copy.records.set(r.id, deepFreeze(structuredClone(r)));
      for (const id of deletes) copy.records.delete(id);
      if (copy.seen === before) copy.seen = changes;
    }
  }
  channel?.postMessage('changed');
}

export async function records(db: DB): Promise<AnnotationRecord[]> {
  return [...(await copyOf(db)).records.values()];
}

function haystackOf(copy: Copy | undefined, a: AnnotationRecord): string {
  let h = copy?.haystacks.get(a);
  if (h === undefined) {
    h = `${noteOf(a)}\n${quoteOf(a)}\n${tagsOf(a).join('\n')}\n${a.target.source}`.toLowerCase();
    copy?.haystacks.set(a, h);
  }
  return h;
}

const newestFirst = (a: AnnotationRecord, b: AnnotationRecord) =>
  a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : a.id < b.id ? -1 : 1;

/**
 * Requests of an aborted transaction fail with AbortError; the transaction's own error says why
 * (a QuotaExceededError at commit, say), and is the one to report.
 */
function causeOf(error: unknown, tx: { error: DOMException | null }): unknown {
  let txError: DOMException | null = null;
  try {
    txError = tx.error;
  } catch {
    // Reading .error of a running transaction throws in some browsers.
  }
  return (error as { name?: string } | null)?.name === 'AbortError' && txError && txError.name !== 'AbortError' ? txError : error;
}

/** Run `work` in one readwrite transaction on `annotations`; any failure becomes a StoreError. */
export async function write<T>(db: DB, doing: string, work: (store: AnnotationsStore) => Promise<T>): Promise<T> {
  const tx = db.transaction('annotations', 'readwrite');
  try {
    // The async wrapper turns a synchronous throw (a put refused at once) into a rejection, so
    // tx.done is always awaited too and its own rejection never goes unhandled.
    const [result] = await Promise.all([(async () => work(tx.objectStore('annotations')))(), tx.done]);
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: the browser rolled it back.
    }
    if (error instanceof StoreError) throw error;
    throw describeStoreError(causeOf(error, tx), doing);
  }
}

/** Queue every put, then wait for them; a put that throws leaves no earlier request's failure unhandled. */
export async function putAll(store: AnnotationsStore, records: readonly AnnotationRecord[]): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    for (const r of records) pending.push(store.put(r));
  } finally {
    // When the transaction aborts, the requests already queued reject too: they are handled here,
    // and the error that caused the abort is the one reported.
    for (const p of pending) p.catch(() => undefined);
  }
  await Promise.all(pending);
}

/**
 * Save an annotation (new, or replacing the one with its id). Validated before the transaction opens;
 * throws InvalidAnnotationError (naming each field) or StoreError.
 * @returns the record as stored
 */
export async function saveAnnotation(db: DB, record: AnnotationRecord): Promise<AnnotationRecord> {
  const valid = parseAnnotation(record);
  await write(db, 'Saving the annotation', (store) => store.put(valid));
  await committed(db, [valid]);
  return valid;
}

/** One annotation by id. */
export async function getAnnotation(db: DB, id: string): Promise<AnnotationRecord | undefined> {
  return (await copyOf(db)).records.get(id);
}

/** The annotations of one document (see `documentKey`), oldest first (reading order of creation). */
export async function listByDocument(db: DB, documentKey: string): Promise<AnnotationRecord[]> {
  const all = await records(db);
  return all.filter((a) => a.documentKey === documentKey).sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
}

export interface AnnotationQuery {
  /** Words that must all appear (case-insensitive) in the note, the quote, the tags or the page URL. */
  text?: string;
  /** A tag, compared case-insensitively. */
  tag?: string;
  /** A site or host ("cnn.com", "edition.cnn.com", or a URL): annotations anywhere on that site. */
  site?: string;
}

/** Every annotation matching `query` (all of them without one), most recently modified first. */
export async function listAll(db: DB, query: AnnotationQuery = {}): Promise<AnnotationRecord[]> {
  const copy = await copyOf(db);
  return filter([...copy.records.values()], query, copy).sort(newestFirst);
}

/** The in-memory filter behind `listAll`, for a UI that already holds the records. */
export function filterAnnotations(records: readonly AnnotationRecord[], query: AnnotationQuery): AnnotationRecord[] {
  return filter(records, query, undefined);
}

function filter(records: readonly AnnotationRecord[], query: AnnotationQuery, copy: Copy | undefined): AnnotationRecord[] {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const tag = query.tag?.trim().toLowerCase();
  const site = query.site?.trim() ? siteOfQuery(query.site.trim()) : undefined;
  return records.filter((a) => {
    if (site && siteOfKey(a.documentKey) !== site) return false;
    if (tag && !tagsOf(a).some((t) => t.toLowerCase() === tag)) return false;
    if (words.length) {
      const haystack = haystackOf(copy, a);
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}

/** The site a typed filter names ("https://edition.cnn.com/x", "CNN.com"); text that names no host is kept, and matches nothing. */
function siteOfQuery(site: string): string {
  try {
    return siteOfHost(new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(site) ? site : `https://${site}`).hostname);
  } catch {
    return site.toLowerCase();
  }
}

/**
 * Change an annotation's note, tags, links or selectors (only the fields given). Sets `modified` and
 * records the previous version's fingerprint (for merging imports). Throws StoreError when there is
 * no annotation with this id, InvalidAnnotationError when the change is invalid.
 * @returns the record as stored
 */
export async function updateAnnotation(db: DB, id: string, change: AnnotationContent, now = new Date()): Promise<AnnotationRecord> {
  const doing = 'Updating the annotation';
  // Read, compute and validate synchronously, then write in the same transaction.
  const next = await write(db, doing, async (store) => {
    const current = await store.get(id);
    if (!current) throw new StoreError(`${doing} failed: no annotation has the id ${id}. Nothing was changed.`);
    const next = withContent(current as AnnotationRecord, change, now);
    if (next !== current) await store.put(next);
    return next;
  });
  await committed(db, [next]);
  return next;
}

/**
 * Delete an annotation. Returns the deleted record, so the UI can offer "undo" (`restoreAnnotation`),
 * or undefined when there was none.
 */
export async function deleteAnnotation(db: DB, id: string): Promise<AnnotationRecord | undefined> {
  const deleted = await write(db, 'Deleting the annotation', async (store) => {
    const current = await store.get(id);
    if (current) await store.delete(id);
    return current as AnnotationRecord | undefined;
  });
  if (deleted) await committed(db, [], [id]);
  return deleted;
}

/**
 * Put a deleted annotation back (undo). Refuses (StoreError) when an annotation with its id exists
 * again, rather than overwrite it.
 */
export async function restoreAnnotation(db: DB, record: AnnotationRecord): Promise<void> {
  const valid = parseAnnotation(record);
  await write(db, 'Restoring the annotation', async (store) => {
    if (await store.get(valid.id)) {
      throw new StoreError(`Restoring the annotation failed: an annotation with the id ${valid.id} exists. Nothing was changed.`);
    }
    await store.add(valid);
  });
  await committed(db, [valid]);
}
