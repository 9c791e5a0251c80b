/**
 * The prefilter's page reader (content-script world): reads a document, or nodes added to it, in
 * idle-time steps, and hands groups of text to the pure `Gate` (core/detect/gate.ts), which says
 * whether any word a match needs may be there. How and why it reads this way: core/detect/gate.ts.
 */
import type { Gate, GateWait } from '../core/detect/gate';
import { TEXT_LIMIT } from '../core/detect/limits';
import { isSkipped, shadowOf } from './dom-text';

/** Group size: big enough that a group costs one regex call, small enough to stay a cheap string. */
const GROUP = 65_536;
/**
 * Text carried from one group into the next, so a word cut between two groups is still seen, and an
 * event told across two groups too: its elements lie within core/detect/limits.ts's WINDOW (3,000
 * folded characters) of each other, so within this much raw text unless the page pads its words with
 * more than 1.7 breaks or invisibles per character.
 */
const CARRY = 8_192;
/** Elements with fewer element children than this are wrappers: their children are read one by one. */
const LIST = 5;
/** What is read besides text: labels, frames, and elements that may carry a shadow root. */
const LABELLED = '[aria-label],img[alt],area[alt],iframe,frame';
/**
 * Elements looked at besides text: the labelled ones, and any element but the commonest tags (custom
 * elements, whose names have a hyphen, are never among them), whose shadow root (open or closed) is then read.
 * The list is short and the commonest first on purpose: Chromium tries a `:not()` list tag by tag on
 * every element: with the whole HTML vocabulary (150 tags), the query and its loop took 8.3 ms of a
 * feed of 2,000 posts in a CPU profile, 2.6 ms with these (tests/bench/browser.bench.ts's feed); an
 * uncommon built-in found by it costs one `shadowRoot` read (content/dom-text.ts `shadowOf`).
 */
const EXTRAS = LABELLED + ',*:not(' +
  'div,span,a,p,li,path,svg,img,i,b,br,strong,em,ul,button,g,td,tr,input,source,picture,time,h2,h3,section,' +
  'article,figure,figcaption,label,option,use,small,header,footer,nav,script,style,noscript,link,meta,h1,h4,ol,' +
  'table,tbody,form,hr,blockquote,main,aside,rect,circle,sup)';

/** What a pass met that may bring text later (content/watch/late.ts watches them). */
export interface LateContainers {
  shadows: Node[];
  /** Each frame, with the document this pass read in it (null: none readable). */
  frames: Array<[frame: Element, read: Document | null]>;
  hosts: Element[];
}

const ELEMENT = 1;
const TEXT = 3;
export interface GatePassOptions {
  /** Also read the title and description meta (a whole document). */
  withHead?: boolean;
  /** Characters read at most (default `TEXT_LIMIT`, as the full pass). */
  limit?: number;
}

/**
 * One prefilter pass over a document or over added nodes, in steps: `step(deadline)` reads and tests
 * until the deadline and says whether it has finished; `open` then says whether a word was seen.
 */
export class GatePass {
  /** What opened the prefilter (see `Gate.find`), once it has. */
  seen: string | undefined;
  get open(): boolean {
    return this.seen !== undefined;
  }
  /** Characters read so far. */
  read = 0;
  /** Shadow roots, frames and custom elements without a shadow root met on the way (content/watch/late.ts). */
  readonly found: LateContainers = { shadows: [], frames: [], hosts: [] };
  private readonly roots: Node[];
  private readonly rooted = new Set<Node>();
  private next = 0;
  private readonly stack: Node[] = [];
  /** The next child of a list to read whole (lists are read child by child, across steps). */
  private cursor: Node | null = null;
  private parts: string[] = [];
  private size = 0;
  private carry = '';
  /**
   * What testing a group cost, per character, the last time (ms): a group is tested in a step only if
   * the step has that long left, else first thing in the next step, so that a step's reading and a
   * group's test never add up to more than a slice or a test. Until a group has been tested, a slow
   * machine's figure: 10 ms for a full group and its carry (a 2-core machine's Chromium under load,
   * docs/benchmarks.md "stop 19").
   */
  private msPerChar = 10 / (GROUP + CARRY);
  /** The last group, whose answer waits for the events' elements (`waiting`). */
  private held: GateWait | undefined;
  private readonly limit: number;

