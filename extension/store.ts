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
 * Schema changes go through idb's versioned upgrade (UPGRADES below; its comment has the rules):
 * each step only adds or copies, and a test upgrades an old database holding user records and checks
 * none is lost.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { COLLECTIONS, type CollectionName } from '../core/dataset/collections';
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
} from '../core/dataset/schema';

export const DB_NAME = 'backstory';

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

/** What an upgrade step gets: the database and the upgrade transaction (for migrations). */
export type UpgradeStep = (
  db: IDBPDatabase<BackstoryDB>,
  tx: IDBPTransaction<BackstoryDB, StoreNames<BackstoryDB>[], 'versionchange'>,
) => void | Promise<void>;

/**
 * Schema upgrade steps, in order: UPGRADES[0] makes version 1, UPGRADES[1] version 2, and so on.
 * DB_VERSION is their count, so version 3 is one more entry at the end of this list and nothing else.
 *
 * Rules for a step (a test upgrades an old database holding user records and checks none is lost):
 * - Never edit or remove a step that has shipped: databases made by it exist on users' machines.
 * - Never delete or clear a user store (annotations, settings). A migration that reshapes user
 *   records copies them into a new store (read with a cursor on `tx`, write the new shape) and leaves
 *   the old store in place; later code stops reading it, nothing deletes it.
 * - Dataset stores need no migration: installDataset replaces their contents after every upgrade
 *   (the meta record's hash tells it to), so a step only creates or reshapes them.
 * - A step may be async, but may only await requests on `tx`: any other await lets the upgrade
 *   transaction commit half-done. A step that throws or rejects aborts the whole upgrade.
 *
 * Version 1 held the first dataset collections, meta and annotations; version 2 added actors,
 * families, relationships, findings, conduct and the user's settings (one record per setting group,
 * keyed by `id`).
 */
