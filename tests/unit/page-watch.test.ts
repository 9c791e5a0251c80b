/**
 * The content script's schedule (content/watch/page-watch.ts), driven with fake time and fake DOM
 * events: a fake clock every read advances, idle callbacks run only when the test says so, storage
 * holds the index as the background writes it, and the sidebar and highlights are fakes that record
 * what they were asked to do.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import rawDataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { MATCH_EVENTS_KEY, MATCH_GATE_KEY, MATCH_INDEX_KEY, packForStorage } from '../../core/detect/match-index';
import { SETTINGS_KEY } from '../../core/settings';
import type { ContentToBackground } from '../../core/messages/to-background';
import { PREFILTER_REASON, PageWatch } from '../../content/watch/page-watch';
import { SLICE_MS } from '../../content/watch/slices';
import type { WatchContext, WatchPorts } from '../../content/watch/ports';
import { Detector } from '../../core/detect/detect';
import { collectText } from '../../content/page-text';
import { decideInSlices, readDocument } from '../../content/watch/full-pass';
import { noteTargets } from '../../content/page-notes';
import { pageWords } from '../../content/page-words';
import { SidebarHost } from '../../content/sidebar-host';
import { sidebarPlacement } from '../../content/sidebar-placement';
import { fakeFrames } from '../support/fakes';

const stored = packForStorage(buildMatchIndex(parseDataset(rawDataset), 'test'));
const STORY = '<p>Mihriban Kader and Ablikim Memtinin, Uyghur parents living in Italy, say China keeps their four children in Xinjiang.</p>';
/** A caption that names the Kader parents, where the page's text carries the topic only. */
const CAPTION = 'Mihriban Kader and Ablikim Memtinin say China keeps their four children in Xinjiang.';
const prose = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: the allotment's tomatoes ripened late this year, and the beans climbed the fence.</p>`).join('');

/** The world around the watch, faked: time, idle callbacks, storage, messages, chunks. */
class World {
  /** The fake clock (performance.now(), mocked below): every read advances it, so work takes time. */
  time = 0;
  step = 0.05;
  idle: Array<(deadline: IdleDeadline) => void> = [];
  timers: Array<() => void> = [];
  storage: Record<string, unknown> = { ...stored };
  reads: string[][] = [];
  sent: ContentToBackground[] = [];
  shown: number[] = [];
  /** The cue texts of the page's caption tracks, as the browser would load them. */
  cues: string[] = [];
  /** The posts or players each decision put notes at (the real noteTargets; notes recorded, not framed). */
  noted: Element[][] = [];
  valid = true;
  private readonly invalidated: Array<() => void> = [];
  /** Work done in each idle slice, in fake milliseconds. */
  slices: number[] = [];

  readonly ctx: WatchContext = {
    get isValid() {
      return world.valid;
    },
    onInvalidated: (cb) => {
      this.invalidated.push(cb);
      return () => undefined;
    },
    requestIdleCallback: (cb) => this.idle.push(cb) as number,
    setTimeout: (cb) => this.timers.push(cb) as number,
    // The host's visibility checks (content/watch/page-ui.ts) run on the real page's clock, not here.
    setInterval: () => 0,
    addEventListener: ((target: EventTarget, type: string, handler: EventListener) => target.addEventListener(type, handler)) as WatchContext['addEventListener'],
  };

  private readonly listeners = new Map<string, Set<(value: unknown) => void>>();
  /** The full pass's chunk, once imported (as `loadedChunk` sees it). */
  private detectorChunk: object | undefined;

  /** The background writing to storage.local: listeners hear it, as storage.onChanged does. */
  store(key: string, value: unknown): void {
    this.storage[key] = value;
    for (const l of this.listeners.get(key) ?? []) l(structuredClone(value));
  }

  readonly ports: WatchPorts = {
    onStored: (key, listener) => {
      const set = this.listeners.get(key) ?? new Set();
      set.add(listener);
      this.listeners.set(key, set);
      return () => set.delete(listener);
    },
    read: async (keys) => {
      this.reads.push(keys);
      return Object.fromEntries(keys.filter((k) => k in this.storage).map((k) => [k, structuredClone(this.storage[k])]));
    },
    send: async (message) => {
      this.sent.push(message);
    },
    chunk: async (name) => {
      if (name === 'detector') return (this.detectorChunk ??= { Detector, collectText, readDocument, decideInSlices, pageWords, SidebarHost, sidebarPlacement }) as never;
      if (name !== 'ui') throw new Error(`unexpected chunk ${name}`);
      const shown = this.shown;
      const noted = this.noted;
      return {
        PageNotes: class {
          count = 0;
          show(targets: Array<{ anchor: Element }>) {
            noted.push(targets.map((t) => t.anchor));
            this.count = targets.length;
          }
          destroy() {}
        },
        noteTargets,
        PageHighlights: class {
          show(targets: unknown[]) {
            shown.push(targets.length);
            return targets.length;
          }
          jump() {}
          destroy() {}
        },
        prepareTextTracks: () => ({ changed: [], pending: [] }),
        restoreTextTracks: () => undefined,
        // The cues are the players': none where the roots it is given hold no player.
        trackCueTexts: (roots: readonly ParentNode[]) => (roots.some((root) => root.querySelector('video, audio')) ? this.cues : []),
      } as never;
    },
    loaded: (name) => (name === 'detector' ? (this.detectorChunk as never) : undefined),
    startAnnotator: () => undefined,
    sidebarUrl: () => '',
    watchExtension: () => () => undefined,
    noteUrl: (familyId) => `note.html?family=${familyId}`,
    now: () => performance.now(),
  };

