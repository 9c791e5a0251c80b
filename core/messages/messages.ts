/**
 * The extension's message protocol: one schema per direction, parsed with zod/mini before anything acts
 * on a message (the content script checks its four shapes by hand, lib/content-guard.ts, held to the
 * schema by a test). Messages that fail to parse are dropped; a page's window.postMessage never
 * reaches any of these handlers.
 *
 *   content script ──ContentToBackground──▶ background ◀──SidebarToBackground── sidebar iframe
 *   content script ◀──BackgroundToContent── background
 */
import * as z from 'zod/mini';

const Strength = z.enum(['strong', 'medium', 'weak', 'story']);
const Origin = z.enum(['body', 'title', 'meta', 'alt', 'aria-label', 'caption', 'url']);

export const SignalSummary = z.object({
  kind: z.enum(['name', 'phrase', 'url', 'context', 'story']),
  strength: Strength,
  label: z.string(),
  text: z.string(),
  score: z.number(),
  personId: z.optional(z.string()),
  familyId: z.optional(z.string()),
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

/** content script -> background */
export const ContentToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('detection'), url: z.string(), detection: DetectionSummary }),
  z.object({ type: z.literal('sidebar-mounted'), ms: z.number() }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

/** sidebar iframe -> background */
export const SidebarToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-tab-state') }),
  z.object({ type: z.literal('get-context') }),
  z.object({ type: z.literal('set-open'), open: z.boolean() }),
  /** "Hide on this page": remove the sidebar until the page is loaded again. */
  z.object({ type: z.literal('dismiss') }),
  /** "Show on the page": scroll to where signal number `signal` was found. */
  z.object({ type: z.literal('jump'), signal: z.number() }),
]);
export type SidebarToBackground = z.infer<typeof SidebarToBackground>;

/** popup -> background (the popup names the tab it is about: the active one) */
export const PopupToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set-open'), tabId: z.number(), open: z.boolean() }),
  z.object({ type: z.literal('dismiss'), tabId: z.number() }),
]);
export type PopupToBackground = z.infer<typeof PopupToBackground>;
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

export { BackgroundToContent, parseMessage } from './to-content';