export const UPGRADES: readonly UpgradeStep[] = [
  // 1
  (db) => {
    for (const name of ['sources', 'stories', 'people', 'claims', 'responses', 'events', 'media'] as const) {
      db.createObjectStore(name, { keyPath: 'id' });
    }
    db.createObjectStore('annotations', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // 2
  (db) => {
    for (const name of ['actors', 'families', 'relationships', 'findings', 'conduct', 'settings'] as const) {
      db.createObjectStore(name, { keyPath: 'id' });
    }
  },
];

/** The schema version this code opens: the number of upgrade steps. */
export const DB_VERSION = UPGRADES.length;

export class StoreError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * Explain an IndexedDB failure in words a user can act on. `doing` is what failed ("Installing
 * dataset 1.0.1"); every failure this module reports happened inside a transaction or an upgrade
 * that the browser rolled back, so each message ends by saying nothing was changed.
 */
export function describeStoreError(error: unknown, doing: string): StoreError {
  const name = (error as { name?: string } | null)?.name;
  const unchanged = 'Nothing was changed.';
  if (name === 'QuotaExceededError') {
    return new StoreError(`${doing} failed: the browser refused more storage (quota exceeded). ${unchanged}`, error);
  }
  if (name === 'AbortError') {
    return new StoreError(
      `${doing} failed: the database transaction was aborted before it finished (the browser or another ` +
        `extension page closed the database, or one of its writes failed). ${unchanged}`,
      error,
    );
  }
  if (name === 'VersionError') {
    return new StoreError(
      `${doing} failed: the stored database is newer than this version of Backstory can read. ${unchanged}`,
      error,
    );
  }
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return new StoreError(`${doing} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${detail}. ${unchanged}`, error);
}

/**
 * The cause worth reporting for a failed transaction. Requests of an aborted transaction all fail
 * with AbortError; when the transaction itself records why it aborted (a QuotaExceededError at
 * commit, say), that is the real reason.
 */
function causeOf(error: unknown, tx: { error: DOMException | null }): unknown {
  const name = (error as { name?: string } | null)?.name;
  let txError: DOMException | null = null;
  try {
    txError = tx.error;
  } catch {
    // Reading .error of a transaction that is still running throws in some browsers.
  }
  return name === 'AbortError' && txError && txError.name !== 'AbortError' ? txError : error;
}

function abortQuietly(tx: { abort(): void }) {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: the browser rolled it back itself.
  }
}

export interface OpenOptions {
  /** Called when another page holds an older connection open and the upgrade must wait. */
  onBlocked?: () => void;
  /** The version to open, DB_VERSION by default (tests open version 1 to rehearse an upgrade). */
  version?: number;
  /** The upgrade steps, UPGRADES by default (tests append a step to rehearse a future version). */
  upgrades?: readonly UpgradeStep[];
}

/**
 * Open (and upgrade) the database. When another extension page asks for a newer version, this
 * connection closes itself so that page's upgrade can proceed (`versionchange`); when an older
 * connection elsewhere does not close, `onBlocked` is told and the open waits for it.
 */
export async function openStore(options: OpenOptions = {}): Promise<DB> {
  const upgrades = options.upgrades ?? UPGRADES;
  const target = options.version ?? upgrades.length;
  const doing = `Opening the database (version ${target})`;
  if (!Number.isInteger(target) || target < 1 || target > upgrades.length) {
    // Opening at a version with no upgrade step would create a database at that version without
    // its stores, which later code could never repair.
    throw new StoreError(`${doing} failed: this code knows versions 1 to ${upgrades.length}. Nothing was changed.`);
  }
  let upgradeFailure: unknown;
  try {
    const db = await openDB<BackstoryDB>(DB_NAME, target, {
      upgrade(database, oldVersion, _newVersion, tx) {
        // idb makes tx.done eagerly; if the upgrade aborts, the open itself rejects and reports it.
        tx.done.catch(() => undefined);
        const steps = upgrades.slice(oldVersion, target);
        void (async () => {
          for (const step of steps) await step(database, tx);
        })().catch((error: unknown) => {
          upgradeFailure = error;
          abortQuietly(tx);
        });
      },
      blocked() {
        options.onBlocked?.();
      },
      blocking() {
        db.close();
      },
    });
    return db;
  } catch (error) {
    throw describeStoreError(upgradeFailure ?? error, doing);
  }
}

/** The installed dataset's meta record, if any. */
export async function datasetMeta(db: DB): Promise<DatasetMetaRecord | undefined> {
  return db.get('meta', 'dataset');
}

/**
 * Replace the stored dataset with `dataset` in one transaction: every dataset store is cleared and
 * refilled, and the meta record written, or nothing changes at all. User stores are not part of the
 * transaction, so they cannot be touched. Rejects with a StoreError once the rollback is complete.
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
  // Every request promise and tx.done are kept: when the transaction aborts they all reject, and
  // each rejection must be handled (an unhandled one is noise in the service worker's console).
  const pending: Promise<unknown>[] = [tx.done];
  try {
    for (const [name, records] of rows) {
      const store = tx.objectStore(name as CollectionName);
      pending.push(store.clear());
      // put throws synchronously for a record it cannot clone (DataCloneError) or, in some
      // browsers, when storage is full: the catch below aborts the transaction for either.
      for (const r of records) pending.push(store.put(r as never));
    }
    pending.push(tx.objectStore('meta').put(meta));
    await Promise.all(pending);
  } catch (error) {
    abortQuietly(tx);
    // Wait for the rollback, so the caller (and the next transaction) sees the previous dataset.
    await Promise.allSettled(pending);
    throw describeStoreError(causeOf(error, tx), `Installing dataset ${version}`);
  }
}

/** Everything the sidebar shows, read in one transaction. */
export async function readDataset(db: DB): Promise<Omit<Dataset, 'meta' | 'signals'> & { meta?: DatasetMetaRecord }> {
  const tx = db.transaction([...COLLECTIONS, 'meta'], 'readonly');
  const [entries, meta] = await Promise.all([
    Promise.all(COLLECTIONS.map(async (name) => [name, await tx.objectStore(name).getAll()] as const)),
    tx.objectStore('meta').get('dataset'),
    tx.done,
  ]);
  return { ...(Object.fromEntries(entries) as unknown as Omit<Dataset, 'meta' | 'signals'>), ...(meta ? { meta } : {}) };
}
