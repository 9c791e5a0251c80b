/**
 * The content script checks the background's messages by hand (content/message-guard.ts), to keep zod out
 * of the code every page loads. The zod schema is the specification: both must accept and reject the
 * same messages, and the guard must hand on nothing but the fields the schema defines.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { BackgroundToContent } from '../../core/messages/to-content';
import { readBackgroundMessage } from '../../content/message-guard';

const CASES: unknown[] = [
  { type: 'get-detection' },
  { type: 'dismiss' },
  { type: 'set-open', open: true },
  { type: 'set-open', open: false },
  { type: 'jump', signal: 0 },
  { type: 'jump', signal: 3 },
  { type: 'frame-visibility', visible: false },
  { type: 'frame-visibility', visible: true },
  { type: 'frame-visibility', visible: 'no' },
  { type: 'frame-visibility' },
  // with fields the schema does not know: accepted, and the extra fields are dropped
  { type: 'dismiss', extra: '<img src=x onerror=alert(1)>' },
  { type: 'set-open', open: true, html: 'x' },
  // malformed
  { type: 'set-open' },
  { type: 'set-open', open: 'yes' },
  { type: 'jump' },
  { type: 'jump', signal: '2' },
  { type: 'jump', signal: Number.NaN },
  { type: 'jump', signal: Number.POSITIVE_INFINITY },
  { type: 'annotations', kind: 'show' },
  { type: 'unknown' },
  { type: 42 },
  {},
  [],
  [{ type: 'dismiss' }],
  'get-detection',
  42,
  null,
  undefined,
  Object.create(null),
];

describe('the content script’s check of background messages', () => {
  it.each(CASES.map((c) => [JSON.stringify(c) ?? String(c), c] as const))('%s: the same verdict as the zod schema', (_name, message) => {
    const parsed = z.safeParse(BackgroundToContent, message);
    expect(readBackgroundMessage(message)).toEqual(parsed.success ? parsed.data : undefined);
  });

  it('accepts each kind of message', () => {
    expect(CASES.filter((c) => readBackgroundMessage(c) !== undefined)).toHaveLength(10);
  });
});
