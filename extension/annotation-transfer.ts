/**
 * Import and export of the researcher's annotations, sized for 100,000 of them (about 45 MB of
 * JSON): the work is cut in chunks with a turn of the event loop between them, so the options page
 * shows progress and its Cancel button is heard.
 *
 * Import, all or nothing:
 *   read the file -> JSON.parse (one call: JSON has no standard streaming parser in the browser)
 *   -> check every annotation, CHECK_CHUNK at a time (any problem: ImportError, nothing written)
 *   -> read what is stored -> merge (core/annotations/merge.ts, nothing is lost)
 *   -> write WRITE_BATCH records per IndexedDB transaction.
 * One transaction for 100,000 puts would keep the page from reporting progress or cancelling until
 * the very end, so the writes are batched and made undoable instead: the merge knows, before the
 * first batch, every stored record it replaces. On Cancel or a failure (quota exceeded, an aborted
 * transaction) the batches already committed are taken back: what was added is deleted and what was
 * replaced is put back, leaving the store exactly as it was. (Another extension page writing the same
 * annotations during the import would see its change undone with it; imports are rare, deliberate,
 * and announced on screen while they run.)
 */
import type { DB } from './store';
import { StoreError } from './store';
import { committed, isRecord, putAll, records, write } from './annotation-store';
import type { AnnotationRecord } from '../core/annotations/model';
import {
  ImportCancelled,
  checkImportSize,
  nextTurn,
  parseImportInChunks,
  throwIfCancelled,
  type ImportOptions,
  type ImportProgress,
} from '../core/annotations/import';
import { mergeImport, type ImportSummary } from '../core/annotations/merge';
import { jsonLdWriter } from '../core/annotations/export';
import { csvHeader, csvRows } from '../core/annotations/csv';

export type { ImportOptions, ImportProgress, ImportSummary };

/** Records per write transaction: large enough to keep the per-transaction cost small, small enough to cancel quickly. */
export const WRITE_BATCH = 2_000;
/** Records per chunk of an export between two turns of the event loop. */
export const EXPORT_CHUNK = 5_000;

const DOING = 'Importing annotations';

/**
 * Import annotations from a file (W3C JSON-LD and the dialects `parseImport` accepts), all or
 * nothing. A File/Blob over the size limit is refused before it is read. Throws ImportError (every
 * problem named; nothing written), ImportCancelled (the store as it was), or StoreError (the store as
 * it was, or, if even undoing failed, a message saying what stayed).
 */
export async function importAnnotations(db: DB, file: string | Blob, options: ImportOptions = {}): Promise<ImportSummary> {
  const { onProgress, signal } = options;
  if (typeof file !== 'string') checkImportSize(file.size);
  throwIfCancelled(signal);
  onProgress?.({ phase: 'reading', done: 0, total: 1 });
  const text = typeof file === 'string' ? file : await file.text();
  const incoming = await parseImportInChunks(text, options);
  throwIfCancelled(signal);
  // Read fresh (not the in-memory copy): the merge must see what is stored now.
  const stored = new Map((await db.getAll('annotations')).filter(isRecord).map((r) => [r.id, r]));
  const { puts, summary } = mergeImport(stored, incoming);
  await writeUndoably(db, puts, stored, options);
  return summary;
}

async function writeUndoably(db: DB, puts: readonly AnnotationRecord[], stored: ReadonlyMap<string, AnnotationRecord>, { onProgress, signal }: ImportOptions): Promise<void> {
  let written = 0;
  try {
    for (let from = 0; from < puts.length; from += WRITE_BATCH) {
      onProgress?.({ phase: 'writing', done: from, total: puts.length });
      await nextTurn();
      throwIfCancelled(signal);
      const batch = puts.slice(from, from + WRITE_BATCH);
      // A failed batch is rolled back by IndexedDB itself; the earlier ones are undone below.
      await write(db, DOING, (store) => putAll(store, batch));
      written = from + batch.length;
      await committed(db, batch);
    }
    onProgress?.({ phase: 'writing', done: puts.length, total: puts.length });
  } catch (error) {
    if (written > 0) await undo(db, puts.slice(0, written), stored, error, onProgress);
    throw error;
  }
}

