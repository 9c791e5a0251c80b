/**
 * The content script's code for matching pages only: the sidebar host and the highlights. Loaded by
 * the detector with a dynamic import after a match (and the caption readers, for pages with video
 * tracks), so pages that are not about the story never pay
 * for it (DESIGN: at most 15 KB gzipped on every page). It hands its classes over through a
 * symbol-keyed property of the content script's global, which lives in the extension's isolated
 * world: the page cannot see it.
 */
import { SidebarHost } from './content/sidebar-host';
import { PageHighlights } from './content/highlights';
import { annotator } from './content/annotator';
import { UI_KEY, type ContentUi } from './content/ui-registry';
import { prepareTextTracks, restoreTextTracks, trackCueTexts } from '../lib/page-text';

export default defineUnlistedScript(() => {
  const ui: ContentUi = { SidebarHost, PageHighlights, prepareTextTracks, restoreTextTracks, trackCueTexts, annotator };
  (globalThis as Record<symbol, unknown>)[UI_KEY] = ui;
});
