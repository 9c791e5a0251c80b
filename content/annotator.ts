/**
 * The annotator: the page half of annotations, in the lazily loaded UI chunk (chunk-ui.js). The
 * detector loads it only when the page's site is in the annotated-sites list, or when the background
 * asks it to describe a selection (context menu, keyboard command).
 *
 *   background ─describe─▶ selectors of the selection over textOfRoot(document.body) ─▶ background
 *   background ─show─────▶ anchor each annotation (position, quote, fuzzy) ─▶ CSS highlights
 *                          ─▶ statuses (anchored / orphaned) ─▶ background ─▶ sidebar
 *   background ─jump─────▶ scroll to an annotation
 *
 * The editor is not here: the page must never read or change what a researcher writes, so the form
 * lives in the sidebar (an extension-origin iframe); this module only reads the page and paints
 * highlights. It owns a sidebar host only on pages the detector did not match (the detector owns it
 * on the others), and tears everything down when the extension context goes away.
 */
import { browser } from './extension-api';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchor, describe } from '../core/annotations/anchoring';
import { positionsOfRange, rangeFromPositions, textOfRoot, type RootText } from './text-dom';
import type { Selector } from '../core/annotations/model';
import { PageAnnotations, type AnchorItem, type Described, type Shown, type Statuses } from '../core/messages/records';
import { type AnnotatorToBackground } from '../core/messages/to-background';
import { AnnotatorMessage } from '../core/messages/to-content';
import { BackgroundToContent, parseMessage } from '../core/messages/to-content';
import { SidebarHost } from './sidebar-host';
import { sidebarPlacement } from './sidebar-placement';
import { SETTINGS_KEY } from '../core/settings';

/** The highlight registry is readable by the page: a count cap, and a name that says nothing. */
const MAX_HIGHLIGHTS = 300;

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** The page's canonical link, resolved (the background decides whether it may be used). */
export function canonicalOf(doc: Document): string | null {
  return doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href ?? null;
}

/**
 * Selectors for the current selection (its first range), over the text `anchor` will later read.
 * White space at either end of the selection is left out of the quote.
 */
export function describeSelection(doc: Document, selection: Selection | null): Described {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { ok: false, reason: 'no-selection' };
  const rt = textOfRoot(doc.body ?? doc.documentElement);
  let { start, end } = positionsOfRange(rt, selection.getRangeAt(0));
  while (start < end && isSpace(rt.text[start])) start++;
  while (end > start && isSpace(rt.text[end - 1])) end--;
  if (end <= start) return { ok: false, reason: 'outside-text' };
  return { ok: true, url: doc.location.href, canonical: canonicalOf(doc), selectors: describe(rt.text, { start, end }) };
}

/** Anchor each annotation in the page text: a range for those found, a status for every one with selectors. */
export function anchorAll(rt: RootText, items: readonly AnchorItem[]): { statuses: Statuses; ranges: Map<string, Range> } {
  const statuses: Statuses = {};
  const ranges = new Map<string, Range>();
  for (const item of items) {
    const selectors = item.selectors as Selector[];
    if (!selectors.some((s) => s.type === 'TextQuoteSelector' || s.type === 'TextPositionSelector')) continue; // a page note
    const found = rt.text.length > 0 ? anchor(rt.text, selectors) : null;
    if (found && found.end > found.start) {
      ranges.set(item.id, rangeFromPositions(rt, found.start, found.end));
      statuses[item.id] = 'anchored';
    } else {
      statuses[item.id] = 'orphaned';
    }
  }
  return { statuses, ranges };
}

export class Annotator {
  private readonly name = `h${Math.random().toString(36).slice(2, 10)}`;
  private ranges = new Map<string, StaticRange>();
  private style: HTMLStyleElement | undefined;
  private host: SidebarHost | undefined;
  private bound = false;
  private started = false;
  /** Whether the detector mounted its own sidebar on this page. */
  private storySidebar = false;

