/**
 * JSON Schemas for the checker's report and expectations file, generated from the zod schemas in
 * report-schema.ts with zod's own `z.toJSONSchema` (so the published schema cannot drift from the one
 * the checker validates with). `npx tsx scripts/check/json-schema.ts` rewrites schemas/;
 * tests/unit/checker-schema.test.ts fails when the committed files differ from the generated ones.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CheckReport, ExpectationsFile } from './report-schema';

export const SCHEMA_FILES = {
  'checker-report.schema.json': () => ({
    ...z.toJSONSchema(CheckReport, { io: 'input' }),
    $id: 'https://backstory.invalid/schemas/checker-report.schema.json',
    title: 'Backstory checker report (npm run check -- --json FILE)',
  }),
  'checker-expectations.schema.json': () => ({
    ...z.toJSONSchema(ExpectationsFile, { io: 'input' }),
    $id: 'https://backstory.invalid/schemas/checker-expectations.schema.json',
    title: 'Backstory checker expectations (npm run check -- --expect FILE)',
  }),
} as const;

export function schemaText(name: keyof typeof SCHEMA_FILES): string {
  return JSON.stringify(SCHEMA_FILES[name](), null, 2) + '\n';
}

export const SCHEMAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const name of Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[]) {
    writeFileSync(path.join(SCHEMAS_DIR, name), schemaText(name));
    console.log(`wrote schemas/${name}`);
  }
}
