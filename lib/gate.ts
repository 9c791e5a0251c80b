/**
 * The prefilter: can this page possibly match? Answered with native string work only, so that the
 * pages that are not about the story (nearly all of them) cost a reader almost nothing.
 *
 * A page can match only through a decisive signal (lib/detect.ts): a known URL, a known phrase, a
 * full name (which needs a family-name hit), a rare given name, or the story's vocabulary (which
 * needs an ethnonym). So a page on which none of those words occurs, in any spelling the matcher
 * knows, cannot match, and the full pass (walking every node, folding and matching every character in
 * JavaScript) is skipped. The words are the match index's own patterns (data/gate-builder.ts), plus
 * the region's names, whose presence also decides whether captions are worth loading.
 *
 * How the text is read: `textContent` of small subtrees (native; no JS wrapper per text node, and no
 * multi-megabyte strings, which Chromium builds far more slowly than many small ones), plus what
 * hides outside the light DOM's text: title and description meta, `alt` and `aria-label`, same-origin
 * iframes and the open shadow roots of custom elements. Pieces are tested in groups of about 32 KB.
 *
 * How a group is tested, soundly with respect to the matcher's folding (lib/fold.ts):
 * 1. `ascii`: one case-insensitive regular expression of fragments of the plain-ASCII words (each a
 *    fragment every spelling must contain, starting on a rare letter so the engine can skip fast).
 *    Text made of ASCII folds exactly as the expression reads it, so this alone is enough for it.
 * 2. Every run of other code units that may belong to a word (accented letters, homoglyphs, invisible
 *    characters, CJK, Arabic; not punctuation or spaces, which fold to breaks) is folded, with `reach`
 *    code units on either side, exactly as the matcher folds it, and tested against `folded`, the same
 *    fragments and the non-ASCII words, as folded text.
 * Inline and block boundaries are not marked (`textContent` joins pieces as they come): the prefilter
 * may see words that are not there ("garden" + "Uyghur" reads "gardenUyghur"), never miss one that is.
 */
import { PUNCT, SKIP, SPACE, foldUnit } from './fold';
import { TEXT_LIMIT } from './page-text';

/** What the match index carries for the prefilter (built by data/gate-builder.ts). */
export interface GateSpec {
  /** Regular expression source, to be used with the `i` flag on raw text. */
  ascii: string;
  /** Regular expression source, for folded text. */
  folded: string;
  /** How many code units around a run of non-ASCII letters are folded and tested with it. */
  reach: number;
}

/**
 * Code units that are neither ASCII nor sure to fold to a break: the ones the `ascii` expression
 * cannot vouch for. (tests/unit/gate.test.ts checks, against the fold table, that everything outside
 * this class is ASCII or folds to a space or punctuation.)
 */
export const ODD = /[^\x00-\x7f\u00a0-\u00a9\u00ab\u00ac\u00ae-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e]+/g;

/** Group size: big enough that a group costs one regex call, small enough to stay a cheap string. */
const GROUP = 32_768;
/** Text carried from one group into the next, so a word cut between two groups is still seen. */
const CARRY = 256;
/** Elements with fewer element children than this are wrappers: their children are read one by one. */
const LIST = 5;
/** Elements whose text is never prose; the host of Backstory's own sidebar. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'backstory-context']);
/** What is read besides text: labels, frames, and elements that may carry a shadow root. */
const LABELLED = '[aria-label],img[alt],area[alt],iframe,frame';
const EXTRAS = LABELLED + ',*:not(' +
  'div,span,p,a,li,ul,ol,img,b,i,em,strong,br,hr,section,article,header,footer,nav,main,aside,figure,figcaption,' +
  'h1,h2,h3,h4,h5,h6,time,blockquote,small,sup,sub,table,thead,tbody,tfoot,tr,td,th,caption,col,colgroup,form,' +
  'input,button,label,select,option,optgroup,textarea,fieldset,legend,output,script,style,link,meta,noscript,' +
  'video,audio,source,track,picture,canvas,svg,path,g,circle,rect,line,polyline,polygon,ellipse,use,defs,symbol,' +
  'clippath,mask,lineargradient,radialgradient,stop,text,tspan,title,desc,image,foreignobject,pattern,filter,' +
  'code,pre,kbd,samp,var,cite,abbr,dfn,mark,q,s,u,del,ins,wbr,bdi,bdo,data,ruby,rt,rp,dl,dt,dd,address,' +
  'details,summary,dialog,menu,search,hgroup,template,slot,object,embed,param,map,area,meter,progress,' +
  'datalist,math,font,center,big,tt,strike,nobr,marquee,noembed,noframes,frameset,body,html,head)';

