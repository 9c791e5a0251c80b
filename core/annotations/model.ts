/**
 * A researcher's annotation: a W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as it is
 * stored and exported, with a few Backstory fields kept beside it. This zod schema is the single
 * source of truth; types come from `z.infer`.
 *
 * ```jsonc
 * {
 *   "id": "urn:uuid:…",                      // or any IRI (an import keeps its own)
 *   "type": "Annotation",
 *   "created": "2024-05-01T10:00:00.000Z", "modified": "…",
 *   "body": [
 *     { "type": "TextualBody", "value": "the note", "format": "text/plain", "purpose": "commenting" },
 *     { "type": "TextualBody", "value": "coaching", "purpose": "tagging" },
 *     // a link to a dataset record: a SpecificResource whose source is a backstory: IRI
 *     { "type": "SpecificResource", "source": "backstory:people/zumeryem", "purpose": "linking" }
 *   ],
 *   "target": {
 *     "source": "https://www.cnn.com/…",
 *     "selector": [
 *       { "type": "TextQuoteSelector", "exact": "…", "prefix": "…32 chars", "suffix": "…32 chars" },
 *       { "type": "TextPositionSelector", "start": 120, "end": 164 }
 *     ]
 *   }
 * }
 * ```
 * Links: W3C gives a body a `purpose` only through a SpecificResource, so a link is one, with the
 * `linking` motivation; its `source` is `backstory:<collection>/<id>` for a dataset record (people,
 * claims, ... as in core/dataset/collections.ts), or an http(s) URL. Any other scheme is refused (a link is
 * rendered as an href: never `javascript:`).
 *
 * Backstory fields (exported as `backstory:…` properties, absolute IRIs that JSON-LD keeps and other
 * tools ignore):
 * - `documentKey`: where the annotation is found (core/annotations/document-key.ts);
 * - `revisions`: fingerprints of the note/tags/links/target this annotation had before each edit,
 *   so an import can tell an edit of a stored annotation from a parallel change (see merge.ts);
 * - `conflictOf`: set on the copy an import kept when two versions of one annotation both changed;
 * - `references`: for a reply imported from Hypothesis, the annotations it answers.
 * `creator` is W3C's own property (an Agent with an `id` and a `name`), kept from imports.
 * Whether an annotation is anchored or orphaned on a page is computed (anchoring.ts), never stored.
 */
import { z } from 'zod';
import { documentKey, sameSite } from './document-key';
import { contentFingerprint } from './fingerprint';

export { documentKey, sameSite, siteOfKey, siteOfHost } from './document-key';
export { contentFingerprint, fingerprintText } from './fingerprint';

export const LIMITS = {
  note: 50_000,
  tag: 100,
  tags: 100,
  links: 100,
  quote: 20_000,
  context: 1_000,
  revisions: 100,
  iri: 2_048,
  name: 200,
  references: 100,
  keptDepth: 8,
} as const;

/** An IRI: a scheme, a colon and no white space (urn:uuid:…, https://…). */
export const Iri = z
  .string({ error: 'must be an IRI (a string such as urn:uuid:… or https://…)' })
  .max(LIMITS.iri, `an IRI is at most ${LIMITS.iri} characters`)
  .regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/, 'must be an IRI such as urn:uuid:… or https://…');

