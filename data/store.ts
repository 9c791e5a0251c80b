/**
 * The IndexedDB store, in the extension's origin only (background and extension pages; never a
 * content script, whose IndexedDB would belong to the web page).
 *
 * Stores:
 * - one per dataset collection (sources, people, claims, ...): replaced as a whole when the dataset
 *   version changes, each record tagged with the dataset version;
 * - annotations, settings: the user's own records, which dataset updates never touch;
 * - meta: the installed dataset's version, hash and "data as of" date.
 *
 * Schema changes go through idb's versioned upgrade (UPGRADES below): each step only adds or migrates,
 * and a test upgrades an old database holding user records and checks none is lost.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { COLLECTIONS, type CollectionName } from './collections';
import type {
  Actor,
  Claim,
  Conduct,
  Dataset,
  EvidenceFinding,
  Event,
  Family,
  MediaItem,
  Person,
  Relationship,
  Response,
  Source,
  Story,
} from './schema';

export const DB_NAME = 'backstory';
export const DB_VERSION = 2;

type Versioned<T> = T & { datasetVersion: string };

export interface DatasetMetaRecord {
  key: 'dataset';
  version: string;
  hash: string;
  dataAsOf: string;
  title: string;
  seededAt: string;
}

/** A user record kept across dataset updates (issue 6 gives annotations their full shape). */
export interface UserRecord {
  id: string;
  [key: string]: unknown;
}

export interface BackstoryDB extends DBSchema {
  sources: { key: string; value: Versioned<Source> };
  actors: { key: string; value: Versioned<Actor> };
  stories: { key: string; value: Versioned<Story> };
  families: { key: string; value: Versioned<Family> };
  people: { key: string; value: Versioned<Person> };
  relationships: { key: string; value: Versioned<Relationship> };
  claims: { key: string; value: Versioned<Claim> };
  responses: { key: string; value: Versioned<Response> };
  findings: { key: string; value: Versioned<EvidenceFinding> };
  conduct: { key: string; value: Versioned<Conduct> };
  events: { key: string; value: Versioned<Event> };
  media: { key: string; value: Versioned<MediaItem> };
  annotations: { key: string; value: UserRecord };
  settings: { key: string; value: UserRecord };
  meta: { key: string; value: DatasetMetaRecord };
}

export type DB = IDBPDatabase<BackstoryDB>;

/**
 * Upgrade steps by the version they upgrade to. Version 1 held the first dataset collections, meta
 * and annotations; version 2 added relationships, findings, conduct, actors, families and settings.
 */
const UPGRADES: Record<number, (db: IDBPDatabase<BackstoryDB>) => void> = {
  1: (db) => {
    for (const name of ['sources', 'stories', 'people', 'claims', 'responses', 'events', 'media'] as const) {
      db.createObjectStore(name, { keyPath: 'id' });
    }
    db.createObjectStore('annotations', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  2: (db) => {
    for (const name of ['actors', 'families', 'relationships', 'findings', 'conduct', 'settings'] as const) {
      db.createObjectStore(name, { keyPath: 'id' });
    }
  },
};

export class StoreError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Explain an IndexedDB failure in words a user can act on. */
export function describeStoreError(error: unknown, doing: string): StoreError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new StoreError(`${doing} failed: the browser refused more storage (quota exceeded). Nothing was changed.`, error);
  }
  if (name === 'AbortError') {
    return new StoreError(`${doing} failed: the database transaction was aborted. Nothing was changed.`, error);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError(`${doing} failed: ${detail}`, error);
}

export interface OpenOptions {
  /** Called when another page holds an older connection open and the upgrade must wait. */
  onBlocked?: () => void;
  version?: number;
}

/**
 * Open (and upgrade) the database. When another extension page asks for a newer version, this
 * connection closes itself so that page's upgrade can proceed (`versionchange`).
 */
export async function openStore(options: OpenOptions = {}): Promise<DB> {
  const target = options.version ?? DB_VERSION;
  const db = await openDB<BackstoryDB>(DB_NAME, target, {
    upgrade(database, oldVersion) {
      for (let v = oldVersion + 1; v <= target; v++) UPGRADES[v]?.(database);
    },
    blocked() {
      options.onBlocked?.();
    },
    blocking() {
      db.close();
    },
  });
  return db;
}

/** The installed dataset's meta record, if any. */
export async function datasetMeta(db: DB): Promise<DatasetMetaRecord | undefined> {
  return db.get('meta', 'dataset');
}

/**
 * Replace the stored dataset with `dataset` in one transaction: every dataset store is cleared and
 * refilled, and the meta record written, or nothing changes at all. User stores are not part of the
 * transaction, so they cannot be touched.
 */
export async function seedDataset(db: DB, dataset: Dataset, hash: string): Promise<void> {
  const version = dataset.meta.version;
  // Everything is prepared before the transaction opens: idb transactions close across other awaits.
  const rows = COLLECTIONS.map((name) => [name, dataset[name].map((r) => ({ ...r, datasetVersion: version }))] as const);
  const meta: DatasetMetaRecord = {
    key: 'dataset',
    version,
    hash,
    dataAsOf: dataset.meta.dataAsOf,
    title: dataset.meta.title,
    seededAt: new Date().toISOString(),
  };
  const tx = db.transaction([...COLLECTIONS, 'meta'], 'readwrite');
  try {
    const writes: Promise<unknown>[] = [];
    for (const [name, records] of rows) {
      const store = tx.objectStore(name as CollectionName);
      writes.push(store.clear());
      for (const r of records) writes.push(store.put(r as never));
    }
    writes.push(tx.objectStore('meta').put(meta));
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: the browser rolled it back.
    }
    throw describeStoreError(error, `Installing dataset ${version}`);
  }
}

/** Everything the sidebar shows, read in one transaction. */
export async function readDataset(db: DB): Promise<Omit<Dataset, 'meta' | 'signals'> & { meta?: DatasetMetaRecord }> {
  const tx = db.transaction([...COLLECTIONS, 'meta'], 'readonly');
  const entries = await Promise.all(COLLECTIONS.map(async (name) => [name, await tx.objectStore(name).getAll()] as const));
  const meta = await tx.objectStore('meta').get('dataset');
  await tx.done;
  return { ...(Object.fromEntries(entries) as unknown as Omit<Dataset, 'meta' | 'signals'>), ...(meta ? { meta } : {}) };
}
