/**
 * The checker end to end: `npx tsx scripts/check.ts ...` as a tester runs it, over the fixture
 * pages in headless Chromium with the built extension (run `npm run build` first; the checker is
 * started with --no-build so that it never rebuilds under a running test).
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { CheckReport } from '../../scripts/check/report-schema';
import { PAGES } from './fixtures';

// Each test starts the checker (and so a browser) once; allow for a busy machine.
test.describe.configure({ timeout: 150_000 });

const FAMILY = 'tests/fixtures/pages/family-abdurehim-article.html';
const UNRELATED = 'tests/fixtures/pages/unrelated-article.html';
const OTHER = 'tests/fixtures/pages/other-family-article.html';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function check(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/check.ts', ...(args[0] === 'merge' ? args : ['--no-build', ...args])], { env: { ...process.env, ...env }, timeout: 140_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'backstory-check-'));
}

/** The committed JSON Schema, checked by ajv: what a reader outside this repository would use. */
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
const validateReport = ajv.compile(JSON.parse(readFileSync('schemas/checker-report.schema.json', 'utf8')) as object);

function readReport(file: string): CheckReport {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  expect(validateReport(raw), JSON.stringify(validateReport.errors)).toBe(true);
  return CheckReport.parse(raw);
}

test('a matching page served at its URL: matched, people, signals, timings, JSON and JUnit', async () => {
  const dir = tempDir();
  const expectFile = path.join(dir, 'expect.json');
  writeFileSync(expectFile, JSON.stringify({ [PAGES.family1.url]: { match: true, people: ['mamutjan-abdurehim'] } }));
  const json = path.join(dir, 'report.json');
  const junit = path.join(dir, 'report.xml');
  const run = await check(['--as', PAGES.family1.url, '--expect', expectFile, '--json', json, '--junit', junit, FAMILY]);
  expect(run.stderr).not.toMatch(/could not run/);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('family-abdurehim-article.html');
  expect(run.stdout).toMatch(/ yes /);
  expect(run.stdout).toContain('mamutjan-abdurehim');
  expect(run.stdout).toContain('expectations: 1/1 met');

  const report = readReport(json);
  expect(report.schemaVersion).toBe(1);
  expect(report.browser.name).toBe('chromium');
  expect(report.summary).toMatchObject({ pages: 1, matched: 1, expectations: { checked: 1, passed: 1, failed: 0 } });
  const [page] = report.pages;
  expect(page).toMatchObject({ page: FAMILY, url: PAGES.family1.url, status: 'done', matched: true, sidebarMounted: true, errors: [] });
  expect(page!.people).toContain('mamutjan-abdurehim');
  expect(page!.families).toContain('family-abdurehim');
  expect(page!.signals.some((s) => s.strength === 'strong' && s.personId === 'mamutjan-abdurehim' && s.text.length > 0)).toBe(true);
  expect(page!.timings.detectMs).toBeGreaterThan(0);
  expect(page!.timings.sidebarMs).toBeGreaterThanOrEqual(page!.timings.detectMs!);
  expect(page!.expectation).toEqual({ expected: { match: true, people: ['mamutjan-abdurehim'] }, passed: true, differences: [] });

  const xml = readFileSync(junit, 'utf8');
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  expect(xml).toMatch(/<testsuite name="backstory-check \(chromium\)"[^>]* tests="1" failures="0" errors="0"/);
  expect(xml).toContain(`name="${FAMILY}"`);
  expect(xml).not.toContain('<failure');
  expect(xml).toContain('people: mamutjan-abdurehim');
});

test('a non-matching page is reported as not matched; a live URL fails as a page error, not a crash', async () => {
  const json = path.join(tempDir(), 'report.json');
  const run = await check(['--json', json, UNRELATED, 'https://unreachable.invalid/story']);
  expect(run.code).toBe(0);
  const report = readReport(json);
  const [unrelated, live] = report.pages;
  expect(unrelated).toMatchObject({ url: 'https://backstory.test/tests/fixtures/pages/unrelated-article.html', status: 'done', matched: false, people: [], sidebarMounted: false, errors: [] });
  expect(unrelated!.timings.detectMs).toBeGreaterThan(0);
  expect(live).toMatchObject({ page: 'https://unreachable.invalid/story', status: 'error', matched: null });
  expect(live!.errors[0]).toMatchObject({ source: 'navigation' });
  expect(live!.errors[0]!.message).toMatch(/ERR_/);
  expect(run.stdout).toMatch(/unrelated-article\.html\s+no\s/);
  expect(run.stdout).toContain('2 pages: 0 matched, 1 not matched, 1 undecided');
});

