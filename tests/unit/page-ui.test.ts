/**
 * The sidebar host's visibility check (content/watch/page-ui.ts) runs just after a drawn frame, when
 * the page's style is fresh, never in a task of ours that follows our own highlights or notes: on a
 * large page their stylesheet and frames make the next style and layout reads cost a whole-page
 * recalculation (a 348 ms task once on the bench's 5 MB page).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Detection } from '../../core/detect/detect';
import { PageUi } from '../../content/watch/page-ui';
import { SidebarHost } from '../../content/sidebar-host';
import { sidebarPlacement } from '../../content/sidebar-placement';
import type { WatchContext, WatchPorts } from '../../content/watch/ports';

let frames: Array<() => void>;
let timers: Array<() => void>;
let checks: number;
let valid: boolean;

const ctx: WatchContext = {
  get isValid() {
    return valid;
  },
  onInvalidated: () => () => undefined,
  requestIdleCallback: () => 0,
  setTimeout: (cb: () => void) => timers.push(cb),
  setInterval: () => 0,
  addEventListener: () => undefined,
} as unknown as WatchContext;

const ui = {
  PageHighlights: class {
    show() {
      return 0;
    }
    destroy() {}
  },
  PageNotes: class {
    count = 0;
    show() {}
    destroy() {}
  },
  noteTargets: () => [],
  hostHidden: () => {
    checks++;
    return undefined;
  },
};

const ports = {
  chunk: async () => ui,
  loaded: (name: string) => (name === 'ui' ? ui : name === 'detector' ? { SidebarHost, sidebarPlacement } : undefined),
  sidebarUrl: () => '',
  watchExtension: () => () => undefined,
  noteUrl: () => '',
  now: () => performance.now(),
} as unknown as WatchPorts;

const detection = { matched: true, score: 10, families: [], people: [], signals: [], reason: '', carriers: [] } as unknown as Detection;

/** Let promises run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
/** The browser draws a frame: the requestAnimationFrame callbacks waiting for it run. */
const frame = async () => {
  for (const cb of frames.splice(0)) cb();
  await settle();
};
/** The next task of ours. */
const task = async () => {
  timers.shift()?.();
  await settle();
};

beforeEach(() => {
  frames = [];
  timers = [];
  checks = 0;
  valid = true;
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
});
afterEach(() => {
  valid = false;
  vi.unstubAllGlobals();
  for (const h of [...document.documentElement.children].filter((e) => e.localName.includes('-'))) h.remove();
});

describe('PageUi: the host visibility check', () => {
  it('waits for a frame drawn after the highlights and notes it put in, then checks', async () => {
    const page = new PageUi(ctx, ports, true, undefined);
    const shown = page.show(detection, [], () => undefined, () => undefined);
    await settle();
    expect(page.host).toBeDefined();
    // The frame goes into the page in a task of its own, after the decision's.
    expect(page.host!.mounted).toBe(false);
    await task();
    expect(page.host!.mounted).toBe(true);
    await task(); // the guard (its first look waits for a frame), chunk-ui, the highlights
    expect(frames).toHaveLength(1);
    await frame(); // drawn: the look is queued for the next task
    await task(); // the notes, in their own task
    await task(); // the look: the notes came after that frame, so it waits for the next
    expect(checks).toBe(0);
    await shown;
    await frame();
    await task();
    expect(checks).toBe(1);
  });

  it('checks at the first frame when nothing of ours changed since', async () => {
    const page = new PageUi(ctx, ports, true, undefined);
    const shown = page.show(detection, [], () => undefined, () => undefined);
    await settle();
    await task(); // the frame's own task
    await task(); // highlights
    await task(); // notes
    await shown;
    await frame();
    await task();
    expect(checks).toBe(1);
  });
});
