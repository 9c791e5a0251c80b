/**
 * What the page watch needs from the world around it, as interfaces: the content script passes in
 * WXT's context and the browser APIs (entrypoints/content/index.ts); unit tests pass fakes with fake
 * time and a happy-dom document (tests/unit/page-watch.test.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentToBackground } from '../../core/messages/to-background';
import type { ChunkExports } from '../chunks';

/** The part of WXT's content-script context the watch uses (timers and listeners die with it). */
export type WatchContext = Pick<ContentScriptContext, 'isValid' | 'onInvalidated' | 'requestIdleCallback' | 'setTimeout' | 'setInterval' | 'addEventListener'>;

export interface WatchPorts {
  /** storage.local reads (no service-worker wake-up). */
  read(keys: string[]): Promise<Record<string, unknown>>;
  /**
   * Calls `listener` with the new value whenever `key` is written to storage.local (the background
   * stores the index after install); returns the way to stop listening.
   */
  onStored(key: string, listener: (value: unknown) => void): () => void;
  /** A message to the background; failures (no receiver, context gone) are the caller's to ignore. */
  send(message: ContentToBackground): Promise<unknown>;
  /** A lazily imported chunk of the content script's code (content/chunks.ts). */
  chunk<K extends keyof ChunkExports>(name: K): Promise<ChunkExports[K]>;
  /** What an already imported chunk handed over, without importing it. */
  loaded<K extends keyof ChunkExports>(name: K): ChunkExports[K] | undefined;
  /** Start the annotator (a lazily imported chunk) on a site with annotations. */
  startAnnotator(hasSidebar: boolean): void;
  /** The sidebar page's extension URL. */
  sidebarUrl(): string;
  /**
   * Look out for the extension going away (reloaded, updated, disabled, removed) while something is
   * shown in the page, so the context invalidates and everything is taken down at once rather than at
   * the next message (content/script-context.ts); returns the way to stop looking.
   */
  watchExtension(): () => void;
  /** The extension URL of the note page for a family (note.html?family=...). */
  noteUrl(familyId: string): string;
  /** performance.now(), or a fake clock's. */
  now(): number;
}