test('--watch keeps a page open after it has settled: a story rendered late (after 0.5 s, or a feed post after 1 s) is reported', async () => {
  const late = ['tests/fixtures/corpus/probe/round4/pos/t13.html', 'tests/fixtures/corpus/probe/round4/pos/t16.html'];
  const dir = tempDir();
  const early = path.join(dir, 'early.json');
  const watched = path.join(dir, 'watched.json');
  // Without it, the checker reports what the page had settled on when it had loaded.
  expect((await check(['--json', early, ...late])).code).toBe(0);
  expect(readReport(early).pages.map((p) => p.matched)).toEqual([false, false]);
  const run = await check(['--watch', '3000', '--json', watched, ...late]);
  expect(run.code).toBe(0);
  const pages = readReport(watched).pages;
  expect(pages.map((p) => p.matched)).toEqual([true, true]);
  for (const p of pages) expect(p.people).toContain('mamutjan-abdurehim');
  expect(pages.every((p) => p.sidebarMounted && p.errors.length === 0)).toBe(true);
});

test('an unmet expectation exits 1 and says which page and what differed', async () => {
  const dir = tempDir();
  const expectFile = path.join(dir, 'expect.json');
  writeFileSync(expectFile, JSON.stringify({ [path.resolve(UNRELATED)]: { match: true, people: ['mamutjan-abdurehim'] } }));
  const junit = path.join(dir, 'report.xml');
  const run = await check(['--expect', expectFile, '--junit', junit, UNRELATED]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('Expectations not met:');
  expect(run.stdout).toContain(`${UNRELATED}: expected a match, but the page did not match`);
  const xml = readFileSync(junit, 'utf8');
  expect(xml).toMatch(/<testsuite [^>]*failures="1"/);
  expect(xml).toContain('<failure message="expected a match, but the page did not match" type="expectation"/>');
});

test.describe('bad arguments and setup errors exit 2 with a one-line message', () => {
  for (const [args, message, env] of [
    [['--frobnicate', FAMILY], 'Unknown option --frobnicate', {}],
    [[], 'No pages given', {}],
    [['tests/fixtures/pages/missing.html'], 'No such file or directory: tests/fixtures/pages/missing.html', {}],
    [['--shard', '3/2', FAMILY], '--shard 3/2: i must be between 1 and n', {}],
    [['--concurrency', 'many', FAMILY], '--concurrency needs a whole number', {}],
    [[FAMILY], 'No browser at /nonexistent/chromium. Install it with: sudo apt-get install -y chromium', { CHROMIUM_PATH: '/nonexistent/chromium' }],
  ] as const) {
    test(`${args.join(' ') || '(no arguments)'}${Object.keys(env).length ? ' (no browser)' : ''}`, async () => {
      const run = await check([...args], env);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`backstory check: ${message}`);
    });
  }
});

test('--screenshots writes one PNG per page, with the sidebar opened on a matched page', async () => {
  const dir = tempDir();
  const shots = path.join(dir, 'shots');
  const json = path.join(dir, 'report.json');
  const run = await check(['--as', PAGES.family1.url, '--screenshots', shots, '--json', json, FAMILY]);
  expect(run.code).toBe(0);
  const [page] = readReport(json).pages;
  expect(page!.errors).toEqual([]);
  expect(page!.screenshot).toBe(path.join(shots, '0001-tests-fixtures-pages-family-abdurehim-article.html.png'));
  expect(existsSync(page!.screenshot!)).toBe(true);
  const png = readFileSync(page!.screenshot!);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // 1280 pixels wide, as the viewport.
  expect(png.readUInt32BE(16)).toBe(1280);
});

