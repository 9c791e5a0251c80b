/**
 * The content script's annotation code (anchoring with approx-string-match, annotation highlights,
 * a sidebar on pages outside the story): imported only on sites with annotations or when the reader
 * asks to annotate, so a page about the story does not load it just to show its sidebar.
 */
import { annotator } from '../content/annotator';
import { registerChunk } from '../content/chunks';

export default defineUnlistedScript(() => {
  registerChunk('annotator', { annotator });
});
