/**
 * The contract between the detector content script and its lazily loaded chunks: chunk-detector.js
 * (the full pass: text, matcher, rules and the sidebar's host, imported where the prefilter opened),
 * chunk-ui.js (the highlights and caption readers: pages that match, or whose caption tracks are on
 * the topic or loaded by the page) and
 * chunk-annotator.js (anchoring and annotation highlights: sites with annotations, or an Annotate
 * request). Each chunk, once imported, hands its exports over through a symbol-keyed property of the
 * content script's global, which lives in the extension's isolated world: the page cannot see it.
 */
import type { pageWords } from './page-words';
import type { PageHighlights } from './highlights';
import type { hostHidden } from './host-visibility';
import type { Detector } from '../core/detect/detect';
import type { collectText } from './page-text';
import type { decideInSlices, readDocument } from './watch/full-pass';
import type { Annotator } from './annotator';
import type { prepareTextTracks, restoreTextTracks, trackCueTexts } from './page-text';
import type { PageNotes, noteTargets } from './page-notes';
import type { SidebarHost } from './sidebar-host';
import type { sidebarPlacement } from './sidebar-placement';

export interface ContentUi {
  PageHighlights: typeof PageHighlights;
  /** The notes at the posts or videos that carry the story (content/page-notes.ts). */
  PageNotes: typeof PageNotes;
  noteTargets: typeof noteTargets;
  /** Whether the page hides the mounted sidebar host (content/host-visibility.ts). */
  hostHidden: typeof hostHidden;
  prepareTextTracks: typeof prepareTextTracks;
  restoreTextTracks: typeof restoreTextTracks;
  trackCueTexts: typeof trackCueTexts;
}

/** The full pass: read a page's text, match and decide (pages where the prefilter opened). */
export interface ContentDetector {
  Detector: typeof Detector;
  collectText: typeof collectText;
  /** The first full pass over a whole document: read and scanned in idle-time slices. */
  readDocument: typeof readDocument;
  /** The decision, a locality at a time, in idle-time slices. */
  decideInSlices: typeof decideInSlices;
  /** A signal's folded text back in the page's own words, for "Why am I seeing this?". */
  pageWords: typeof pageWords;
  /**
   * The sidebar's host and where it goes: needed only once a page matches, which only the full pass
   * decides, so they travel with it and not in the code every page loads.
   */
  SidebarHost: typeof SidebarHost;
  sidebarPlacement: typeof sidebarPlacement;
}

export interface ContentAnnotator {
  /** Annotations: anchoring, highlights, a sidebar on pages the detector did not match (issue 6). */
  annotator: Annotator;
}

export const CHUNKS = {
  detector: { key: Symbol.for('backstory.chunk-detector'), path: '/chunk-detector.js' },
  ui: { key: Symbol.for('backstory.chunk-ui'), path: '/chunk-ui.js' },
  annotator: { key: Symbol.for('backstory.chunk-annotator'), path: '/chunk-annotator.js' },
} as const;

export interface ChunkExports {
  detector: ContentDetector;
  ui: ContentUi;
  annotator: ContentAnnotator;
}

/** What a chunk has handed over, if it has been imported already. */
export function loadedChunk<K extends keyof ChunkExports>(name: K): ChunkExports[K] | undefined {
  return (globalThis as Record<symbol, unknown>)[CHUNKS[name].key] as ChunkExports[K] | undefined;
}

/** Register a chunk's exports (called by the chunk itself). */
export function registerChunk<K extends keyof ChunkExports>(name: K, exports: ChunkExports[K]): void {
  (globalThis as Record<symbol, unknown>)[CHUNKS[name].key] = exports;
}

/** Import a chunk once (a module import of an extension file) and return its exports. */
export async function loadChunk<K extends keyof ChunkExports>(name: K, getUrl: (path: string) => string): Promise<ChunkExports[K]> {
  if (!loadedChunk(name)) await import(/* @vite-ignore */ getUrl(CHUNKS[name].path));
  const exports = loadedChunk(name);
  if (!exports) throw new Error(`Backstory's ${name} chunk did not load from ${CHUNKS[name].path}`);
  return exports;
}
