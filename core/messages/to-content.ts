/**
 * Every message the content script receives (from the background, or the popup through it): the
 * detector's four, and the calls to the lazily loaded annotator. The detector, which every page loads,
 * checks its four by hand (content/message-guard.ts), held to `BackgroundToContent` by
 * tests/unit/messages.test.ts; the annotator parses its calls with these schemas.
 *
 *   background ──BackgroundToContent──▶ detector (content/watch/page-watch.ts)
 *   background ──AnnotatorMessage {type:'annotations', call}──▶ annotator (content/annotator.ts)
 */
import * as z from 'zod/mini';
import { ANNOTATOR_MESSAGE } from '../annotations/annotated-sites';
import { AnchorItem } from './records';

export { ANNOTATOR_MESSAGE };

/** background -> content script */
// z.union rather than z.discriminatedUnion: the same checks, half a kilobyte less on every page.
export const BackgroundToContent = z.union([
  z.object({ type: z.literal('set-open'), open: z.boolean() }),
  z.object({ type: z.literal('dismiss') }),
  z.object({ type: z.literal('jump'), signal: z.number() }),
  /** Asked by the popup and the checker: what did the detector decide on this page? */
  z.object({ type: z.literal('get-detection') }),
  /** The sidebar frame is (not) visible to the reader, as the browser judges it (relayed from the frame). */
  z.object({ type: z.literal('frame-visibility'), visible: z.boolean() }),
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContent>;

/** Parse or return undefined: unknown and malformed messages are ignored, never acted on. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown): T | undefined {
  const r = z.safeParse(schema, message);
  return r.success ? r.data : undefined;
}

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
