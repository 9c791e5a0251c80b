/**
 * The annotation protocol, one schema per direction, parsed with zod/mini (no full zod: the annotator
 * half runs in the page's content script, the sidebar half in a small iframe app). Records cross
 * these boundaries only as the few fields each side needs: the page world gets ids and selectors,
 * the sidebar gets text to show. Full validation (lib/annotations/model.ts) happens in the background
 * before anything is stored.
 *
 *   background ──{type:'annotations', call}──▶ content script (index.ts hands it to the lazy annotator)
 *   annotator (content, frame 0) ──AnnotatorToBackground──▶ background
 *   sidebar iframe ──SidebarAnnotationsToBackground──▶ background
 *
 * The annotate flow: context menu / command ─▶ background `annotate(tabId)` ─▶ `describe` to the
 * tab's content script (selectors of the selection over textOfRoot(document.body)) ─▶ a draft kept
 * per tab in storage.session ─▶ the sidebar opens (mounted by the annotator if the page had none) and
 * shows the "Annotate" form ─▶ `annotation-save` ─▶ IndexedDB (background) ─▶ `show` re-anchors
 * and highlights in the page.
 */
import * as z from 'zod/mini';

import { ANNOTATOR_MESSAGE } from '../annotations/annotated-sites';

export { ANNOTATOR_MESSAGE };

/** Selectors as they travel; the background validates them fully before saving. */
const WireSelector = z.looseObject({ type: z.string() });
const AnchorStatus = z.enum(['anchored', 'orphaned']);

/** What the page needs to anchor an annotation: no note, no tags. */
export const AnchorItem = z.object({ id: z.string(), selectors: z.array(WireSelector) });
export type AnchorItem = z.infer<typeof AnchorItem>;

/** background -> annotator (wrapped as `{ type: 'annotations', call }`) */
export const AnnotatorCall = z.discriminatedUnion('kind', [
  /** Selectors for the current selection; answered with `Described`. */
  z.object({ kind: z.literal('describe') }),
  /**
   * Anchor and highlight these annotations (replacing earlier ones); when `mount` and the page has
   * no sidebar, mount one (`open` or collapsed). Answered with `Shown`.
   */
  z.object({ kind: z.literal('show'), items: z.array(AnchorItem), mount: z.boolean(), open: z.boolean() }),
  /** Scroll to an annotation's highlight. */
  z.object({ kind: z.literal('jump'), id: z.string() }),
]);
export type AnnotatorCall = z.infer<typeof AnnotatorCall>;
export const AnnotatorMessage = z.object({ type: z.literal(ANNOTATOR_MESSAGE), call: AnnotatorCall });
export type AnnotatorMessage = z.infer<typeof AnnotatorMessage>;

export const Described = z.union([
  z.object({ ok: z.literal(true), url: z.string(), canonical: z.nullable(z.string()), selectors: z.array(WireSelector) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-selection', 'outside-text']) }),
]);
export type Described = z.infer<typeof Described>;

export const Statuses = z.record(z.string(), AnchorStatus);
export type Statuses = z.infer<typeof Statuses>;
export const Shown = z.object({ statuses: Statuses });
export type Shown = z.infer<typeof Shown>;

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

export const PageAnnotations = z.object({ items: z.array(AnchorItem), open: z.boolean() });
export type PageAnnotations = z.infer<typeof PageAnnotations>;

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
