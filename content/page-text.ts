/**
 * Reading a page's text for detection: one pass over the DOM, plus the places text hides outside
 * text nodes: the title and og:/description meta, `alt` and `aria-label`, figure captions, video
 * caption tracks, shadow roots (open and closed) and same-origin iframes.
 *
 * The pass is the shared walk of content/dom-text.ts, entering and leaving elements to track blocks,
 * captions and page furniture, skipping what is not prose. Inline elements do not break words, so "<b>Mamut</b>jan" reads as one
 * word; block elements and line breaks do.
 */
import type { Segment, TextOrigin } from '../core/detect/detect';
import { TEXT_LIMIT } from '../core/detect/limits';
import { TextWalk, inRoots, isSkipped, shadowOf } from './dom-text';

export { TEXT_LIMIT };

/** Inline elements: text on either side of them belongs to the same word. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'RUBY', 'RT', 'S',
  'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'INS', 'DEL', 'LABEL',
]);

/**
 * Page furniture: navigation, related-links rails, footers. Their text links to *other* pages (a
 * "More from CNN" rail can carry the story's headline on a weather page), so the detector does not
 * count it as evidence of what this page is about. So are a drop-down's options (`<select>`, `<datalist>`):
 * choices, such as a "read also" picker's other headlines (round 31's n08), not what the page says.
 */
