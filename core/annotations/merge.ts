/**
 * Merge (`mergeImport`): what an import writes beside what is stored, so that nothing is ever lost.
 * Pure: the store reads the stored side and writes the result in one transaction.
 */
// uuid: a name-based (v5, SHA-1) UUID, so a conflict copy gets the same id on every re-import.
import { v5 as uuidv5 } from 'uuid';
import { contentFingerprint, type AnnotationRecord } from './model';

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

/**
 * The UUID namespace of Backstory's conflict copies (RFC 9562 name-based UUIDs). Fixed forever: a
 * new value would give every conflict copy a new id on the next re-import.
 */
export const CONFLICT_NAMESPACE = '6f1d7c2e-5b0a-4e8f-9c3d-2a7b4e1f8d60';

/** The id of the copy kept for `fingerprint` of annotation `id`: the same on every re-import. */
export function conflictId(id: string, fingerprint: string): string {
  return `urn:uuid:${uuidv5(`${id}\n${fingerprint}`, CONFLICT_NAMESPACE)}`;
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
 * @returns the records to put (in this order), and the summary
 */
export function mergeImport(
  stored: ReadonlyMap<string, AnnotationRecord>,
  incoming: readonly AnnotationRecord[],
): { puts: AnnotationRecord[]; summary: ImportSummary } {
  const puts: AnnotationRecord[] = [];
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, conflicts: 0 };
  // A copy already kept under another id (one made before conflict ids were v5 UUIDs) counts too.
  const keptCopies = new Set<string>();
  for (const r of stored.values()) if (r.conflictOf) keptCopies.add(`${r.conflictOf}\n${contentFingerprint(r)}`);
  const keep = (copy: AnnotationRecord) => {
    if (stored.has(copy.id) || keptCopies.has(`${copy.conflictOf}\n${contentFingerprint(copy)}`)) return;
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
      // The copy of the stored version goes first: an import written in batches that stops half-way
      // has never replaced a version without keeping it.
      keep(asCopy(old, old.id));
      puts.push(next);
      summary.updated++;
    } else {
      summary.unchanged++;
      keep(asCopy(next, old.id));
    }
  }
  return { puts, summary };
}