const ELEMENT = 1;
const TEXT = 3;
/** Between folded windows: a control character, which folded text never contains (it folds to a space). */
const WINDOW_BREAK = 0x01;

export class Gate {
  private readonly ascii: RegExp;
  private readonly folded: RegExp;
  private readonly odd = new RegExp(ODD.source, 'g');
  private readonly reach: number;
  private readonly decoder = new TextDecoder('utf-16le');

  /** `table`: the fold table, asked for only when text has non-ASCII letters. */
  constructor(spec: GateSpec, private readonly table: () => Uint16Array) {
    this.ascii = new RegExp(spec.ascii, 'i');
    this.folded = new RegExp(spec.folded);
    this.reach = spec.reach;
  }

  /** True when `text` may contain one of the words (false: it certainly contains none). */
  test(text: string): boolean {
    return this.find(text) !== undefined;
  }

  /** What made `test` say yes: the raw text matched, or (non-ASCII) the folded text. */
  find(text: string): string | undefined {
    const plain = this.ascii.exec(text);
    if (plain) return plain[0];
    // The windows around runs of odd code units, merged where they touch, folded one after another
    // into one buffer (a break between them that no pattern spans), and searched at once.
    const odd = this.odd;
    odd.lastIndex = 0;
    let from = 0;
    let to = -1;
    let n = 0;
    for (let m = odd.exec(text); m; m = odd.exec(text)) {
      const start = Math.max(0, m.index - this.reach);
      const end = Math.min(text.length, odd.lastIndex + this.reach);
      if (to >= 0 && start <= to) {
        to = end;
        continue;
      }
      if (to >= 0) n = this.fold(text, from, to, n);
      from = start;
      to = end;
    }
    if (to < 0) return undefined;
    n = this.fold(text, from, to, n);
    return this.folded.exec(this.decoder.decode(this.buffer.subarray(0, n)))?.[0];
  }

  /** Folded code units of the windows (grown as needed, kept between calls). */
  private buffer = new Uint16Array(0);

