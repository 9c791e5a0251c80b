/** The checker's outputs: the report object (JSON), a text table, progress on stderr (JUnit: junit.ts, HTML: html.ts). */
import type { CheckOptions } from './args';
import { CheckReport, SCHEMA_VERSION, type PageReport } from './report-schema';
import type { RunResult } from './runner';

/** The summary of a list of pages; also what `merge` recomputes over the shards' pages. */
export function summarize(pages: readonly PageReport[], durationMs: number): CheckReport['summary'] {
  const checked = pages.filter((p) => p.expectation);
  return {
    pages: pages.length,
    matched: pages.filter((p) => p.matched === true).length,
    notMatched: pages.filter((p) => p.matched === false).length,
    undecided: pages.filter((p) => p.matched === null).length,
    withErrors: pages.filter((p) => p.errors.length > 0).length,
    expectations: {
      checked: checked.length,
      passed: checked.filter((p) => p.expectation!.passed).length,
      failed: checked.filter((p) => !p.expectation!.passed).length,
    },
    pagesPerSecond: durationMs > 0 ? Math.round((pages.length / (durationMs / 1000)) * 100) / 100 : 0,
    retries: pages.reduce((n, p) => n + (p.retries?.length ?? 0), 0),
  };
}

export function buildReport(run: RunResult, options: Pick<CheckOptions, 'concurrency' | 'timeoutMs' | 'shard'>): CheckReport {
  const pages = run.pages;
  const report: CheckReport = {
    schemaVersion: SCHEMA_VERSION,
    tool: 'backstory-check',
    browser: run.browser,
    extension: run.extension,
    startedAt: run.startedAt,
    durationMs: Math.round(run.durationMs),
    options: { concurrency: options.concurrency, timeoutMs: options.timeoutMs, shard: options.shard ?? null },
    summary: summarize(pages, run.durationMs),
    backgroundErrors: run.backgroundErrors,
    pages,
  };
  // Our own output must satisfy the schema we document.
  return CheckReport.parse(report);
}

const WIDTH = { page: 44, matched: 8, people: 38, signals: 46, ms: 13 };

function cell(text: string, width: number, keepEnd = false): string {
  if (text.length <= width) return text.padEnd(width);
  return keepEnd ? `…${text.slice(text.length - width + 1)}` : `${text.slice(0, width - 1)}…`;
}

function matchedCell(p: PageReport): string {
  if (p.matched === null) return p.status.toUpperCase();
  return p.matched ? 'yes' : p.detailsAvailable ? 'no' : 'no*';
}

function topSignals(p: PageReport): string {
  return [...p.signals]
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((s) => `${s.label} (${s.score})`)
    .join('; ');
}

function ms(p: PageReport): string {
  const f = (v: number | null) => (v === null ? '-' : String(Math.round(v)));
  return `${f(p.timings.detectMs)}/${f(p.timings.sidebarMs)}`;
}

/** The default output: one line per page, then the failures and errors, then a summary. */
export function formatTable(report: CheckReport): string {
  const lines: string[] = [];
  const row = (a: string, b: string, c: string, d: string, e: string) =>
    `${cell(a, WIDTH.page, true)} ${cell(b, WIDTH.matched)} ${cell(c, WIDTH.people)} ${cell(d, WIDTH.signals)} ${e}`.trimEnd();
  lines.push(row('page', 'matched', 'people', 'top signals', 'ms decide/sidebar'));
  lines.push('-'.repeat(WIDTH.page + WIDTH.matched + WIDTH.people + WIDTH.signals + WIDTH.ms + 4));
  for (const p of report.pages) {
    const verdict = p.expectation ? (p.expectation.passed ? '' : ' FAIL') : '';
    lines.push(row(p.page, matchedCell(p) + verdict, p.people.join(', ') || '-', topSignals(p) || (p.reason ?? '-'), ms(p)));
  }
  const failed = report.pages.filter((p) => p.expectation && !p.expectation.passed);
  if (failed.length) {
    lines.push('', 'Expectations not met:');
    for (const p of failed) lines.push(`  ${p.page}: ${p.expectation!.differences.join('; ')}`);
  }
  const withErrors = report.pages.filter((p) => p.errors.length);
  if (withErrors.length) {
    lines.push('', 'Errors:');
    for (const p of withErrors) for (const e of p.errors) lines.push(`  ${p.page}: [${e.source}] ${e.message}`);
  }
  for (const e of report.backgroundErrors) lines.push(`  (background) ${e}`);
  if (report.pages.some((p) => p.matched === false && !p.detailsAvailable)) {
    lines.push('', 'no* = no sidebar appeared; this browser cannot read the detector\'s details on pages that do not match (see docs/checker.md).');
  }
  const s = report.summary;
  lines.push(
    '',
    `${s.pages} pages: ${s.matched} matched, ${s.notMatched} not matched, ${s.undecided} undecided, ${s.withErrors} with errors; ` +
      `${(report.durationMs / 1000).toFixed(1)} s (${s.pagesPerSecond} pages/s) in ${report.browser.name} ${report.browser.version}` +
      (s.expectations.checked ? `; expectations: ${s.expectations.passed}/${s.expectations.checked} met` : '') +
      (s.retries ? `; ${s.retries} transient browser errors retried` : ''),
  );
  return lines.join('\n') + '\n';
}

/** Progress on stderr: a redrawn bar on a terminal, otherwise a line at every 10%. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  let lastDecile = 0;
  const started = Date.now();
  return (done, total) => {
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages, ${rate.toFixed(1)}/s`);
      if (done === total) stream.write('\n');
      return;
    }
    const decile = Math.floor((done / total) * 10);
    if (decile > lastDecile || done === total) {
      lastDecile = decile;
      stream.write(`checked ${done}/${total} pages (${Math.round((done / total) * 100)}%), ${rate.toFixed(1)} pages/s\n`);
    }
  };
}
