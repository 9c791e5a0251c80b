/**
 * The content script's code for matching pages only: the highlights, the notes at the posts or
 * videos that carry the story, the checks of whether the page hides the sidebar (and the caption readers, for
 * pages with video tracks where the prefilter opened). Imported by the detector after a match, so
 * pages that are not about the story never pay for it (DESIGN: at most 15 KB gzipped on every page).
 * The sidebar host, a few hundred bytes, is in the detector itself, so that it mounts without waiting
 * for this import.
 */
import { PageHighlights } from '../content/highlights';
import { hostHidden } from '../content/host-visibility';
import { PageNotes, noteTargets } from '../content/page-notes';
import { registerChunk } from '../content/chunks';
import { prepareTextTracks, restoreTextTracks, trackCueTexts } from '../content/page-text';

export default defineUnlistedScript(() => {
  registerChunk('ui', { PageHighlights, PageNotes, noteTargets, hostHidden, prepareTextTracks, restoreTextTracks, trackCueTexts });
});
