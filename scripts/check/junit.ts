/**
 * JUnit XML for CI: one test suite per browser run, one test case per page. Built with
 * junit-report-builder (a maintained JUnit writer that escapes and counts for us) rather than by hand.
 */
import junit from 'junit-report-builder';
import type { CheckReport, PageReport } from './report-schema';

/**
 * Characters XML 1.0 cannot carry at all (escaping does not help; the writer would throw). Page text
 * is hostile and may contain them, so they are dropped.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export function detailsText(p: PageReport): string {
  const lines = [
    `url: ${p.url}`,
    `status: ${p.status}; matched: ${p.matched}; score: ${p.score}`,
    `families: ${p.families.join(', ') || '-'}`,
    `people: ${p.people.join(', ') || '-'}`,
    `reason: ${p.reason ?? '-'}`,
    ...p.signals.map((s) => `signal: [${s.strength}] ${s.label} "${s.text}" (${s.score}, ${s.origin})`),
    `timings: detect ${p.timings.detectMs ?? '-'} ms, sidebar ${p.timings.sidebarMs ?? '-'} ms, total ${p.timings.totalMs} ms`,
    ...p.errors.map((e) => `error: [${e.source}] ${e.message}`),
    ...(p.retries ?? []).map((r) => `retried after: ${r}`),
  ];
  return lines.join('\n');
}

/**
 * An unmet expectation is a <failure>; with `failOnError`, a page that logged errors (or could not be
 * decided) and met its expectation is an <error>. Details (signals, timings, errors) go to <system-out>.
 */
export function formatJunit(report: CheckReport, failOnError = false): string {
  // A new builder per report: the package's default export is one shared builder that accumulates suites.
  const builder = junit.newBuilder().name('backstory-check');
  const suite = builder
    .testSuite()
    .name(`backstory-check (${report.browser.name})`)
    .timestamp(new Date(report.startedAt))
    .time(report.durationMs / 1000);
  for (const p of report.pages) {
    const testCase = suite
      .testCase()
      .className(`backstory.check.${report.browser.name}`)
      .name(xmlSafe(p.page))
      .time(p.timings.totalMs / 1000)
      .standardOutput(xmlSafe(detailsText(p)));
    if (p.expectation && !p.expectation.passed) {
      testCase.failure(xmlSafe(p.expectation.differences.join('; ')), 'expectation');
    } else if (failOnError && (p.errors.length > 0 || p.matched === null)) {
      const message = p.errors.map((e) => `[${e.source}] ${e.message}`).join('; ') || `no decision (${p.status})`;
      testCase.error(xmlSafe(message), 'page-error');
    }
  }
  return builder.build() + '\n';
}