/** An ISO 8601 date-time with a time zone, as W3C asks for `created` and `modified`. */
export const DateTime = z
  .string({ error: 'must be an ISO 8601 date-time (a string such as 2024-05-01T10:00:00Z)' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, {
    message: 'must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T10:00:00Z',
    // One problem per bad date: "is not a real date" adds nothing to a string that is no date at all.
    abort: true,
  })
  .refine((s) => Number.isFinite(Date.parse(s)), 'is not a real date');

/** http(s) only: these become links in the UI. */
export const PageUrl = z
  .string({ error: 'must be an http(s) URL (a string)' })
  .max(LIMITS.iri, `a page URL is at most ${LIMITS.iri} characters`)
  .refine((u) => {
    try {
      return /^https?:$/.test(new URL(u).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const TextQuoteSelector = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1, 'the quoted text cannot be empty').max(LIMITS.quote, `a quote is at most ${LIMITS.quote} characters`),
    prefix: z.string().max(LIMITS.context).optional(),
    suffix: z.string().max(LIMITS.context).optional(),
  })
  .strict();

export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict()
  .refine((s) => s.end >= s.start, { message: 'end comes before start', path: ['end'] });

/**
 * W3C selector types Backstory does not anchor with but keeps, so an import from another tool
 * (Hypothesis exports a RangeSelector beside its quote) loses nothing.
 */
export const KEPT_SELECTOR_TYPES = [
  'RangeSelector',
  'XPathSelector',
  'CssSelector',
  'FragmentSelector',
  'DataPositionSelector',
  'SvgSelector',
] as const;
export const KeptSelector = z.looseObject({ type: z.enum(KEPT_SELECTOR_TYPES) }).refine(keptFits, {
  message: `a kept selector is at most ${LIMITS.keptDepth} levels deep and ${LIMITS.quote} characters of text`,
});

/**
 * Whether a kept selector (stored as given, never read) is small and shallow: its text is exported,
 * fingerprinted and cloned into IndexedDB, all recursive, so a deeply nested one would overflow the
 * stack. Walked without recursion for the same reason.
 */
function keptFits(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let chars = 0;
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > LIMITS.keptDepth || ++nodes > LIMITS.quote) return false;
    if (typeof v === 'string') chars += v.length;
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        chars += k.length;
        stack.push([child, depth + 1]);
      }
    }
    if (chars > LIMITS.quote) return false;
  }
  return true;
}

export const SELECTOR_TYPES = ['TextQuoteSelector', 'TextPositionSelector', ...KEPT_SELECTOR_TYPES] as const;

export const Selector = z.union([TextQuoteSelector, TextPositionSelector, KeptSelector]);

/** W3C motivations, usable as a body's purpose. */
export const Motivation = z.enum([
  'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting',
  'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging',
]);

export const TextualBody = z
  .object({
    type: z.literal('TextualBody'),
    value: z.string().max(LIMITS.note, `a note is at most ${LIMITS.note} characters`),
    purpose: Motivation,
    format: z.string().optional(),
    language: z.string().optional(),
  })
  .strict()
  .refine((b) => b.purpose !== 'tagging' || (b.value.trim().length > 0 && b.value.length <= LIMITS.tag), {
    message: `a tag is 1 to ${LIMITS.tag} characters`,
    path: ['value'],
  });

/** `backstory:<collection>/<id>` or an http(s) URL. */
export const LinkIri = Iri.refine((s) => /^backstory:[a-z]+\/[a-z0-9][a-z0-9-]*$/.test(s) || /^https?:\/\//i.test(s), {
  message: 'a link is backstory:<collection>/<id> (e.g. backstory:people/zumeryem) or an http(s) URL',
});

export const LinkBody = z
  .object({ type: z.literal('SpecificResource'), source: LinkIri, purpose: z.literal('linking') })
  .strict();

export const Body = z.union([TextualBody, LinkBody]);

export const Target = z
  .object({ source: PageUrl, selector: z.array(Selector).optional() })
  .strict();

/**
 * Who wrote an annotation, when it came from another tool (W3C `creator`, an Agent). Annotations made
 * here have none: they are the researcher's own.
 */
export const Creator = z
  .object({
    /** e.g. Hypothesis' `acct:user@hypothes.is`. */
    id: Iri.optional(),
    name: z.string().min(1, 'a name cannot be empty').max(LIMITS.name, `a name is at most ${LIMITS.name} characters`),
  })
  .strict();

