/**
 * Export and import of annotations, and the merge rule. Pure: the store (data/annotation-store.ts)
 * reads and writes, this module turns records into files and files into records.
 *
 * Export
 * - W3C JSON-LD: an AnnotationCollection (`@context` http://www.w3.org/ns/anno.jsonld) with `total`
 *   and its one page inline as `first` (an AnnotationPage with `items`), as the W3C model's
 *   collection example does. Backstory's own fields travel as `backstory:documentKey`,
 *   `backstory:revisions`, `backstory:conflictOf` (absolute-IRI properties: JSON-LD keeps them,
 *   other tools ignore them).
 * - CSV (RFC 4180: CRLF, fields quoted when they hold `"`, `,`, CR or LF; `"` doubled), with a UTF-8
 *   byte order mark so spreadsheet programs read non-Latin text. Columns: id, created, modified,
 *   page_url, quote, note, tags (joined by `;`, a `;` or `\` inside a tag escaped with `\`), links
 *   (joined by ` `). A cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 *   gets a leading `'`; `parseCsv` removes it again.
 *
 * Import (`parseImport`) accepts an AnnotationCollection (`first` page(s) inline, or `items`), an
 * AnnotationPage, a bare array, one Annotation, a Hypothesis API result (`rows`) or Hypothesis export
 * (`annotations`). Per annotation: `body` as a string, an object or an array (a plain string is a
 * note; an http(s) or backstory: IRI is a link); `bodyValue`; Hypothesis' `text`/`tags`/`uri`/`updated`;
 * `target` as a URL string, an object or a one-element array; `selector` one or several. Unknown
 * fields are not kept (Hypothesis' user, group, permissions...). All or nothing: every item is
 * checked first, and any problem rejects the whole file with an ImportError listing each problem
 * (item index, id, field path, why).
 *
 * Merge (`mergeImport`): see its JSDoc; nothing is ever lost.
 */
import { z } from 'zod';
import {
  AnnotationRecord,
  DateTime,
  Iri,
  KEPT_SELECTOR_TYPES,
  KeptSelector,
  LinkIri,
  Motivation,
  PageUrl,
  SELECTOR_TYPES,
  contentFingerprint,
  fingerprintText,
  keyForImport,
  linksOf,
  newId,
  noteOf,
  quoteOf,
  tagsOf,
  type Body,
  type Selector,
} from './model';

export const MB = 1024 * 1024;
export const IMPORT_LIMITS = { bytes: 20 * MB, annotations: 50_000 } as const;

// ---------------------------------------------------------------------------------------------
// Export

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** One record as a W3C annotation (without `@context`: the collection's covers it). */
export function toWebAnnotation(r: AnnotationRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: r.id,
    type: 'Annotation',
    motivation: noteOf(r) ? 'commenting' : tagsOf(r).length ? 'tagging' : r.body.length ? 'linking' : 'highlighting',
    created: r.created,
    modified: r.modified,
  };
  if (r.body.length) out.body = r.body;
  out.target = r.target;
  out['backstory:documentKey'] = r.documentKey;
  if (r.revisions?.length) out['backstory:revisions'] = r.revisions;
  if (r.conflictOf) out['backstory:conflictOf'] = r.conflictOf;
  return out;
}

/** A W3C AnnotationCollection holding every record in one inline page. */
export function toAnnotationCollection(records: readonly AnnotationRecord[], now = new Date()): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    id: newId(),
    type: 'AnnotationCollection',
    label: 'Backstory annotations',
    created: now.toISOString(),
    total: records.length,
    first: {
      id: newId(),
      type: 'AnnotationPage',
      startIndex: 0,
      items: records.map(toWebAnnotation),
    },
  };
}

/** The JSON-LD export as text (pretty-printed: researchers read and diff these files). */
export function exportJsonLd(records: readonly AnnotationRecord[], now = new Date()): string {
  return `${JSON.stringify(toAnnotationCollection(records, now), null, 2)}\n`;
}

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

// ---------------------------------------------------------------------------------------------
// Import

