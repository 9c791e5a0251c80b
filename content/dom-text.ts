/**
 * The one way Backstory reads a page's text (content-script world): which elements hold no text a
 * reader sees, and the walk over text nodes that the detector's full pass (content/page-text.ts) and
 * the annotator's anchoring text (content/text-dom.ts) share. The prefilter (content/prefilter.ts)
 * reads `textContent` of small subtrees instead, for speed, and skips the same elements.
 *
 * The walk is a TreeWalker (elements and text only, no `acceptNode` callback: DESIGN.md pitfalls)
 * driven with firstChild / nextSibling / parentNode in a loop, so a reader knows when it enters and
 * leaves an element without recursion and without a per-node ancestor walk: a 5,000-deep DOM costs
 * the same per node as a flat one. Text nodes are read as they are (no innerText: it forces layout).
 */
import { chromeApi } from './chrome-api';
import { isHost } from './host-element';

/**
 * Elements whose content is never text a reader sees as such (lower-case local names): every reader
 * skips them. An IFRAME's children are fallback text; its document is read instead, where it may be.
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'head']);

/**
 * Shown, but not prose (form fields, drawings, code listings): the detector sets it aside, so a name
 * in a textarea or a code sample is not evidence of what the page is about; anchoring keeps it (a
 * researcher may quote it). A code listing is `<code>` (inside `<pre>`, as Markdown renderers and
 * highlighters write it); a `<pre>` of its own holds preformatted prose, read as such: broadcast
 * transcripts, subtitles, poems (a blind probe's rush transcript was missed while `pre` was listed).
 */
export const NOT_PROSE_TAGS: ReadonlySet<string> = new Set(['textarea', 'svg', 'code']);

/**
 * The elements matching `selector` in each of `roots` (a document, and the shadow roots and
 * same-origin frames' documents a query of it does not reach), in order.
 */
export function* inRoots<E extends Element>(roots: readonly ParentNode[], selector: string): Generator<E> {
  for (const root of roots) yield* root.querySelectorAll<E>(selector);
}

/**
 * The built-in elements a page may attach a shadow root to (the DOM standard's list); custom elements
 * (a hyphen in the name) may too.
 */
const SHADOW_HOSTS = /^(?:article|aside|blockquote|body|div|footer|h[1-6]|header|main|nav|p|section|span)$/;

type ClosedRoots = (el: Element) => ShadowRoot | null;
let closedRoots: ClosedRoots | null | undefined;
/**
 * How this browser lets an extension's content script see a closed shadow root: Firefox gives its
 * content scripts `element.openOrClosedShadowRoot`, Chromium `chrome.dom.openOrClosedShadowRoot`
 * (no permission needed); null where neither is there (unit tests' DOMs).
 */
function closedReader(el: Element): ClosedRoots | null {
  if (closedRoots !== undefined) return closedRoots;
  if ('openOrClosedShadowRoot' in el) return (closedRoots = (e) => (e as Element & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot);
  // Chromium's `chrome` as content/api-guard.js kept it: a page cannot take the name from it.
  const dom = (chromeApi() as { dom?: { openOrClosedShadowRoot?: ClosedRoots } } | undefined)?.dom;
  const open = dom?.openOrClosedShadowRoot;
  return (closedRoots = open ? (e) => open.call(dom, e) : null);
}

/**
 * An element's shadow root, open or closed. A page that renders its article, a post or a player
 * inside a closed shadow root shows it to the reader all the same, so Backstory reads it as it reads
 * an open one. The closed one is asked for only where a page can have put one and most likely has
 * (a custom element, or a built-in that may host one and holds nothing of its own but white space: `<div
 * id="app"></div>`), since asking costs more than reading `shadowRoot` (1.6 µs against 0.1 µs in
 * Chromium); never for Backstory's own hosts.
 */
export function shadowOf(el: Element): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open) return open;
  const name = el.localName;
  // Only HTML elements can host one: SVG and MathML have hyphenated names of their own (font-face,
  // missing-glyph, annotation-xml), and Chromium's API throws on them.
  if (el.namespaceURI !== HTML || (name.includes('-') ? isHost(el) : !SHADOW_HOSTS.test(name) || !bare(el))) return null;
  try {
    return closedReader(el)?.(el) ?? null;
  } catch {
    return null;
  }
}

const HTML = 'http://www.w3.org/1999/xhtml';

/** No child elements and no text but white space: a mount point (`<div id="app">\n</div>`, a comment in it). */
function bare(el: Element): boolean {
  if (el.firstElementChild) return false;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test((n as Text).data)) return false;
  return true;
}

/** Whether an element's subtree is left out of the page's text: a skipped element or Backstory's own host. */
export function isSkipped(el: Element, prose = false): boolean {
  const name = el.localName;
  return SKIPPED_TAGS.has(name) || (prose && NOT_PROSE_TAGS.has(name)) || isHost(el);
}

const ELEMENT = 1;
const TEXT = 3;
/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT (no DOM globals at module load). */
const SHOW = 0x1 | 0x4;

export interface TextVisitor {
  /** Entering an element below the top: return false to skip its subtree (`leave` is then not called). */
  enter(el: Element): boolean;
  /** Leaving an element that was entered. */
  leave(el: Element): void;
  /** A text node with data. */
  text(node: Text): void;
  /** Checked before each node: true stops the walk (a budget). */
  done?(): boolean;
}

/** Walk the subtree under `top` (not `top` itself) in document order. */
export function walkText(top: Node, visitor: TextVisitor): void {
  new TextWalk(top, visitor).step(Infinity);
}

/** Nodes between two readings of the clock in `TextWalk.step` (reading it costs more than a node). */
const CLOCK_EVERY = 64;

/** The same walk in steps: `step(deadline)` walks until the deadline, and says whether it has finished. */
export class TextWalk {
  private readonly walker: TreeWalker;
  private node: Node | null;

  constructor(top: Node, private readonly visitor: TextVisitor) {
    const doc = top.ownerDocument ?? (top as Document);
    this.walker = doc.createTreeWalker(top, SHOW);
    this.node = this.walker.firstChild();
  }

  /** Walk until `deadline` (a `performance.now()` time). Returns true once finished. */
  step(deadline: number): boolean {
    const { walker, visitor } = this;
    let node = this.node;
    let count = 0;
    while (node && !visitor.done?.()) {
      if ((++count & (CLOCK_EVERY - 1)) === 0 && deadline !== Infinity && performance.now() >= deadline) {
        this.node = node;
        return false;
      }
      if (node.nodeType === TEXT) {
        if ((node as Text).data.length > 0) visitor.text(node as Text);
      } else if (node.nodeType === ELEMENT && visitor.enter(node as Element)) {
        const child = walker.firstChild();
        if (child) {
          node = child;
          continue;
        }
        visitor.leave(node as Element);
      }
      // Next: the sibling, or climb until an ancestor has one (leaving each element on the way).
      let next = walker.nextSibling();
      while (!next) {
        const parent = walker.parentNode();
        if (!parent) break;
        if (parent.nodeType === ELEMENT) visitor.leave(parent as Element);
        next = walker.nextSibling();
      }
      node = next;
    }
    this.node = null;
    return true;
  }
}