  /**
   * Fold text[from, to) as the matcher does (invisibles dropped, breaks as one space) into the
   * buffer at `n`, then a separator; returns the new length.
   */
  private fold(text: string, from: number, to: number, n: number): number {
    if (this.buffer.length < n + (to - from) + 1) {
      const grown = new Uint16Array(Math.max(2 * this.buffer.length, n + (to - from) + 1, 4096));
      grown.set(this.buffer.subarray(0, n));
      this.buffer = grown;
    }
    const out = this.buffer;
    const table = this.table();
    let space = true;
    for (let i = from; i < to; i++) {
      const f = foldUnit(table, text.charCodeAt(i));
      if (f === SKIP) continue;
      if (f === SPACE || f === PUNCT) {
        if (!space) out[n++] = SPACE;
        space = true;
      } else {
        out[n++] = f;
        space = false;
      }
    }
    out[n++] = WINDOW_BREAK;
    return n;
  }
}

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
  private readonly roots: Node[];
  private next = 0;
  private readonly stack: Node[] = [];
  /** The next child of a list to read whole (lists are read child by child, across steps). */
  private cursor: Node | null = null;
  private parts: string[] = [];
  private size = 0;
  private carry = '';
  private readonly limit: number;

  constructor(private readonly gate: Gate, roots: readonly Node[], options: GatePassOptions = {}) {
    this.roots = [...roots];
    this.limit = options.limit ?? TEXT_LIMIT;
    const doc = roots[0]?.nodeType === 9 ? (roots[0] as Document) : undefined;
    if (options.withHead && doc?.head) {
      this.piece(doc.title);
      for (const meta of doc.head.querySelectorAll<HTMLMetaElement>('meta[name="description"], meta[property^="og:"], meta[name^="twitter:"]')) this.piece(meta.content);
    }
  }

  /** Work until `deadline` (a `performance.now()` time). Returns true once finished. */
  step(deadline: number): boolean {
    let count = 0;
    while (!this.open && this.read < this.limit) {
      if (this.cursor) {
        const c = this.cursor;
        this.cursor = c.nextSibling;
        this.whole(c);
      } else if (this.stack.length === 0) {
        if (this.next >= this.roots.length) break;
        this.begin(this.roots[this.next++]!);
      } else {
        this.visit(this.stack.pop()!);
      }
      // The clock is read every few nodes (or roots): reading it costs more than a small node.
      if ((++count & 15) === 0 && performance.now() >= deadline) return false;
    }
    if (!this.open) this.flush();
    return true;
  }

  /** Start on a root: its labels, frames and shadow roots first (they join the roots), then its text. */
  private begin(root: Node): void {
    let type = root.nodeType;
    // An added node (a post, a reply, a loaded section) is read at once; a document, and a shadow
    // root or a frame's document found in it, piece by piece. (A single-page app that swaps in a
    // whole new page also changes its URL: that starts a new first pass, over the document.)
    const added = type === ELEMENT || type === TEXT;
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
    if (type === ELEMENT) {
      const el = root as Element;
      if (el.matches(LABELLED)) this.extras(el);
      else {
        const shadow = el.shadowRoot;
        if (shadow) this.addRoot(shadow);
      }
    }
    for (const el of (root as ParentNode).querySelectorAll(EXTRAS)) this.extras(el);
    if (added) this.whole(root, ELEMENT);
    else this.stack.push(root);
  }

  private extras(el: Element): void {
    const label = el.getAttribute('aria-label');
    if (label) this.piece(label);
    const name = el.localName;
    if (name === 'img' || name === 'area') {
      const alt = el.getAttribute('alt');
      if (alt) this.piece(alt);
    } else if (name === 'iframe' || name === 'frame') {
      try {
        const doc = (el as HTMLIFrameElement).contentDocument;
        if (doc) this.addRoot(doc);
      } catch {
        // Cross-origin: not readable, and not ours to read.
      }
    } else {
      const shadow = el.shadowRoot;
      if (shadow) this.addRoot(shadow);
    }
  }

  /** A shadow root or a frame's document, read after the current roots (once). */
  private addRoot(root: Node): void {
    if (!this.roots.includes(root)) this.roots.push(root);
  }

  private visit(node: Node): void {
    const type = node.nodeType;
    if (type === TEXT) {
      this.text((node as Text).data);
      return;
    }
    if (type !== ELEMENT && type !== 11) return;
    if (type === ELEMENT && SKIPPED.has((node as Element).localName)) return;
    const children = (node as ParentNode).childElementCount;
    if (children === 0) {
      this.whole(node, type);
    } else if (children < LIST) {
      // A wrapper: its children are visited in turn (pushed in reverse, popped in order).
      for (let c = node.lastChild; c; c = c.previousSibling) this.stack.push(c);
    } else {
      // A list (paragraphs, posts, rows): each child's text at once, in order, from the next steps.
      this.cursor = node.firstChild;
    }
  }

  /** A child of a list, or an added node: its whole text at once. */
  private whole(node: Node, type = node.nodeType): void {
    if (type === TEXT) {
      this.text((node as Text).data);
    } else if (type === ELEMENT && !SKIPPED.has((node as Element).localName)) {
      const text = node.textContent ?? '';
      if (text) this.text(text);
      else {
        // An element with no text of its own may host an open shadow root (built-in elements too:
        // <div id="app"></div> with everything attached to it); custom elements are found anyway.
        const shadow = (node as Element).shadowRoot;
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
    if (this.size >= GROUP) this.flush();
  }

  private flush(): void {
    if (this.size === 0) return;
    const group = this.carry + this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.seen = this.gate.find(group);
    this.carry = group.slice(-CARRY);
  }
}
