/**
 * Merge (`mergeImport`): what an import writes beside what is stored, so that nothing is ever lost.
 * Pure: the store reads the stored side and writes the result in one transaction.
 */
import { contentFingerprint, fingerprintText, type AnnotationRecord } from './model';

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
