/**
 * Export of annotations as W3C JSON-LD: an AnnotationCollection (`@context`
 * http://www.w3.org/ns/anno.jsonld) with `total` and its one page inline as `first` (an
 * AnnotationPage with `items`), as the W3C model's collection example does. Backstory's own fields
 * travel as `backstory:documentKey`, `backstory:revisions`, `backstory:conflictOf`, `backstory:references` (absolute-IRI
 * properties: JSON-LD keeps them, other tools ignore them). Pure: the store reads the records.
 */
import { newId, noteOf, tagsOf, type AnnotationRecord } from './model';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** One record as a W3C annotation (without `@context`: the collection's covers it). */
export function toWebAnnotation(r: AnnotationRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: r.id,
    type: 'Annotation',
    motivation: r.references?.length ? 'replying' : noteOf(r) ? 'commenting' : tagsOf(r).length ? 'tagging' : r.body.length ? 'linking' : 'highlighting',
    created: r.created,
    modified: r.modified,
  };
  if (r.creator) out.creator = { type: 'Person', ...r.creator };
  if (r.body.length) out.body = r.body;
  out.target = r.target;
  out['backstory:documentKey'] = r.documentKey;
  if (r.revisions?.length) out['backstory:revisions'] = r.revisions;
  if (r.conflictOf) out['backstory:conflictOf'] = r.conflictOf;
  if (r.references?.length) out['backstory:references'] = r.references;
  return out;
}

/** A W3C AnnotationCollection holding every record in one inline page. */
export function toAnnotationCollection(records: readonly AnnotationRecord[], now = new Date()): Record<string, unknown> {
  const collection = frame(records.length, now);
  return { ...collection, first: { ...collection.first, items: records.map(toWebAnnotation) } };
}

function frame(total: number, now: Date) {
  return {
    '@context': CONTEXT,
    id: newId(),
    type: 'AnnotationCollection',
    label: 'Backstory annotations',
    created: now.toISOString(),
    total,
    first: { id: newId(), type: 'AnnotationPage', startIndex: 0, items: [] as unknown[] },
  };
}

/**
 * The JSON-LD export in parts, for a large export written a chunk at a time: `head`, then
 * `items(chunk, first)` for each chunk in order, then `tail`. Joined, the same text as `exportJsonLd`.
 */
export function jsonLdWriter(total: number, now = new Date()) {
  const text = `${JSON.stringify(frame(total, now), null, 2)}\n`;
  const at = text.indexOf('"items": []') + '"items": ['.length;
  return {
    head: text.slice(0, at),
    items(records: readonly AnnotationRecord[], first: boolean): string {
      if (records.length === 0) return '';
      // Stringified at the depth items have in the collection, so one native call indents them right.
      const nested = JSON.stringify({ first: { items: records.map(toWebAnnotation) } }, null, 2);
      const body = nested.slice(nested.indexOf('[') + 1, nested.lastIndexOf(']', nested.length - 1) - '\n    '.length);
      return first ? body : `,${body}`;
    },
    tail: total === 0 ? text.slice(at) : `\n    ${text.slice(at)}`,
  };
}

/** The JSON-LD export as text (pretty-printed: researchers read and diff these files). */
export function exportJsonLd(records: readonly AnnotationRecord[], now = new Date()): string {
  const writer = jsonLdWriter(records.length, now);
  return writer.head + writer.items(records, true) + writer.tail;
}