/** One reason an import was refused. */
export interface ImportProblem {
  /** Position of the annotation in the file (0-based), when the problem is about one. */
  index?: number;
  /** Its id, when it has one. */
  id?: string;
  /** The field, as a path inside that annotation (e.g. `target.selector[1].type`); '' for the file. */
  path: string;
  message: string;
}

export function formatProblem(p: ImportProblem): string {
  const item = p.index === undefined ? 'file' : `item ${p.index}${p.id ? ` (id "${p.id}")` : ''}`;
  return `${item}${p.path ? `, field ${p.path}` : ''}: ${p.message}`;
}

const SHOWN_PROBLEMS = 20;

/** The import was refused; nothing was written. `problems` lists every reason found. */
export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  - ${formatProblem(p)}`);
    const more = problems.length > SHOWN_PROBLEMS ? [`  … and ${problems.length - SHOWN_PROBLEMS} more`] : [];
    super(
      problems.length === 1 && problems[0]!.index === undefined
        ? `Import refused, nothing was imported: ${problems[0]!.message}`
        : `Import refused, nothing was imported (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`,
    );
    this.name = 'ImportError';
  }
}

function fileProblem(message: string): ImportError {
  return new ImportError([{ path: '', message }]);
}

/** Size in megabytes with one decimal ("50.0 MB"). */
function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** UTF-8 size of a string without encoding it. */
function utf8Bytes(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Refuse a file over the size limit, before reading or parsing it. */
export function checkImportSize(bytes: number): void {
  if (bytes > IMPORT_LIMITS.bytes) {
    throw fileProblem(`the file is ${megabytes(bytes)}; the limit is ${IMPORT_LIMITS.bytes / MB} MB`);
  }
}

/** JSON.parse with an error that says where the JSON breaks (line, column, character). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    let at: number | undefined;
    const pos = /position (\d+)/.exec(detail);
    const lc = /line (\d+) column (\d+)/.exec(detail);
    if (pos) at = Number(pos[1]);
    else if (lc) at = offsetOf(text, Number(lc[1]), Number(lc[2]));
    else if (/end of (JSON|data)/i.test(detail)) at = text.length;
    const where = at === undefined ? '' : ` at ${lineColumn(text, at)} (character ${at} of ${text.length})`;
    const truncated = at !== undefined && at >= text.trimEnd().length ? ' — the file looks cut short' : '';
    throw fileProblem(`the file is not valid JSON${where}${truncated}: ${detail}`);
  }
}

function lineColumn(text: string, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${at - lineStart + 1}`;
}

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return text.length;
    at = nl + 1;
  }
  return Math.min(text.length, at + column - 1);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasType = (v: Record<string, unknown>, type: string) =>
  v.type === type || (Array.isArray(v.type) && v.type.includes(type));

/** The annotations a parsed file holds, whatever its wrapping. */
function itemsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) throw fileProblem('the file holds no annotations: expected an AnnotationCollection, an AnnotationPage, an array of annotations or one Annotation');
  if (hasType(data, 'AnnotationCollection')) {
    if (Array.isArray(data.items)) return data.items;
    const items: unknown[] = [];
    let page: unknown = data.first;
    if (page === undefined) return items;
    for (let pages = 0; page !== undefined; pages++) {
      if (typeof page === 'string') {
        throw fileProblem(`the collection's page ${pages} is only a link (${page}); export the annotations with their pages inline`);
      }
      if (!isObject(page) || !Array.isArray(page.items)) throw fileProblem(`the collection's page ${pages} has no "items" array`);
      items.push(...page.items);
      page = page.next;
      if (items.length > IMPORT_LIMITS.annotations) break;
    }
    return items;
  }
  if (hasType(data, 'AnnotationPage')) {
    if (!Array.isArray(data.items)) throw fileProblem('the AnnotationPage has no "items" array');
    return data.items;
  }
  if (Array.isArray(data.rows)) return data.rows; // Hypothesis API search result
  if (Array.isArray(data.annotations)) return data.annotations; // Hypothesis client export
  if (hasType(data, 'Annotation') || 'target' in data) return [data];
  throw fileProblem('the file holds no annotations: expected an AnnotationCollection, an AnnotationPage, an array of annotations or one Annotation');
}

type Ctx = z.core.$RefinementCtx;

