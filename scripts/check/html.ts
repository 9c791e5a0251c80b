/**
 * `--html FILE`: one self-contained HTML report a person can open offline. Strings are built with a
 * strict escape (every interpolated value goes through `esc`); page text is hostile. The filters are
 * CSS only (radio buttons and `:checked ~` rules), so the document carries no script at all and its
 * Content-Security-Policy forbids any: an escaping slip could not run code.
 *
 * Screenshots are embedded as data: URLs, so the file stands alone, up to EMBED_LIMIT bytes in all;
 * beyond that (a run of thousands of pages) they are referenced by path relative to the HTML file,
 * and the report says so at the top.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CheckReport, PageReport } from './report-schema';

export const EMBED_LIMIT = 25 * 1024 * 1024;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escape for HTML text and quoted attribute values; also drops characters HTML forbids (controls). */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '')
    .replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

/** Only http(s) links are emitted; anything else is shown as text. */
function link(url: string | null): string {
  if (!url) return '-';
  return /^https?:\/\//i.test(url) ? `<a href="${esc(url)}" rel="noreferrer noopener">${esc(url)}</a>` : esc(url);
}

function classes(p: PageReport): string {
  const c = ['page'];
  c.push(p.matched === true ? 'matched' : p.matched === false ? 'unmatched' : 'undecided');
  if (p.errors.length) c.push('erred');
  if (p.expectation && !p.expectation.passed) c.push('unmet');
  return c.join(' ');
}

function verdict(p: PageReport): string {
  if (p.matched === null) return esc(p.status);
  return p.matched ? 'yes' : p.detailsAvailable ? 'no' : 'no*';
}

/** A screenshot as an <img>: embedded while the budget lasts, else by relative path. */
function screenshotHtml(p: PageReport, htmlDir: string, budget: { left: number; referenced: number }): string {
  if (!p.screenshot) return '';
  const file = path.resolve(p.screenshot);
  if (!existsSync(file)) return `<p class="muted">screenshot missing: ${esc(p.screenshot)}</p>`;
  const size = statSync(file).size;
  let src: string;
  if (size <= budget.left) {
    budget.left -= size;
    src = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  } else {
    budget.referenced++;
    src = path.relative(htmlDir, file).split(path.sep).map(encodeURIComponent).join('/');
  }
  return `<img loading="lazy" alt="screenshot of ${esc(p.page)}" src="${esc(src)}">`;
}

