/**
 * Where the notes go (content-script world, in chunk-ui.js: matching pages only). The detector says
 * where the story is (`Detection.carriers`: per locality that decided it, the segment of its first
 * decisive evidence); this maps each to the element a reader sees as the story's post or video:
 *
 *   a feed or thread (two posts or more): carrier inside a post       ─▶ that post (the outermost one)
 *   carrier elsewhere (the head, the page's body, a page's only article) on a page with a video
 *                                                                     ─▶ the video's player box
 *   otherwise (an ordinary article page: the sidebar is enough)       ─▶ no note
 *
 * Each note's family is the one its post's evidence names (else the page's first family). Posts no
 * carrier points to never get a note; a post that arrives later and carries the story gets its own on
 * the next decision; a note whose post no longer carries the story is removed.
 */
import type { Detection } from '../core/detect/detect';
import { NoteHost } from './note-host';

export interface NoteTarget {
  anchor: Element;
  familyId: string;
}

function isItem(el: Element): boolean {
  return el.localName === 'article' || el.getAttribute('role') === 'article';
}

/** A node's parent element, or the host of the shadow root it is at the top of. */
const up = (node: Node): Element | null => node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;

const POSTS = 'article, [role="article"]';

/**
 * Whether a post inside a component's shadow root is one of several: a feed component that renders
 * its posts into its root, or posts that are components of their own, side by side (each a host
 * whose root holds a post; in the page, or in a feed component's root). Hosts of the same name whose
 * roots hold no post (a page's sections) do not count, nor closed roots, which say nothing.
 */
function amongPosts(item: Element): boolean {
  const root = item.getRootNode();
  if (root.nodeType !== 11) return false;
  if ((root as ShadowRoot).querySelectorAll(POSTS).length >= 2) return true;
  const host = (root as ShadowRoot).host;
  let posts = 0;
  for (const sibling of host.parentNode?.children ?? []) {
    if (sibling.localName === host.localName && (sibling === host || sibling.shadowRoot?.querySelector(POSTS)) && ++posts >= 2) return true;
  }
  return false;
}

/**
 * The post a node belongs to, for its note: the outermost post inside a component's shadow root that
 * is one of several (`amongPosts`), past an article in the page that wraps the feed component; else,
 * in a page of several posts (`feed`), the outermost post holding it.
 */
function postOf(node: Node, feed: () => boolean): Element | undefined {
  const items: Element[] = [];
  for (let el = node.nodeType === 1 ? (node as Element) : up(node); el; el = up(el)) if (isItem(el)) items.push(el);
  if (items.length === 0) return undefined;
  for (let i = items.length - 1; i >= 0; i--) if (amongPosts(items[i]!)) return items[i];
  return feed() ? items[items.length - 1] : undefined;
}

/** A player: a video, or a known embedded player's frame. */
const PLAYERS = 'video, iframe[src*="youtube.com/embed/"], iframe[src*="youtube-nocookie.com/embed/"], iframe[src*="player."]';

/**
 * The box a reader sees as the video: the page's first video (or a known embedded player; else the
 * first in `roots`, the shadow roots and frames where the watch met players), widened to
 * the ancestors that are the same box (the player's own wrappers), so the note goes below the player,
 * not inside it.
 */
function playerBox(doc: Document, roots: readonly ParentNode[]): Element | undefined {
  let video: Element | null = null;
  for (const root of [doc, ...roots]) if ((video = root.querySelector(PLAYERS))) break;
  // A player inside a component's shadow root or a same-origin frame: the page's element that holds it.
  for (let root = video?.getRootNode(); video && root && root !== doc; root = video?.getRootNode()) {
    video = root.nodeType === 11 ? (root as ShadowRoot).host : ((root as Document).defaultView?.frameElement ?? null);
  }
  if (!video) return undefined;
  const box = video.getBoundingClientRect();
  let el: Element = video;
  for (let parent = el.parentElement; parent && parent !== doc.body && parent !== doc.documentElement; parent = parent.parentElement) {
    const r = parent.getBoundingClientRect();
    // A wrapper of the player: no taller than it (a few pixels of border), or holding nothing else.
    if (r.height > box.height + 8 && parent.childElementCount > 1) break;
    if (parent.localName === 'main' || isItem(parent)) break;
    el = parent;
  }
  return el;
}

