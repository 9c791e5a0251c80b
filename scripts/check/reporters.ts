/** The checker's outputs: the report object (JSON), a text table, JUnit XML, progress on stderr. */
import type { CheckOptions } from './args';
import { CheckReport, SCHEMA_VERSION, type PageReport } from './report-schema';
import type { RunResult } from './runner';

export function buildReport(run: RunResult, options: Pick<CheckOptions, 'concurrency' | 'timeoutMs' | 'shard'>): CheckReport {
  const pages = run.pages;
  const checked = pages.filter((p) => p.expectation);
  const report: CheckReport = {
    schemaVersion: SCHEMA_VERSION,
    tool: 'backstory-check',
    browser: run.browser,
    extension: run.extension,
    startedAt: run.startedAt,
    durationMs: Math.round(run.durationMs),
    options: { concurrency: options.concurrency, timeoutMs: options.timeoutMs, shard: options.shard ?? null },
    summary: {
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
      pagesPerSecond: Math.round((pages.length / (run.durationMs / 1000)) * 100) / 100,
    },
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
      (s.expectations.checked ? `; expectations: ${s.expectations.passed}/${s.expectations.checked} met` : ''),
  );
  return lines.join('\n') + '\n';
}

/** Escape text for XML content and attribute values, dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function detailsText(p: PageReport): string {
  const lines = [
    `url: ${p.url}`,
    `status: ${p.status}; matched: ${p.matched}; score: ${p.score}`,
    `families: ${p.families.join(', ') || '-'}`,
    `people: ${p.people.join(', ') || '-'}`,
    `reason: ${p.reason ?? '-'}`,
    ...p.signals.map((s) => `signal: [${s.strength}] ${s.label} "${s.text}" (${s.score}, ${s.origin})`),
    `timings: detect ${p.timings.detectMs ?? '-'} ms, sidebar ${p.timings.sidebarMs ?? '-'} ms, total ${p.timings.totalMs} ms`,
    ...p.errors.map((e) => `error: [${e.source}] ${e.message}`),
  ];
  return lines.join('\n');
}

/**
 * JUnit XML: one test case per page. An unmet expectation is a <failure>; with `failOnError`, a page
 * that could not be decided or logged extension errors is an <error>. Details go to <system-out>.
 */
export function formatJunit(report: CheckReport, failOnError = false): string {
  const cases = report.pages.map((p) => {
    const attrs = `classname="backstory.check.${report.browser.name}" name="${escapeXml(p.page)}" time="${(p.timings.totalMs / 1000).toFixed(3)}"`;
    let verdict = '';
    if (p.expectation && !p.expectation.passed) {
      const message = p.expectation.differences.join('; ');
      verdict = `<failure message="${escapeXml(message)}" type="expectation">${escapeXml(`${p.page}: ${message}`)}</failure>`;
    } else if (failOnError && p.errors.length) {
      const message = p.errors.map((e) => `[${e.source}] ${e.message}`).join('; ');
      verdict = `<error message="${escapeXml(message)}" type="page-error">${escapeXml(message)}</error>`;
    }
    return `    <testcase ${attrs}>${verdict}<system-out>${escapeXml(detailsText(p))}</system-out></testcase>`;
  });
  const failures = report.pages.filter((p) => p.expectation && !p.expectation.passed).length;
  const errors = failOnError ? report.pages.filter((p) => !(p.expectation && !p.expectation.passed) && p.errors.length).length : 0;
  const time = (report.durationMs / 1000).toFixed(3);
  const suite = `name="backstory-check (${report.browser.name})" tests="${report.pages.length}" failures="${failures}" errors="${errors}" time="${time}" timestamp="${report.startedAt}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="backstory-check" tests="${report.pages.length}" failures="${failures}" errors="${errors}" time="${time}">`,
    `  <testsuite ${suite}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
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