/** The stored record: the W3C annotation plus Backstory's own fields. */
export const AnnotationRecord = z
  .object({
    id: Iri,
    type: z.literal('Annotation'),
    created: DateTime,
    modified: DateTime,
    body: z.array(Body),
    target: Target,
    documentKey: z.string().min(1),
    revisions: z.array(z.string().regex(/^[0-9a-f]{14}$/, 'a revision is a 14-digit hex fingerprint')).max(LIMITS.revisions).optional(),
    conflictOf: Iri.optional(),
    creator: Creator.optional(),
    /** A reply: the ids of the annotations it answers, the thread's first first, its parent last. */
    references: z.array(Iri).min(1).max(LIMITS.references, `at most ${LIMITS.references} references`).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (Date.parse(a.modified) < Date.parse(a.created)) {
      ctx.addIssue({ code: 'custom', path: ['modified'], message: 'modified comes before created' });
    }
    const tags = a.body.filter((b) => b.type === 'TextualBody' && b.purpose === 'tagging');
    if (tags.length > LIMITS.tags) ctx.addIssue({ code: 'custom', path: ['body'], message: `at most ${LIMITS.tags} tags` });
    const links = a.body.filter((b) => b.type === 'SpecificResource');
    if (links.length > LIMITS.links) ctx.addIssue({ code: 'custom', path: ['body'], message: `at most ${LIMITS.links} links` });
  });

export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;
export type Selector = z.infer<typeof Selector>;
export type TextualBody = z.infer<typeof TextualBody>;
export type LinkBody = z.infer<typeof LinkBody>;
export type Body = z.infer<typeof Body>;
export type Target = z.infer<typeof Target>;
export type AnnotationRecord = z.infer<typeof AnnotationRecord>;
export type Creator = z.infer<typeof Creator>;
/** Computed on the page by anchoring.ts; never stored. */
export type AnnotationStatus = 'anchored' | 'orphaned';

/** What a researcher edits: the note, tags and links (and, rarely, the target's selectors). */
export interface AnnotationContent {
  note?: string;
  tags?: string[];
  /** `backstory:<collection>/<id>` IRIs (see `linkIri`) or http(s) URLs. */
  links?: string[];
  selectors?: Selector[];
}

export interface NewAnnotation extends AnnotationContent {
  /** The page's URL (location.href). */
  url: string;
  /** The page's `<link rel=canonical>` href, if any (used for the document key when same-site). */
  canonical?: string | null;
  /** Defaults to a fresh `urn:uuid:`. */
  id?: string;
  /** Defaults to now. */
  now?: Date;
}

/** The IRI that links an annotation to a dataset record: `linkIri('people', 'zumeryem')`. */
export function linkIri(collection: string, id: string): string {
  return `backstory:${collection}/${id}`;
}

/** `backstory:people/zumeryem` -> { collection: 'people', id: 'zumeryem' }; other links -> undefined. */
export function parseLinkIri(iri: string): { collection: string; id: string } | undefined {
  const m = /^backstory:([a-z]+)\/([a-z0-9][a-z0-9-]*)$/.exec(iri);
  return m ? { collection: m[1]!, id: m[2]! } : undefined;
}

/** Trimmed, non-empty, each once, in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
}

function bodiesFor(content: Required<Pick<AnnotationContent, 'note' | 'tags' | 'links'>>): Body[] {
  const bodies: Body[] = [];
  if (content.note.length > 0) {
    bodies.push({ type: 'TextualBody', value: content.note, format: 'text/plain', purpose: 'commenting' });
  }
  for (const tag of cleanTags(content.tags)) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  for (const link of [...new Set(content.links)]) bodies.push({ type: 'SpecificResource', source: link, purpose: 'linking' });
  return bodies;
}

/** The note: every commenting body's text, joined by blank lines (one, for annotations made here). */
export function noteOf(a: Pick<AnnotationRecord, 'body'>): string {
  return a.body
    .filter((b): b is TextualBody => b.type === 'TextualBody' && b.purpose === 'commenting')
    .map((b) => b.value)
    .join('\n\n');
}

export function tagsOf(a: Pick<AnnotationRecord, 'body'>): string[] {
  return a.body.filter((b): b is TextualBody => b.type === 'TextualBody' && b.purpose === 'tagging').map((b) => b.value);
}

