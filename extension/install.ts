/**
 * Installing the bundled dataset: validate, hash, seed IndexedDB when the version or content changed,
 * and (re)build the match index the content script reads from storage.local.
 */
import { parseDataset, type Dataset } from '../core/dataset/schema';
import { datasetMeta, seedDataset, type DB } from './store';
import { buildMatchIndex } from '../core/detect/compile/match-index-builder';
import { MATCH_EVENTS_KEY, MATCH_GATE_KEY, MATCH_INDEX_KEY, isMatchEvents, isMatchGate, isStoredMatchIndex, packForStorage } from '../core/detect/match-index';

/** The part of storage.local this module needs (WXT's fake browser and the real one both fit). */
export interface KeyValueArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** JSON with keys sorted, so the hash depends on content only. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** SHA-256 of the canonical JSON, hex. */
export async function datasetHash(dataset: Dataset): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(dataset));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface InstallResult {
  version: string;
  hash: string;
  /** Whether IndexedDB was (re)seeded; false when the stored dataset was already this one. */
  seeded: boolean;
  /** Whether the match index was rebuilt. */
  indexed: boolean;
  ms: number;
}

/**
 * Make the stored dataset and match index match `raw` (the bundled JSON). Throws a DatasetError
 * naming every problem if the bundle is invalid, before anything is written.
 */
export async function installDataset(db: DB, raw: unknown, area: KeyValueArea): Promise<InstallResult> {
  const started = performance.now();
  const dataset = parseDataset(raw);
  const hash = await datasetHash(dataset);
  const current = await datasetMeta(db);
  const seeded = current?.hash !== hash;
  if (seeded) await seedDataset(db, dataset, hash);

  const stored = await area.get([MATCH_INDEX_KEY, MATCH_GATE_KEY, MATCH_EVENTS_KEY]);
  const index = stored[MATCH_INDEX_KEY];
  const gate = stored[MATCH_GATE_KEY];
  const events = stored[MATCH_EVENTS_KEY];
  const fresh =
    isStoredMatchIndex(index) && index.datasetHash === hash && isMatchGate(gate) && gate.datasetHash === hash && isMatchEvents(events) && events.datasetHash === hash;
  const indexed = seeded || !fresh;
  // The three records in one call: a page never reads a prefilter of one dataset and an index of another.
  if (indexed) await area.set(packForStorage(buildMatchIndex(dataset, hash)));

  return { version: dataset.meta.version, hash, seeded, indexed, ms: performance.now() - started };
}

/** storage.onChanged, as far as watchIndex needs it. */
export interface StorageChanges {
  addListener(listener: (changes: Record<string, { newValue?: unknown }>, areaName: string) => void): void;
}

/**
 * Keep the match index whole while the browser runs: when something removes or garbles the prefilter's
 * record, the events' elements or the index in storage.local (a clear() by a debugging tool, a write cut
 * short), `reinstall` rebuilds all three from the bundled dataset, and pages waiting for the index (content/watch/index-wait.ts)
 * decide as soon as it is back. Install and startup already rebuild a missing or stale index; this
 * covers the time in between. Our own valid writes do not trigger it, so it cannot loop.
 */
export function watchIndex(onChanged: StorageChanges, reinstall: () => Promise<unknown>): void {
  onChanged.addListener((changes, areaName) => {
    if (areaName !== 'local') return;
    const gate = changes[MATCH_GATE_KEY];
    const events = changes[MATCH_EVENTS_KEY];
    const index = changes[MATCH_INDEX_KEY];
    const broken =
      (gate && !isMatchGate(gate.newValue)) || (events && !isMatchEvents(events.newValue)) || (index && !isStoredMatchIndex(index.newValue));
    if (broken) void reinstall().catch(() => undefined);
  });
}