/** Run `schema` on `value`, reporting its issues under `path`; returns undefined on failure. */
function sub<T>(schema: z.ZodType<T>, value: unknown, ctx: Ctx, path: PropertyKey[]): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...path, ...issue.path] });
  return undefined;
}

const InQuote = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'the quoted text cannot be empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const InPosition = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, { message: 'end comes before start', path: ['end'] });

const known = `${SELECTOR_TYPES.slice(0, 2).join(', ')} (and keeps ${KEPT_SELECTOR_TYPES.join(', ')})`;

function selectorFrom(value: unknown, ctx: Ctx, path: PropertyKey[]): Selector | undefined {
  if (!isObject(value)) {
    ctx.addIssue({ code: 'custom', message: 'a selector must be an object with a "type"', path });
    return undefined;
  }
  if (typeof value.type !== 'string') {
    ctx.addIssue({ code: 'custom', message: 'a selector needs a "type"', path: [...path, 'type'] });
    return undefined;
  }
  if (value.type === 'TextQuoteSelector') return sub(InQuote, value, ctx, path);
  if (value.type === 'TextPositionSelector') return sub(InPosition, value, ctx, path);
  if ((KEPT_SELECTOR_TYPES as readonly string[]).includes(value.type)) return sub(KeptSelector, value, ctx, path);
  ctx.addIssue({ code: 'custom', message: `unknown selector type "${value.type}"; Backstory anchors with ${known}`, path: [...path, 'type'] });
  return undefined;
}

// Schemas are built once: zod compiles each object schema on first use, which is costly per call.
const InTextualBody = z.object({
  value: z.string({ error: 'a text body needs a string "value"' }),
  purpose: Motivation.optional(),
  format: z.string().optional(),
  language: z.string().optional(),
});
const InLinkBody = z.object({
  source: LinkIri.optional(),
  id: LinkIri.optional(),
  purpose: z.literal('linking', { error: 'a linked resource must have purpose "linking"' }).optional(),
});

const IRI_LIKE = /^(?:https?:\/\/\S+|backstory:\S+)$/i;

function bodyFrom(value: unknown, ctx: Ctx, path: PropertyKey[]): Body | undefined {
  if (typeof value === 'string') {
    if (IRI_LIKE.test(value)) return sub(LinkIri, value, ctx, path) ? { type: 'SpecificResource', source: value, purpose: 'linking' } : undefined;
    return { type: 'TextualBody', value, format: 'text/plain', purpose: 'commenting' };
  }
  if (!isObject(value)) {
    ctx.addIssue({ code: 'custom', message: 'a body is a string or an object', path });
    return undefined;
  }
  const type = value.type;
  if (type === 'TextualBody' || (type === undefined && 'value' in value)) {
    const b = sub(InTextualBody, value, ctx, path);
    if (!b) return undefined;
    return {
      type: 'TextualBody',
      value: b.value,
      purpose: b.purpose ?? 'commenting',
      ...(b.format !== undefined ? { format: b.format } : {}),
      ...(b.language !== undefined ? { language: b.language } : {}),
    };
  }
  if (type === 'SpecificResource' || (type === undefined && typeof value.id === 'string')) {
    const b = sub(InLinkBody, value, ctx, path);
    const source = b?.source ?? b?.id;
    if (!source) {
      if (b) ctx.addIssue({ code: 'custom', message: 'a linked resource needs a "source"', path: [...path, 'source'] });
      return undefined;
    }
    return { type: 'SpecificResource', source, purpose: 'linking' };
  }
  ctx.addIssue({
    code: 'custom',
    message: `unsupported body type ${JSON.stringify(type)}; Backstory keeps TextualBody notes and tags, and SpecificResource links`,
    path: [...path, 'type'],
  });
  return undefined;
}

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function targetFrom(value: unknown, ctx: Ctx, path: PropertyKey[]): { source: string; selector?: Selector[] } | undefined {
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `an annotation needs exactly one target (found ${value.length})`, path });
      return undefined;
    }
    return targetFrom(value[0], ctx, [...path, 0]);
  }
  if (typeof value === 'string') return sub(PageUrl, value, ctx, path) ? { source: value } : undefined;
  if (!isObject(value)) {
    ctx.addIssue({ code: 'custom', message: 'the target is a URL or an object with a "source"', path });
    return undefined;
  }
  const source = sub(PageUrl, value.source ?? value.id, ctx, [...path, 'source']);
  const selectors = Array.isArray(value.selector)
    ? value.selector.map((s, i) => selectorFrom(s, ctx, [...path, 'selector', i]))
    : asList(value.selector).map((s) => selectorFrom(s, ctx, [...path, 'selector']));
  if (!source || selectors.some((s) => s === undefined)) return undefined;
  return selectors.length ? { source, selector: selectors as Selector[] } : { source };
}

