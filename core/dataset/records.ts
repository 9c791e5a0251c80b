/**
 * The dataset's records, field by field: the zod schemas each collection's entries must meet (a
 * source, a person and their names, a claim, a response, a finding...). core/dataset/schema.ts puts
 * them together into the whole dataset and checks its references.
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
    /**
     * Set when the name is one part only (coverage that writes just the given name in characters):
     * otherwise a name is given name first, then family name, in any script.
     */
    part: z.enum(['given', 'family']).optional(),
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

/**
 * Words that name one element of an event, by language (BCP 47: en, zh-Hans, zh-Hant, it, de, fr, es,
 * tr, ug, ar, ru...). A cue is matched as whole words after folding (case, accents, script variants);
 * a trailing `*` lets it take any ending ("konsolosluğ*" for Turkish case endings). Chinese cues match
 * as written, in either script.
 */
export const EventCues = z.record(Lang, z.array(z.string().min(1).regex(/^[^*]+\*?$/, 'a `*` may only end a cue')).min(1));

/** One element of an event that a page may tell: a place, a date, an institution, a person's role. */
export const EventElement = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'an element id is lower-case words joined by hyphens'),
    label: z.string().min(1),
    /** Anchors are the elements that make the event this one and no other: a match needs every anchor. */
    anchor: z.boolean(),
    cues: EventCues,
    /**
     * What sets this event apart from the look-alikes that share its anchors (its people by name, what
     * happened there and nowhere else, the Uyghur children of the consulate's story): `true` for
     * every cue, or more cues of the element that are (its correspondent's name, where its cues are a
     * news team). When an event marks any, a match needs one in its window (or `minTelling` of them,
     * details that `backs` one included), so that its common elements (a month, an orphanage, a news
     * team) never tell it on their own.
     */
    telling: z.union([z.literal(true), EventCues]).optional(),
    /**
     * A detail that backs a telling element (`telling`) without telling the event itself (the
     * consulate's four children, June 2020: an expat family of six had its visas there then too):
     * it counts towards the event's `minTelling` beside a telling element, never alone.
     */
    backs: z.literal(true).optional(),
    /**
     * This anchor is the event's key: the one a telling must hold and the prefilter opens on (at most
     * one per event, and an anchor). Without it the builder takes the anchor least likely in ordinary
     * text by its cues (compile/match-index-builder.ts `keyAnchor`); set it where ordinary and
     * near-miss prose show another anchor to be rarer than that guess (`npm run detection-report --
     * --keys` counts each anchor there).
     */
    key: z.literal(true).optional(),
  })
  .strict()
  .refine((x) => !(x.backs && x.telling), { message: 'an element that tells its event does not also back a telling one (`backs` or `telling`, not both)', path: ['backs'] });

/**
 * One of the story's events as pages tell it without naming anyone (the children stopped at the
 * consulate, the parliamentary question, CNN's trip...). A page tells the event when one locality
 * (a post, an article, a passage) holds every anchor and at least `minElements` elements in all.
 */
export const EventSignal = z
  .object({
    id: Id,
    label: z.string().min(1),
    storyId: Id,
    familyIds: z.array(Id).min(1),
    /** The timeline events this is about, if the dataset has them. */
    eventIds: z.array(Id),
    sourceIds: z.array(Id).min(1),
    minElements: z.number().int().min(2),
    /**
     * How many telling elements (`EventElement.telling`, with those that back them, `backs`) a telling
     * needs, 1 if unset, at least one of them telling: 2 for the consulate, whose telling words are
     * each shared by its look-alikes (the Uyghurs' name: a Uyghur student's case beside other families'
     * visas at the consulate in Shanghai), so that one alone tells nothing; its four children or June
     * 2020 beside it do.
     */
    minTelling: z.number().int().min(1).optional(),
    /**
     * A telling needs every anchor, none unsaid: for an event whose anchors tell it from its
     * look-alikes only together (Amnesty's report with CNN and CNN's two families; a reading list
     * names the report and CNN apart). Otherwise one anchor (never the key) may be unsaid, with one
     * element more.
     */
    everyAnchor: z.boolean().optional(),
    elements: z.array(EventElement).min(2),
  })
  .strict()
  .refine((e) => e.elements.filter((x) => x.key).length <= 1, { message: 'an event has at most one key anchor', path: ['elements'] })
  .refine((e) => e.elements.every((x) => !x.key || x.anchor), { message: 'a key element must be an anchor', path: ['elements'] })
  .refine((e) => !e.minTelling || e.elements.some((x) => x.telling), { message: '`minTelling` needs an element marked `telling`', path: ['minTelling'] })
  .refine((e) => !e.minTelling || e.minTelling <= e.elements.filter((x) => x.telling || x.backs).length, {
    message: '`minTelling` is more than the event has elements that tell or back (no page could tell it)',
    path: ['minTelling'],
  })
  .refine((e) => !e.elements.some((x) => x.backs) || (e.minTelling ?? 1) >= 2, { message: 'an element that `backs` counts only where `minTelling` is 2 or more', path: ['minTelling'] });

export const Signals = z
  .object({ phrases: z.array(PhraseSignal), urls: z.array(UrlSignal), events: z.array(EventSignal) })
  .strict();

export const DatasetMeta = z
  .object({
    /** Semantic version of the dataset; a new version replaces the stored dataset. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version is MAJOR.MINOR.PATCH'),
    dataAsOf: IsoDate,
    title: z.string().min(1),
  })
  .strict();
