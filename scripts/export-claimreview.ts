/**
 * Export the dataset's claims as schema.org ClaimReview JSON-LD.
 *
 *   npx tsx scripts/export-claimreview.ts [out.json]
 *
 * Validates data/dataset.json with parseDataset first (exits 1 listing every problem), then writes
 * the array of ClaimReview objects to out.json, or to stdout when no file is given.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DatasetError, parseDataset } from '../core/dataset/schema';
import { toClaimReviews } from './claim-review/claim-review';

const datasetPath = fileURLToPath(new URL('../data/dataset.json', import.meta.url));

function main(argv: string[]): number {
  const out = argv[0];
  let dataset;
  try {
    dataset = parseDataset(JSON.parse(readFileSync(datasetPath, 'utf8')));
  } catch (error) {
    if (error instanceof DatasetError || error instanceof SyntaxError) {
      process.stderr.write(`${datasetPath}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const json = `${JSON.stringify(toClaimReviews(dataset), null, 2)}\n`;
  if (out) {
    writeFileSync(out, json);
    process.stderr.write(`Wrote ${dataset.claims.length} ClaimReview records to ${out}\n`);
  } else {
    process.stdout.write(json);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
