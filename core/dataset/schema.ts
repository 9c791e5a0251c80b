/**
 * The dataset schema: the single source of truth for what Backstory knows and how it is shaped.
 * Every type used elsewhere comes from `z.infer` on these schemas.
 *
 * Full zod is heavy (~90 KB gzipped); only the background, extension pages, tests and scripts import
 * this file. The content script never does (it reads the compact match index instead).
 */
import { z } from 'zod';
import { STRENGTHS } from '../detect/evidence';

/** Record ids are unique across the whole dataset, so a reference can point into any collection. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');

export const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

export const DatePrecision = z.enum(['day', 'month', 'year']);

/** A date as precise as the source makes it, and no more. */
export const PartialDate = z
  .object({ value: IsoDate, precision: DatePrecision })
  .strict()
  .refine((d) => d.value.split('-').length === { year: 1, month: 2, day: 3 }[d.precision], {
    message: 'the date has more or fewer parts than its precision says',
    path: ['value'],
  });

/** Only web links a reader can follow safely: never javascript:, data: or the like. */
export const WebUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'only http(s) URLs are allowed' });

/** ISO 15924 script codes for the scripts names are written in. */
export const Script = z.enum(['Latn', 'Hans', 'Hant', 'Arab', 'Cyrl', 'Uigh']);
export const Lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag');

export const PublisherType = z.enum([
  'news',
  'state-media',
  'government',
  'parliament',
  'ngo',
  'social-media',
]);

export const Source = z
  .object({
    id: Id,
    publisher: z.string().min(1),
    publisherType: PublisherType,
    title: z.string().min(1),
    date: PartialDate,
    url: WebUrl.optional(),
    /** How we know this source when it was not published (e.g. "known through CNN's report"). */
    note: z.string().min(1).optional(),
  })
  .strict();

export const ActorKind = z.enum([
  'government',
  'official',
  'news-outlet',
  'state-media',
  'parliament',
  'ngo',
  /** A platform where material appeared (e.g. Twitter for the edited video). */
  'social-media',
]);

/** Speakers and agents who are not family members: governments, outlets, officials. */
export const Actor = z
  .object({ id: Id, name: z.string().min(1), kind: ActorKind, description: z.string().min(1).optional() })
  .strict();

export const Story = z
  .object({
    id: Id,
    title: z.string().min(1),
    summary: z.string().min(1),
    sourceIds: z.array(Id).min(1),
  })
  .strict();

export const Family = z
  .object({
    id: Id,
    storyId: Id,
    label: z.string().min(1),
    summary: z.string().min(1),
    sourceIds: z.array(Id).min(1),
  })
  .strict();

export const NameKind = z.enum(['primary', 'variant-spelling', 'state-media', 'other-script']);

export const PersonName = z
  .object({
    text: z.string().min(1),
    script: Script,
    lang: Lang,
    kind: NameKind,
    sourceId: Id,
  })
  .strict();

/** 'child' when the sources do not say whether a child is a son or a daughter. */
export const Role = z.enum(['father', 'mother', 'daughter', 'son', 'child', 'grandfather', 'grandmother']);

export const Person = z
  .object({
    id: Id,
    familyId: Id,
    /** What the sidebar shows. Minors: first name only. */
    displayName: z.string().min(1),
    role: Role,
    minor: z.boolean(),
    /** A short description in the project's own words. */
    description: z.string().min(1),
    location: z.string().min(1).optional(),
    names: z.array(PersonName),
    sourceIds: z.array(Id).min(1),
  })
  .strict()
  .refine((p) => !p.minor || !/\s/.test(p.displayName.trim()), {
    message: 'a minor is shown by first name only',
    path: ['displayName'],
  });

export const RelationshipType = z.enum(['spouse', 'parent-of', 'grandparent-of', 'sibling']);

export const Relationship = z
  .object({ id: Id, from: Id, to: Id, type: RelationshipType, sourceId: Id })
  .strict();

/** People's own words, short: quotes are never used for our paraphrase. */
export const Quote = z
  .object({
    text: z.string().trim().min(1, 'a quote cannot be empty').max(240, 'quotes stay short (240 characters at most)'),
    lang: Lang.default('en'),
  })
  .strict();

