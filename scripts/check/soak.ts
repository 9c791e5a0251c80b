/**
 * `npm run check:soak -- [--browser chromium|firefox] [--pages 1000] [--concurrency 2] [--json FILE]`:
 * the checker over many generated pages, to show it does not flake, slow down or grow. One page in
 * ten is a page of the detection corpus (served at its own URL with `?soak=N`, so each is a distinct
 * page; its sub-resources such as caption tracks are served as usual), the others are ordinary prose,
 * some with the region's or people's generic words so the detector's full pass runs too.
 * Prints errors, retries, throughput and memory at 10% and 100%; exits 1 if any page had an error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, parseStrict } from './args';
import { runPages } from './cli';
import { buildDir } from './build';
import { buildReport, formatTable } from './reporters';
import type { PageSpec } from './inputs';
import { mb, sampleMemory, type MemorySample } from './memory';

const PROSE = [
  'The council met on Tuesday to discuss the new cycle lanes along the river and the cost of resurfacing.',
  'Residents asked for more benches in the park, and the library will open later on Thursdays from next month.',
  'A local bakery won a regional prize for its sourdough; the owners thanked their staff and their suppliers.',
  'The rail operator apologised for delays after a signal fault near the central station on Monday morning.',
  'Farmers in the valley expect a late harvest this year after a wet spring and a cool start to summer.',
];
/** Generic words of the story: they open the detector's full pass but never make a match on their own. */
const NEAR_MISS = [
  'A Uyghur restaurant in the city centre celebrated its tenth anniversary with a night of music and dancing.',
  'A travel writer describes the Sunday bazaar in Kashgar and the long road through Xinjiang to reach it.',
  'Adelaide families gathered for the Nowruz festival, with food stalls from many communities.',
];

function proseHtml(i: number): string {
  const paragraphs = [PROSE[i % PROSE.length]!, PROSE[(i + 2) % PROSE.length]!, ...(i % 3 === 0 ? [NEAR_MISS[i % NEAR_MISS.length]!] : [])];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local news ${i}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header>
<main><article><h1>Story number ${i}</h1>${paragraphs.map((p) => `<p>${p} (${i})</p>`).join('\n')}</article></main>
<footer>© Example Herald</footer></body></html>`;
}

interface CorpusEntry {
  file: string;
  url: string;
  match?: boolean;
}

/** The soak's page list: corpus pages every tenth page, generated prose otherwise. */
export function soakPages(count: number, dir: string): PageSpec[] {
  const manifestFile = path.resolve('tests/fixtures/corpus/manifest.json');
  const corpus = JSON.parse(readFileSync(manifestFile, 'utf8')) as CorpusEntry[];
  const pages: PageSpec[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
      const entry = corpus[(i / 10) % corpus.length]!;
      const url = new URL(entry.url);
      url.searchParams.set('soak', String(i));
      const spec: PageSpec = { name: `${String(i).padStart(5, '0')} ${entry.file}`, file: path.join(path.dirname(manifestFile), entry.file), url: url.href };
      if (entry.match !== undefined) spec.expect = { match: entry.match };
      pages.push(spec);
    } else {
      const file = path.join(dir, `page-${String(i).padStart(5, '0')}.html`);
      writeFileSync(file, proseHtml(i));
      pages.push({ name: path.basename(file), file, url: `https://soak.backstory.test/news/${i}`, expect: { match: false } });
    }
  }
  return pages;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseStrict(argv, {
    browser: { type: 'string' },
    pages: { type: 'string' },
    concurrency: { type: 'string' },
    json: { type: 'string' },
  });
  const browser = values.browser ?? 'chromium';
  if (browser !== 'chromium' && browser !== 'firefox') throw new UsageError(`--browser must be chromium or firefox, got "${browser}".`);
  const count = Number(values.pages ?? 1000);
  const concurrency = Number(values.concurrency ?? 2);
  if (!Number.isInteger(count) || count < 10) throw new UsageError(`--pages needs a whole number of at least 10, got "${values.pages}".`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new UsageError(`--concurrency must be between 1 and 32, got "${values.concurrency}".`);

  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-soak-'));
  const pages = soakPages(count, dir);
  const marks = new Set([Math.round(count / 10), count]);
  const samples: MemorySample[] = [];
  const t0 = performance.now();
  try {
    const run = await runPages(pages, browser, {
      concurrency,
      timeoutMs: 15_000,
      extensionPath: buildDir(browser),
      onPage: (_report, done, total) => {
        if (marks.has(done)) samples.push(sampleMemory(done, (performance.now() - t0) / 1000));
        if (done % Math.max(1, Math.round(total / 10)) === 0) process.stderr.write(`soak: ${done}/${total} pages\n`);
      },
    });
    const report = buildReport(run, { concurrency, timeoutMs: 15_000 });
    if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
    const erred = report.pages.filter((p) => p.errors.length > 0 || p.matched === null);
    if (erred.length) process.stdout.write(formatTable({ ...report, pages: erred }));
    const [early, late] = samples as [MemorySample, MemorySample];
    const steady = (late.at - early.at) / (late.seconds - early.seconds);
    const s = report.summary;
    const lines = [
      `browser: ${report.browser.name} ${report.browser.version}, concurrency ${concurrency}`,
      `pages: ${s.pages} (${s.matched} matched, ${s.notMatched} not matched, ${s.undecided} undecided)`,
      `errors: ${erred.length} pages; retries: ${s.retries ?? 0}; expectations: ${s.expectations.passed}/${s.expectations.checked} met`,
      `throughput: ${s.pagesPerSecond} pages/s including the browser launch, ${steady.toFixed(2)} pages/s from 10% to 100%`,
      ...samples.map((m) => `memory at ${Math.round((m.at / count) * 100)}% (${m.at} pages): browser ${mb(m.browserRss)} MB, Node RSS ${mb(m.nodeRss)} MB, Node heap ${mb(m.nodeHeap)} MB`),
      `| ${report.browser.name} ${report.browser.version} | ${s.pages} | ${erred.length} | ${s.retries ?? 0} | ${s.pagesPerSecond} (${steady.toFixed(2)}) | ${mb(early.browserRss)} / ${mb(late.browserRss)} MB | ${mb(early.nodeRss)} / ${mb(late.nodeRss)} MB |`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return erred.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`backstory soak: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
