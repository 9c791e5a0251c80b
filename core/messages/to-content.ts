/**
 * The messages the content script receives (background or popup -> content script), in a module of
 * their own, imported by the lazily loaded annotator and by extension pages. The detector, which every
 * page loads, checks them by hand instead (lib/content-guard.ts), held to this schema by
 * tests/unit/messages.test.ts. lib/messages.ts re-exports these.
 */
import * as z from 'zod/mini';

/** background -> content script */
// z.union rather than z.discriminatedUnion: the same checks, half a kilobyte less on every page.
export const BackgroundToContent = z.union([
  z.object({ type: z.literal('set-open'), open: z.boolean() }),
  z.object({ type: z.literal('dismiss') }),
  z.object({ type: z.literal('jump'), signal: z.number() }),
  /** Asked by the popup and the checker: what did the detector decide on this page? */
  z.object({ type: z.literal('get-detection') }),
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContent>;

/** Parse or return undefined: unknown and malformed messages are ignored, never acted on. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown): T | undefined {
  const r = z.safeParse(schema, message);
  return r.success ? r.data : undefined;
}
