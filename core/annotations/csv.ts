/**
 * The CSV export, for spreadsheets (not importable). RFC 4180: CRLF, fields quoted when they hold
 * `"`, `,`, CR or LF; `"` doubled; a UTF-8 byte order mark so spreadsheet programs read non-Latin
 * text. Columns: id, created, modified, page_url, quote, note, tags (joined by `;`, a `;` or `\`
 * inside a tag escaped with `\`), links (joined by ` `). A cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR, after any `'`) gets one more leading `'` and is quoted,
 * so removing one `'` from a guarded cell always gives the value back.
 */
// papaparse: RFC 4180 quoting and the spreadsheet formula guard, as spreadsheet programs expect them.
import Papa from 'papaparse';
import { linksOf, noteOf, quoteOf, tagsOf, type AnnotationRecord } from './model';

export const CSV_COLUMNS = ['id', 'created', 'modified', 'page_url', 'quote', 'note', 'tags', 'links'] as const;

/**
 * Cells Papa guards with a leading `'`. Wider than Papa's default (`^[=+\-@\t\r]`): a value that
 * already starts with `'` before a formula character is guarded too, so the guard can be undone.
 */
export const FORMULA_GUARD = /^'*[=+\-@\t\r]/;

function joinTags(tags: readonly string[]): string {
  return tags.map((t) => t.replace(/[\\;]/g, (c) => `\\${c}`)).join(';');
}

/** Split a CSV tags cell back into tags (undoing the `\` escapes). */
export function splitTags(cell: string): string[] {
  const tags: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (c === ';') {
      tags.push(current);
      current = '';
    } else current += c;
  }
  if (cell.length) tags.push(current);
  return tags;
}

function row(r: AnnotationRecord): string[] {
  return [r.id, r.created, r.modified, r.target.source, quoteOf(r), noteOf(r), joinTags(tagsOf(r)), linksOf(r).join(' ')];
}

/** CSV lines for `records`, each ending in CRLF, without the header (for exports written in parts). */
export function csvRows(records: readonly AnnotationRecord[]): string {
  if (records.length === 0) return '';
  return `${Papa.unparse(records.map(row), { newline: '\r\n', escapeFormulae: FORMULA_GUARD })}\r\n`;
}

/** The header line, with the byte order mark that starts the file. */
export function csvHeader(): string {
  return `\uFEFF${Papa.unparse([[...CSV_COLUMNS]], { newline: '\r\n' })}\r\n`;
}

/** The CSV export (see the module comment for the format). */
export function exportCsv(records: readonly AnnotationRecord[]): string {
  return csvHeader() + csvRows(records);
}