  constructor(private readonly gate: Gate, roots: readonly Node[], options: GatePassOptions = {}) {
    this.roots = [...roots];
    for (const root of roots) this.rooted.add(root);
    this.limit = options.limit ?? TEXT_LIMIT;
    const doc = roots[0]?.nodeType === 9 ? (roots[0] as Document) : undefined;
    if (options.withHead && doc?.head) {
      this.piece(doc.title);
      for (const meta of doc.head.querySelectorAll<HTMLMetaElement>('meta[name="description"], meta[property^="og:"], meta[name^="twitter:"]')) this.piece(meta.content);
    }
  }

  /**
   * Work until `deadline` (a `performance.now()` time). Returns true once finished; false when the
   * time is up, or when the pass is `waiting`.
   */
  step(deadline: number): boolean {
    // A group whose key anchors wait for the events' elements (read apart: `waiting`).
    if (this.held) {
      if (!this.gate.ready) return false;
      const held = this.held;
      this.held = undefined;
      this.seen = this.gate.settle(held);
    }
    // Pieces of work done in this step (a node, a root or a group's test).
    let count = 0;
    while (!this.open && this.held === undefined && this.read < this.limit) {
      if (this.size >= GROUP) {
        // A full group: tested now if the step has time left for it (or has done nothing yet), else
        // first thing in the next.
        if (count > 0 && !this.fits(deadline)) return false;
        this.flush();
      } else if (this.cursor) {
        const c = this.cursor;
        this.cursor = c.nextSibling;
        this.whole(c);
      } else if (this.stack.length === 0) {
        if (this.next >= this.roots.length) break;
        this.begin(this.roots[this.next++]!);
        if (performance.now() >= deadline) return false;
      } else {
        this.visit(this.stack.pop()!);
      }
      // The clock is read every few nodes (or roots): reading it costs more than a small node.
      if ((++count & 15) === 0 && performance.now() >= deadline) return false;
    }
    if (!this.open && this.held === undefined && this.size > 0) {
      if (count > 0 && !this.fits(deadline)) return false;
      this.flush();
    }
    return this.held === undefined;
  }

  /** Whether testing the group read so far would end before `deadline`, by what the last test cost. */
  private fits(deadline: number): boolean {
    return performance.now() + (this.carry.length + this.size) * this.msPerChar < deadline;
  }

  /**
   * Whether the pass waits for the events' elements (a group held an event's key anchor): the caller
   * reads them and hands them to the gate (`Gate.supply`), then steps on.
   */
  get waiting(): boolean {
    return this.held !== undefined && !this.gate.ready;
  }

  /** Start on a root: its labels, frames and shadow roots first (they join the roots), then its text. */
  private begin(root: Node): void {
    let type = root.nodeType;
    // An added node (a post, a reply, a loaded section) is read at once; a document, and a shadow
    // root or a frame's document found in it, piece by piece. (A single-page app that swaps in a
    // whole new page also changes its URL: that starts a new first pass, over the document.)
    const added = type === ELEMENT || type === TEXT;
    // One the page has removed again since (a ticker, a recycled list, churn): no longer on the page,
    // so not read. A page that adds and removes 10,000 nodes every 100 ms queued them all, and the
    // text that stayed waited behind them (round 69's p09: 15 s in Firefox).
    if (added && !root.isConnected) return;
    if (type === 9) {
      const doc = root as Document;
      const top = doc.body ?? doc.documentElement;
      if (!top) return;
      root = top;
      type = ELEMENT;
    }
    if (type === TEXT) {
      this.text((root as Text).data);
      return;
    }
    if (type !== ELEMENT && type !== 11) return;
    // An added node is queried for them at once (it is small); a document piece by piece, as its text
    // is read (`visit` looks at its body and wrappers, `whole` at the rest): one query of a 5 MB page's
    // elements was 8-17 ms unbroken.
    if (added) {
      const node = root as Element;
      if (node.matches(LABELLED)) this.extras(node);
      else {
        const shadow = shadowOf(node);
        if (shadow) this.addRoot(shadow);
      }
      for (const el of (root as ParentNode).querySelectorAll(EXTRAS)) this.extras(el);
      this.whole(root, ELEMENT, false);
    } else this.stack.push(root);
  }

