/**
 * Seeding: how long the background takes to validate the bundled dataset, hash it, write it to
 * IndexedDB in one transaction and build the match index (fake-indexeddb in Node; a browser's
 * IndexedDB is usually faster).
 */
import 'fake-indexeddb/auto';
import rawDataset from '../../data/dataset.json' with { type: 'json' };
import { installDataset, type KeyValueArea } from '../../extension/install';
import { openStore, DB_NAME } from '../../extension/store';
import type { BenchRow } from './run';

export const name = 'Seeding the dataset';

function memoryArea(): KeyValueArea {
  const data: Record<string, unknown> = {};
  return {
    async get(keys) {
      return Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async set(items) {
      Object.assign(data, items);
    },
  };
}

export async function run(): Promise<BenchRow[]> {
  const rounds = 10;
  const first: number[] = [];
  const again: number[] = [];
  const update: number[] = [];
  // A dataset update: same size, another version (so another hash), every record rewritten.
  const next = { ...structuredClone(rawDataset), meta: { ...rawDataset.meta, version: '9.9.9' } };
  for (let i = 0; i < rounds; i++) {
    indexedDB.deleteDatabase(DB_NAME);
    const db = await openStore();
    const area = memoryArea();
    first.push((await installDataset(db, rawDataset, area)).ms);
    again.push((await installDataset(db, rawDataset, area)).ms);
    update.push((await installDataset(db, next, area)).ms);
    db.close();
  }
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return [
    { figure: 'install into an empty database (median of 10)', value: median(first), unit: 'ms' },
    { figure: 'install again, dataset unchanged (median of 10)', value: median(again), unit: 'ms' },
    { figure: 'install an update over the previous dataset (median of 10)', value: median(update), unit: 'ms' },
  ];
}