/** Take back the records an import wrote: delete those it added, put back those it replaced. */
async function undo(
  db: DB,
  written: readonly AnnotationRecord[],
  stored: ReadonlyMap<string, AnnotationRecord>,
  cause: unknown,
  onProgress: ImportOptions['onProgress'],
): Promise<void> {
  try {
    // Newest batch first, the reverse of how they were written.
    for (let to = written.length; to > 0; to -= WRITE_BATCH) {
      onProgress?.({ phase: 'undoing', done: written.length - to, total: written.length });
      const batch = written.slice(Math.max(0, to - WRITE_BATCH), to);
      const restored = batch.map((r) => stored.get(r.id)).filter((r): r is AnnotationRecord => r !== undefined);
      const deleted = batch.filter((r) => !stored.has(r.id)).map((r) => r.id);
      await write(db, 'Taking back the import', async (store) => {
        await Promise.all([putAll(store, restored), ...deleted.map((id) => store.delete(id))]);
      });
      await committed(db, restored, deleted);
    }
    onProgress?.({ phase: 'undoing', done: written.length, total: written.length });
  } catch (undoError) {
    const why = cause instanceof ImportCancelled ? 'Import cancelled' : cause instanceof Error ? cause.message.replace(/ Nothing was changed\.$/, '') : String(cause);
    throw new StoreError(
      `${why}; taking back the ${written.length.toLocaleString('en')} annotations already written failed too ` +
        `(${undoError instanceof Error ? undoError.message : String(undoError)}). They stay stored beside what you had: ` +
        'nothing you had was lost (a replaced annotation was kept as a conflict copy first, or was an earlier version of the one imported).',
      cause,
    );
  }
}

export type ExportFormat = 'jsonld' | 'csv';

export interface ExportFile {
  /** e.g. backstory-annotations-2024-05-01.jsonld */
  filename: string;
  mimeType: string;
  text: string;
  count: number;
}

export interface ExportProgress {
  /** Reading the annotations from the database (done and total 0), then writing them into the file. */
  phase: 'reading' | 'writing';
  done: number;
  total: number;
}

export interface ExportOptions {
  onProgress?: (progress: ExportProgress) => void;
}

/**
 * Every annotation as a file to download: W3C JSON-LD (the backup format: `importAnnotations` reads
 * it back without loss) or CSV (for spreadsheets; not importable). Built EXPORT_CHUNK records at a
 * time, reporting progress.
 */
export async function exportAnnotations(db: DB, format: ExportFormat, now = new Date(), { onProgress }: ExportOptions = {}): Promise<ExportFile> {
  onProgress?.({ phase: 'reading', done: 0, total: 0 });
  await nextTurn();
  const all = (await records(db)).sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  const json = format === 'jsonld' ? jsonLdWriter(all.length, now) : undefined;
  const parts = [json ? json.head : csvHeader()];
  for (let from = 0; from < all.length; from += EXPORT_CHUNK) {
    onProgress?.({ phase: 'writing', done: from, total: all.length });
    await nextTurn();
    const chunk = all.slice(from, from + EXPORT_CHUNK);
    parts.push(json ? json.items(chunk, from === 0) : csvRows(chunk));
  }
  if (json) parts.push(json.tail);
  onProgress?.({ phase: 'writing', done: all.length, total: all.length });
  const date = now.toISOString().slice(0, 10);
  const text = parts.join('');
  return format === 'csv'
    ? { filename: `backstory-annotations-${date}.csv`, mimeType: 'text/csv;charset=utf-8', text, count: all.length }
    : { filename: `backstory-annotations-${date}.jsonld`, mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"', text, count: all.length };
}