export function linksOf(a: Pick<AnnotationRecord, 'body'>): string[] {
  return a.body.filter((b): b is LinkBody => b.type === 'SpecificResource').map((b) => b.source);
}

export function selectorsOf(a: Pick<AnnotationRecord, 'target'>): Selector[] {
  return a.target.selector ?? [];
}

/** The quoted text, or '' for a page note (an annotation of the whole page, without selectors). */
export function quoteOf(a: Pick<AnnotationRecord, 'target'>): string {
  return selectorsOf(a).find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')?.exact ?? '';
}

/** An annotation without text selectors is about the whole page: it never needs anchoring. */
export function isPageNote(a: Pick<AnnotationRecord, 'target'>): boolean {
  return !selectorsOf(a).some((s) => s.type === 'TextQuoteSelector' || s.type === 'TextPositionSelector');
}

/** A fresh `urn:uuid:` id. */
export function newId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

/** An annotation that does not fit the schema; `problems` name each field and why. */
export class InvalidAnnotationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid annotation: ${problems.join('; ')}`);
    this.name = 'InvalidAnnotationError';
  }
}

/** Validate a record (e.g. before saving); throws InvalidAnnotationError listing every problem. */
export function parseAnnotation(input: unknown): AnnotationRecord {
  const r = AnnotationRecord.safeParse(input);
  if (r.success) return r.data;
  throw new InvalidAnnotationError(
    r.error.issues.map((i) => `${i.path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '') || '(record)'}: ${i.message}`),
  );
}

/**
 * Build a new annotation record, validated. Throws InvalidAnnotationError (naming each field) when
 * the input is not a valid annotation (e.g. a `javascript:` link, an empty quote, a non-http page).
 */
export function createAnnotation(input: NewAnnotation): AnnotationRecord {
  const now = (input.now ?? new Date()).toISOString();
  const record = {
    id: input.id ?? newId(),
    type: 'Annotation' as const,
    created: now,
    modified: now,
    body: bodiesFor({ note: input.note ?? '', tags: input.tags ?? [], links: input.links ?? [] }),
    target: { source: input.url, ...(input.selectors?.length ? { selector: input.selectors } : {}) },
    documentKey: documentKey(input.url, input.canonical),
  };
  return parseAnnotation(record);
}

/**
 * The record after an edit: the changed parts replaced, `modified` set, the previous content's
 * fingerprint added to `revisions`. Bodies with other purposes (imported from other tools) are kept.
 * Returns the same record when nothing changed. Throws InvalidAnnotationError when the result is invalid.
 */
export function withContent(record: AnnotationRecord, change: AnnotationContent, now = new Date()): AnnotationRecord {
  const note = change.note ?? noteOf(record);
  const tags = change.tags ?? tagsOf(record);
  const links = change.links ?? linksOf(record);
  const others = record.body.filter(
    (b) => b.type === 'TextualBody' && b.purpose !== 'commenting' && b.purpose !== 'tagging',
  );
  const body = [...bodiesFor({ note, tags, links }), ...others];
  const target = change.selectors
    ? { source: record.target.source, ...(change.selectors.length ? { selector: change.selectors } : {}) }
    : record.target;
  const next = { ...record, body, target };
  if (contentFingerprint(next) === contentFingerprint(record)) return record;
  const modified = new Date(Math.max(now.getTime(), Date.parse(record.modified))).toISOString();
  const revisions = [...(record.revisions ?? []), contentFingerprint(record)].slice(-LIMITS.revisions);
  return parseAnnotation({ ...next, modified, revisions });
}

/** The document key an imported annotation gets: its own (when same-site as its page) or its page's. */
export function keyForImport(source: string, claimed?: string): string {
  if (claimed) {
    const own = documentKey(source);
    if (claimed === own || sameSite(source, `https://${claimed}`)) return claimed;
  }
  return documentKey(source);
}
