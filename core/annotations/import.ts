/**
 * Import (`parseImport`): a file's text to stored records, all or nothing. Accepts an
 * AnnotationCollection (`first` page(s) inline, or `items`), an AnnotationPage, a bare array, one
 * Annotation, a Hypothesis API result (`rows`) or Hypothesis export (`annotations`); each annotation
 * is read by incoming.ts. Every item is checked first, and any problem rejects the whole file with an
 * ImportError listing each problem (item index, id, field path, why). Merging into the store: merge.ts.
 */
import type { AnnotationRecord } from './model';
import { ImportCancelled, ImportError, fileProblem, type ImportProblem } from './import-error';
import { IncomingAnnotation, hasType, isObject, pathText } from './incoming';

export { ImportCancelled, ImportError, formatProblem, type ImportProblem } from './import-error';

export const MB = 1024 * 1024;
/**
 * The largest file an import takes. The whole text and its parsed form sit in the options page's
 * memory at once (JSON.parse has no streaming form in the browser), several times the file's size at
 * peak: 128 MB keeps that well under a gigabyte. Backstory's own pretty-printed export takes about
 * 1 KB an annotation (100,000 make 94 MB, tests/bench/annotations.bench.ts), compact JSON from other
 * tools about half that; 200,000 annotations is twice the largest collection measured.
 */
export const IMPORT_LIMITS = { bytes: 128 * MB, annotations: 200_000 } as const;

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
      // Not push(...items): a spread of a very long array overflows the call stack.
      for (const item of page.items as unknown[]) items.push(item);
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

/** Where an import stands, for a progress bar: `done` of `total` in the current phase. */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing' | 'undoing';
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Cancels the import: it stops and throws ImportCancelled, leaving the store as it was. */
  signal?: AbortSignal;
}

/** Annotations checked between two yields to the page (so the progress bar moves and Cancel works). */
export const CHECK_CHUNK = 2_000;

/** The file's annotations, once its size, JSON syntax, wrapping and count are checked. */
export function itemsOfFile(text: string): unknown[] {
  // Characters are at most bytes, so a too-long string can be refused without counting.
  checkImportSize(text.length > IMPORT_LIMITS.bytes ? text.length : utf8Bytes(text));
  const items = itemsOf(parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  if (items.length > IMPORT_LIMITS.annotations) {
    throw fileProblem(
      `the file holds ${items.length.toLocaleString('en')} annotations; the limit is ${IMPORT_LIMITS.annotations.toLocaleString('en')} per file (split it and import the parts one after the other)`,
    );
  }
  return items;
}

/** Checks annotations one by one, collecting every problem and the records of those that pass. */
class Checker {
  readonly problems: ImportProblem[] = [];
  readonly records: AnnotationRecord[] = [];
  private readonly firstIndex = new Map<string, number>();

  check(item: unknown, index: number): void {
    const rawId = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
    const where = { index, ...(rawId !== undefined ? { id: rawId.slice(0, 200) } : {}) };
    if (!isObject(item)) {
      this.problems.push({ ...where, path: '', message: `an annotation is an object, not ${Array.isArray(item) ? 'an array' : item === null ? 'null' : `a ${typeof item}`}` });
      return;
    }
    const r = IncomingAnnotation.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) this.problems.push({ ...where, path: pathText(issue.path), message: issue.message });
      return;
    }
    // Compared as stored: a Hypothesis short id and its https://hypothes.is/a/ form are one annotation.
    const seen = this.firstIndex.get(r.data.id);
    if (seen !== undefined) {
      this.problems.push({ ...where, path: 'id', message: `the same id as item ${seen}` });
      return;
    }
    this.firstIndex.set(r.data.id, index);
    this.records.push(r.data);
  }

  result(): AnnotationRecord[] {
    if (this.problems.length) throw new ImportError(this.problems);
    return this.records;
  }
}

/**
 * Parse an import file into stored records, or throw an ImportError naming every problem. Checks,
 * in order: size (before parsing), JSON syntax (with the position), the wrapping, the number of
 * annotations, then every annotation, and ids repeated within the file.
 */
export function parseImport(text: string): AnnotationRecord[] {
  const checker = new Checker();
  itemsOfFile(text).forEach((item, index) => checker.check(item, index));
  return checker.result();
}

/** Let the page draw (and a Cancel click arrive) between chunks of work. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelled();
}

/** `parseImport` in chunks of CHECK_CHUNK annotations, reporting progress, stopping when cancelled. */
export async function parseImportInChunks(text: string, { onProgress, signal }: ImportOptions = {}): Promise<AnnotationRecord[]> {
  const items = itemsOfFile(text);
  const checker = new Checker();
  for (let from = 0; from < items.length; from += CHECK_CHUNK) {
    onProgress?.({ phase: 'checking', done: from, total: items.length });
    await nextTurn();
    throwIfCancelled(signal);
    const to = Math.min(items.length, from + CHECK_CHUNK);
    for (let i = from; i < to; i++) checker.check(items[i], i);
  }
  onProgress?.({ phase: 'checking', done: items.length, total: items.length });
  return checker.result();
}
