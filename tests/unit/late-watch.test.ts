/**
 * content/watch/late.ts: a frame's document that arrives after the pass read the frame is read.
 */
import { describe, expect, it } from 'vitest';
import { lateWatch } from '../../content/watch/late';
import type { WatchContext } from '../../content/watch/ports';

function setUp() {
  const observed: Node[] = [];
  const read: Node[] = [];
  const loads: Array<() => void> = [];
  const ctx = {
    addEventListener: (_target: EventTarget, type: string, listener: () => void) => {
      if (type === 'load') loads.push(listener);
    },
    setTimeout: () => 0,
  } as unknown as WatchContext;
  const register = lateWatch(ctx, (node) => observed.push(node), (node) => read.push(node));
  return { register, observed, read, loads };
}

/** A frame whose `contentDocument` is what `current()` says. */
const frameWith = (current: () => Document | null) => ({ get contentDocument() { return current(); } }) as unknown as HTMLIFrameElement;
const doc = (text: string) => new DOMParser().parseFromString(`<p>${text}</p>`, 'text/html');

describe('lateWatch: frames', () => {
  it('watches the document the pass read, without reading it again, and reads each new one', () => {
    const { register, observed, read, loads } = setUp();
    let current = doc('Weather: sunny.');
    const frame = frameWith(() => current);
    register({ shadows: [], frames: [[frame, current]], hosts: [] });
    expect(observed).toEqual([current.body]);
    expect(read).toEqual([]);
    current = doc('Mamutjan Abdurehim in Adelaide.');
    for (const load of loads) load();
    expect(read).toEqual([current.body]);
  });

  it('reads a document that arrived between the pass and the listener (a frame appended with its srcdoc set)', () => {
    // Round 31's p01: the pass read the frame's first about:blank document; its srcdoc document had
    // loaded, and fired its load, before the frame was registered.
    const { register, read } = setUp();
    const blank = doc('');
    const loaded = doc('Mamutjan Abdurehim in Adelaide.');
    register({ shadows: [], frames: [[frameWith(() => loaded), blank]], hosts: [] });
    expect(read).toEqual([loaded.body]);
  });
});
