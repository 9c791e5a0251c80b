/**
 * The records that travel in messages, in both directions: detection summaries and reports, a tab's
 * state, the context the sidebar shows, and annotations as the page and the sidebar see them. Parsed
 * with zod/mini (no full zod: part of this runs in a small iframe app and in the annotator chunk).
 * The messages themselves: core/messages/to-background.ts and to-content.ts.
 */
import * as z from 'zod/mini';
import { RULE_IDS, SIGNAL_KINDS, STRENGTHS, TEXT_ORIGINS } from '../detect/evidence';

const Strength = z.enum(STRENGTHS);

const Origin = z.enum(TEXT_ORIGINS);

export const SignalSummary = z.object({
  kind: z.enum(SIGNAL_KINDS),
  rule: z.enum(RULE_IDS),
  decisive: z.optional(z.boolean()),
  strength: Strength,
  label: z.string(),
  text: z.string(),
  score: z.number(),
  personId: z.optional(z.string()),
  familyId: z.optional(z.string()),
  eventId: z.optional(z.string()),
  origin: Origin,
});
export type SignalSummary = z.infer<typeof SignalSummary>;

export const DetectionSummary = z.object({
  matched: z.boolean(),
  score: z.number(),
  families: z.array(z.string()),
  people: z.array(z.string()),
  signals: z.array(SignalSummary),
  reason: z.string(),
  /**
   * How far the detector read: 'prefilter' when none of the words a match needs was on the page (no
   * signals are listed then), 'full' when it read and scored the page in full.
   */
  stage: z.optional(z.enum(['prefilter', 'full'])),
  /** Milliseconds from the content script's start to the decision. */
  detectMs: z.number(),
});
export type DetectionSummary = z.infer<typeof DetectionSummary>;

/** The content script's answer to `get-detection`. */
export const DetectionReport = z.object({
  url: z.string(),
  /**
   * 'pending' until the first decision; 'no-index' when the dataset is not installed yet; 'paused'
   * or 'muted' when the reader turned Backstory off everywhere or on this site.
   */
  status: z.enum(['pending', 'no-index', 'paused', 'muted', 'done']),
  detection: z.optional(DetectionSummary),
  sidebarMounted: z.boolean(),
  sidebarMs: z.optional(z.number()),
  /** Notes shown at the posts or videos that carry the story. */
  notes: z.optional(z.number()),
  /** The reader shows context only in the browser's side panel (no sidebar in the page). */
  panelOnly: z.optional(z.boolean()),
  /**
   * Set while the page hides the mounted sidebar (content/host-visibility.ts): removed again and
   * again, styled out of sight, or covered. The popup then says so and offers the side panel.
   */
  hidden: z.optional(z.enum(['removed', 'invisible', 'covered'])),
  /**
   * False while work that can change the decision is still due: added text queued for scanning,
   * captions loading. A tester waits for true.
   */
  settled: z.optional(z.boolean()),
  /** Time the detector spent working on this page so far (reading text, scanning, deciding), in ms. */
  workMs: z.optional(z.number()),
  /** Batches of added text scanned after the first pass (feeds, late content). */
  batches: z.optional(z.number()),
  /** The longest single piece of detector work, in ms (a long task is 50 ms or more). */
  longestMs: z.optional(z.number()),
  /**
   * How long the content script waited for storage.local, in ms: the prefilter's record and the
   * settings (every page), and the rest of the index (pages where the prefilter opened).
   */
  storageMs: z.optional(z.number()),
});
export type DetectionReport = z.infer<typeof DetectionReport>;

/** What the background knows about a tab, as the sidebar and popup see it. */
export const TabState = z.object({
  url: z.string(),
  detection: DetectionSummary,
  open: z.boolean(),
  sidebarMs: z.optional(z.number()),
  /** The family a note's "More context" asked for: the sidebar and the side panel scroll to it. */
  focus: z.optional(z.string()),
});
export type TabState = z.infer<typeof TabState>;

const Records = z.array(z.looseObject({ id: z.string() }));

/**
 * The background's answer to `get-context`: the tab's state and the dataset records to show.
 * (The sidebar cannot open IndexedDB itself: inside a web page it is a third-party frame, and
 * browsers that block third-party storage deny it the database.)
 */
export const ContextResponse = z.object({
  tabId: z.number(),
  state: TabState,
  data: z.object({
    sources: Records,
    actors: Records,
    stories: Records,
    families: Records,
    people: Records,
    relationships: Records,
    claims: Records,
    responses: Records,
    findings: Records,
    conduct: Records,
    events: Records,
    media: Records,
  }),
  meta: z.optional(z.object({ version: z.string(), dataAsOf: z.string(), hash: z.string() })),
});
export type ContextResponse = z.infer<typeof ContextResponse>;


/**
 * The background's answer to a note's `get-note`: the one line a note shows at the post or video that
 * carries the story (the family's answer and the evidence finding, in the dataset's own, attributed
 * words), and what "More context" does there.
 */
export const NoteView = z.object({
  tabId: z.number(),
  familyId: z.string(),
  /** The family's name in the dataset ("Mamutjan Abdurehim's family"). */
  label: z.string(),
  /** Dataset statements, each naming who said or reported it. */
  lines: z.array(z.string()),
  /** Where each line is in the dataset, to show it in the reader's language (core/dataset/localize.ts). */
  paths: z.array(z.string()),
  /** Where the label is in the dataset. */
  labelPath: z.string(),
  /** The reader shows context only in the browser's side panel. */
  panelOnly: z.boolean(),
});
export type NoteView = z.infer<typeof NoteView>;

const WireSelector = z.looseObject({ type: z.string() });

const AnchorStatus = z.enum(['anchored', 'orphaned']);

/** What the page needs to anchor an annotation: no note, no tags. */
export const AnchorItem = z.object({ id: z.string(), selectors: z.array(WireSelector) });
export type AnchorItem = z.infer<typeof AnchorItem>;

export const Described = z.union([
  z.object({ ok: z.literal(true), url: z.string(), canonical: z.nullable(z.string()), selectors: z.array(WireSelector) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-selection', 'outside-text']) }),
]);
export type Described = z.infer<typeof Described>;

export const Statuses = z.record(z.string(), AnchorStatus);
export type Statuses = z.infer<typeof Statuses>;

export const Shown = z.object({ statuses: Statuses });
export type Shown = z.infer<typeof Shown>;

export const PageAnnotations = z.object({ items: z.array(AnchorItem), open: z.boolean() });
export type PageAnnotations = z.infer<typeof PageAnnotations>;

/** One annotation as the sidebar lists it. */
export const AnnotationItem = z.object({
  id: z.string(),
  quote: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  links: z.array(z.string()),
  modified: z.string(),
  /** 'page' for a page note (no quote); absent until the page has been read. */
  status: z.optional(z.enum(['anchored', 'orphaned', 'page'])),
});
export type AnnotationItem = z.infer<typeof AnnotationItem>;

export const AnnotationsView = z.object({
  url: z.string(),
  documentKey: z.string(),
  items: z.array(AnnotationItem),
  /** The selection being annotated, when the Annotate form is open. */
  draft: z.optional(z.object({ quote: z.string() })),
});
export type AnnotationsView = z.infer<typeof AnnotationsView>;

export const SaveResult = z.union([z.object({ ok: z.literal(true), id: z.string() }), z.object({ ok: z.literal(false), error: z.string() })]);
export type SaveResult = z.infer<typeof SaveResult>;

/** The storage.session key of a tab's annotation state (the sidebar watches it to refresh). */
export const annotationStateKey = (tabId: number) => `annot:${tabId}`;