test('--shard splits the pages into disjoint contiguous slices', async () => {
  const dir = tempDir();
  const inputs = [FAMILY, UNRELATED, OTHER];
  const runs = await Promise.all(
    ['1/2', '2/2'].map(async (shard, i) => {
      const json = path.join(dir, `shard-${i}.json`);
      const run = await check(['--shard', shard, '--concurrency', '1', '--json', json, ...inputs]);
      expect(run.code).toBe(0);
      return readReport(json);
    }),
  );
  expect(runs[0]!.options.shard).toEqual({ index: 1, total: 2 });
  expect(runs[0]!.pages.map((p) => p.page)).toEqual([FAMILY, UNRELATED]);
  expect(runs[1]!.pages.map((p) => p.page)).toEqual([OTHER]);

  // The shards merge back into the whole run: JSON (schema-valid), JUnit and HTML.
  const merged = path.join(dir, 'merged.json');
  const html = path.join(dir, 'merged.html');
  const junit = path.join(dir, 'merged.xml');
  const merge = await check(['merge', path.join(dir, 'shard-1.json'), path.join(dir, 'shard-0.json'), '--json', merged, '--html', html, '--junit', junit]);
  expect(merge.stderr).toBe('');
  expect(merge.code).toBe(0);
  expect(merge.stdout).toContain('3 pages: 1 matched, 2 not matched, 0 undecided, 0 with errors');
  const report = readReport(merged);
  expect(report.pages.map((p) => p.page)).toEqual(inputs);
  expect(report.summary).toMatchObject({ pages: 3, matched: 1, notMatched: 2 });
  expect(report.mergedFrom!.map((m) => m.shard)).toEqual([{ index: 1, total: 2 }, { index: 2, total: 2 }]);
  expect(readFileSync(junit, 'utf8')).toMatch(/<testsuite [^>]* tests="3" failures="0"/);
  const page = readFileSync(html, 'utf8');
  expect(page.match(/<tr class="page /g)).toHaveLength(3);
  expect(page).toContain('full name: Mamutjan Abdurehim');

  // Merging a shard with itself is refused: its pages would count twice.
  const twice = await check(['merge', path.join(dir, 'shard-0.json'), path.join(dir, 'shard-0.json')]);
  expect(twice.code).toBe(2);
  expect(twice.stderr).toMatch(/is in both .*shard-0\.json and .*shard-0\.json/);
});

test('--html embeds the screenshot of a matched page and shows its signals', async () => {
  const dir = tempDir();
  const html = path.join(dir, 'report.html');
  const run = await check(['--as', PAGES.family1.url, '--screenshots', path.join(dir, 'shots'), '--html', html, FAMILY]);
  expect(run.code).toBe(0);
  const page = readFileSync(html, 'utf8');
  expect(page).toMatch(/<img loading="lazy" alt="screenshot of [^"]+" src="data:image\/png;base64,iVBORw0KGgo/);
  expect(page).toContain('mamutjan-abdurehim');
  expect(page).not.toMatch(/<script|src="https?:/);
});

test('Firefox reports the same decisions, signals and reasons as Chromium, on pages that do not match too', async () => {
  const dir = tempDir();
  const inputs = [FAMILY, OTHER, UNRELATED];
  const [chromium, firefox] = await Promise.all(
    ['chromium', 'firefox'].map(async (browser) => {
      const json = path.join(dir, `${browser}.json`);
      const run = await check(['--browser', browser, '--json', json, ...inputs]);
      expect(run.stderr).not.toMatch(/could not run/);
      expect(run.code).toBe(0);
      return readReport(json);
    }),
  );
  expect(firefox!.browser.name).toBe('firefox');
  const essentials = (r: CheckReport) => r.pages.map((p) => ({ page: p.page, matched: p.matched, detailsAvailable: p.detailsAvailable, people: p.people, reason: p.reason, signals: p.signals.map((s) => s.label) }));
  expect(essentials(firefox!)).toEqual(essentials(chromium!));
  // The near miss keeps its details: generic signals, a reason, a decision time.
  const other = firefox!.pages[1]!;
  expect(other).toMatchObject({ matched: false, detailsAvailable: true });
  expect(other.signals.length).toBeGreaterThan(0);
  expect(other.timings.detectMs).toBeGreaterThan(0);
});
