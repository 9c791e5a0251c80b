/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in turn and prints its figures.
 * A bench file exports `name` and `run()`, returning rows of figures; a row with a `limit` also
 * prints whether the figure is within it (benchmarks report, they do not fail the build).
 *   npm run bench              all benchmarks
 *   npm run bench -- seeding   only those whose file name contains "seeding"
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  /** Target, in the same unit; lower is better. */
  limit?: number;
  note?: string;
}

export interface BenchModule {
  name: string;
  run(): Promise<BenchRow[]>;
}

const dir = path.resolve('tests/bench');
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

let failed = false;
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
  console.log(`\n## ${mod.name} (${file})`);
  try {
    for (const row of await mod.run()) {
      const value = row.value >= 100 ? row.value.toFixed(0) : row.value.toFixed(2);
      const verdict = row.limit === undefined ? '' : row.value <= row.limit ? `  ok (limit ${row.limit} ${row.unit})` : `  OVER (limit ${row.limit} ${row.unit})`;
      console.log(`  ${row.figure.padEnd(58)} ${value.padStart(10)} ${row.unit}${verdict}${row.note ? `  — ${row.note}` : ''}`);
    }
  } catch (error) {
    failed = true;
    console.error(`  failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
if (files.length === 0) console.log(`No benchmark matches "${filter}".`);
process.exitCode = failed ? 1 : 0;
