/**
 * Video captions (<track>): their cues load only when a track is shown or hidden, so tracks are
 * switched to 'hidden' (nothing is displayed), read, and put back as they were. Loading a caption file
 * is a request, so the watch asks for this only on pages where the prefilter opened: a page without
 * any of the words a match needs stays untouched and silent.
 */
import type { WatchContext, WatchPorts } from './ports';

/** Wait at most this long for a caption file to load. */
const TRACK_WAIT_MS = 3000;

/** The cue texts of the document's caption and subtitle tracks (none when it has no track). */
export async function readCaptionCues(doc: Document, ctx: WatchContext, ports: WatchPorts): Promise<string[]> {
  if (!doc.querySelector('video track, audio track')) return [];
  // The caption helpers travel in the lazily loaded chunk: most pages have no <track>.
  const { prepareTextTracks, restoreTextTracks, trackCueTexts } = await ports.chunk('ui');
  const { changed, pending } = prepareTextTracks(doc);
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
  const cues = trackCueTexts(doc);
  restoreTextTracks(changed);
  return cues;
}
