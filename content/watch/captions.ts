/**
 * Video captions (<track>): their cues load only when a track is shown or hidden, so tracks are
 * switched to 'hidden' (nothing is displayed), read, and put back as they were. Loading a caption file
 * is a request, so the watch asks for this only on pages on the topic: a page without any of the words
 * a match needs stays untouched and silent. What a page loads itself to show is read on any page, once
 * loaded (content/watch/page-watch.ts `readCaptions`), and so are the cues a player puts in tracks it
 * makes itself (`watchPlayers`): that asks for nothing and changes nothing.
 */
import { topicGate, type Gate } from '../../core/detect/gate';
import type { MatchGate } from '../../core/detect/match-index';
import { GatePass } from '../prefilter';
import type { WatchContext, WatchPorts } from './ports';

/** A video page's title, description and first this many characters tell its topic. */
const TOPIC_LIMIT = 100_000;

/**
 * Whether the page has caption or subtitle tracks: `roots` are the document and the shadow roots
 * and same-origin frames' documents its players may sit in (PageWatch `playerRoots`).
 */
export function hasTracks(roots: readonly ParentNode[]): boolean {
  return roots.some((root) => root.querySelector('video track, audio track') !== null);
}

/**
 * Whether the page's text carries the story's topic words (Uyghur, Xinjiang; asked only on pages with
 * tracks and no full pass yet, whose names may be only spoken): its head and first TOPIC_LIMIT
 * characters, read at once, so the answer costs one short task.
 */
export function onTopic(doc: Document, record: MatchGate, table: () => Uint16Array): boolean {
  const pass = new GatePass(topicGate(record.gate, table), [doc], { withHead: true, limit: TOPIC_LIMIT });
  pass.step(Infinity);
  return pass.open;
}

/**
 * Whether the captions hold a word a match needs, as the prefilter reads a page (`gate`); where they
 * hold an event's key anchor, after `elements()` has supplied the events' elements.
 */
export async function captionsOpen(gate: Gate, cues: readonly string[], elements: () => Promise<void>): Promise<boolean> {
  const seen = gate.find(cues.join('\n'));
  const wait = gate.waiting ? gate.take() : undefined;
  if (!wait) return seen !== undefined;
  await elements();
  return gate.settle(wait) !== undefined;
}

/** Wait at most this long for a caption file to load. */
const TRACK_WAIT_MS = 3000;

/** The cue texts of the caption and subtitle tracks in `roots` (none when there is no track). */
export async function readCaptionCues(roots: readonly ParentNode[], ctx: WatchContext, ports: WatchPorts): Promise<string[]> {
  if (!hasTracks(roots)) return [];
  // The caption helpers travel in the lazily loaded chunk: most pages have no <track>.
  const { prepareTextTracks, restoreTextTracks, trackCueTexts } = await ports.chunk('ui');
  const { changed, pending } = prepareTextTracks(roots);
  await Promise.all(
    pending.map(
      (el) =>
        new Promise<void>((resolve) => {
          el.addEventListener('load', () => resolve(), { once: true });
          el.addEventListener('error', () => resolve(), { once: true });
          ctx.setTimeout(resolve, TRACK_WAIT_MS);
        }),
    ),
  );
  const cues = trackCueTexts(roots);
  restoreTextTracks(changed);
  return cues;
}