const AnnotationType = z
  .union([z.string(), z.array(z.string())])
  .refine((t) => (Array.isArray(t) ? t.includes('Annotation') : t === 'Annotation'), 'the type must be "Annotation"');
const Tags = z.array(z.string({ error: 'a tag is a string' }), { error: 'tags are an array of strings' });
const Revisions = z.array(z.string(), { error: 'revisions are an array of strings' });
const Text = z.string({ error: 'must be a string' });

/**
 * One incoming annotation, any of the accepted dialects, normalised to a stored record. Every field
 * is checked even when another fails, so one pass reports all of an item's problems.
 */
const IncomingAnnotation = z
  .looseObject({})
  .transform((a, ctx) => {
    const field = <T>(schema: z.ZodType<T>, key: string): T | undefined => (a[key] === undefined ? undefined : sub(schema, a[key], ctx, [key]));
    let failed = false;
    const check = <T>(schema: z.ZodType<T>, key: string): T | undefined => {
      const v = field(schema, key);
      if (a[key] !== undefined && v === undefined) failed = true;
      return v;
    };
    const id = check(Iri, 'id');
    check(AnnotationType, 'type');
    const created = check(DateTime, 'created');
    const modified = check(DateTime, 'modified');
    const updated = check(DateTime, 'updated');
    const text = check(Text, 'text');
    const tags = check(Tags, 'tags');
    const claimedKey = check(Text, 'backstory:documentKey');
    const revisions = check(Revisions, 'backstory:revisions');
    const conflictOf = check(Iri, 'backstory:conflictOf');

    const bodies: Array<Body | undefined> = [];
    if (Array.isArray(a.body)) a.body.forEach((b, i) => bodies.push(bodyFrom(b, ctx, ['body', i])));
    else if (a.body !== undefined) bodies.push(bodyFrom(a.body, ctx, ['body']));
    if (a.bodyValue !== undefined) bodies.push(sub(Text, a.bodyValue, ctx, ['bodyValue']) === undefined ? undefined : bodyFrom(a.bodyValue, ctx, ['bodyValue']));
    if (text) bodies.push({ type: 'TextualBody', value: text, format: 'text/plain', purpose: 'commenting' });
    for (const tag of tags ?? []) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
    let target: ReturnType<typeof targetFrom>;
    if (a.target !== undefined) target = targetFrom(a.target, ctx, ['target']);
    else if (a.uri !== undefined) target = targetFrom(a.uri, ctx, ['uri']);
    else ctx.addIssue({ code: 'custom', message: 'an annotation needs a target (the page it is about)', path: ['target'] });
    if (failed || !target || bodies.some((b) => b === undefined)) return z.NEVER;

    const made = created ?? modified ?? updated ?? new Date().toISOString();
    return {
      id: id ?? newId(),
      type: 'Annotation' as const,
      created: made,
      modified: modified ?? updated ?? made,
      body: bodies as Body[],
      target,
      documentKey: keyForImport(target.source, claimedKey),
      ...(revisions?.length ? { revisions } : {}),
      ...(conflictOf ? { conflictOf } : {}),
    };
  })
  .pipe(AnnotationRecord);

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/**
 * Parse an import file into stored records, or throw an ImportError naming every problem. Checks,
 * in order: size (before parsing), JSON syntax (with the position), the wrapping, the number of
 * annotations, then every annotation, and ids repeated within the file.
 */