  /** On page load, when the site may have annotations: ask for them, anchor, highlight. */
  async start(ctx: ContentScriptContext, matched: boolean): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.bind(ctx);
    this.storySidebar ||= matched;
    const url = location.href;
    const ask: AnnotatorToBackground = { type: 'annotations-page', url, canonical: canonicalOf(document), hasSidebar: matched };
    // A background that cannot answer (updating, say) leaves the page as it is.
    const reply = parseMessage(PageAnnotations, await browser.runtime.sendMessage(ask).catch(() => undefined));
    if (!ctx.isValid || !reply || reply.items.length === 0) return;
    const statuses = this.show(reply.items);
    if (!this.storySidebar) await this.mount(reply.open);
    const report: AnnotatorToBackground = { type: 'annotation-statuses', url, statuses };
    await browser.runtime.sendMessage(report).catch(() => undefined);
  }

  /** A call from the background, handed over by the detector. `hasSidebar`: the detector's host is mounted. */
  receive(message: unknown, ctx: ContentScriptContext, hasSidebar: boolean): Promise<unknown> | undefined {
    const parsed = parseMessage(AnnotatorMessage, message);
    if (!parsed) return undefined;
    this.bind(ctx);
    this.storySidebar ||= hasSidebar;
    const call = parsed.call;
    if (call.kind === 'describe') return Promise.resolve(describeSelection(document, getSelection()));
    if (call.kind === 'jump') {
      this.jump(call.id);
      return Promise.resolve(true);
    }
    const shown: Shown = { statuses: this.show(call.items) };
    if (call.mount && !this.storySidebar) return this.mount(call.open).then(() => shown);
    if (call.open) this.host?.setOpen(true);
    return Promise.resolve(shown);
  }

  /** Anchor and highlight `items`, replacing what was shown. */
  show(items: readonly AnchorItem[]): Statuses {
    const { statuses, ranges } = anchorAll(textOfRoot(document.body ?? document.documentElement), items);
    this.ranges = new Map(
      [...ranges].map(([id, r]) => [id, new StaticRange({ startContainer: r.startContainer, startOffset: r.startOffset, endContainer: r.endContainer, endOffset: r.endOffset })]),
    );
    this.paint();
    return statuses;
  }

  jump(id: string): void {
    const range = this.ranges.get(id);
    if (!range) return;
    const node = range.startContainer;
    (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }

  destroy(): void {
    if (supported()) CSS.highlights.delete(this.name);
    this.style?.remove();
    this.host?.destroy();
    this.host = undefined;
    browser.runtime.onMessage.removeListener(this.onMessage);
  }

  private paint(): void {
    if (!supported()) return;
    const ranges = [...this.ranges.values()].slice(0, MAX_HIGHLIGHTS);
    if (ranges.length === 0) {
      CSS.highlights.delete(this.name);
      return;
    }
    if (!this.style?.isConnected) {
      this.style = document.createElement('style');
      this.style.textContent = `::highlight(${this.name}){background-color:rgb(120 190 255 / 0.35);text-decoration:underline rgb(47 85 118) 2px}`;
      (document.head ?? document.documentElement).append(this.style);
    }
    CSS.highlights.set(this.name, new Highlight(...ranges));
  }

  /**
   * The detector matched later (a feed, a single-page app) and mounts the story's sidebar, which
   * shows the annotations too: this module's own sidebar gives way, so there is only ever one.
   */
  yieldSidebar(): void {
    this.storySidebar = true;
    this.host?.destroy();
    this.host = undefined;
    browser.runtime.onMessage.removeListener(this.onMessage);
  }

  /** The sidebar on a page the detector did not match. */
  private async mount(open: boolean): Promise<void> {
    if (this.host?.mounted) {
      if (open) this.host.setOpen(true);
      return;
    }
    // The reader's language settings decide the sidebar's edge (issue 17); another call may have
    // mounted the host meanwhile.
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    if (this.host?.mounted) {
      if (open) this.host.setOpen(true);
      return;
    }
    const { url, side } = sidebarPlacement(browser.runtime.getURL('/sidebar.html'), stored[SETTINGS_KEY], document, navigator.languages);
    this.host = new SidebarHost(url, open, side);
    browser.runtime.onMessage.addListener(this.onMessage);
    await this.host.mount();
  }

  /** Open, collapse and hide for the sidebar this module owns (the detector handles its own). */
  private readonly onMessage = (message: unknown): undefined => {
    const parsed = parseMessage(BackgroundToContent, message);
    if (parsed?.type === 'set-open') this.host?.setOpen(parsed.open);
    if (parsed?.type === 'dismiss') this.destroy();
    return undefined;
  };

  private bind(ctx: ContentScriptContext): void {
    if (this.bound) return;
    this.bound = true;
    ctx.onInvalidated(() => this.destroy());
  }
}

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** One per content script world. */
export const annotator = new Annotator();
