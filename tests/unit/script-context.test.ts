/**
 * The content script's context (content/script-context.ts): its timers run while it lives, none runs
 * after it dies, and a page that schedules work every batch (a feed) does not pile up a listener per
 * call on the context's abort signal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '../../content/script-context';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('content script context', () => {
  // happy-dom has no idle callbacks: a timeout stands in for one.
  beforeEach(() => {
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => setTimeout(() => cb({ didTimeout: false, timeRemaining: () => 10 }), 1));
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('runs its timeouts and idle callbacks, with one abort listener for them all', async () => {
    const ctx = new ContentScriptContext();
    const listen = vi.spyOn(ctx.signal, 'addEventListener');
    let ran = 0;
    for (let i = 0; i < 200; i++) {
      ctx.setTimeout(() => ran++, 0);
      ctx.requestIdleCallback(() => ran++, { timeout: 10 });
    }
    await tick(50);
    expect(ran).toBe(400);
    expect(listen).toHaveBeenCalledTimes(1);
  });

  it('cancels what has not run when it dies, and runs nothing after', async () => {
    const ctx = new ContentScriptContext();
    let ran = 0;
    ctx.setTimeout(() => ran++, 20);
    ctx.requestIdleCallback(() => ran++, { timeout: 20 });
    ctx.notifyInvalidated();
    ctx.setTimeout(() => ran++, 0);
    await tick(60);
    expect(ran).toBe(0);
    expect(ctx.isValid).toBe(false);
  });
});