  private extras(el: Element): void {
    const label = el.getAttribute('aria-label');
    if (label) this.piece(label);
    const name = el.localName;
    if (name === 'img' || name === 'area') {
      const alt = el.getAttribute('alt');
      if (alt) this.piece(alt);
    } else if (name === 'iframe' || name === 'frame') {
      let doc: Document | null = null;
      try {
        doc = (el as HTMLIFrameElement).contentDocument;
        if (doc) this.addRoot(doc);
      } catch {
        // Cross-origin: not readable, and not ours to read.
      }
      this.found.frames.push([el, doc]);
    } else {
      const shadow = shadowOf(el);
      if (shadow) this.addRoot(shadow);
      else if (name.includes('-') && !isSkipped(el)) this.found.hosts.push(el);
    }
  }

  /** A shadow root or a frame's document, read after the current roots (once). */
  private addRoot(root: Node): void {
    // A set, not `roots.includes`: a page of thousands of components would make that quadratic.
    if (this.rooted.has(root)) return;
    this.rooted.add(root);
    this.roots.push(root);
    if (root.nodeType === 11) this.found.shadows.push(root);
  }

  private visit(node: Node): void {
    const type = node.nodeType;
    if (type === TEXT) {
      this.text((node as Text).data);
      return;
    }
    if (type !== ELEMENT && type !== 11) return;
    if (type === ELEMENT) {
      // Its own label, frame or shadow root (what is below a wrapper is queried with the pieces read
      // whole); a frame is skipped as text.
      if ((node as Element).matches(EXTRAS)) this.extras(node as Element);
      if (isSkipped(node as Element)) return;
    }
    const children = (node as ParentNode).childElementCount;
    if (children === 0) {
      // Its labels were looked at above, and it has no elements below.
      this.whole(node, type, false);
    } else if (children < LIST) {
      // A wrapper: its children are visited in turn (pushed in reverse, popped in order).
      for (let c = node.lastChild; c; c = c.previousSibling) this.stack.push(c);
    } else {
      // A list (paragraphs, posts, rows): each child's text at once, in order, from the next steps.
      this.cursor = node.firstChild;
    }
  }

  /**
   * A child of a list, or an added node: its whole text at once, and (`query`: a piece of a document)
   * its labels, frames and shadow roots.
   */
  private whole(node: Node, type = node.nodeType, query = true): void {
    if (type === ELEMENT && query) {
      if ((node as Element).matches(EXTRAS)) this.extras(node as Element);
      for (const el of (node as Element).querySelectorAll(EXTRAS)) this.extras(el);
    }
    if (type === TEXT) {
      this.text((node as Text).data);
    } else if (type === ELEMENT && !isSkipped(node as Element)) {
      const text = node.textContent ?? '';
      if (text) this.text(text);
      // An element with no text of its own but white space may host a shadow root (built-in elements
      // too: <div id="app">\n</div> with everything attached to it); custom elements are found anyway.
      if (!/\S/.test(text)) {
        const shadow = shadowOf(node as Element);
        if (shadow) this.addRoot(shadow);
      }
    } else if (type === 11) {
      this.text(node.textContent ?? '');
    }
  }

  /** A piece of text that stands alone (a title, a label): it does not run into its neighbours. */
  private piece(text: string | null): void {
    if (text) this.text(`\n${text}\n`);
  }

  private text(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.size += text.length;
    this.read += text.length;
  }

  private flush(): void {
    if (this.size === 0) return;
    const group = this.carry + this.parts.join('');
    this.parts = [];
    this.size = 0;
    const started = performance.now();
    this.seen = this.gate.find(group);
    this.msPerChar = (performance.now() - started) / group.length;
    if (this.gate.waiting) this.held = this.gate.take();
    this.carry = group.slice(-CARRY);
  }
}
