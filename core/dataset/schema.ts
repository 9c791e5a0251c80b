/**
 * The dataset schema: the single source of truth for what Backstory knows and how it is shaped.
 * Every type used elsewhere comes from `z.infer` on these schemas.
 *
 * Full zod is heavy (~90 KB gzipped); only the background, extension pages, tests and scripts import
 * this file. The content script never does (it reads the compact match index instead).
 */
import { z } from 'zod';
import {
  PartialDate,
  Source,
  Actor,
  Story,
  Family,
  PersonName,
  Person,
  Relationship,
  Claim,
  Response,
  EvidenceFinding,
  Conduct,
  Event,
  MediaItem,
  PhraseSignal,
  UrlSignal,
  Signals,
  DatasetMeta,
} from './records';

export * from './records';

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
type Kind = CollectionName | 'signals.phrases' | 'signals.urls' | 'signals.events';

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
  { in: 'signals.events', field: 'storyId', to: ['stories'] },
  { in: 'signals.events', field: 'familyIds', to: ['families'] },
  { in: 'signals.events', field: 'eventIds', to: ['events'] },
  { in: 'signals.events', field: 'sourceIds', to: ['sources'] },
];

function recordsOf(d: Shape, kind: Kind): Array<Record<string, unknown> & { id: string }> {
  if (kind === 'signals.phrases') return d.signals.phrases;
  if (kind === 'signals.urls') return d.signals.urls;
  if (kind === 'signals.events') return d.signals.events;
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
    ['signals.events', d.signals.events],
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

/** What the extension's pages get of the dataset: its records, without its meta and detection signals. */
export type StoredDataset = Omit<Dataset, 'meta' | 'signals'>;
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
