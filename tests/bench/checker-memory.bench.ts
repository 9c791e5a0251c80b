/**
 * The checker over many pages: N small generated pages (default 1000, env CHECKER_BENCH_PAGES; one in
 * ten names a family member, so the sidebar path runs too) through the checker's library function in
 * headless Chromium and then Firefox (env CHECKER_BENCH_BROWSERS, default "chromium,firefox"), each
 * with the checker's default concurrency (2). Reports throughput, whether every decision was reached
 * (all pages decided, the tenth that names a member matched), memory at 10%, 50% and 100% of the run (the Node process's RSS and JS
 * heap, and the RSS of every browser process under it) and the growth from 10% to 100%: a run must
 * not grow with the number of pages (each page is closed after use; one context is reused).
 * Needs the built extensions (`npm run build:all`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPages } from '../../scripts/check/cli';
import { defaultUrl, type PageSpec } from '../../scripts/check/inputs';
import { browserRss } from '../../scripts/check/memory';
import type { BenchRow } from './run';

export const name = 'Checker over many pages (memory, throughput)';

const PARAGRAPHS = [
  'The council met on Tuesday to discuss the new cycle lanes along the river and the cost of resurfacing.',
  'Residents asked for more benches in the park, and the library will open later on Thursdays from next month.',
  'A local bakery won a regional prize for its sourdough; the owners thanked their staff and their suppliers.',
];

function pageHtml(i: number): string {
  const story = i % 10 === 0
    ? '<p>Mamutjan Abdurehim, a Uyghur father in Adelaide, has not seen his daughter Muhlise and son Muherrem since 2016.</p>'
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local news ${i}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header>
<main><article><h1>Story number ${i}</h1>${PARAGRAPHS.map((p) => `<p>${p} (${i})</p>`).join('')}${story}</article></main>
<footer>© Example Herald</footer></body></html>`;
}

interface Sample {
  at: number;
  nodeRss: number;
  nodeHeap: number;
  browserRss: number;
}

export async function run(): Promise<BenchRow[]> {
  const count = Number(process.env.CHECKER_BENCH_PAGES ?? 1000);
  const browsers = (process.env.CHECKER_BENCH_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as Array<'chromium' | 'firefox'>;
  const dir = mkdtempSync(path.join(tmpdir(), 'checker-bench-'));
  const pages: PageSpec[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `page-${String(i).padStart(5, '0')}.html`);
    writeFileSync(file, pageHtml(i));
    pages.push({ name: path.basename(file), file, url: defaultUrl(file, dir) });
  }
  // One page in ten names a family member (`pageHtml`): the decisions every run must reach.
  const expected = pages.filter((_p, i) => i % 10 === 0).length;
  const rows: BenchRow[] = [];
  try {
    for (const browser of browsers) rows.push(...(await runBrowser(browser, pages, expected)));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The run in one browser, with the checker's default concurrency (2). */
async function runBrowser(browser: 'chromium' | 'firefox', pages: PageSpec[], expected: number): Promise<BenchRow[]> {
  const count = pages.length;
  const marks = [0.1, 0.5, 1].map((f) => Math.max(1, Math.round(count * f)));
  const samples: Sample[] = [];
  const result = await runPages(pages, browser, {
    concurrency: Number(process.env.CHECKER_BENCH_CONCURRENCY ?? 2),
    timeoutMs: 15_000,
    onPage: (_report, done) => {
      if (!marks.includes(done)) return;
      globalThis.gc?.();
      const m = process.memoryUsage();
      samples.push({ at: done, nodeRss: m.rss, nodeHeap: m.heapUsed, browserRss: browserRss() });
    },
  });
  const mb = (b: number) => b / 1024 / 1024;
  const decided = result.pages.filter((p) => p.status === 'done').length;
  const matched = result.pages.filter((p) => p.matched).length;
  const rows: BenchRow[] = [
    { figure: `${browser}: pages checked (${decided} decided, ${matched} matched)`, value: count, unit: 'pages' },
    {
      figure: `${browser}: decisions lost (pages undecided, or matched otherwise than the ${expected} naming a member)`,
      value: count - decided + Math.abs(matched - expected),
      unit: 'pages',
      limit: 0,
    },
    {
      figure: `${browser}: throughput (launch included)`,
      value: count / (result.durationMs / 1000),
      unit: 'pages/s',
      note: browser === 'chromium' ? 'issue 15: about 4.6 pages/s before (aim: twice)' : 'issue 15: about 1.3 pages/s before (aim: twice)',
    },
  ];
  for (const s of samples) {
    const pct = Math.round((s.at / count) * 100);
    rows.push(
      { figure: `${browser}: at ${pct}% (${s.at} pages): browser processes RSS`, value: mb(s.browserRss), unit: 'MB' },
      { figure: `${browser}: at ${pct}% (${s.at} pages): checker (Node) RSS`, value: mb(s.nodeRss), unit: 'MB' },
      { figure: `${browser}: at ${pct}% (${s.at} pages): checker (Node) JS heap`, value: mb(s.nodeHeap), unit: 'MB' },
    );
  }
  const first = samples[0]!;
  const last = samples.at(-1)!;
  rows.push(
    { figure: `${browser}: growth 10% -> 100%: browser RSS`, value: last.browserRss / first.browserRss, unit: 'x', limit: 1.5 },
    { figure: `${browser}: growth 10% -> 100%: checker RSS`, value: last.nodeRss / first.nodeRss, unit: 'x', limit: 1.5 },
    { figure: `${browser}: growth 10% -> 100%: checker JS heap`, value: last.nodeHeap / first.nodeHeap, unit: 'x', limit: 2, note: 'holds one small report per page' },
  );
  return rows;
}
