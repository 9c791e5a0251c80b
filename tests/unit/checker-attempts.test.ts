/**
 * Retries after transient browser protocol errors: bounded, recorded, and never hiding a real failure.
 */
import { describe, expect, it } from 'vitest';
import { isTransient, withRetries } from '../../scripts/check/attempts';
import type { PageError } from '../../scripts/check/report-schema';

const attempts = (outcomes: PageError[][]) => {
  let n = 0;
  const attempt = async () => ({ errors: outcomes[Math.min(n++, outcomes.length - 1)]! });
  return { attempt, count: () => n };
};
const lost: PageError = { source: 'checker', message: 'Protocol error (script.callFunction): no such frame BrowsingContext does no longer exist' };
const closed: PageError = { source: 'navigation', message: 'page.goto: Target page, context or browser has been closed' };
const http: PageError = { source: 'navigation', message: 'HTTP 500' };

describe('withRetries', () => {
  it('retries a transient error and records it; the page then succeeds', async () => {
    const { attempt, count } = attempts([[lost], [closed], []]);
    const { result, retried } = await withRetries(2, attempt);
    expect(result.errors).toEqual([]);
    expect(retried).toEqual([lost.message, closed.message]);
    expect(count()).toBe(3);
  });

  it('stops after the bound and keeps the last failure in the errors', async () => {
    const { attempt, count } = attempts([[lost]]);
    const { result, retried } = await withRetries(2, attempt);
    expect(count()).toBe(3);
    expect(retried).toHaveLength(2);
    expect(result.errors).toEqual([lost]);
  });

  it.each([
    ['an HTTP error', http],
    ['a timeout', { source: 'checker', message: 'no decision before the timeout (detector still pending)' } as PageError],
    ['an extension error that mentions a closed target', { source: 'page', message: 'Backstory: Target closed' } as PageError],
    ['a crash', { source: 'navigation', message: 'Navigation failed because page crashed!' } as PageError],
  ])('does not retry %s', async (_what, error) => {
    const { attempt, count } = attempts([[error]]);
    const { result, retried } = await withRetries(2, attempt);
    expect(count()).toBe(1);
    expect(retried).toEqual([]);
    expect(result.errors).toEqual([error]);
  });

  it('with --retries 0, never retries', async () => {
    const { attempt, count } = attempts([[lost]]);
    expect((await withRetries(0, attempt)).retried).toEqual([]);
    expect(count()).toBe(1);
  });
});

it.each([
  ['BrowsingContext does no longer exist', true],
  ['Target closed', true],
  ['Execution context was destroyed, most likely because of a navigation', true],
  ['Session closed. Most likely the page has been closed.', true],
  ['page.goto: net::ERR_ABORTED at https://www.example.com/', true],
  ['NS_BINDING_ABORTED', true],
  ['Navigation was aborted', true],
  ['net::ERR_NAME_NOT_RESOLVED', false],
  ['net::ERR_CONNECTION_REFUSED', false],
])('isTransient(%s) is %s', (message, expected) => expect(isTransient(message)).toBe(expected));