export const ClaimTopic = z.enum([
  'extremism',
  'terrorism',
  'abandonment',
  'conviction',
  'children-welfare',
  'genocide',
  'internment',
  'counter-terrorism',
  'family-duty',
  /** A stated wish or effort to reunite a family. */
  'reunification',
  /** Fear of detention on returning to China. */
  'detention-fear',
  /** Use of relatives on state media to discredit people who speak out. */
  'discrediting',
]);

/** An accusation or position, always attributed to whoever made it. */
export const Claim = z
  .object({
    id: Id,
    storyId: Id,
    /** An actor or person id: who claimed it. */
    claimant: Id,
    topic: ClaimTopic,
    /** Our attributed paraphrase ("The Chinese government said ..."). */
    statement: z.string().min(1),
    quote: Quote.optional(),
    date: PartialDate.optional(),
    about: z.array(Id),
    sourceId: Id,
  })
  .strict();

export const Response = z
  .object({
    id: Id,
    /**
     * Person or actor ids of whoever answered, in the order the source names them. A joint
     * statement ("Mihriban and Ablikim said in a statement") lists every signatory.
     */
    respondents: z
      .array(Id)
      .min(1, 'a response names at least one respondent')
      .refine((ids) => new Set(ids).size === ids.length, { message: 'a respondent is listed once' }),
    respondsTo: z.array(Id).min(1),
    statement: z.string().min(1),
    quote: Quote.optional(),
    date: PartialDate.optional(),
    sourceId: Id,
  })
  .strict();

export const FindingKind = z.enum(['no-evidence-provided', 'no-details-provided']);

/** What a source found about the evidence behind claims ("no evidence was provided", per CNN). */
export const EvidenceFinding = z
  .object({
    id: Id,
    kind: FindingKind,
    /** Who reports the finding. */
    reportedBy: Id,
    about: z.array(Id).min(1),
    statement: z.string().min(1),
    sourceId: Id,
  })
  .strict();

export const ConductKind = z.enum([
  'coaching',
  'interrogation',
  'reprimand',
  'orphanage-placement',
  'travel-blocked',
  'detention',
  'state-media-appearance',
  'contact-lost',
  /** Material reported as edited (e.g. the Twitter clip of Zumeryem). */
  'editing',
]);

/** What was reported about how people were treated, attributed to whoever reported it. */
export const Conduct = z
  .object({
    id: Id,
    kind: ConductKind,
    subjects: z.array(Id).min(1),
    reportedBy: Id,
    statement: z.string().min(1),
    date: PartialDate.optional(),
    sourceId: Id,
  })
  .strict();

export const Event = z
  .object({
    id: Id,
    storyId: Id,
    familyId: Id.optional(),
    date: PartialDate,
    statement: z.string().min(1),
    people: z.array(Id),
    sourceId: Id,
  })
  .strict();

export const MediaKind = z.enum(['tv-interview', 'social-video', 'photo', 'video-call', 'report', 'statement']);

export const MediaItem = z
  .object({
    id: Id,
    kind: MediaKind,
    /** Actor id of the outlet that published or aired it. */
    outlet: Id,
    title: z.string().min(1),
    description: z.string().min(1),
    date: PartialDate.optional(),
    people: z.array(Id),
    /** Claims the item carries. */
    claimIds: z.array(Id),
    /** Conduct records reporting how it was made (coaching, editing). */
    conductIds: z.array(Id),
    sourceId: Id,
  })
  .strict();

export const SignalStrength = z.enum(STRENGTHS);

/** A phrase that, found on a page, is evidence the page is about the story. */
export const PhraseSignal = z
  .object({
    id: Id,
    text: z.string().min(1),
    lang: Lang,
    strength: SignalStrength,
    storyId: Id,
    familyId: Id.optional(),
  })
  .strict();

/** A URL rule: a page at a known address of the story. Patterns match host + path, without scheme. */
export const UrlSignal = z
  .object({
    id: Id,
    /** Host and path prefix, e.g. "cnn.com/2021/04/23/china/xinjiang-uyghur-family". */
    prefix: z.string().min(3),
    strength: SignalStrength,
    storyId: Id,
    familyId: Id.optional(),
    sourceId: Id.optional(),
  })
  .strict();

export const Signals = z
  .object({ phrases: z.array(PhraseSignal), urls: z.array(UrlSignal) })
  .strict();

