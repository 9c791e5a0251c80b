/**
 * The content script's message answers (content/extension-api.ts `answer`): they reach the sender in
 * Chromium too, which ignores a promise returned by a listener (the hostile e2e cases `clobber` and
 * `rootid` cover the API object itself, in both browsers); and its first storage read, which
 * content/api-guard.js may have begun at document_start (`read`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GUARD_SLOTS } from '../../content/chrome-api';
import { answer, browser, read } from '../../content/extension-api';

describe('content script extension API', () => {
  it('answers through sendResponse and keeps the channel open only for messages it answers', async () => {
    const listener = answer((message) => ((message as { type?: string }).type === 'ask' ? Promise.resolve({ ok: 1 }) : undefined));
    const sendResponse = vi.fn();
    expect(listener({ type: 'other' }, {}, sendResponse)).toBeUndefined();
    expect(listener({ type: 'ask' }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: 1 }));
  });

  it('answers undefined when the answer fails, so the sender is not left waiting', async () => {
    const listener = answer(() => Promise.reject(new Error('chunk missing')));
    const sendResponse = vi.fn();
    expect(listener({}, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(undefined));
  });

  describe('the first read, begun at document_start', () => {
    const slot = Symbol.for(GUARD_SLOTS.start);
    const g = globalThis as Record<symbol, unknown>;
    afterEach(() => {
      delete g[slot];
      vi.restoreAllMocks();
    });

    it('is taken once, for the same keys, without reading storage again', async () => {
      const get = vi.spyOn(browser.storage.local, 'get').mockResolvedValue({ matchGate: 'now' } as never);
      g[slot] = { keys: ['matchGate', 'settings'], read: Promise.resolve({ matchGate: 'begun' }) };
      expect(await read(['matchGate', 'settings'])).toEqual({ matchGate: 'begun' });
      expect(get).not.toHaveBeenCalled();
      // Taken: the next read is a read.
      expect(await read(['matchGate', 'settings'])).toEqual({ matchGate: 'now' });
      expect(get).toHaveBeenCalledTimes(1);
    });

    it('is left for its own keys when other keys are read first', async () => {
      const get = vi.spyOn(browser.storage.local, 'get').mockResolvedValue({ matchIndex: 'now' } as never);
      g[slot] = { keys: ['matchGate'], read: Promise.resolve({ matchGate: 'begun' }) };
      expect(await read(['matchIndex'])).toEqual({ matchIndex: 'now' });
      expect(await read(['matchGate'])).toEqual({ matchGate: 'begun' });
      expect(get).toHaveBeenCalledTimes(1);
    });

    it('is read again where one of its keys changed since it began (the reader paused Backstory while the page loaded)', async () => {
      const get = vi.spyOn(browser.storage.local, 'get').mockResolvedValue({ settings: { paused: true } } as never);
      const done = vi.fn();
      g[slot] = { keys: ['settings'], read: Promise.resolve({ settings: {} }), stale: true, done };
      expect(await read(['settings'])).toEqual({ settings: { paused: true } });
      expect(get).toHaveBeenCalledTimes(1);
      // The guard's listener is let go.
      expect(done).toHaveBeenCalledTimes(1);
    });

    it('is read again where it failed', async () => {
      const get = vi.spyOn(browser.storage.local, 'get').mockResolvedValue({ matchGate: 'now' } as never);
      g[slot] = { keys: ['matchGate'], read: Promise.resolve(undefined) };
      expect(await read(['matchGate'])).toEqual({ matchGate: 'now' });
      expect(get).toHaveBeenCalledWith(['matchGate']);
    });
  });
});
