/**
 * The checker's written outputs: JUnit XML (parses, counts right), merged shard reports (summary
 * recomputed, bad inputs refused with the file named) and the HTML report (hostile page text stays text).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { esc, formatHtml } from '../../scripts/check/html';
import { formatJunit } from '../../scripts/check/junit';
import { mergeReports, readReport } from '../../scripts/check/merge';
import { CheckReport, type PageReport } from '../../scripts/check/report-schema';
import { summarize } from '../../scripts/check/reporters';
import { screenshotName } from '../../scripts/check/page-report';

function page(name: string, over: Partial<PageReport> = {}): PageReport {
  return {
    page: name,
    file: name,
    url: `https://news.example/${encodeURIComponent(name)}`,
    finalUrl: `https://news.example/${encodeURIComponent(name)}`,
    httpStatus: 200,
    status: 'done',
    matched: false,
    score: 0,
    families: [],
    people: [],
    reason: 'no match: prefilter found none of the words a match needs',
    signals: [],
    detailsAvailable: true,
    sidebarMounted: false,
    timings: { loadMs: 120, storageMs: 8, detectMs: 30, sidebarMs: null, totalMs: 400 },
    errors: [],
    retries: [],
    screenshot: null,
    expectation: null,
    ...over,
  };
}

const matchedPage = (name: string, over: Partial<PageReport> = {}) =>
  page(name, {
    matched: true,
    score: 21,
    families: ['family-abdurehim'],
    people: ['mamutjan-abdurehim'],
    reason: 'strong name corroborated by a family member',
    signals: [{ strength: 'strong', label: 'full name: Mamutjan Abdurehim', text: 'mamutjan abdurehim', score: 10, personId: 'mamutjan-abdurehim', origin: 'body' }],
    sidebarMounted: true,
    ...over,
  });

function report(pages: PageReport[], over: Partial<CheckReport> = {}): CheckReport {
  return CheckReport.parse({
    schemaVersion: 1,
    tool: 'backstory-check',
    browser: { name: 'chromium', version: '156.0.0.0' },
    extension: { version: '0.1.0', path: '/x/.output/chrome-mv3', buildHash: 'a'.repeat(64) },
    startedAt: '2026-12-02T16:00:00.000Z',
    durationMs: 10_000,
    options: { concurrency: 2, timeoutMs: 15_000, shard: null },
    summary: summarize(pages, 10_000),
    backgroundErrors: [],
    pages,
    ...over,
  });
}

const unmet = { expected: { match: true }, passed: false, differences: ['expected a match, but the page did not match'] };
const met = { expected: { match: false }, passed: true, differences: [] };

/**
 * happy-dom's XML parser does not read CDATA sections (junit-report-builder writes <system-out> as
 * CDATA), so each section is turned into the escaped text it stands for before parsing.
 */
