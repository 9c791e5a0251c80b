/**
 * The CSV export, for spreadsheets (not importable). RFC 4180: CRLF, fields quoted when they hold
 * `"`, `,`, CR or LF; `"` doubled; a UTF-8 byte order mark so spreadsheet programs read non-Latin
 * text. Columns: id, created, modified, page_url, quote, note, tags (joined by `;`, a `;` or `\`
 * inside a tag escaped with `\`), links (joined by ` `). A cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) gets a leading `'`.
 */
import { linksOf, noteOf, quoteOf, tagsOf, type AnnotationRecord } from './model';

export const CSV_COLUMNS = ['id', 'created', 'modified', 'page_url', 'quote', 'note', 'tags', 'links'] as const;

const FORMULA = /^'*[=+\-@\t\r]/;

function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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

/** The CSV export (see the module comment for the format). */
export function exportCsv(records: readonly AnnotationRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    const cells = [r.id, r.created, r.modified, r.target.source, quoteOf(r), noteOf(r), joinTags(tagsOf(r)), linksOf(r).join(' ')];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Parse RFC 4180 CSV (as exportCsv writes it) into rows of cells; undoes the formula guard. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endCell = () => {
    row.push(/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = '';
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell.length || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
