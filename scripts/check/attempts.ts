/**
 * Retrying a page after a transient browser protocol error. Such errors come from the automation
 * channel, not from the extension or the page: Firefox's BiDi loses a browsing context about one
 * page in 80 ("BrowsingContext does no longer exist"), Chromium reports a target or session closed
 * under it. A retry opens the page afresh in a new tab. It is bounded, and every retry is written in
 * the page's report (`retries`); a page whose last attempt fails keeps that failure in `errors`, so
 * a real failure is never hidden. Anything else (HTTP errors, crashes, timeouts, extension errors) is
 * a finding and is not retried.
 */
import type { PageError } from './report-schema';

const TRANSIENT: readonly RegExp[] = [
  /BrowsingContext does no longer exist/i,
  /no such frame/i,
  /Target page, context or browser has been closed/i,
  /Target closed/i,
  /Session closed/i,
  /Execution context was destroyed/i,
  /frame was detached/i,
  /No target with given id/i,
  // A navigation aborted under the checker (the tab was reused or the channel hiccuped): Chromium's
  // net::ERR_ABORTED, Firefox's NS_BINDING_ABORTED, and the protocol's own wording.
  /net::ERR_ABORTED/,
  /NS_BINDING_ABORTED/,
  /navigation (was )?aborted/i,
];

export function isTransient(message: string): boolean {
  return TRANSIENT.some((re) => re.test(message));
}

/** The first error of an attempt that says the automation channel failed, not the page. */
export function transientError(errors: readonly PageError[]): PageError | undefined {
  return errors.find((e) => (e.source === 'checker' || e.source === 'navigation') && isTransient(e.message));
}

/**
 * Run `attempt` until it ends without a transient error, at most `retries` more times. Returns the
 * last attempt's result and the messages that caused each retry.
 */
export async function withRetries<T extends { errors: PageError[] }>(retries: number, attempt: (n: number) => Promise<T>): Promise<{ result: T; retried: string[] }> {
  const retried: string[] = [];
  for (let n = 0; ; n++) {
    const result = await attempt(n);
    const transient = transientError(result.errors);
    if (!transient || n >= retries) return { result, retried };
    retried.push(transient.message);
  }
}