  /** Run idle callbacks (and what they schedule) until none is left; returns how many ran. */
  async drain(limit = 10_000): Promise<number> {
    let ran = 0;
    for (;;) {
      await settle();
      const next = this.idle.shift() ?? this.timers.shift();
      if (!next) return ran;
      if (++ran > limit) throw new Error('the watch never settles');
      const start = this.time;
      next({ didTimeout: false, timeRemaining: () => 50 });
      await settle();
      this.slices.push(this.time - start);
    }
  }

  /** Run timers only (and what they schedule), as in a tab that gets no idle time; returns how many ran. */
  async runTimers(): Promise<number> {
    let ran = 0;
    for (;;) {
      await settle();
      const next = this.timers.shift();
      if (!next) return ran;
      ran++;
      next();
      await settle();
    }
  }

  invalidate(): void {
    this.valid = false;
    for (const cb of this.invalidated) cb();
  }
}

let world: World;

/** Let promises and mutation observers run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Backstory's host: the one element with a custom element's name (random per page load) under <html>. */
function host(): Element | null {
  return [...document.documentElement.children].find((e) => e.localName.includes('-')) ?? null;
}

/** Counts the caption tracks the watch loads for itself (`prepareTextTracks` is what loads one). */
function countTrackLoads(): { n: number } {
  const loads = { n: 0 };
  const chunk = world.ports.chunk;
  (world.ports as { chunk: WatchPorts['chunk'] }).chunk = (async (name: 'ui' | 'detector') => {
    const c = (await chunk(name as never)) as Record<string, unknown>;
    if (name !== 'ui') return c as never;
    return { ...c, prepareTextTracks: (roots: ParentNode[]) => (loads.n++, (c.prepareTextTracks as (roots: ParentNode[]) => unknown)(roots)) } as never;
  }) as WatchPorts['chunk'];
  return loads;
}

async function started(body: string): Promise<PageWatch> {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('afterbegin', body);
  const watch = new PageWatch(world.ctx, world.ports, document);
  const run = watch.start();
  await world.drain();
  await run;
  return watch;
}

beforeEach(() => {
  world = new World();
  // The watch reads ports.now(), the prefilter performance.now(): both are the fake clock.
  vi.spyOn(performance, 'now').mockImplementation(() => (world.time += world.step));
});
afterEach(() => {
  // The test's content script goes away (its host's guard would put a removed host back).
  world.invalidate();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  // Every host: a test that starts several watches leaves one per watch.
  for (const h of [...document.documentElement.children].filter((e) => e.localName.includes('-'))) h.remove();
});

