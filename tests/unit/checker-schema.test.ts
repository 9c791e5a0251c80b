/**
 * The JSON Schemas in schemas/ are the ones generated from the checker's zod schemas (regenerate with
 * `npx tsx scripts/check/json-schema.ts`), and real reports and expectation files satisfy them when
 * checked by a JSON Schema validator other than zod (ajv), as a reader in another language would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR, SCHEMA_FILES, schemaText } from '../../scripts/check/json-schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests spoil arbitrary JSON on purpose
type Json = any;

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function validator(name: keyof typeof SCHEMA_FILES) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // ajv ships no formats; the report's one format is an ISO date-time.
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)));
  return ajv.compile(read(path.join(SCHEMAS_DIR, name)) as object);
}

describe.each(Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[])('%s', (name) => {
  it('is the committed file, as generated from the zod schema', () => {
    expect(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8')).toBe(schemaText(name));
  });
});

describe('the report schema', () => {
  const validate = validator('checker-report.schema.json');
  const example = read(path.join(SCHEMAS_DIR, 'examples/checker-report.example.json')) as Record<string, unknown>;

  it('accepts a real report (schemas/examples, from a run over three fixture pages)', () => {
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a page without a decision field', (r: Json) => delete r.pages[0].matched, /must have required property 'matched'/],
    ['an unknown status', (r: Json) => (r.pages[0].status = 'maybe'), /must be equal to one of the allowed values/],
    ['a start that is not a date', (r: Json) => (r.startedAt = 'yesterday'), /"instancePath":"\/startedAt"/],
    ['another tool', (r: Json) => (r.tool = 'eslint'), /must be equal to constant/],
  ])('rejects %s', (_what, spoil, message) => {
    const broken = structuredClone(example);
    spoil(broken);
    expect(validate(broken)).toBe(false);
    expect(JSON.stringify(validate.errors)).toMatch(message);
  });
});

describe('the expectations schema', () => {
  const validate = validator('checker-expectations.schema.json');
  it.each([
    ['the corpus manifest (array form)', 'tests/fixtures/corpus/manifest.json'],
    ['the example (object form)', path.join(SCHEMAS_DIR, 'examples/checker-expectations.example.json')],
  ])('accepts %s', (_what, file) => {
    expect(validate(read(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a match that is not a boolean', { 'a.html': { match: 'yes' } }],
    ['people that are not a list', { 'a.html': { people: 'p1' } }],
    ['an entry naming no page', [{ match: true }]],
  ])('rejects %s', (_what, value) => expect(validate(value)).toBe(false));
});
