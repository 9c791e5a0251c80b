/**
 * The content script's message answers (content/extension-api.ts `answer`): they reach the sender in
 * Chromium too, which ignores a promise returned by a listener (the hostile e2e case `clobber` covers
 * the API object itself, in both browsers).
 */
import { describe, expect, it, vi } from 'vitest';
import { answer } from '../../content/extension-api';

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
});
