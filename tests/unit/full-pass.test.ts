/**
 * The full pass's schedule (content/watch/full-pass.ts `decideInSlices`): the sidebar's frame, which
 * is 10-20 ms of work for Chromium to put into a page, gets a slice of its own after a long one.
 */
import { describe, expect, it } from 'vitest';
import { decideInSlices, type Schedule } from '../../content/watch/full-pass';
import type { Detection, DetectionSession } from '../../core/detect/detect';

/** A clock the test moves, and a record of the waits for idle time. */
function schedule(): Schedule & { clock: number; waits: number } {
  return {
    sliceMs: 8,
    clock: 100,
    waits: 0,
    now() {
      return this.clock;
    },
    async run() {
      throw new Error('a decision made at once runs no further slices');
    },
    account() {},
    async idle() {
      this.waits++;
      this.clock += 1;
    },
  };
}

/** A session whose decision is made at once. */
const session = (matched: boolean) =>
  ({
    decideSteps: function* () {
      return { matched } as Detection;
    },
  }) as unknown as DetectionSession;

describe('decideInSlices', () => {
  it('waits for a slice of its own before the sidebar mounts when the slice the decision ended in was long', async () => {
    const slices = schedule();
    // The last slice of a large page's scan began 6 ms ago (more than half a slice).
    const decided = await decideInSlices(session(true), 'https://example.test/', slices.clock - 6, slices, () => true, () => true);
    expect(decided?.detection.matched).toBe(true);
    expect(slices.waits).toBe(1);
    // The mount's work is counted from the new slice.
    expect(decided?.started).toBe(slices.clock);
  });

  it('keeps a small page’s sidebar waiting for nothing, and waits for nothing without a sidebar to mount', async () => {
    const small = schedule();
    await decideInSlices(session(true), 'https://example.test/', small.clock - 1, small, () => true, () => true);
    expect(small.waits).toBe(0);
    const noMatch = schedule();
    await decideInSlices(session(false), 'https://example.test/', noMatch.clock - 6, noMatch, () => true, () => true);
    expect(noMatch.waits).toBe(0);
    const mounted = schedule();
    await decideInSlices(session(true), 'https://example.test/', mounted.clock - 6, mounted, () => true, () => false);
    expect(mounted.waits).toBe(0);
  });

  it('stops when the page has moved on during the wait', async () => {
    const slices = schedule();
    expect(await decideInSlices(session(true), 'https://example.test/', slices.clock - 6, slices, () => false, () => true)).toBeUndefined();
  });
});