function details(p: PageReport, htmlDir: string, budget: { left: number; referenced: number }): string {
  const signals = p.signals.length
    ? `<table class="signals"><thead><tr><th>strength</th><th>label</th><th>text</th><th>score</th><th>origin</th><th>person / family</th></tr></thead><tbody>${p.signals
        .map((s) => `<tr><td>${esc(s.strength)}</td><td>${esc(s.label)}</td><td>${esc(s.text)}</td><td>${esc(s.score)}</td><td>${esc(s.origin)}</td><td>${esc(s.personId ?? s.familyId ?? '')}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p class="muted">${p.detailsAvailable ? 'no signals' : 'this browser could not read the signals'}</p>`;
  const list = (title: string, items: string[]) => (items.length ? `<h4>${esc(title)}</h4><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '');
  const t = p.timings;
  return [
    `<p>url: ${link(p.url)}${p.finalUrl && p.finalUrl !== p.url ? `, ended at ${link(p.finalUrl)}` : ''}; HTTP ${esc(p.httpStatus ?? '-')}; status ${esc(p.status)}</p>`,
    `<p>reason: ${esc(p.reason ?? '-')}</p>`,
    `<p>families: ${esc(p.families.join(', ') || '-')}; people: ${esc(p.people.join(', ') || '-')}</p>`,
    `<p>timings (ms): load ${esc(t.loadMs ?? '-')}, storage ${esc(t.storageMs ?? '-')}, decision ${esc(t.detectMs ?? '-')}, sidebar ${esc(t.sidebarMs ?? '-')}, total ${esc(t.totalMs)}</p>`,
    signals,
    list('expectation not met', p.expectation && !p.expectation.passed ? p.expectation.differences : []),
    list('errors', p.errors.map((e) => `[${e.source}] ${e.message}`)),
    list('retried after transient browser errors', p.retries ?? []),
    screenshotHtml(p, htmlDir, budget),
  ].join('\n');
}

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1b1b;background:#fff}
h1{font-size:1.3em}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.muted{color:#666}.summary td:first-child{font-weight:600;width:14em}
.filters{margin:1em 0}.filters label{margin-right:1em;cursor:pointer}
tr.unmet td:first-child,tr.erred td:first-child{border-left:4px solid #b00020}
details summary{cursor:pointer;color:#0b57d0}img{max-width:100%;border:1px solid #ccc;margin-top:.5em}
.signals{font-size:.9em;margin:.5em 0}
#f-matched:checked~table tr.page:not(.matched),#f-unmatched:checked~table tr.page:not(.unmatched),
#f-erred:checked~table tr.page:not(.erred),#f-unmet:checked~table tr.page:not(.unmet),
#f-undecided:checked~table tr.page:not(.undecided){display:none}
`;

/** The whole document. `htmlFile` is where it will be written (screenshot paths are made relative to it). */
export function formatHtml(report: CheckReport, htmlFile: string): string {
  const htmlDir = path.dirname(path.resolve(htmlFile));
  const budget = { left: EMBED_LIMIT, referenced: 0 };
  const s = report.summary;
  const rows = report.pages
    .map((p) => {
      const top = [...p.signals].sort((a, b) => b.score - a.score).slice(0, 3).map((x) => `${x.label} (${x.score})`).join('; ');
      return `<tr class="${classes(p)}"><td>${esc(p.page)}</td><td>${verdict(p)}${p.expectation ? (p.expectation.passed ? ' ✓' : ' ✗ unmet') : ''}</td><td>${esc(p.score ?? '-')}</td><td>${esc(p.people.join(', ') || '-')}</td><td>${esc(top || p.reason || '-')}</td><td>${esc(p.errors.length)}</td><td><details><summary>details</summary>${details(p, htmlDir, budget)}</details></td></tr>`;
    })
    .join('\n');
  const summaryRows: [string, string][] = [
    ['browser', `${report.browser.name} ${report.browser.version}`],
    ['extension', `${report.extension.version}${report.extension.buildHash ? ` (build ${report.extension.buildHash.slice(0, 12)})` : ''}`],
    ['started', report.startedAt],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s (${s.pagesPerSecond} pages/s)`],
    ['pages', `${s.pages}: ${s.matched} matched, ${s.notMatched} not matched, ${s.undecided} undecided, ${s.withErrors} with errors`],
    ['expectations', s.expectations.checked ? `${s.expectations.passed} of ${s.expectations.checked} met, ${s.expectations.failed} not met` : 'none'],
    ['retries', String(s.retries ?? 0)],
    ...(report.mergedFrom ? [['merged from', report.mergedFrom.map((m) => `${m.file} (${m.shard ? `${m.shard.index}/${m.shard.total}, ` : ''}${m.pages} pages)`).join('; ')] as [string, string]] : []),
    ...(report.backgroundErrors.length ? [['background errors', report.backgroundErrors.join(' | ')] as [string, string]] : []),
  ];
  const filter = (id: string, label: string, checked = false) =>
    `<input type="radio" name="filter" id="f-${id}"${checked ? ' checked' : ''}><label for="f-${id}">${esc(label)}</label>`;
  const body = `<h1>Backstory checker report</h1>
<table class="summary">${summaryRows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</table>
${budget.referenced ? `<p class="muted">${esc(budget.referenced)} screenshots are too many to embed: they are linked by path relative to this file; keep the screenshot folder beside it.</p>` : ''}
<div class="filters">
${filter('all', `all (${s.pages})`, true)}${filter('matched', `matched (${s.matched})`)}${filter('unmatched', `not matched (${s.notMatched})`)}${filter('undecided', `undecided (${s.undecided})`)}${filter('erred', `with errors (${s.withErrors})`)}${filter('unmet', `expectations not met (${s.expectations.failed})`)}
<table><thead><tr><th>page</th><th>matched</th><th>score</th><th>people</th><th>top signals / reason</th><th>errors</th><th></th></tr></thead>
<tbody>
${rows}
</tbody></table>
</div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data: file: 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Backstory checker: ${esc(s.pages)} pages, ${esc(s.matched)} matched</title>
<style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}
