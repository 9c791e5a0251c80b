/**
 * Reading a page's text for detection: one TreeWalker pass over text nodes, plus the places text
 * hides outside them (title, og: meta, alt, aria-label, video captions are added in later passes).
 *
 * Text nodes are read as they are (no innerText: it forces layout). Inline elements do not break
 * words, so "<b>Mamut</b>jan" reads as one word; block elements and line breaks do.
 */
import type { Segment, TextOrigin } from './detect';

/** Elements whose text is never page prose. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG', 'CODE', 'PRE', 'IFRAME', 'OBJECT', 'HEAD']);

/** Inline elements: text on either side of them belongs to the same word. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'RUBY', 'RT', 'S',
  'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'INS', 'DEL', 'LABEL',
]);

export interface PageText {
  segments: Segment[];
  /** For each segment, the node it came from (a Text node, or the element carrying the attribute). */
  nodes: Node[];
}

/** The host element Backstory adds; its subtree is never scanned. */
export const HOST_TAG = 'backstory-context';

/**
 * Collect text segments under `root` (a document or an added subtree). `limit` caps the characters
 * read, so a pathological page cannot make detection unbounded.
 */
export function collectText(root: Node, options: { limit?: number; withHead?: boolean } = {}): PageText {
  const limit = options.limit ?? 10_000_000;
  const doc = root.ownerDocument ?? (root as Document);
  const segments: Segment[] = [];
  const nodes: Node[] = [];
  let read = 0;
  const push = (text: string, origin: TextOrigin, node: Node, block: boolean) => {
    segments.push({ text, origin, block });
    nodes.push(node);
    read += text.length;
  };

  if (options.withHead && doc.head) {
    if (doc.title) push(doc.title, 'title', doc.head, true);
    for (const meta of doc.head.querySelectorAll<HTMLMetaElement>(
      'meta[property="og:title"], meta[property="og:description"], meta[name="description"], meta[name="twitter:title"], meta[name="twitter:description"]',
    )) {
      if (meta.content) push(meta.content, 'meta', meta, true);
    }
  }

  const body = root === doc ? doc.body : root;
  if (!body) return { segments, nodes };
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let lastBlock: Node | null = null;
  let pendingBreak = true;
  let node: Node | null = walker.currentNode;
  while (node && read < limit) {
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIPPED.has(tag) || tag === HOST_TAG.toUpperCase() || (el as HTMLElement).hidden) {
        node = skipSubtree(walker);
        continue;
      }
      const alt = tag === 'IMG' ? el.getAttribute('alt') : null;
      if (alt) push(alt, 'alt', el, true);
      const label = el.getAttribute('aria-label');
      if (label) push(label, 'aria-label', el, true);
      // Entering any non-inline element (or a <br>) ends the current run of words.
      if (!INLINE.has(tag)) pendingBreak = true;
      node = walker.nextNode();
      continue;
    }
    const text = (node as Text).data;
    if (text.length > 0) {
      const container = blockOf(node);
      const block = pendingBreak || container !== lastBlock;
      const origin: TextOrigin = container && (container as Element).closest?.('figcaption') ? 'caption' : 'body';
      push(text, origin, node, block);
      lastBlock = container;
      pendingBreak = false;
    }
    node = walker.nextNode();
  }
  return { segments, nodes };
}

/** The nearest ancestor that is not an inline element: text in the same one runs together. */
function blockOf(node: Node): Node | null {
  let p = node.parentNode;
  while (p && p.nodeType === 1 && INLINE.has((p as Element).tagName.toUpperCase())) p = p.parentNode;
  return p;
}

/** Move the walker past the current element's subtree; returns the next node or null. */
function skipSubtree(walker: TreeWalker): Node | null {
  const current = walker.currentNode;
  let next = walker.nextSibling();
  if (next) return next;
  walker.currentNode = current;
  while (walker.parentNode()) {
    next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}