const FURNITURE = new Set(['NAV', 'ASIDE', 'FOOTER', 'SELECT', 'DATALIST']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/**
 * An item: a post or an article, marked up as such (`<article>`, `role="article"`: X, Facebook and
 * most news sites and forums do). A page with several items is a feed or a thread.
 */
function isItem(el: Element): boolean {
  return el.localName === 'article' || el.getAttribute('role') === 'article' || linkedHeadline(el) || isCard(el);
}

/**
 * Elements a card holds at least two of (its byline, its text, its actions; a search result's link,
 * its address and its snippet): what a bare paragraph does not.
 */
const CARD_PARTS = new Set(['p', 'div', 'ul', 'ol', 'header', 'footer', 'section', 'figure', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'cite']);
/**
 * What `of` says of a parent's children, kept until the number of its children changes (a feed's
 * cards and a live blog's entries are asked about once per child, not counted again each time).
 * The number is `children.length`, which the browser keeps until the children change, and not
 * `childElementCount`, which it counts anew at each call: asked once per child of a list of 24,000
 * (a page flooding itself with ad slots), the count made the full pass quadratic, and it had not
 * finished a batch 20 s later (round 67's p05).
 */
function perParent<T>(cache: WeakMap<Element, { count: number; value: T }>, parent: Element, of: (parent: Element) => T): T {
  let known = cache.get(parent);
  const count = parent.children.length;
  if (known?.count !== count) {
    known = { count, value: of(parent) };
    cache.set(parent, known);
  }
  return known.value;
}

/** Per list, the tag and class its cards share (three or more siblings). */
const cardKeys = new WeakMap<Element, { count: number; value: Set<string> }>();

function sharedKeys(parent: Element): Set<string> {
  const counts = new Map<string, number>();
  for (const c of parent.children) {
    const key = `${c.localName}.${c.getAttribute('class') ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([k]) => k));
}

/**
 * A card: one of three or more sibling `<div>`s or `<li>`s of the same class, each made of parts (a
 * byline and a text, a text and its actions), as feeds, search results and comment threads that do not
 * use `<article>` mark up their posts (Weibo's cards, a forum's comments). An item of its own, so the
 * posts of a feed never add up. Inside an `<article>` (a directory, a digest or comments wrapped in one)
 * each card is still an item; the article's own text around them is the article's.
 */
function isCard(el: Element): boolean {
  const name = el.localName;
  if (name !== 'div' && name !== 'li') return false;
  const cls = el.getAttribute('class');
  const parent = el.parentElement;
  if (!cls || !parent || parent.children.length < 3) return false;
  if (!perParent(cardKeys, parent, sharedKeys).has(`${name}.${cls}`)) return false;
  let parts = 0;
  for (const c of el.children) if (CARD_PARTS.has(c.localName) && ++parts >= 2) return true;
  return bylined(el);
}

/**
 * A post marked up as its author and then its text: two parts. The author in bold ("<b>Alina</b>: …"),
 * or in a span or link with a line break before the text (a search page's "<span>Name</span>
 * <span>@handle · date</span><br>text"): a paragraph's leading span runs on into its text instead.
 */
function bylined(el: Element): boolean {
  let n = el.firstChild;
  while (n && n.nodeType === 3 && !n.textContent!.trim()) n = n.nextSibling;
  if (!n || n.nodeType !== 1) return false;
  const first = (n as Element).localName;
  const bold = first === 'b' || first === 'strong';
  if (!bold && first !== 'span' && first !== 'a') return false;
  let broken = bold;
  for (n = n.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === 'br') broken = true;
    else if (broken && n.nodeType === 3 && n.textContent!.trim().length > 1) return true;
  }
  return false;
}

/** A live blog's entry time heading its entry: "18:10", "9.05", "18h10", "9:05 am". */
const ENTRY_TIME = /^\s*(?:\d{1,2}[:.h]\d{2}|\d{1,2}\s?[ap]\.?m\b)/i;
const SUBHEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/** Per container, its entry headings (none unless three or more start with a time). */
const entryHeadings = new WeakMap<Element, { count: number; value: Set<Element> }>();
const NO_ENTRIES = new Set<Element>();

function headingsOf(parent: Element): Set<Element> {
  if (parent.children.length < 6) return NO_ENTRIES;
  const headings = new Set<Element>();
  for (const c of parent.children) if (SUBHEADINGS.has(c.localName) && ENTRY_TIME.test(c.textContent ?? '')) headings.add(c);
  return headings.size >= 3 ? headings : digestHeadings(parent);
}

/** A digest's items: at least DIGEST_ITEMS sibling headings of one level, none heading more than DIGEST_PARAGRAPHS paragraphs. */
const DIGEST_ITEMS = 4;
const DIGEST_PARAGRAPHS = 2;

/**
 * A newsletter's, a roundup's or a briefing's items set out flat: a headline and a paragraph or two
 * under it, item after item, in one container (no card or article around each). Each headline heads
 * a story of its own, so what follows it up to the next is an item, as a live blog's entry is. An
 * article's subheadings divide one story, in sections of several paragraphs: with any section longer
 * than DIGEST_PARAGRAPHS, none of them is an item.
 */
function digestHeadings(parent: Element): Set<Element> {
  const byLevel = new Map<string, Element[]>();
  for (const c of parent.children) {
    if (!SUBHEADINGS.has(c.localName)) continue;
    const heads = byLevel.get(c.localName);
    if (heads) heads.push(c);
    else byLevel.set(c.localName, [c]);
  }
  for (const [level, heads] of byLevel) {
    if (heads.length < DIGEST_ITEMS) continue;
    let paragraphs = 0;
    let short = true;
    for (let c = heads[0]!.nextElementSibling; c && short; c = c.nextElementSibling) {
      if (c.localName === level) paragraphs = 0;
      else if (c.localName === 'p' && ++paragraphs > DIGEST_PARAGRAPHS) short = false;
    }
    if (short) return new Set(heads);
  }
  return NO_ENTRIES;
}

/**
 * A live blog's entry heading: one of three or more sibling headings (h2-h6) that start with a time,
 * in a live blog that does not wrap its entries (those are cards or articles). The heading and what
 * follows it up to the next one are an entry, an item of its own, so entries on separate news never
 * add up. A transcript's time codes start paragraphs, not headings, and stay one text.
 */
function isEntryHeading(el: Element): boolean {
  if (!SUBHEADINGS.has(el.localName)) return false;
  const parent = el.parentElement;
  return !!parent && perParent(entryHeadings, parent, headingsOf).has(el);
}

/** The live-blog entry heading a node belongs under (itself, or the nearest before it among its siblings), if any. */
function entryBefore(node: Node): Element | undefined {
  const parent = node.parentElement;
  const headings = parent ? perParent(entryHeadings, parent, headingsOf) : NO_ENTRIES;
  // Most containers have no entries: their children are not walked back.
  if (headings.size === 0) return undefined;
  let s = node.nodeType === ELEMENT ? (node as Element) : (node as CharacterData).previousElementSibling;
  for (; s; s = s.previousElementSibling) if (headings.has(s)) return s;
  return undefined;
}

/**
 * A headline that links to another page is that page's title (an aggregator's list, a "most read"
 * box): an item of its own, so headlines of separate stories side by side never add up.
 */
function linkedHeadline(el: Element): boolean {
  if (!/^h[1-6]$/.test(el.localName)) return false;
  const link = el.querySelector<HTMLAnchorElement>('a[href]');
  if (!link) return false;
  const here = el.ownerDocument.URL.split('#')[0];
  return link.href.split('#')[0] !== here;
}

/** Whether a node sits inside an element whose text is not prose (or inside Backstory's host). */
function inSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isSkipped(el, true)) return true;
  return false;
}

/**
 * The element above a node: its parent, the host of the shadow root it is at the top of, or the
 * element of the same-origin frame whose document it is at the top of (what a component renders, or
 * a frame shows, belongs to the post it sits in).
 */
function above(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  const type = parent.nodeType;
  if (type === ELEMENT) return parent as Element;
  if (type === 11) return (parent as ShadowRoot).host ?? null;
  if (type !== 9) return null;
  try {
    return (parent as Document).defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/**
 * The item a node's text belongs to (from the elements above it, and the entry it follows), as the
 * walk numbers them: the outermost item, or the innermost card or live-blog entry inside it.
 */
function itemAbove(node: Node): Element | undefined {
  const path: Node[] = [node];
  for (let el = node.nodeType === 11 ? (node as ShadowRoot).host : above(node); el; el = above(el)) path.push(el);
  let item: Element | undefined;
  let depth = 0;
  for (let i = path.length - 1; i >= 1; i--) {
    const el = path[i] as Element;
    if (isItem(el) && (depth++ === 0 || isCard(el))) item = el;
    // Inside el, the walk has passed the entry headings before the path's next node.
    const entry = entryBefore(path[i - 1]!);
    if (entry) item = entry;
  }
  return item;
}

const META_SELECTOR =
  'meta[property="og:title"], meta[property="og:description"], meta[name="description"], meta[name="twitter:title"], meta[name="twitter:description"]';

export interface PageText {
  segments: Segment[];
  /** For each segment, the node it came from (a Text node, or the element carrying the attribute). */
  nodes: Node[];
  /** The shadow roots and same-origin frames' documents read besides `root` (where players may be). */
  roots: ParentNode[];
}

export interface CollectOptions {
  /** Cap on the characters read (default `TEXT_LIMIT`). */
  limit?: number;
  /** Also read the title and description meta (a whole document only). */
  withHead?: boolean;
  /**
   * Caption text read elsewhere (cue texts from `trackCueTexts`, or a .vtt file via `vttCueTexts`):
   * appended as segments with origin 'caption'.
   */
  captions?: readonly string[];
  /**
   * Item numbering shared across calls (a page's first pass and its later additions), so a post added
   * later gets a number of its own, and text added inside a known post keeps that post's.
   */
  items?: ItemNumbers;
}

export interface ItemNumbers {
  next: number;
  ids: WeakMap<Element, number>;
}

export const itemNumbers = (): ItemNumbers => ({ next: 0, ids: new WeakMap() });

const ELEMENT = 1;

interface Root {
  node: Node;
  furniture: boolean;
  caption: boolean;
  /** The item its host is in (a shadow root's or a frame's text is its host's post's), read after the walk. */
  item?: number;
}

/**
 * Collect text segments under `root` (a document or an added subtree), in document order; open
 * shadow roots and same-origin iframes follow as blocks of their own.
 */
export function collectText(root: Node, options: CollectOptions = {}): PageText {
  const collector = textCollector(root, options);
  collector.step(Infinity);
  return collector.result;
}

/** `collectText` in steps, for a page read in idle-time slices. */
export interface TextCollector {
  /** Read until `deadline` (a `performance.now()` time); true once everything is read. */
  step(deadline: number): boolean;
  /** What has been read so far (all of it once `step` has returned true). */
  readonly result: PageText;
}

export function textCollector(root: Node, options: CollectOptions = {}): TextCollector {
  const limit = options.limit ?? TEXT_LIMIT;
  const doc = root.ownerDocument ?? (root as Document);
  const segments: Segment[] = [];
  const nodes: Node[] = [];
  const found: ParentNode[] = [];
  let read = 0;
  let furniture = 0;
  let caption = 0;
  // The item (post, article, or a card inside one) the walk is in: evidence adds up within one item only.
  const numbers = options.items ?? itemNumbers();
  const numberOf = (el: Element) => {
    let n = numbers.ids.get(el);
    if (n === undefined) numbers.ids.set(el, (n = numbers.next++));
    return n;
  };
  let item = -1;
  /** The item outside any marked-up item: -1, or the live-blog entry the walk is in. */
  let base = -1;
  let itemDepth = 0;
  const entered = new Set<Element>();
  const restore = new Map<Element, number>();
  /** Per live blog entered, the item and base to go back to on leaving it. */
  const live = new Map<Element, [number, number]>();
  // Text added inside a post belongs to that post.
  const outer = root.nodeType === ELEMENT || root.nodeType === 3 || root.nodeType === 11 ? itemAbove(root) : undefined;
  if (outer) {
    item = numberOf(outer);
    itemDepth = 1;
  }
  let pendingBreak = true;
  const push = (text: string, origin: TextOrigin, node: Node, block: boolean) => {
    const segment: Segment = { text, origin, block };
    if (furniture > 0) segment.furniture = true;
    if (item >= 0) segment.item = item;
    segments.push(segment);
    nodes.push(node);
    read += text.length;
  };

  if (options.withHead && doc.head) {
    if (doc.title) push(doc.title, 'title', doc.head, true);
    for (const meta of doc.head.querySelectorAll<HTMLMetaElement>(META_SELECTOR)) {
      if (meta.content) push(meta.content, 'meta', meta, true);
    }
  }

  const start = root === doc ? doc.body : root;
  const roots: Root[] = start ? [{ node: start, furniture: false, caption: false }] : [];

  /** Entering an element: returns whether to read its subtree. */
  const enter = (el: Element): boolean => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'IFRAME') queueFrame(el as HTMLIFrameElement);
    if (isSkipped(el, true)) return false;
    const alt = tag === 'IMG' || tag === 'AREA' ? el.getAttribute('alt') : null;
    if (alt) push(alt, 'alt', el, true);
    const label = el.getAttribute('aria-label');
    if (label) push(label, 'aria-label', el, true);
    if (isEntryHeading(el)) {
      const blog = el.parentElement!;
      if (!live.has(blog)) live.set(blog, [item, base]);
      item = numberOf(el);
      if (itemDepth === 0) base = item;
    }
    if (isItem(el)) {
      entered.add(el);
      if (itemDepth++ === 0) item = numberOf(el);
      else if (isCard(el)) {
        restore.set(el, item);
        item = numberOf(el);
      }
    }
    // Read after this walk, as part of the item the host is in (the host may be the post itself).
    const shadow = shadowOf(el);
    if (shadow) {
      roots.push({ node: shadow, furniture: furniture > 0, caption: caption > 0, item });
      found.push(shadow);
    }
    if (!INLINE.has(tag)) {
      // Entering any non-inline element (or a <br>) ends the current run of words.
      pendingBreak = true;
      if (FURNITURE.has(tag) || FURNITURE_ROLES.has(el.getAttribute('role') ?? '')) furniture++;
      if (tag === 'FIGCAPTION') caption++;
    }
    return true;
  };
  const leave = (el: Element) => {
    // What was entered as an item is left as one, whatever the page changed in between.
    if (entered.delete(el)) {
      if (--itemDepth === 0) item = base;
      else if (restore.has(el)) {
        item = restore.get(el)!;
        restore.delete(el);
      }
    }
    const back = live.get(el);
    if (back) {
      [item, base] = back;
      live.delete(el);
    }
    const tag = el.tagName.toUpperCase();
    if (INLINE.has(tag)) return;
    pendingBreak = true;
    if (FURNITURE.has(tag) || FURNITURE_ROLES.has(el.getAttribute('role') ?? '')) furniture--;
    if (tag === 'FIGCAPTION') caption--;
  };
  const queueFrame = (frame: HTMLIFrameElement) => {
    try {
      // null for cross-origin frames; a SecurityError in some engines.
      const body = frame.contentDocument?.body;
      if (body) {
        roots.push({ node: body, furniture: furniture > 0, caption: false, item });
        found.push(body.ownerDocument);
      }
    } catch {
      // Cross-origin: not readable, and not ours to read.
    }
  };

  const visitor = {
    enter,
    leave,
    text(node: Text) {
      push(node.data, caption > 0 ? 'caption' : 'body', node, pendingBreak);
      pendingBreak = false;
    },
    done: () => read >= limit,
  };
  let r = 0;
  let walk: TextWalk | undefined;
  let finished = false;
  const step = (deadline: number): boolean => {
    if (finished) return true;
    for (;;) {
      if (walk) {
        if (!walk.step(deadline)) return false;
        walk = undefined;
        r++;
        if (deadline !== Infinity && performance.now() >= deadline) return false;
      }
      if (r >= roots.length || read >= limit) break;
      const { node: top, item: within } = roots[r]!;
      furniture = roots[r]!.furniture ? 1 : 0;
      caption = roots[r]!.caption ? 1 : 0;
      if (within !== undefined) {
        item = base = within;
        itemDepth = within >= 0 ? 1 : 0;
      }
      pendingBreak = true;
      // A bare text node (added to the page, or changed in place) is read as it is, unless it sits in
      // something that is not prose.
      if (top.nodeType === 3) {
        if (!inSkipped(top)) push((top as Text).data, caption > 0 ? 'caption' : 'body', top, true);
        r++;
        continue;
      }
      // The top node itself: an element is entered like any other (its text is read).
      if (top.nodeType === ELEMENT && !enter(top as Element)) {
        r++;
        continue;
      }
      walk = new TextWalk(top, visitor);
    }
    if (options.captions) {
      const owner = root;
      for (const cue of options.captions) {
        if (read >= limit) break;
        if (cue) push(cue, 'caption', owner, true);
      }
    }
    finished = true;
    return true;
  };
  return { step, result: { segments, nodes, roots: found } };
}

/** A cue's text without WebVTT markup (<v Speaker>, <i>, <c.class>, timestamps) and entities. */
export function cueText(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_m, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'nbsp' ? ' ' : '',
    );
}

/**
 * Cue texts of a WebVTT file (headers, NOTE/STYLE/REGION blocks, cue ids and timings dropped).
 * For tests and tools that read a track file directly.
 */
export function vttCueTexts(vtt: string): string[] {
  const cues: string[] = [];
  for (const block of vtt.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing < 0) continue;
    const text = cueText(lines.slice(timing + 1).join('\n')).trim();
    if (text) cues.push(text);
  }
  return cues;
}

/**
 * Cue texts of the caption and subtitle tracks of the <video> and <audio> elements in `roots` (a
 * document, and the shadow roots and same-origin frames' documents the page's players may sit
 * in), for `collectText(..., { captions })`.
 *
 * A browser loads a track's cues only when its mode is 'hidden' or 'showing'. What the content script
 * must do (only where the page has tracks, so other pages stay untouched):
 *   1. `const pending = prepareTextTracks([document])`: switches 'disabled' caption/subtitle tracks to
 *      'hidden' (loads cues, shows nothing) and returns the <track> elements still loading;
 *   2. wait for each pending element's `load` (or `error`) event, with a timeout (a few seconds);
 *   3. `collectText(document, { withHead: true, captions: trackCueTexts([document]) })` and detect again;
 *   4. give back what it changed: `restoreTextTracks(changed)`.
 */
export function trackCueTexts(roots: readonly ParentNode[]): string[] {
  const texts: string[] = [];
  for (const media of inRoots<HTMLMediaElement>(roots, 'video, audio')) {
    const tracks = media.textTracks;
    if (!tracks) continue;
    for (let t = 0; t < tracks.length; t++) {
      const track = tracks[t]!;
      if (track.kind !== 'captions' && track.kind !== 'subtitles') continue;
      const cues = track.cues;
      if (!cues) continue;
      for (let c = 0; c < cues.length; c++) {
        const raw = (cues[c] as VTTCue).text;
        if (raw) texts.push(cueText(raw));
      }
    }
  }
  return texts;
}

/** Tracks switched from 'disabled' to 'hidden' by `prepareTextTracks`, and the <track> elements still loading. */
export interface PreparedTracks {
  changed: TextTrack[];
  pending: HTMLTrackElement[];
}

/** Step 1 of reading captions (see `trackCueTexts`). */
export function prepareTextTracks(roots: readonly ParentNode[]): PreparedTracks {
  const changed: TextTrack[] = [];
  const pending: HTMLTrackElement[] = [];
  for (const el of inRoots<HTMLTrackElement>(roots, 'video > track, audio > track')) {
    const track = el.track;
    if (!track || (track.kind !== 'captions' && track.kind !== 'subtitles')) continue;
    if (track.mode === 'disabled') {
      track.mode = 'hidden';
      changed.push(track);
    }
    // HTMLTrackElement.LOADED === 2, ERROR === 3.
    if (el.readyState < 2) pending.push(el);
  }
  return { changed, pending };
}

/** Step 4: put tracks back as the page had them. */
export function restoreTextTracks(changed: readonly TextTrack[]): void {
  for (const track of changed) track.mode = 'disabled';
}
