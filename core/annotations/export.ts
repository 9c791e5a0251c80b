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
