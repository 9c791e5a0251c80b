/**
 * The full pass, in a chunk of its own: reading a page's text in full, the matcher and the rules.
 * Imported by the content script only where the prefilter opened (a page with one of the words a
 * match needs), alongside the rest of the index, so pages that are not about the story (nearly all)
 * never load or parse it (DESIGN: the content script every page loads stays small).
 */
import { Detector } from '../core/detect/detect';
import { registerChunk } from '../content/chunks';
import { collectText } from '../content/page-text';
import { decideInSlices, readDocument } from '../content/watch/full-pass';
import { pageWords } from '../content/page-words';
import { SidebarHost } from '../content/sidebar-host';
import { sidebarPlacement } from '../content/sidebar-placement';

export default defineUnlistedScript(() => {
  registerChunk('detector', { Detector, collectText, readDocument, decideInSlices, pageWords, SidebarHost, sidebarPlacement });
});
