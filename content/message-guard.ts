/**
 * The background's messages to the detector, checked by hand: this module is part of the code every
 * page pays for, where zod would weigh more than the rest of the detector. The zod schema
 * `BackgroundToContent` (core/messages/to-content.ts) stays the specification; tests/unit/messages.test.ts
 * holds this check to it, message by message.
 */
import type { BackgroundToContent } from '../core/messages/to-content';

/** The message if it is a well-formed background -> content message, else undefined. */
export function readBackgroundMessage(message: unknown): BackgroundToContent | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'get-detection':
    case 'dismiss':
      return { type: m.type };
    case 'set-open':
      return typeof m.open === 'boolean' ? { type: 'set-open', open: m.open } : undefined;
    case 'frame-visibility':
      return typeof m.visible === 'boolean' ? { type: 'frame-visibility', visible: m.visible } : undefined;
    case 'jump':
      return typeof m.signal === 'number' && Number.isFinite(m.signal) ? { type: 'jump', signal: m.signal } : undefined;
    default:
      return undefined;
  }
}