export function parseImport(text: string): AnnotationRecord[] {
  // Characters are at most bytes, so a too-long string can be refused without counting.
  checkImportSize(text.length > IMPORT_LIMITS.bytes ? text.length : utf8Bytes(text));
  const items = itemsOf(parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  if (items.length > IMPORT_LIMITS.annotations) {
    throw fileProblem(`the file holds ${items.length.toLocaleString('en')} annotations; the limit is ${IMPORT_LIMITS.annotations.toLocaleString('en')}`);
  }
  const problems: ImportProblem[] = [];
  const records: AnnotationRecord[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const rawId = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
    const where = { index, ...(rawId ? { id: rawId } : {}) };
    if (!isObject(item)) {
      problems.push({ ...where, path: '', message: `an annotation is an object, not ${Array.isArray(item) ? 'an array' : typeof item === 'object' ? 'null' : `a ${typeof item}`}` });
      return;
    }
    if (rawId !== undefined) {
      const seen = firstIndex.get(rawId);
      if (seen !== undefined) problems.push({ ...where, path: 'id', message: `the same id as item ${seen}` });
      else firstIndex.set(rawId, index);
    }
    const r = IncomingAnnotation.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) problems.push({ ...where, path: pathText(issue.path), message: issue.message });
      return;
    }
    records.push(r.data);
  });
  if (problems.length) throw new ImportError(problems);
  return records;
}

// ---------------------------------------------------------------------------------------------
// Merge

export interface ImportSummary {
  /** Annotations whose id was not stored. */
  added: number;
  /** Stored annotations replaced by a later version of themselves (or by the newer side of a conflict). */
  updated: number;
  /** Annotations already stored as they are in the file (or stored in a later version). */
  unchanged: number;
  /** Conflict copies kept: the other side of an annotation changed both here and in the file. */
  conflicts: number;
}

/** The id of the copy kept for `fingerprint` of annotation `id`: the same on every re-import. */
export function conflictId(id: string, fingerprint: string): string {
  const h = `${fingerprintText(`${id}\n${fingerprint}`)}${fingerprintText(`${fingerprint}\n${id}`)}`;
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(12, 15)}-a${h.slice(15, 18)}-${h.slice(18, 28)}00`;
}

function asCopy(r: AnnotationRecord, of: string): AnnotationRecord {
  return { ...r, id: conflictId(of, contentFingerprint(r)), conflictOf: of };
}

/**
 * Decide what an import writes, so that nothing is ever lost:
 * - a new id is added;
 * - same content (note, tags, links, target) as stored: unchanged;
 * - the file's version is a later edit of the stored one (its `revisions` hold the stored content's
 *   fingerprint): the stored one is updated to it;
 * - the stored version is a later edit of the file's: unchanged;
 * - otherwise both changed (or the other tool keeps no history): the version with the later
 *   `modified` keeps the id (the stored one on a tie) and the other is kept too, as a conflict copy
 *   with a new id derived from the original id and its content (so re-importing the same file adds
 *   nothing new) and `conflictOf` naming the original.
 *
 * @param stored every stored record by id (conflict copies included)
 * @param incoming the parsed file (parseImport)
 * @returns the records to put, and the summary
 */
export function mergeImport(
  stored: ReadonlyMap<string, AnnotationRecord>,
  incoming: readonly AnnotationRecord[],
): { puts: AnnotationRecord[]; summary: ImportSummary } {
  const puts: AnnotationRecord[] = [];
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, conflicts: 0 };
  const keep = (copy: AnnotationRecord) => {
    if (stored.has(copy.id)) return;
    puts.push(copy);
    summary.conflicts++;
  };
  for (const next of incoming) {
    const old = stored.get(next.id);
    if (!old) {
      puts.push(next);
      summary.added++;
      continue;
    }
    const oldFp = contentFingerprint(old);
    const nextFp = contentFingerprint(next);
    if (oldFp === nextFp || old.revisions?.includes(nextFp)) {
      summary.unchanged++;
    } else if (next.revisions?.includes(oldFp)) {
      puts.push(next);
      summary.updated++;
    } else if (Date.parse(next.modified) > Date.parse(old.modified)) {
      puts.push(next);
      summary.updated++;
      keep(asCopy(old, old.id));
    } else {
      summary.unchanged++;
      keep(asCopy(next, old.id));
    }
  }
  return { puts, summary };
}
