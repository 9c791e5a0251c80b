/**
 * The DOM glue for anchoring: the page's text as one string (what `describe` and `anchor` work on)
 * and the way back from positions in it to a DOM Range. Uses only standard DOM (TreeWalker, Range,
 * compareDocumentPosition), so it runs in browsers and in happy-dom.
 *
 * The text is the text nodes' data concatenated in document order, as the DOM holds it (no
 * innerText: it forces layout, and changes with CSS). Script, style and other never-shown text is
 * left out, as is Backstory's own host element, so a page's scripts or our UI do not shift positions
 * (the skip list and the walk are content/dom-text.ts's, shared with the detector).
 */

import { isSkipped, walkText } from './dom-text';

export interface RootText {
  /** The page text `describe` and `anchor` take. */
  text: string;
  /** Text nodes in document order. */
  nodes: Text[];
  /** offsets[i]: where nodes[i] starts in `text`. */
  offsets: number[];
}

/** One pass over the text nodes under `root` (a Document or an Element). */
export function textOfRoot(root: Node): RootText {
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  const nodes: Text[] = [];
  const offsets: number[] = [];
  const parts: string[] = [];
  if (!start) return { text: '', nodes, offsets };
  let length = 0;
  walkText(start, {
    enter: (el) => !isSkipped(el),
    leave() {},
    text(node) {
      nodes.push(node);
      offsets.push(length);
      parts.push(node.data);
      length += node.data.length;
    },
  });
  return { text: parts.join(''), nodes, offsets };
}

/** Index of the last node starting at or before `pos` (binary search). */
function nodeAt(rt: RootText, pos: number): number {
  let lo = 0;
  let hi = rt.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rt.offsets[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A DOM Range over `start`..`end` of `rt.text`. The start lands in the node that holds the first
 * character, the end in the node that holds the last (never at the very end of a neighbour), so a
 * highlight covers exactly the quote. Throws a RangeError for positions outside the text.
 */
export function rangeFromPositions(rt: RootText, start: number, end: number): Range {
  if (!(start >= 0 && end >= start && end <= rt.text.length) || rt.nodes.length === 0) {
    throw new RangeError(`positions ${start}-${end} are outside a text of ${rt.text.length} characters`);
  }
  const first = nodeAt(rt, Math.min(start, rt.text.length - 1));
  const last = end > start ? nodeAt(rt, end - 1) : first;
  const startNode = rt.nodes[first]!;
  const endNode = rt.nodes[last]!;
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, start - rt.offsets[first]!);
  range.setEnd(endNode, end - rt.offsets[last]!);
  return range;
}

/** The position in `rt.text` of a DOM boundary point (a Range's start or end). */
export function positionOf(rt: RootText, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const i = rt.nodes.indexOf(container as Text);
    if (i !== -1) return rt.offsets[i]! + Math.min(offset, (container as Text).data.length);
    // A text node we skipped (inside a script, say): treat the point as before it.
    return firstTextAtOrAfter(rt, (n) => n === container || !!(container.compareDocumentPosition(n) & 0x4));
  }
  const child = container.childNodes[offset];
  if (child) return firstTextAtOrAfter(rt, (n) => n === child || !!(child.compareDocumentPosition(n) & 0x4 /* FOLLOWING */));
  // The end of `container`: the first text after all of it.
  return firstTextAtOrAfter(rt, (n) => {
    const rel = container.compareDocumentPosition(n);
    return !!(rel & 0x4) && !(rel & 0x10 /* CONTAINED_BY */);
  });
}

/** Start of the first node for which `isAtOrAfter` holds (monotonic in document order). */
function firstTextAtOrAfter(rt: RootText, isAtOrAfter: (node: Text) => boolean): number {
  let lo = 0;
  let hi = rt.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrAfter(rt.nodes[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo < rt.nodes.length ? rt.offsets[lo]! : rt.text.length;
}

/** The positions a DOM Range (e.g. the user's selection) covers in `rt.text`. */
export function positionsOfRange(rt: RootText, range: Pick<Range, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'>): { start: number; end: number } {
  return {
    start: positionOf(rt, range.startContainer, range.startOffset),
    end: positionOf(rt, range.endContainer, range.endOffset),
  };
}