/** The notes a decision calls for: one per post or video that carries the story, with its family. */
export function noteTargets(detection: Detection, nodeOf: (segment: number) => Node | undefined, doc: Document, players: readonly ParentNode[] = []): NoteTarget[] {
  if (!detection.matched || detection.families.length === 0) return [];
  // A page's only article is the page itself (a news story): its note, if any, goes at its video.
  // (<article> elements counted by tag first: an attribute selector tests every element of the page,
  // 19 ms unbroken on a 5 MB page; a page with two <article> elements is settled without it. And
  // asked only once a post holds the evidence: a page whose story is in no post never pays it.)
  let isFeed: boolean | undefined;
  const feed = () => (isFeed ??= doc.getElementsByTagName('article').length >= 2 || doc.querySelectorAll(POSTS).length >= 2);
  // Families by post: what the evidence in each post names (decisive first).
  const familiesByItem = new Map<Element | undefined, string[]>();
  const ordered = [...detection.signals].sort((a, b) => Number(!!b.decisive) - Number(!!a.decisive));
  for (const s of ordered) {
    if (!s.familyId || s.score <= 0 || s.segment < 0) continue;
    const node = nodeOf(s.segment);
    if (!node) continue;
    const item = postOf(node, feed);
    const list = familiesByItem.get(item) ?? [];
    if (!list.includes(s.familyId)) list.push(s.familyId);
    familiesByItem.set(item, list);
  }
  const targets: NoteTarget[] = [];
  let pageWide = false;
  for (const segment of detection.carriers) {
    const node = nodeOf(segment);
    const item = node?.isConnected ? postOf(node, feed) : undefined;
    if (item) {
      if (targets.some((t) => t.anchor === item)) continue;
      const familyId = familiesByItem.get(item)?.[0] ?? detection.families[0]!;
      targets.push({ anchor: item, familyId });
    } else pageWide = true;
  }
  // The page as a whole carries the story (its title, its body outside any post): its video, if it
  // has one that is not inside a post with a note already.
  if (pageWide) {
    const player = playerBox(doc, players);
    if (player && !targets.some((t) => t.anchor.contains(player) || player.contains(t.anchor))) {
      targets.push({ anchor: player, familyId: familiesByItem.get(undefined)?.[0] ?? detection.families[0]! });
    }
  }
  return targets;
}

/** The notes on a page: one owner, so a new decision, "Hide on this page" or teardown removes them all. */
export class PageNotes {
  private notes: NoteHost[] = [];

  /** `noteUrl`: note.html for a family (an extension URL). */
  constructor(private readonly noteUrl: (familyId: string) => string) {}

  /** Bring the page's notes in line with `targets`: keep those still called for, add new, remove the rest. */
  show(targets: readonly NoteTarget[]): void {
    const keep: NoteHost[] = [];
    for (const note of this.notes) {
      const wanted = targets.some((t) => t.anchor === note.anchor && t.familyId === note.familyId);
      if (wanted && note.anchor.isConnected) keep.push(note);
      else note.destroy();
    }
    for (const t of targets) {
      if (keep.some((n) => n.anchor === t.anchor) || !t.anchor.isConnected) continue;
      const note = new NoteHost(this.noteUrl(t.familyId), t.anchor, t.familyId);
      note.mount();
      keep.push(note);
    }
    this.notes = keep;
  }

  get count(): number {
    return this.notes.length;
  }

  destroy(): void {
    for (const note of this.notes) note.destroy();
    this.notes = [];
  }
}
