/**
 * The content script's context: WXT's `ContentScriptContext` API (an AbortSignal that dies with the
 * extension, timers and listeners that die with it), without what WXT's own class does that a page
 * can see. WXT's constructor announces every new content script to the page, a `window.postMessage`
 * and a CustomEvent on `document` whose type holds the extension id, and its location watcher
 * dispatches another such event on `window` at each single-page navigation: a page that knows
 * Backstory's id could listen for them and learn it is installed (SECURITY.md). This class keeps its
 * listeners to itself. wxt.config.ts aliases `wxt/utils/content-script-context` to this module, so the
 * content script's generated entry point constructs this one.
 *
 * What the announcement was for, stopping the previous copy of the script after an update, is done
 * by each copy itself: `isValid` is false once `runtime.id` is gone, and `watchExtension()` polls it
 * while Backstory shows something in the page (content/watch/page-ui.ts), so the sidebar and
 * highlights go within a fraction of a second of the extension being reloaded, disabled or removed.
 */
import { browser } from './extension-api';

/** How often `watchExtension` looks whether the extension is still there. */
export const EXTENSION_CHECK_MS = 250;

export class ContentScriptContext {
  private readonly abortController = new AbortController();
  private readonly locationListeners = new Set<() => void>();
  private locationWatched = false;

  constructor(
    readonly contentScriptName = 'content',
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  get isInvalid(): boolean {
    // Chromium: an orphaned content script's runtime has no id once its extension is gone.
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  /**
   * One-shot timers and callbacks not yet run, cancelled together when the context dies: one abort
   * listener for them all, not one per call left behind (a feed schedules one every batch).
   */
  private readonly pendingCancels = new Set<() => void>();
  private pendingWatched = false;

  /** Note how to cancel a pending callback; returns what to call once it has run. */
  private untilRun(cancel: () => void): () => void {
    if (!this.pendingWatched) {
      this.pendingWatched = true;
      this.onInvalidated(() => {
        for (const c of this.pendingCancels) c();
        this.pendingCancels.clear();
      });
    }
    this.pendingCancels.add(cancel);
    return () => this.pendingCancels.delete(cancel);
  }

  setTimeout(handler: () => void, timeout?: number): number {
    let ran = (): unknown => undefined;
    const id = setTimeout(() => {
      ran();
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    ran = this.untilRun(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    let ran = (): unknown => undefined;
    const id = requestAnimationFrame((time) => {
      ran();
      if (this.isValid) callback(time);
    });
    ran = this.untilRun(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    let ran = (): unknown => undefined;
    const id = requestIdleCallback((deadline) => {
      ran();
      if (!this.signal.aborted) callback(deadline);
    }, options);
    ran = this.untilRun(() => cancelIdleCallback(id));
    return id;
  }

  /**
   * `target.addEventListener`, removed when the context dies. `wxt:locationchange` (a single-page
   * navigation) is not a DOM event here: the handler is called directly, nothing is dispatched.
   */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    if (type === 'wxt:locationchange') {
      this.locationListeners.add(handler as () => void);
      this.onInvalidated(() => this.locationListeners.delete(handler as () => void));
      this.watchLocation();
      return;
    }
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  /**
   * Check every EXTENSION_CHECK_MS that the extension is still there (the check itself invalidates
   * the context when it is not); returns the way to stop checking.
   */
  watchExtension(): () => void {
    const id = this.setInterval(() => undefined, EXTENSION_CHECK_MS);
    return () => clearInterval(id);
  }

  /** Abort the context: every `onInvalidated` listener runs. */
  notifyInvalidated(): void {
    if (!this.signal.aborted) this.abort('Content script context invalidated');
  }

  /** The Navigation API where there is one (Chromium), else a poll of location.href every second. */
  private watchLocation(): void {
    if (this.locationWatched) return;
    this.locationWatched = true;
    let last = location.href;
    const changed = (url: string) => {
      if (url === last) return;
      last = url;
      for (const listener of this.locationListeners) listener();
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('navigate', (event) => changed((event as Event & { destination: { url: string } }).destination.url), { signal: this.signal });
    } else {
      this.setInterval(() => changed(location.href), 1000);
    }
  }
}