describe('PageWatch: the first pass', () => {
  it('decides a page without the story’s words by the prefilter alone: nothing added, nothing sent, the index never read', async () => {
    const watch = await started(prose(40));
    expect(watch.report.status).toBe('done');
    expect(watch.report.detection).toMatchObject({ matched: false, stage: 'prefilter', reason: PREFILTER_REASON });
    expect(world.reads.flat()).not.toContain(MATCH_INDEX_KEY);
    expect(world.reads.flat()).not.toContain(MATCH_EVENTS_KEY);
    expect(world.sent).toEqual([]);
    expect(host()).toBeNull();
    expect(watch.report.settled).toBe(true);
  });

  it('reads the events’ elements where an event’s key anchor is, once, and stays closed on the anchor without them', async () => {
    const anchor = '<p>Officials in Beijing held a press conference in Shanghai; Amnesty and CNN reporters attended.</p>';
    const watch = await started(prose(5) + anchor + prose(2000) + anchor);
    expect(watch.report.detection).toMatchObject({ matched: false, stage: 'prefilter', reason: PREFILTER_REASON });
    expect(world.reads.flat().filter((k) => k === MATCH_EVENTS_KEY)).toHaveLength(1);
    expect(world.reads.flat()).not.toContain(MATCH_INDEX_KEY);
    expect(host()).toBeNull();
    expect(watch.report.settled).toBe(true);
  });

  it('reads a page about the story in full, shows the sidebar and highlights, and tells the background', async () => {
    const watch = await started(prose(5) + STORY);
    expect(watch.report.detection).toMatchObject({ matched: true, stage: 'full' });
    expect(watch.report.detection!.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
    expect(world.reads.flat()).toContain(MATCH_INDEX_KEY);
    expect(host()).not.toBeNull();
    expect(watch.report.sidebarMounted).toBe(true);
    expect(world.shown.at(-1)).toBeGreaterThan(0);
    expect(world.sent.filter((m) => m.type === 'detection')).toHaveLength(1);
    expect(watch.report.settled).toBe(true);
  });

  it('decides a short page and shows its sidebar without waiting for idle time (a background tab in Firefox gets none for a second)', async () => {
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', prose(5) + STORY);
    // The page has idle callbacks (happy-dom has none): the watch's idle waits go to `world.idle`,
    // which this test never runs.
    vi.stubGlobal('requestIdleCallback', () => 0);
    const watch = new PageWatch(world.ctx, world.ports, document);
    const run = watch.start();
    await world.runTimers();
    vi.unstubAllGlobals();
    await Promise.race([run, settle()]);
    expect(watch.report.detection).toMatchObject({ matched: true, stage: 'full' });
    expect(watch.report.sidebarMounted).toBe(true);
    expect(world.shown.at(-1)).toBeGreaterThan(0);
    expect(watch.report.settled).toBe(true);
    expect(world.idle).toHaveLength(0);
  });

  it('yields to the page: a long page is read in idle slices of at most SLICE_MS each', async () => {
    world.step = 0.2;
    const watch = await started(prose(3000));
    expect(watch.report.detection?.stage).toBe('prefilter');
    const slices = world.slices.length;
    expect(slices).toBeGreaterThan(3);
    // A slice ends at the first clock read past its deadline (the clock is read every 16 nodes).
    expect(Math.max(...world.slices)).toBeLessThan(SLICE_MS + 1);
    expect(watch.report.longestMs).toBeLessThan(SLICE_MS + 1);
  });

  it('yields to the page while it decides: a page of many articles is judged in idle slices too', async () => {
    world.step = 0.2;
    const articles = Array.from({ length: 400 }, (_, i) => `<article><p>Article ${i}: a Uyghur trader in Kashgar sold carpets to a buyer from Italy.</p></article>`).join('');
    const watch = await started(`${articles}<article>${STORY}</article>`);
    expect(watch.report.detection).toMatchObject({ matched: true, stage: 'full' });
    // The watch's own account of each piece of work (an idle callback here may also run the slice
    // that follows a storage read, which the browser runs as a task of its own).
    expect(watch.report.longestMs).toBeLessThan(SLICE_MS + 1);
    // Each place and word explains the decision once, not once an article.
    expect(watch.report.detection!.signals.filter((s) => s.label.endsWith('Kashgar'))).toHaveLength(1);
  });

  it('opened before the index is stored (just installed), waits for it and then decides', async () => {
    const { [MATCH_GATE_KEY]: record, ...rest } = world.storage;
    world.storage = rest;
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', prose(3) + STORY);
    const watch = new PageWatch(world.ctx, world.ports, document);
    const run = watch.start();
    await settle();
    expect(watch.report.status).toBe('no-index');
    expect(host()).toBeNull();
    world.store(MATCH_GATE_KEY, record);
    await world.drain();
    await run;
    expect(watch.report.detection).toMatchObject({ matched: true, stage: 'full' });
    expect(host()).not.toBeNull();
  });

  it('finds an index stored between its first read and its listening (the read begun at document_start)', async () => {
    // The first read was answered before the background stored the index; no storage change comes after.
    let first = true;
    const ports: WatchPorts = {
      ...world.ports,
      read: async (keys) => {
        const got = await world.ports.read(keys);
        if (first) delete got[MATCH_GATE_KEY];
        first = false;
        return got;
      },
    };
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', prose(3) + STORY);
    const watch = new PageWatch(world.ctx, ports, document);
    const run = watch.start();
    await settle();
    await world.drain();
    expect(watch.report.detection).toMatchObject({ matched: true, stage: 'full' });
    await run;
    expect(host()).not.toBeNull();
  });

  it('gives up quietly if the index never comes', async () => {
    const { [MATCH_GATE_KEY]: _record, ...rest } = world.storage;
    world.storage = rest;
    const watch = new PageWatch(world.ctx, world.ports, document);
    const run = watch.start();
    await settle();
    // The bounded wait: its timer is the one the watch set.
    expect(world.timers).toHaveLength(1);
    world.timers.shift()!();
    await run;
    expect(watch.report.status).toBe('no-index');
    expect(world.sent).toEqual([]);
  });

  it('reads nothing on a muted site or while paused', async () => {
    world.storage[SETTINGS_KEY] = { paused: true };
    const paused = await started(STORY);
    expect(paused.report.status).toBe('paused');
    expect(host()).toBeNull();
    expect(world.reads).toHaveLength(1);
  });
});

describe('PageWatch: later changes', () => {
  it('batches added posts: unrelated ones change nothing, the story’s post gets the sidebar, and settled follows the work', async () => {
    const watch = await started(prose(10));
    expect(watch.report.detection?.matched).toBe(false);
    const feed = document.createElement('section');
    document.body.append(feed);
    for (let i = 0; i < 5; i++) feed.insertAdjacentHTML('beforeend', prose(2));
    await settle();
    expect(watch.report.settled).toBe(false);
    await world.drain();
    expect(watch.report.settled).toBe(true);
    expect(host()).toBeNull();
    feed.insertAdjacentHTML('beforeend', STORY);
    await settle();
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
    expect(host()).not.toBeNull();
    expect(watch.report.batches).toBeGreaterThanOrEqual(2);
    expect(watch.report.settled).toBe(true);
  });

  it('starts over on single-page navigation, and removes the sidebar when the new page is not about the story', async () => {
    const watch = await started(STORY);
    expect(host()).not.toBeNull();
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', prose(20));
    window.dispatchEvent(new Event('wxt:locationchange'));
    await world.drain();
    expect(watch.report.detection).toMatchObject({ matched: false, stage: 'prefilter' });
    expect(host()).toBeNull();
    expect(watch.report.settled).toBe(true);
  });

  it('goes quiet when the extension goes away: the sidebar is removed and queued work is dropped', async () => {
    const watch = await started(STORY);
    expect(host()).not.toBeNull();
    document.body.insertAdjacentHTML('beforeend', prose(3));
    world.invalidate();
    watch.teardown();
    await world.drain();
    expect(host()).toBeNull();
    const sent = world.sent.length;
    document.body.insertAdjacentHTML('beforeend', STORY);
    await world.drain();
    expect(world.sent.length).toBe(sent);
  });

  it('reads text added after the prefilter opened as bare text nodes, and text edited in place', async () => {
    // A parent's full name opens the prefilter; alone it decides nothing (no corroboration).
    const alone = '<p id="lead">Mihriban Kader spoke at the event.</p><p id="later">More soon.</p>';
    const watch = await started(prose(3) + alone);
    expect(watch.report.detection).toMatchObject({ matched: false, stage: 'full' });
    expect(host()).toBeNull();
    // A bare text node (no element around it) added to the paragraph.
    document.getElementById('lead')!.append(document.createTextNode(' She and her husband Ablikim Memtinin live in Italy.'));
    await settle();
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
    expect(watch.report.detection!.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
    expect(host()).not.toBeNull();

    // characterData: an existing text node's data changes in place (an editor, a live ticker).
    document.body.replaceChildren();
    const edited = await started(prose(3) + alone);
    expect(edited.report.detection?.matched).toBe(false);
    (document.getElementById('later')!.firstChild as Text).data = 'Her husband, Ablikim Memtinin, lives with her in Italy.';
    await settle();
    await world.drain();
    expect(edited.report.detection?.matched).toBe(true);
    expect(edited.report.detection!.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
  });

  it('reads the new page’s captions after a single-page navigation (names only spoken)', async () => {
    const watch = await started(prose(5));
    expect(watch.report.detection?.matched).toBe(false);
    // The app shows a video page: its text carries the topic only; the names are in the caption track.
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', '<h1>Uyghur parents in Italy</h1><video><track kind="captions" src="cues.vtt" default></video>');
    world.cues = [CAPTION];
    window.dispatchEvent(new Event('wxt:locationchange'));
    await settle();
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
    expect(watch.report.detection!.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
    expect(host()).not.toBeNull();
  });

  it('reads the captions of a player the page adds after its first pass, and is not settled until it has', async () => {
    // Round 56's p03: a video page whose player a script builds late; the names are only in its captions.
    const loads = countTrackLoads();
    const watch = await started(`<h1>Uyghur parents in Italy</h1>${prose(3)}`);
    expect(watch.report.detection?.matched).toBe(false);
    world.cues = [CAPTION];
    document.body.insertAdjacentHTML('beforeend', '<div class="player"><video><track kind="captions" src="c.vtt"></video></div>');
    await settle();
    // Step by step: the batch is read, then the captions' look (a timer of its own) reads the cues. The
    // watch never says it has settled on "no match" while that look is still to come.
    const states: Array<{ settled: boolean; matched: boolean }> = [];
    for (let next = world.idle.shift() ?? world.timers.shift(); next; next = world.idle.shift() ?? world.timers.shift()) {
      next({ didTimeout: false, timeRemaining: () => 50 });
      await settle();
      states.push({ settled: watch.report.settled === true, matched: watch.report.detection?.matched === true });
    }
    expect(states.filter((st) => st.settled && !st.matched)).toEqual([]);
    expect(states.at(-1)).toEqual({ settled: true, matched: true });
    expect(loads.n).toBeGreaterThan(0);
  });

  it('captions that arrive while the full pass reads the page wait for it: what the sidebar quotes is the page’s own text', async () => {
    // The page's track loads mid-read (the review's case): read then, its cue would have been put
    // among the page's pieces, and each piece after it paired with the node before.
    const chunk = world.ports.chunk;
    (world.ports as { chunk: WatchPorts['chunk'] }).chunk = (async (name: 'ui' | 'detector') => {
      const c = (await chunk(name as never)) as Record<string, unknown>;
      if (name !== 'ui') return c as never;
      return { ...c, prepareTextTracks: (roots: ParentNode[]) => ({ changed: [], pending: roots.flatMap((root) => [...root.querySelectorAll('track')]) }) } as never;
    }) as WatchPorts['chunk'];
    const watch = await started(prose(3));
    world.step = 2;
    world.cues = ['Her husband lives in Adelaide, said the narrator.'];
    document.body.insertAdjacentHTML('beforeend', `<section>${STORY}${prose(1500)}<video><track kind="captions" src="c.vtt"></video></section>`);
    const track = document.querySelector('track')!;
    await settle();
    const inside = watch as unknown as { session?: { segments: unknown[] }; opening?: unknown };
    let fired = false;
    for (let next = world.idle.shift() ?? world.timers.shift(); next; next = world.idle.shift() ?? world.timers.shift()) {
      next({ didTimeout: false, timeRemaining: () => 50 });
      await settle();
      if (!fired && inside.opening && (inside.session?.segments.length ?? 0) > 10) {
        track.dispatchEvent(new Event('load'));
        fired = true;
        await settle();
      }
    }
    expect(fired).toBe(true);
    expect(watch.report.detection?.matched).toBe(true);
    const full = watch.report.detection!.signals.find((sg) => sg.rule === 'full-name' && sg.label.includes('Mihriban Kader'));
    expect(full?.text).toBe('Mihriban Kader');
  });

  it('reads the captions of a track added to a player that was there from the start', async () => {
    const watch = await started(`<h1>Uyghur parents in Italy</h1><video></video>${prose(3)}`);
    world.cues = [CAPTION];
    const track = document.createElement('track');
    track.kind = 'captions';
    track.src = 'c.vtt';
    document.querySelector('video')!.append(track);
    await settle();
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
  });

  it('reads the captions of a player inside a component’s open shadow root, at the first pass and added later', async () => {
    // A custom element's player (video.js- and media-chrome-style components keep theirs in a shadow root).
    const component = () => {
      const el = document.createElement('video-player');
      el.attachShadow({ mode: 'open' }).innerHTML = '<div class="frame"><video><track kind="captions" src="c.vtt"></video></div>';
      return el;
    };
    world.cues = [CAPTION];
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', `<h1>Uyghur parents in Italy</h1>${prose(3)}`);
    document.body.append(component());
    let watch = new PageWatch(world.ctx, world.ports, document);
    let run = watch.start();
    await world.drain();
    await run;
    expect(watch.report.detection?.matched).toBe(true);
    expect(watch.report.detection!.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));

    world.invalidate();
    world.valid = true;
    for (const h of [...document.documentElement.children].filter((e) => e.localName.includes('-'))) h.remove();
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', `<h1>Uyghur parents in Italy</h1>${prose(3)}`);
    watch = new PageWatch(world.ctx, world.ports, document);
    run = watch.start();
    await world.drain();
    await run;
    expect(watch.report.detection?.matched).toBe(false);
    // Added whole, and nested in a wrapper component's shadow root.
    const outer = document.createElement('player-shell');
    outer.attachShadow({ mode: 'open' }).append(component());
    document.body.append(outer);
    await settle();
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
    expect(watch.report.settled).toBe(true);
  });

  it('reads the captions of a component’s player the full pass met (a known story URL: no prefilter pass), and not of one removed since', async () => {
    const component = () => {
      const el = document.createElement('video-player');
      el.attachShadow({ mode: 'open' }).innerHTML = '<video><track kind="captions" src="c.vtt"></video>';
      return el;
    };
    // CNN's report at its own address: the full pass reads the page at once, the prefilter none of it.
    const dom = (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM;
    const before = location.href;
    dom.setURL('https://www.cnn.com/2021/04/23/china/xinjiang-uyghur-family-china-response-intl-hnk/index.html');
    world.cues = ['Her husband Mamutjan Abdurehim lives in Adelaide, the narrator says.'];
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', STORY);
    document.body.append(component());
    try {
      const watch = new PageWatch(world.ctx, world.ports, document);
      const run = watch.start();
      await world.drain();
      await run;
      expect(watch.report.detection?.matched).toBe(true);
      expect(watch.report.detection!.people).toContain('mamutjan-abdurehim');
    } finally {
      dom.setURL(before);
    }

    // A player removed from the page is not asked again: after a navigation to a page without it,
    // its cues (the fake's are the players') do not decide.
    world.invalidate();
    world.valid = true;
    for (const h of [...document.documentElement.children].filter((e) => e.localName.includes('-'))) h.remove();
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', `<h1>Uyghur parents in Italy</h1>${prose(3)}`);
    const player = component();
    document.body.append(player);
    world.cues = [];
    const second = new PageWatch(world.ctx, world.ports, document);
    const started2 = second.start();
    await world.drain();
    await started2;
    expect(second.report.detection?.matched).toBe(false);
    player.remove();
    world.cues = [CAPTION];
    window.dispatchEvent(new Event('wxt:locationchange'));
    await settle();
    await world.drain();
    expect(second.report.detection?.matched).toBe(false);
  });

  it('a player the page moves out into a fragment before it is read breaks nothing: the story added later still gets its sidebar', async () => {
    const watch = await started(prose(3));
    const box = document.createElement('div');
    box.innerHTML = '<video><track kind="captions" src="c.vtt"></video>';
    document.body.append(box);
    await settle();
    // Taken out again (into a fragment, as a framework's portal or a template does) before the batch is read.
    document.createDocumentFragment().append(box);
    await world.drain();
    document.body.insertAdjacentHTML('beforeend', STORY);
    await settle();
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
    expect(host()).not.toBeNull();
  });

  it('reads the captions of a player in a same-origin frame', async () => {
    world.cues = [CAPTION];
    // happy-dom loads no frames: a same-origin frame's document, and a cross-origin frame beside it.
    const frameDoc = document.implementation.createHTMLDocument('embed');
    // A frame's document has a window while the frame is on the page (a made document has none).
    Object.defineProperty(frameDoc, 'defaultView', { configurable: true, value: window });
    const { sameOrigin, crossOrigin } = fakeFrames(document, frameDoc);
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', `<h1>Uyghur parents in Italy</h1>${prose(3)}`);
    document.body.append(crossOrigin, sameOrigin);
    const watch = new PageWatch(world.ctx, world.ports, document);
    const run = watch.start();
    await world.drain();
    await run;
    expect(watch.report.detection?.matched).toBe(false);
    // The embed fills its frame after the first pass (as an embed's script does).
    frameDoc.body.innerHTML = '<div class="embed"><video><track kind="captions" src="c.vtt"></video></div>';
    await settle();
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
    expect(watch.report.detection!.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
  });

  it('off the topic, a late player’s track is never loaded for Backstory: what the page loads itself is read', async () => {
    const loads = countTrackLoads();
    const listened: string[] = [];
    const add = world.ctx.addEventListener;
    (world.ctx as { addEventListener: unknown }).addEventListener = ((target: EventTarget, type: string, handler: EventListener) => {
      if ((target as Element).localName === 'track') listened.push(type);
      return (add as (t: EventTarget, type: string, h: EventListener) => void)(target, type, handler);
    }) as never;
    const watch = await started(prose(3));
    world.cues = [CAPTION];
    document.body.insertAdjacentHTML('beforeend', '<video><track kind="captions" src="c.vtt"></video>');
    await settle();
    await world.drain();
    // Another player later: the first track is not listened to twice.
    document.body.insertAdjacentHTML('beforeend', '<audio></audio>');
    await settle();
    await world.drain();
    expect(loads.n).toBe(0);
    expect(listened).toEqual(['load']);
    expect(watch.report.detection?.matched).toBe(false);
    // The page loads it to show it: read, and the page is the story's.
    document.querySelector('track')!.dispatchEvent(new Event('load'));
    await settle();
    await world.drain();
    expect(loads.n).toBe(0);
    expect(watch.report.detection?.matched).toBe(true);
  });
});

describe('PageWatch: a player’s own caption tracks (no <track> element)', () => {
  /** A player's TextTrackList, faked (happy-dom has none); `trackCueTexts` reads `world.cues`. */
  function player(video: HTMLVideoElement) {
    const tracks = Object.assign(new EventTarget(), { length: 0 }) as EventTarget & { length: number; [i: number]: TextTrack };
    Object.defineProperty(video, 'textTracks', { value: tracks });
    return {
      tracks,
      add(): TextTrack {
        const track = Object.assign(new EventTarget(), { kind: 'captions' }) as unknown as TextTrack;
        // What the track holds now (Object.assign would copy a getter's value once).
        Object.defineProperty(track, 'cues', { get: () => world.cues.map((text) => ({ text })) });
        tracks[tracks.length++] = track;
        return track;
      },
    };
  }
  const CUE = 'Mihriban Kader and Ablikim Memtinin say China keeps their four children in Xinjiang.';

  async function startedWithVideo(body: string): Promise<{ watch: PageWatch; video: HTMLVideoElement; fake: ReturnType<typeof player> }> {
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', body);
    const video = document.querySelector('video')!;
    const fake = player(video);
    const watch = new PageWatch(world.ctx, world.ports, document);
    const run = watch.start();
    await world.drain();
    await run;
    return { watch, video, fake };
  }

  it('reads the cues of a track the player adds itself, as hls.js and Shaka do', async () => {
    const { watch, fake } = await startedWithVideo(`<h1>World video</h1><video></video>${prose(3)}`);
    expect(watch.report.detection?.matched).toBe(false);
    world.cues = [CUE];
    const track = fake.add();
    fake.tracks.dispatchEvent(Object.assign(new Event('addtrack'), { track }));
    await settle();
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
    expect(watch.report.detection!.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
    expect(host()).not.toBeNull();
  });

  it('reads cues a script adds one by one to a track of a player that is not playing (no event tells of them)', async () => {
    // Round 60's p03: `addTextTrack`, then a `VTTCue` every 250 ms, on a video with no source.
    const { watch, fake } = await startedWithVideo(`<h1>World video</h1><video></video>${prose(3)}`);
    const track = fake.add();
    fake.tracks.dispatchEvent(Object.assign(new Event('addtrack'), { track }));
    await settle();
    // The first look at its cues (none yet), and the read the new track asked for.
    expect(world.timers).toHaveLength(2);
    for (const run of world.timers.splice(0, 2)) run();
    await settle();
    expect(watch.report.detection?.matched).toBe(false);
    // The cues arrive with no addtrack and no cuechange: the next look at the track's count finds them.
    world.cues = [CUE];
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
    expect(watch.report.detection!.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
  });

  it('lets go of players removed from the page at their next look: a later player’s cues are still counted', async () => {
    const { watch, video } = await startedWithVideo(`<h1>World video</h1><video></video>${prose(3)}`);
    video.remove();
    // Sixteen players (the most counted at once), each with a track of its own, then all removed.
    const players = Array.from({ length: 16 }, () => {
      const el = document.createElement('video');
      const fake = player(el);
      document.body.append(el);
      return { el, fake };
    });
    await settle();
    await world.drain();
    for (const { fake } of players) {
      const track = fake.add();
      fake.tracks.dispatchEvent(Object.assign(new Event('addtrack'), { track }));
    }
    await settle();
    for (const { el } of players) el.remove();
    // Each one's next look: a player gone from the page is let go then, its slot free at once.
    const counted = (watch as unknown as { cueCounts: Map<unknown, number> }).cueCounts;
    expect(counted.size).toBe(16);
    for (const run of world.timers.splice(0)) run();
    await settle();
    expect(counted.size).toBe(0);
    // The next player: its track's cues arrive with no event, as in round 60's p03.
    const next = document.createElement('video');
    const nextFake = player(next);
    document.body.append(next);
    await settle();
    await world.drain();
    const track = nextFake.add();
    nextFake.tracks.dispatchEvent(Object.assign(new Event('addtrack'), { track }));
    await settle();
    for (const run of world.timers.splice(0, 2)) run();
    await settle();
    world.cues = [CUE];
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
  });

  it('cues that change while a navigation’s first pass runs decide the new page, once that pass is done', async () => {
    world.cues = ['Sunny skies over the coast today.'];
    const { watch, video, fake } = await startedWithVideo(`<h1>Weather</h1><video></video>${prose(3)}`);
    const track = fake.add();
    fake.tracks.dispatchEvent(Object.assign(new Event('addtrack'), { track }));
    await settle();
    await world.drain();
    expect(watch.report.detection?.matched).toBe(false);
    // The app moves to the next video: new page, new cues, and the player tells of them at once.
    document.body.replaceChildren(video);
    document.body.insertAdjacentHTML('beforeend', `<h1>World video</h1>${prose(3)}`);
    world.cues = [CUE];
    window.dispatchEvent(new Event('wxt:locationchange'));
    track.dispatchEvent(new Event('cuechange'));
    await settle();
    // The cues' read, and all it starts, runs while the new address's first pass waits for idle time
    // (as in Chromium, where the player's cues change in the task that changed the address).
    // (This page has no idle callbacks: the pass waits on a timer, queued before the cues' read.)
    expect(world.idle).toHaveLength(0);
    expect(world.timers).toHaveLength(2);
    const [firstPassSlice, cuesRead] = world.timers.splice(0, 2);
    cuesRead!();
    await world.drain();
    world.timers.unshift(firstPassSlice!);
    await world.drain();
    expect(watch.report.detection?.matched).toBe(true);
    expect(host()).not.toBeNull();
  });
});

describe('PageWatch: notes at the posts that carry the story', () => {
  const post = (i: number, text: string) => `<article data-i="${i}"><p>${text}</p></article>`;
  const OTHER = 'The allotment society meets on Thursday to plan the spring planting.';
  const STORY_TEXT = 'Mihriban Kader and Ablikim Memtinin, Uyghur parents living in Italy, say China keeps their four children in Xinjiang.';
  const MAMUTJAN = 'Mamutjan Abdurehim in Adelaide says his wife Muherrem is held in Xinjiang and his daughter Muhlise lives with her grandparents.';

  it('in a feed, a note goes at the story’s post only; a post that arrives later and carries the story gets its own', async () => {
    const watch = await started(`<section id="feed">${post(0, OTHER)}${post(1, STORY_TEXT)}${post(2, OTHER)}</section>`);
    expect(watch.report.detection?.matched).toBe(true);
    expect(world.noted.at(-1)!.map((a) => a.getAttribute('data-i'))).toEqual(['1']);
    const feed = document.getElementById('feed')!;
    feed.insertAdjacentHTML('beforeend', post(3, OTHER) + post(4, STORY_TEXT.replace('Italy', 'Rome, Italy')));
    await settle();
    await world.drain();
    expect(world.noted.at(-1)!.map((a) => a.getAttribute('data-i'))).toEqual(['1', '4']);
    expect(watch.report.notes).toBe(2);
  });

  it('each post’s note is for the family its own evidence names', async () => {
    const targets: Array<{ anchor: Element; familyId: string }> = [];
    const detectorChunk = { Detector, collectText, readDocument, decideInSlices, pageWords, SidebarHost, sidebarPlacement };
    world.ports.loaded = ((name: string) => (name === 'detector' ? detectorChunk : undefined)) as never;
    world.ports.chunk = (async (name: string) => {
      if (name === 'detector') return detectorChunk;
      return {
        PageHighlights: class { show() {} jump() {} destroy() {} },
        PageNotes: class { count = 0; show(t: typeof targets) { targets.splice(0, targets.length, ...t); } destroy() {} },
        noteTargets,
      };
    }) as never;
    await started(`<section>${post(0, MAMUTJAN)}${post(1, OTHER)}${post(2, STORY_TEXT)}</section>`);
    expect(targets.map((t) => [t.anchor.getAttribute('data-i'), t.familyId])).toEqual([
      ['0', 'family-abdurehim'],
      ['2', 'family-mamtinin-kader'],
    ]);
  });

  it('on a page whose story is outside any post, the note goes below its video player, and nowhere on an ordinary article', async () => {
    await started(`<main><div class="player"><video></video></div><h1>${STORY_TEXT}</h1></main>`);
    expect(world.noted.at(-1)!.map((a) => a.className)).toEqual(['player']);
    world.noted = [];
    // A player component's video, in its own shadow root: the note goes below the component.
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', `<main><div class="player"><video-box></video-box></div><h1>${STORY_TEXT}</h1></main>`);
    document.querySelector('video-box')!.attachShadow({ mode: 'open' }).innerHTML = '<div class="chrome"><video></video></div>';
    const run = new PageWatch(world.ctx, world.ports, document).start();
    await world.drain();
    await run;
    expect(world.noted.at(-1)!.map((a) => a.className)).toEqual(['player']);
    world.noted = [];
    // An embed's player, in a same-origin frame: below the frame's box.
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('afterbegin', `<main><div class="embed"></div><h1>${STORY_TEXT}</h1></main>`);
    const frameDoc = document.implementation.createHTMLDocument('embed');
    frameDoc.body.innerHTML = '<video></video>';
    const { sameOrigin } = fakeFrames(document, frameDoc);
    // The frame's window, as the frame's document sees it: its frameElement is the page's <iframe>.
    Object.defineProperty(frameDoc, 'defaultView', { configurable: true, value: { frameElement: sameOrigin } });
    document.querySelector('.embed')!.append(sameOrigin);
    const framed = new PageWatch(world.ctx, world.ports, document).start();
    await world.drain();
    await framed;
    expect(world.noted.at(-1)!.map((a) => a.className)).toEqual(['embed']);
    world.noted = [];
    await started(`<main>${STORY}</main>`);
    expect(world.noted.at(-1)).toEqual([]);
    // A news page's one <article> is the page, not a post in a feed.
    world.noted = [];
    await started(`<main><article>${STORY}</article></main>`);
    expect(world.noted.at(-1)).toEqual([]);
  });

  it('showing context only in the side panel: no sidebar in the page, the notes stay', async () => {
    world.storage[SETTINGS_KEY] = { panelOnly: true };
    const watch = await started(`<section>${post(0, OTHER)}${post(1, STORY_TEXT)}</section>`);
    expect(watch.report.detection?.matched).toBe(true);
    expect(host()).toBeNull();
    expect(watch.report.sidebarMounted).toBe(false);
    expect(watch.report.panelOnly).toBe(true);
    expect(world.noted.at(-1)!.map((a) => a.getAttribute('data-i'))).toEqual(['1']);
  });
});
