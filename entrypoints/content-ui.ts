/**
 * The content script's code for matching pages only: the sidebar host and the highlights (and the
 * caption readers, for pages with video tracks). Imported by the detector after a match, so pages
 * that are not about the story never pay for it (DESIGN: at most 15 KB gzipped on every page).
 */
import { SidebarHost } from './content/sidebar-host';
import { PageHighlights } from './content/highlights';
import { registerChunk } from './content/ui-registry';
import { prepareTextTracks, restoreTextTracks, trackCueTexts } from '../lib/page-text';

export default defineUnlistedScript(() => {
  registerChunk('ui', { SidebarHost, PageHighlights, prepareTextTracks, restoreTextTracks, trackCueTexts });
});
