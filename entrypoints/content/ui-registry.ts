/**
 * The contract between the detector content script and its lazily loaded UI chunk (content-ui.js).
 */
import type { SidebarHost } from './sidebar-host';
import type { PageHighlights } from './highlights';
import type { Annotator } from './annotator';
import type { prepareTextTracks, restoreTextTracks, trackCueTexts } from '../../lib/page-text';

export const UI_KEY = Symbol.for('backstory.content-ui');
export const UI_PATH = '/content-ui.js' as const;

export interface ContentUi {
  SidebarHost: typeof SidebarHost;
  PageHighlights: typeof PageHighlights;
  prepareTextTracks: typeof prepareTextTracks;
  restoreTextTracks: typeof restoreTextTracks;
  trackCueTexts: typeof trackCueTexts;
  /** Annotations: anchoring, highlights, a sidebar on pages the detector did not match (issue 6). */
  annotator: Annotator;
}

/** Load the UI chunk once (a module import of an extension file) and return its classes. */
export async function loadContentUi(url: string): Promise<ContentUi> {
  const key = UI_KEY as unknown as keyof typeof globalThis;
  if (!globalThis[key]) await import(/* @vite-ignore */ url);
  const ui = globalThis[key] as ContentUi | undefined;
  if (!ui) throw new Error(`Backstory's page UI did not load from ${url}`);
  return ui;
}
