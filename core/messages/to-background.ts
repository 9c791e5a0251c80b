/**
 * Every message the background receives, one schema per sender, parsed with zod/mini before anything
 * acts on it (extension/background/*). Messages that fail to parse are dropped; a page's
 * window.postMessage never reaches any of these handlers, and the background answers only its own
 * extension's contexts.
 *
 *   content script (detector)   ──ContentToBackground──────────────▶
 *   annotator (content, frame 0) ──AnnotatorToBackground────────────▶  background
 *   sidebar iframe               ──SidebarToBackground, SidebarAnnotationsToBackground──▶
 *   popup                        ──PopupToBackground────────────────▶
 *   note frame (at a post)       ──NoteToBackground─────────────────▶
 *   side panel / sidebar_action  ──PanelToBackground────────────────▶
 *
 * The annotate flow: context menu / command ─▶ background `annotate(tabId)` ─▶ `describe` to the
 * tab's content script (selectors of the selection over textOfRoot(document.body)) ─▶ a draft kept
 * per tab in storage.session ─▶ the sidebar opens (mounted by the annotator if the page had none) and
 * shows the "Annotate" form ─▶ `annotation-save` ─▶ IndexedDB (background) ─▶ `show` re-anchors
 * and highlights in the page.
 */
import * as z from 'zod/mini';
import { DetectionSummary, Statuses } from './records';

/** content script -> background */
export const ContentToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('detection'), url: z.string(), detection: DetectionSummary }),
  z.object({ type: z.literal('sidebar-mounted'), ms: z.number() }),
  /** The page hides the sidebar (why), or no longer does (null): the badge says so. */
  z.object({ type: z.literal('sidebar-hidden'), hidden: z.nullable(z.enum(['removed', 'invisible', 'covered'])) }),
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
  /** Whether the browser sees this frame as visible (IntersectionObserver v2: extension/sidebar/visibility.ts). */
  z.object({ type: z.literal('frame-visibility'), visible: z.boolean() }),
]);
export type SidebarToBackground = z.infer<typeof SidebarToBackground>;

/** popup -> background (the popup names the tab it is about: the active one) */
export const PopupToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set-open'), tabId: z.number(), open: z.boolean() }),
  z.object({ type: z.literal('dismiss'), tabId: z.number() }),
]);
export type PopupToBackground = z.infer<typeof PopupToBackground>;

/** note frame (an extension page framed after the post or video that carries the story) -> background */
export const NoteToBackground = z.discriminatedUnion('type', [
  /** The note's line for this family; answered with `NoteView` (or undefined). */
  z.object({ type: z.literal('get-note'), familyId: z.string() }),
  /** "More context": open the in-page sidebar at this family (or, panel-only, focus it in the side panel). */
  /**
   * `openPanel`: the reader shows context only in the side panel, and this frame has no side-panel API
   * (Firefox gives extension frames inside web pages none): the background opens it.
   */
  z.object({ type: z.literal('more-context'), familyId: z.string(), openPanel: z.optional(z.boolean()) }),
]);
export type NoteToBackground = z.infer<typeof NoteToBackground>;

/** the browser's side panel (Chrome side_panel, Firefox sidebar_action) -> background */
export const PanelToBackground = z.discriminatedUnion('type', [
  /** The context of tab `tabId` (the active one); answered with `ContextResponse` (or undefined). */
  z.object({ type: z.literal('panel-context'), tabId: z.number() }),
  /** "Show on the page" from the panel. */
  z.object({ type: z.literal('jump'), tabId: z.number(), signal: z.number() }),
]);
export type PanelToBackground = z.infer<typeof PanelToBackground>;

/** annotator (content script, frame 0) -> background */
export const AnnotatorToBackground = z.discriminatedUnion('type', [
  /**
   * "This page may have annotations": the background answers with `PageAnnotations`. `hasSidebar`:
   * the detector matched and mounts the sidebar itself.
   */
  z.object({ type: z.literal('annotations-page'), url: z.string(), canonical: z.nullable(z.string()), hasSidebar: z.boolean() }),
  /** Where each annotation stands on the page now. */
  z.object({ type: z.literal('annotation-statuses'), url: z.string(), statuses: Statuses }),
]);
export type AnnotatorToBackground = z.infer<typeof AnnotatorToBackground>;

/** sidebar iframe -> background */
export const SidebarAnnotationsToBackground = z.discriminatedUnion('type', [
  /** The tab's annotations and draft; answered with `AnnotationsView` (or undefined). */
  z.object({ type: z.literal('annotations-get') }),
  /** Save the draft with this content; answered with `SaveResult`. */
  z.object({
    type: z.literal('annotation-save'),
    note: z.string(),
    tags: z.array(z.string()),
    links: z.array(z.string()),
  }),
  z.object({ type: z.literal('annotation-cancel') }),
  z.object({ type: z.literal('annotation-jump'), id: z.string() }),
]);
export type SidebarAnnotationsToBackground = z.infer<typeof SidebarAnnotationsToBackground>;