function parseXml(xml: string) {
  const unwrapped = xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  const doc = new new Window().DOMParser().parseFromString(unwrapped, 'application/xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

describe('JUnit', () => {
  const pages = [
    page('a <script>alert(1)</script>.html', { expectation: unmet, reason: 'text with ]]> and \u0001 control' }),
    page('b.html', { expectation: met }),
    matchedPage('c.html', { errors: [{ source: 'page', message: 'Backstory: oops' }] }),
    page('d.html', { status: 'error', matched: null, errors: [{ source: 'navigation', message: 'net::ERR_FAILED' }] }),
  ];

  it('parses, with one testcase per page, failures for unmet expectations, no errors by default', () => {
    const doc = parseXml(formatJunit(report(pages)));
    const suite = doc.querySelector('testsuite')!;
    expect(suite.getAttribute('tests')).toBe('4');
    expect(suite.getAttribute('failures')).toBe('1');
    expect(suite.getAttribute('errors')).toBe('0');
    const cases = [...doc.querySelectorAll('testcase')];
    expect(cases.map((c) => c.getAttribute('name'))).toEqual(pages.map((p) => p.page));
    expect(cases[0]!.querySelector('failure')!.getAttribute('message')).toBe('expected a match, but the page did not match');
    expect(cases[0]!.querySelector('system-out')!.textContent).toContain('reason: text with ]]> and  control');
    expect(cases[2]!.querySelector('system-out')!.textContent).toContain('signal: [strong] full name: Mamutjan Abdurehim');
  });

  it('with --fail-on-error, pages with errors or no decision are <error>s', () => {
    const doc = parseXml(formatJunit(report(pages), true));
    expect(doc.querySelector('testsuite')!.getAttribute('errors')).toBe('2');
    expect(doc.querySelectorAll('testcase')[3]!.querySelector('error')!.getAttribute('message')).toBe('[navigation] net::ERR_FAILED');
  });
});

describe('merge', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'checker-merge-'));
  const write = (name: string, value: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const shard1 = report([matchedPage('a.html'), page('b.html', { expectation: met })], { options: { concurrency: 2, timeoutMs: 15_000, shard: { index: 1, total: 2 } }, durationMs: 8000 });
  const shard2 = report([page('c.html', { expectation: unmet, retries: ['BrowsingContext does no longer exist'] })], {
    options: { concurrency: 2, timeoutMs: 15_000, shard: { index: 2, total: 2 } },
    startedAt: '2026-12-02T15:59:00.000Z',
  });

  it('puts pages in shard order and recomputes the summary', () => {
    const { report: merged, warnings } = mergeReports([readReport(write('s2.json', shard2)), readReport(write('s1.json', shard1))]);
    expect(warnings).toEqual([]);
    expect(merged.pages.map((p) => p.page)).toEqual(['a.html', 'b.html', 'c.html']);
    expect(merged.summary).toMatchObject({ pages: 3, matched: 1, notMatched: 2, expectations: { checked: 2, passed: 1, failed: 1 }, retries: 1 });
    expect(merged.options.shard).toBeNull();
    expect(merged.startedAt).toBe('2026-12-02T15:59:00.000Z');
    expect(merged.durationMs).toBe(10_000);
    expect(merged.mergedFrom!.map((m) => m.shard?.index)).toEqual([1, 2]);
  });

  it('warns when a shard is missing', () => {
    expect(mergeReports([readReport(write('only1.json', shard1))]).warnings).toEqual([expect.stringMatching(/shards 2\/2 are missing/)]);
  });

  it.each([
    ['not JSON', '{"tool":', /not-json\.json is not JSON/],
    ['another tool', { tool: 'eslint', results: [] }, /other\.json is not a checker report/],
    ['another schema version', { ...shard1, schemaVersion: 2 }, /v2\.json has schemaVersion 2; this checker reads 1/],
    ['a broken report', { ...shard1, pages: [{ page: 'x' }] }, /broken\.json is not a valid checker report: pages\.0\.file/],
  ])('refuses %s, naming the file', (_what, content, message) => {
    const name = String(message.source.match(/^([\w-]+)/)![1]) + '.json';
    expect(() => readReport(write(name, content))).toThrow(message);
  });

  it('refuses a missing file', () => expect(() => readReport(path.join(dir, 'missing.json'))).toThrow(/cannot read .*missing\.json: ENOENT/));

  it('refuses different builds, browsers and duplicate pages', () => {
    const other = { ...shard2, extension: { ...shard2.extension, buildHash: 'b'.repeat(64) } };
    expect(() => mergeReports([{ file: 's1', report: shard1 }, { file: 's2', report: other }])).toThrow(/s2 and s1 checked different extension builds/);
    const firefox = { ...shard2, browser: { name: 'firefox' as const, version: '153' } };
    expect(() => mergeReports([{ file: 's1', report: shard1 }, { file: 'ff', report: firefox }])).toThrow(/ff ran in firefox, s1 in chromium/);
    expect(() => mergeReports([{ file: 's1', report: shard1 }, { file: 'again', report: shard1 }])).toThrow(/a\.html .* is in both s1 and again/);
  });
});

describe('HTML report', () => {
  const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const html = formatHtml(
    report([
      matchedPage(`${hostile}.html`, { reason: hostile, signals: [{ strength: 'weak', label: hostile, text: `'"&`, score: 1, origin: 'title' }] }),
      page('b.html', { expectation: unmet, errors: [{ source: 'page', message: hostile }] }),
      page('javascript:alert(1)', { url: 'javascript:alert(1)' }),
    ]),
    '/tmp/report.html',
  );
  const doc = new new Window().DOMParser().parseFromString(html, 'text/html');

  it('escapes the five characters that matter and drops control characters', () => {
    expect(esc(`<a href="x" onclick='y'>&\`\u0000</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  });

  it('shows hostile page text as text: no script, image or handler comes from it', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(html).not.toMatch(/<script|<img src=x/);
    expect(doc.querySelector('tr.page td')!.textContent).toBe(`${hostile}.html`);
    expect(doc.body.textContent).toContain(`reason: ${hostile}`);
    expect(doc.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('has no external resources and forbids scripts by policy', () => {
    expect(html).not.toMatch(/(src|href)="https?:\/\/(?!news\.example)/);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("default-src 'none'");
  });

  it('has a row per page with the classes the filters use, and a filter per kind', () => {
    const rows = [...doc.querySelectorAll('tr.page')].map((r) => r.className);
    expect(rows).toEqual(['page matched', 'page unmatched erred unmet', 'page unmatched']);
    expect([...doc.querySelectorAll('input[name="filter"]')].map((i) => i.id)).toEqual(['f-all', 'f-matched', 'f-unmatched', 'f-undecided', 'f-erred', 'f-unmet']);
    expect(doc.querySelector('label[for="f-unmet"]')!.textContent).toBe('expectations not met (1)');
  });
});

describe('screenshot names', () => {
  it('carry the position in the whole list, so shards on different machines never collide', () => {
    expect(screenshotName(0, { name: 'https://news.example/a?b=1', url: 'https://news.example/a?b=1', ordinal: 31 })).toBe('0031-news.example-a-b-1.png');
    expect(screenshotName(4, { name: 'pages/x.html', url: 'https://backstory.test/pages/x.html' })).toBe('0005-pages-x.html.png');
  });
});