export const DatasetMeta = z
  .object({
    /** Semantic version of the dataset; a new version replaces the stored dataset. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version is MAJOR.MINOR.PATCH'),
    dataAsOf: IsoDate,
    title: z.string().min(1),
  })
  .strict();

const DatasetShape = z
  .object({
    meta: DatasetMeta,
    sources: z.array(Source),
    actors: z.array(Actor),
    stories: z.array(Story),
    families: z.array(Family),
    people: z.array(Person),
    relationships: z.array(Relationship),
    claims: z.array(Claim),
    responses: z.array(Response),
    findings: z.array(EvidenceFinding),
    conduct: z.array(Conduct),
    events: z.array(Event),
    media: z.array(MediaItem),
    signals: Signals,
  })
  .strict();

import { COLLECTIONS, type CollectionName } from './collections';
export { COLLECTIONS, type CollectionName };

type Shape = z.infer<typeof DatasetShape>;
type Kind = CollectionName | 'signals.phrases' | 'signals.urls';

/**
 * Every reference field, with the collections it may point into. A reference that resolves nowhere,
 * or into the wrong kind of record, is an error naming the record and the field.
 */
const REFERENCES: Array<{
  in: Kind;
  field: string;
  to: CollectionName[];
}> = [
  { in: 'stories', field: 'sourceIds', to: ['sources'] },
  { in: 'families', field: 'storyId', to: ['stories'] },
  { in: 'families', field: 'sourceIds', to: ['sources'] },
  { in: 'people', field: 'familyId', to: ['families'] },
  { in: 'people', field: 'sourceIds', to: ['sources'] },
  { in: 'people', field: 'names.sourceId', to: ['sources'] },
  { in: 'relationships', field: 'from', to: ['people'] },
  { in: 'relationships', field: 'to', to: ['people'] },
  { in: 'relationships', field: 'sourceId', to: ['sources'] },
  { in: 'claims', field: 'storyId', to: ['stories'] },
  { in: 'claims', field: 'claimant', to: ['actors', 'people'] },
  { in: 'claims', field: 'about', to: ['people', 'families', 'actors'] },
  { in: 'claims', field: 'sourceId', to: ['sources'] },
  { in: 'responses', field: 'respondents', to: ['actors', 'people'] },
  { in: 'responses', field: 'respondsTo', to: ['claims'] },
  { in: 'responses', field: 'sourceId', to: ['sources'] },
  { in: 'findings', field: 'reportedBy', to: ['actors'] },
  { in: 'findings', field: 'about', to: ['claims'] },
  { in: 'findings', field: 'sourceId', to: ['sources'] },
  { in: 'conduct', field: 'subjects', to: ['people'] },
  { in: 'conduct', field: 'reportedBy', to: ['actors', 'people'] },
  { in: 'conduct', field: 'sourceId', to: ['sources'] },
  { in: 'events', field: 'storyId', to: ['stories'] },
  { in: 'events', field: 'familyId', to: ['families'] },
  { in: 'events', field: 'people', to: ['people'] },
  { in: 'events', field: 'sourceId', to: ['sources'] },
  { in: 'media', field: 'outlet', to: ['actors'] },
  { in: 'media', field: 'people', to: ['people'] },
  { in: 'media', field: 'claimIds', to: ['claims'] },
  { in: 'media', field: 'conductIds', to: ['conduct'] },
  { in: 'media', field: 'sourceId', to: ['sources'] },
  { in: 'signals.phrases', field: 'storyId', to: ['stories'] },
  { in: 'signals.phrases', field: 'familyId', to: ['families'] },
  { in: 'signals.urls', field: 'storyId', to: ['stories'] },
  { in: 'signals.urls', field: 'familyId', to: ['families'] },
  { in: 'signals.urls', field: 'sourceId', to: ['sources'] },
];

function recordsOf(d: Shape, kind: Kind): Array<Record<string, unknown> & { id: string }> {
  if (kind === 'signals.phrases') return d.signals.phrases;
  if (kind === 'signals.urls') return d.signals.urls;
  return d[kind] as Array<Record<string, unknown> & { id: string }>;
}

/** Values at a dotted path, flattening arrays ("names.sourceId" -> each name's sourceId). */
function valuesAt(record: unknown, path: string[]): Array<{ value: unknown; at: Array<string | number> }> {
  if (path.length === 0) {
    if (Array.isArray(record)) return record.map((value, i) => ({ value, at: [i] }));
    return record === undefined ? [] : [{ value: record, at: [] }];
  }
  if (Array.isArray(record)) {
    return record.flatMap((item, i) => valuesAt(item, path).map((v) => ({ ...v, at: [i, ...v.at] })));
  }
  if (record === null || typeof record !== 'object') return [];
  const [head, ...rest] = path as [string, ...string[]];
  return valuesAt((record as Record<string, unknown>)[head], rest).map((v) => ({ ...v, at: [head, ...v.at] }));
}

/** The full dataset: shape, then uniqueness and referential integrity. */
export const Dataset = DatasetShape.superRefine((d, ctx) => {
  const kindOf = new Map<string, CollectionName>();
  const seen = new Map<string, string>();
  const all: Array<[Kind, Array<{ id: string }>]> = [
    ...COLLECTIONS.map((c) => [c, d[c]] as [Kind, Array<{ id: string }>]),
    ['signals.phrases', d.signals.phrases],
    ['signals.urls', d.signals.urls],
  ];
  for (const [kind, records] of all) {
    records.forEach((r, i) => {
      const where = `${kind}[${i}]`;
      const first = seen.get(r.id);
      if (first) {
        ctx.addIssue({
          code: 'custom',
          path: [...kind.split('.'), i, 'id'],
          message: `duplicate id "${r.id}" (${where} repeats ${first})`,
        });
        return;
      }
      seen.set(r.id, where);
      if (!kind.startsWith('signals.')) kindOf.set(r.id, kind as CollectionName);
    });
  }
  for (const ref of REFERENCES) {
    recordsOf(d, ref.in).forEach((record, i) => {
      for (const { value, at } of valuesAt(record, ref.field.split('.'))) {
        if (typeof value !== 'string') continue;
        const target = kindOf.get(value);
        if (!target || !ref.to.includes(target)) {
          ctx.addIssue({
            code: 'custom',
            path: [...ref.in.split('.'), i, ...at],
            message: target
              ? `"${record.id}".${ref.field} points to ${target} record "${value}", expected ${ref.to.join(' or ')}`
              : `"${record.id}".${ref.field} points to "${value}", which does not exist in ${ref.to.join(' or ')}`,
          });
        }
      }
    });
  }
});

export type Dataset = z.infer<typeof Dataset>;
export type Source = z.infer<typeof Source>;
export type Actor = z.infer<typeof Actor>;
export type Story = z.infer<typeof Story>;
export type Family = z.infer<typeof Family>;
export type Person = z.infer<typeof Person>;
export type PersonName = z.infer<typeof PersonName>;
export type Relationship = z.infer<typeof Relationship>;
export type Claim = z.infer<typeof Claim>;
export type Response = z.infer<typeof Response>;
export type EvidenceFinding = z.infer<typeof EvidenceFinding>;
export type Conduct = z.infer<typeof Conduct>;
export type Event = z.infer<typeof Event>;
export type MediaItem = z.infer<typeof MediaItem>;
export type PhraseSignal = z.infer<typeof PhraseSignal>;
export type UrlSignal = z.infer<typeof UrlSignal>;
export type PartialDate = z.infer<typeof PartialDate>;
export type DatasetMeta = z.infer<typeof DatasetMeta>;

/** Thrown with every problem, each naming the record (collection, index, id) and the field. */
export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid dataset:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DatasetError';
  }
}

/** Parse and check a dataset; throws DatasetError listing each problem with its path and record id. */
export function parseDataset(input: unknown): Dataset {
  const result = Dataset.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const recordId = idAt(input, issue.path);
    const where = path.join('.');
    return `${where}${recordId ? ` (id "${recordId}")` : ''}: ${issue.message}`;
  });
  throw new DatasetError(problems);
}

/** The id of the record an issue path points into, when there is one. */
function idAt(input: unknown, path: PropertyKey[]): string | undefined {
  let node: unknown = input;
  let found: string | undefined;
  for (const key of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string') {
      found = (node as { id: string }).id;
    }
  }
  return found;
}
