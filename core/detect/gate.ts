/**
 * The prefilter: can this page possibly match? Answered with native string work only, so that the
 * pages that are not about the story (nearly all of them) cost a reader almost nothing.
 *
 * A page can match only through a decisive signal (core/detect/): a known URL, a known phrase, a
 * full name (which needs a family-name hit), a rare given name, or the story's vocabulary (which
 * needs an ethnonym). So a page on which none of those words occurs, in any spelling the matcher
 * knows, cannot match, and the full pass (walking every node, folding and matching every character in
 * JavaScript) is skipped. The words are the match index's own patterns (core/detect/compile/gate-builder.ts), plus
 * the region's names, whose presence also decides whether captions are worth loading.
 *
 * This module is the pure half (the expressions and the folding); content/prefilter.ts reads the page.
 *
 * How the text is read (content/prefilter.ts): `textContent` of small subtrees (native; no JS wrapper per text node, and no
 * multi-megabyte strings, which Chromium builds far more slowly than many small ones), plus what
 * hides outside the light DOM's text: title and description meta, `alt` and `aria-label`, same-origin
 * iframes and the open shadow roots of custom elements. Pieces are tested in groups of about 32 KB.
 *
 * How a group is tested, soundly with respect to the matcher's folding (core/text/fold.ts):
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
import { PUNCT, SKIP, SPACE, foldUnit } from '../text/fold';
import { WINDOW } from './limits';

/**
 * What the prefilter's record carries (built by core/detect/compile/gate-builder.ts): the gated
 * patterns themselves, folded, each with the fragment the fast expression looks for marked; the
 * expressions are written from them where the record is read (`expressions`), so the record every
 * page reads holds each pattern once.
 */
export interface GateSpec {
  /** The patterns that open the prefilter on their own, `before|piece|after` (MARK) or whole. */
  open: string[];
  /** The events, whose key anchors open the prefilter only with enough of their other elements. */
  events: GateEvent[];
  /** How many code units around a run of non-ASCII letters are folded and tested with it. */
  reach: number;
  /**
   * The story's generic topic words (Uyghur, Xinjiang): never a reason to read a page, only to load
   * the captions of a page with video tracks (`topicGate`).
   */
  topic: string[];
  /**
   * The events' other elements (event id -> elements, least common first -> patterns): in the index
   * built in memory; stored apart (match-index.ts MatchEvents) and handed to a Gate with `supply`
   * only where a key anchor is found.
   */
  elements?: GateElements;
}

/** An event whose key anchor is in the fragments: `others` of its other elements must be within WINDOW of it. */
export interface GateEvent {
  id: string;
  others: number;
  /**
   * How many of the event's other elements (supplied apart, `GateElements`) are anchors: they come
   * first, and a telling lacks at most one of them, and then holds one element more (decide.ts).
   */
  anchors: number;
  /** The key anchor's patterns, written as `GateSpec.open`'s. */
  key: string[];
}

/** Per event, its other elements' patterns (folded). */
export type GateElements = Record<string, string[][]>;

/** Marks the fragment in a stored pattern (folded patterns hold letters, digits and spaces only). */
export const MARK = '|';

/** A regular-expression literal for `s` (the global `escape` is something else: URL encoding). */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** Between words: any run of breaks or invisibles, or none (pieces of text join without one). */
const ASCII_BREAKS = '[^a-z0-9]*';
const FOLDED_BREAKS = ' ?';
const plain = (p: string) => /^[a-z0-9 ]+$/.test(p);
/** Longest first, then in order: the same patterns always give the same expression. */
const source = (set: Iterable<string>) => [...new Set(set)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
const words = (s: string, between: string) => s.split(' ').map(escape).join(between);

/** A stored pattern's parts: the text before its fragment, the fragment, the text after it. */
function fragment(written: string): { before: string; piece: string; after: string } {
  const parts = written.split(MARK);
  return parts.length === 3 ? { before: parts[0]!, piece: parts[1]!, after: parts[2]! } : { before: '', piece: written, after: '' };
}

/**
 * The whole pattern, written to match where its piece starts (a sticky expression): the piece, the
 * text before it as a lookbehind, the text after it.
 */
function atPiece(written: string, between: string): string {
  const f = fragment(written);
  return words(f.piece, between) + (f.before ? `(?<=${words(f.before + f.piece, between)})` : '') + (f.after ? words(f.after, between) : '');
}

/** The expressions of a set of stored patterns. */
export interface GateExpressions {
  /**
   * Fragments, to be used with the `i` flag on raw text (plain-ASCII patterns), in two expressions:
   * those whose first word is at least SHORT letters long, then those whose first word is shorter (a
   * Pinyin name syllable by syllable, "mi he ri ban"). An engine skips through text by the letters
   * every branch must have at its first positions; one branch of a letter or two and then a run of
   * breaks leaves it nothing to skip by, and every position is tried against every branch. Apart,
   * the long ones skip fast, and the short ones cost one cheap pass of their own.
   */
  ascii: string[];
  /** Fragments, for folded text. */
  folded: string;
  /**
   * Every pattern whole, written to match where its fragment starts (sticky, `i` flag on raw text): a
   * fragment found by `ascii` opens the prefilter only if a whole pattern is there ("vernmen" opens
   * on "the Chinese government", not on "the government").
   */
  verifyAscii: string;
  /** The same, for folded text. */
  verifyFolded: string;
  /** Per event, its key anchor's patterns whole (as `verifyAscii`, `verifyFolded`). */
  keys: Array<{ ascii: string; folded: string }>;
  /**
   * `folded`, split by the script of each fragment's first letter (ASCII, Han, kana, hangul, else its
   * block of 256 code points), with the letters whose presence the part needs (`script`, a class; none
   * for ASCII), and the ASCII fragments again split by the length of their first word (as `ascii`).
   */
  foldedParts: Array<{ script: string; fragments: string }>;
}

/**
 * An alternation of fragments (as `source` writes them) as a trie: branches that share their first
 * letters share them once ("m(?:a(?:mut|...)|uh(?:...))"). The engine then tries a handful of
 * branches at a place, not hundreds, and matches at the same places.
 */
export function trie(alternation: string, between: string): string {
  type Node = Map<string, Node> & { end?: boolean };
  const root: Node = new Map();
  for (const alt of alternation.split(/(?<!\\)\|/)) {
    if (!alt) continue;
    let node = root;
    for (let i = 0; i < alt.length; ) {
      const token = alt.startsWith(between, i) ? between : alt[i] === '\\' ? alt.slice(i, i + 2) : alt[i]!;
      i += token.length;
      let next = node.get(token);
      if (!next) node.set(token, (next = new Map()));
      node = next;
    }
    node.end = true;
  }
  // A fragment that is the start of another ends the branch: the longer one adds no place.
  const write = (node: Node): string => {
    if (node.end) return '';
    const branches = [...node].map(([token, next]) => token + write(next));
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return root.size ? write(root) : '(?!)';
}

/** The script a folded fragment starts in: a class of the code units that start it, or '' for ASCII. */
function scriptOf(piece: string): string {
  const c = piece.charCodeAt(0);
  if (c < 0x80) return '';
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return '[\\u3400-\\u9fff\\uf900-\\ufaff]';
  if (c >= 0xac00 && c <= 0xd7a3) return '[\\uac00-\\ud7a3]';
  if (c >= 0x3040 && c <= 0x30ff) return '[\\u3040-\\u30ff]';
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `[\\u${hex(c & 0xff00)}-\\u${hex((c & 0xff00) | 0xff)}]`;
}

/** A fragment whose first word is shorter than this goes in the second expression (`GateExpressions.ascii`). */
const SHORT = 4;
const shortStart = (piece: string) => {
  const space = piece.indexOf(' ');
  return space >= 0 && space < SHORT;
};

export function expressions(spec: GateSpec): GateExpressions {
  const all = [...spec.open, ...spec.events.flatMap((e) => e.key)];
  const whole = (ps: readonly string[]) => ({
    ascii: source(ps.filter((p) => plain(p.replaceAll(MARK, ''))).map((p) => atPiece(p, ASCII_BREAKS))),
    folded: source(ps.map((p) => atPiece(p, FOLDED_BREAKS))),
  });
  const open = whole(spec.open);
  const parts = new Map<string, string[]>();
  for (const p of all) {
    const piece = fragment(p).piece;
    const script = scriptOf(piece);
    // The short-start ASCII fragments apart (see `ascii`); the key sorts after the long ones'.
    const key = script || (shortStart(piece) ? ' ' : '');
    parts.set(key, [...(parts.get(key) ?? []), words(piece, FOLDED_BREAKS)]);
  }
  const asciiPieces = all.filter((p) => plain(p.replaceAll(MARK, ''))).map((p) => fragment(p).piece);
  return {
    foldedParts: [...parts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, ps]) => ({ script: key.trim(), fragments: source(ps) })),
    ascii: [false, true].map((short) => source(asciiPieces.filter((p) => shortStart(p) === short).map((p) => words(p, ASCII_BREAKS)))).filter(Boolean),
    folded: source(all.map((p) => words(fragment(p).piece, FOLDED_BREAKS))),
    verifyAscii: open.ascii,
    verifyFolded: open.folded,
    keys: spec.events.map((e) => whole(e.key)),
  };
}

/** The prefilter for the topic words: whether a video page's captions are worth loading. */
export function topicGate(spec: GateSpec, table: () => Uint16Array): Gate {
  return new Gate({ open: spec.topic, events: [], reach: spec.reach, topic: [] }, table);
}

/**
 * Code units that are neither ASCII nor sure to fold to a break: the ones the `ascii` expression
 * cannot vouch for. (tests/unit/gate.test.ts checks, against the fold table, that everything outside
 * this class is ASCII or folds to a space or punctuation.)
 */
export const ODD = /[^\x00-\x7f\u00a0-\u00a9\u00ab\u00ac\u00ae-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e]+/g;

/** Between folded windows: a control character, which folded text never contains (it folds to a space). */
const WINDOW_BREAK = 0x01;

/** A text whose answer rests on its events' key anchors, and where they are (Gate `take`, `settle`). */
export interface GateWait {
  readonly text: string;
  readonly hits: number[][];
}

interface EventCheck {
  spec: GateEvent;
}

/**
 * Whole patterns checked where a fragment starts: those that open the prefilter (one sticky
 * expression) and the events' key anchors (one per event, with its index).
 */
class Check {
  constructor(
    private readonly open: RegExp | undefined,
    private readonly keys: ReadonlyArray<RegExp | undefined>,
  ) {}

  /** The opening pattern at `at`, if any; else each event whose key anchor is there is `noted`. */
  at(text: string, at: number, noted: (event: number) => void): string | undefined {
    if (this.open) {
      this.open.lastIndex = at;
      const found = this.open.exec(text);
      if (found) return found[0];
    }
    for (let e = 0; e < this.keys.length; e++) {
      const key = this.keys[e];
      if (!key) continue;
      key.lastIndex = at;
      if (key.test(text)) noted(e);
    }
    return undefined;
  }
}

/**
 * How many letters (breaks left out, lower case) where a fragment starts choose what is checked
 * there: an alternation of every pattern, tried at a place, tries each of its hundreds of branches;
 * the patterns whose fragment starts with these letters are a handful.
 */
const LEAD = 3;

interface Checks {
  /** By the first LEAD letters of their fragment. */
  byLead: Map<string, Check>;
  /** Fragments with fewer than LEAD letters: checked at every place. */
  short: Check | undefined;
  /** Every pattern: where fewer than LEAD letters follow (the end of the text or of a window). */
  all: Check;
}

function checks(spec: GateSpec, ascii: boolean, all: Check): Checks {
  const between = ascii ? ASCII_BREAKS : FOLDED_BREAKS;
  const flags = ascii ? 'iy' : 'y';
  const lead = (p: string) => fragment(p).piece.replaceAll(' ', '').slice(0, LEAD);
  const groups = new Map<string, { open: string[]; keys: string[][] }>();
  const group = (p: string) => {
    const l = lead(p);
    const key = l.length === LEAD ? l : '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { open: [], keys: spec.events.map(() => []) }));
    return g;
  };
  const wanted = (p: string) => !ascii || plain(p.replaceAll(MARK, ''));
  for (const p of spec.open) if (wanted(p)) group(p).open.push(atPiece(p, between));
  spec.events.forEach((e, i) => {
    for (const p of e.key) if (wanted(p)) group(p).keys[i]!.push(atPiece(p, between));
  });
  const made = new Map<string, Check>();
  for (const [key, g] of groups) {
    made.set(key, new Check(g.open.length ? new RegExp(source(g.open), flags) : undefined, g.keys.map((k) => (k.length ? new RegExp(source(k), flags) : undefined))));
  }
  const short = made.get('');
  made.delete('');
  return { byLead: made, short, all };
}

/** The first LEAD letters (a-z, 0-9, lower case) of raw text from `at`, breaks left out (as `ASCII_BREAKS` reads them). */
function leadAscii(text: string, at: number): string {
  let lead = '';
  for (let i = at; i < text.length && i < at + 64 && lead.length < LEAD; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) lead += String.fromCharCode(c);
  }
  return lead;
}

/** The first LEAD code units of folded text from `at`, spaces left out; none past a window's end. */
function leadFolded(text: string, at: number): string {
  let lead = '';
  for (let i = at; i < text.length && lead.length < LEAD; i++) {
    const c = text.charCodeAt(i);
    if (c === WINDOW_BREAK) break;
    if (c !== SPACE) lead += text[i];
  }
  return lead;
}

/**
 * An event's other elements, checked in the windows around its key anchor as core/detect/decide.ts
 * counts them: its other anchors first (two missing: no telling), then the rest, least common first,
 * until enough are found or too few are left. Each element's patterns are one expression per script,
 * tried only where the script is.
 */
class ElementCheck {
  private readonly elements: Array<Array<{ script: RegExp | undefined; re: RegExp }>>;

  constructor(
    elements: readonly string[][],
    private readonly event: GateEvent,
    scripts: Map<string, RegExp>,
  ) {
    this.elements = elements.map((ps) => {
      const parts = new Map<string, string[]>();
      for (const p of ps) {
        const script = scriptOf(p);
        parts.set(script, [...(parts.get(script) ?? []), words(p, FOLDED_BREAKS)]);
      }
      return [...parts].map(([script, written]) => {
        if (script && !scripts.has(script)) scripts.set(script, new RegExp(script));
        return { script: script ? scripts.get(script) : undefined, re: new RegExp(source(written)) };
      });
    });
  }

  /** How many elements `windows` holds, if they are enough for a telling; else undefined. */
  check(windows: string): number | undefined {
    const present = new Map<RegExp, boolean>();
    const has = (script: RegExp) => {
      let p = present.get(script);
      if (p === undefined) present.set(script, (p = script.test(windows)));
      return p;
    };
    const { anchors, others } = this.event;
    let found = 0;
    let missing = 0;
    let left = this.elements.length;
    for (let i = 0; i < this.elements.length; i++) {
      const parts = this.elements[i]!;
      if (parts.some((part) => (!part.script || has(part.script)) && part.re.test(windows))) found++;
      else if (i < anchors && ++missing > 1) return undefined;
      left--;
      if (found >= others + missing && i + 1 >= anchors) return found;
      if (found + left < others + missing) return undefined;
    }
    return undefined;
  }
}

export class Gate {
  private readonly ascii: RegExp[];
  /**
   * The folded fragments, one expression per script (GateExpressions.foldedParts), each searched only
   * where its script is in the folded text: one alternation of every script's fragments defeats the
   * engine's skipping (any code unit may start a fragment) and costs a try of every branch at every
   * position; one of a single script skips as the ASCII one does. Every position at which a fragment
   * starts is still visited, by its script's expression.
   */
  private readonly foldedParts: Array<{ script: RegExp | undefined; fragments: RegExp }>;
  /** What is checked where a fragment is found, in raw (ASCII) and in folded text (`Checks`). */
  private readonly checksAscii: Checks;
  private readonly checksFolded: Checks;
  private readonly events: EventCheck[];
  /** Per event, the check of its elements, once supplied; null: not to be had (a key anchor opens). */
  private elements: ElementCheck[] | null | undefined;
  /**
   * How far (folded characters) around where a key anchor's fragment starts its event's elements are
   * looked for: WINDOW, and the longest key or element pattern (the fragment may start inside the key
   * pattern; an element found within WINDOW ends up to its length further).
   */
  private around = WINDOW;
  /** Per event, where in the current text (raw code units) its key anchor starts. */
  private hits: number[][] = [];
  /** The last text, if its key anchors wait for the elements (`take`, `supply`, then `settle`). */
  private pending: GateWait | undefined;
  private readonly odd = new RegExp(ODD.source, 'g');
  private readonly reach: number;
  private readonly decoder = new TextDecoder('utf-16le');

  /** `table`: the fold table, asked for only when text has non-ASCII letters or a key anchor. */
  constructor(spec: GateSpec, private readonly table: () => Uint16Array) {
    const x = expressions(spec);
    this.ascii = x.ascii.map((a) => new RegExp(trie(a, ASCII_BREAKS), 'gi'));
    this.foldedParts = x.foldedParts.map((part) => ({ script: part.script ? new RegExp(part.script) : undefined, fragments: new RegExp(trie(part.fragments, FOLDED_BREAKS), 'g') }));
    const never = '(?!)';
    this.events = spec.events.map((e) => ({ spec: e }));
    this.checksAscii = checks(spec, true, new Check(new RegExp(x.verifyAscii || never, 'iy'), x.keys.map((k) => new RegExp(k.ascii || never, 'iy'))));
    this.checksFolded = checks(spec, false, new Check(new RegExp(x.verifyFolded || never, 'y'), x.keys.map((k) => new RegExp(k.folded || never, 'y'))));
    this.reach = spec.reach;
    for (const e of spec.events) for (const p of e.key) this.around = Math.max(this.around, WINDOW + p.length);
    if (spec.elements) this.supply(spec.elements);
  }

  /** Whether the last text's key anchors wait for the events' elements (`take`, `supply`, `settle`). */
  get waiting(): boolean {
    return this.pending !== undefined && this.elements === undefined;
  }

  /** Whether the events' elements are supplied (or known not to be had). */
  get ready(): boolean {
    return this.elements !== undefined;
  }

  /** The waiting text's key anchors, for the caller to `settle` once the elements are supplied. */
  take(): GateWait | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }

  /**
   * The events' elements (read apart, where a key anchor was found); `null` when they cannot be had:
   * then a key anchor opens the prefilter by itself, as before there were elements to check.
   */
  supply(elements: GateElements | null): void {
    if (this.elements !== undefined) return;
    if (!elements) {
      this.elements = null;
      return;
    }
    let longest = 0;
    for (const ps of Object.values(elements)) for (const p of ps.flat()) longest = Math.max(longest, p.length);
    const scripts = new Map<string, RegExp>();
    this.elements = this.events.map((e) => new ElementCheck(elements[e.spec.id] ?? [], e.spec, scripts));
    this.around = Math.max(this.around, WINDOW + longest);
  }

  /** What a waiting text's key anchors (`take`) open on, once the elements are supplied (`ready`). */
  settle(wait: GateWait): string | undefined {
    return this.findEvent(wait.text, wait.hits);
  }

  /** True when `text` may contain one of the words (false: it certainly contains none, or `waiting`). */
  test(text: string): boolean {
    return this.find(text) !== undefined;
  }

  /**
   * What made `test` say yes: the raw text matched, or (non-ASCII) the folded text. Undefined and
   * `waiting` when the answer rests on key anchors and the elements are not supplied yet.
   */
  find(text: string): string | undefined {
    this.hits = this.events.map(() => []);
    this.pending = undefined;
    for (const ascii of this.ascii) {
      const plain = this.search(ascii, text, false);
      if (plain !== undefined) return plain;
    }
    const folded = this.findFolded(text);
    if (folded !== undefined || this.hits.every((h) => h.length === 0)) return folded;
    if (this.elements === undefined) {
      this.pending = { text, hits: this.hits };
      return undefined;
    }
    return this.findEvent(text, this.hits);
  }

  /** Where each folded code unit of the windows came from (raw index), as last folded. */
  private origin = new Uint32Array(0);

  private findFolded(text: string): string | undefined {
    // The windows around runs of odd code units, merged where they touch. When they cover most of the
    // text (the page is not in English), the text is folded whole (`foldAll`, kept for `findEvent`);
    // else the windows are folded one after another into one buffer (a break between them that no
    // pattern spans). Then searched at once.
    const odd = this.odd;
    odd.lastIndex = 0;
    const spans: number[] = [];
    let covered = 0;
    let from = 0;
    let to = -1;
    for (let m = odd.exec(text); m; m = odd.exec(text)) {
      const start = Math.max(0, m.index - this.reach);
      const end = Math.min(text.length, odd.lastIndex + this.reach);
      // The next run starts inside this window: one window to its end (runs of odd letters and
      // ASCII between, the usual text of a page not in English, in one exec).
      if (to >= 0 && start <= to) {
        to = end;
        continue;
      }
      if (to >= 0) {
        spans.push(from, to);
        covered += to - from;
      }
      from = start;
      to = end;
    }
    if (to < 0) return undefined;
    spans.push(from, to);
    covered += to - from;
    let folded: string;
    if (covered > text.length / 2) {
      folded = this.foldAll(text).folded;
    } else {
      this.whole = undefined;
      let n = 0;
      for (let i = 0; i < spans.length; i += 2) n = this.fold(text, spans[i]!, spans[i + 1]!, n, true);
      folded = this.decoder.decode(this.buffer.subarray(0, n));
    }
    for (const part of this.foldedParts) {
      if (part.script && !part.script.test(folded)) continue;
      const found = this.search(part.fragments, folded, true);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * An event whose key anchor the text holds, with at least `others` of its other elements within
   * WINDOW folded characters of it (core/detect/decide.ts pairs an event's cues only so): the prefilter
   * opens only then, as a page tells an event only with its elements together. The text is folded
   * once (`foldAll`), and only the windows around the key anchors are searched (`ElementCheck`).
   */
  private findEvent(text: string, hits: number[][]): string | undefined {
    let whole: { folded: string; n: number } | undefined;
    for (let e = 0; e < this.events.length; e++) {
      const at = hits[e]!;
      if (at.length === 0) continue;
      const { spec } = this.events[e]!;
      if (!this.elements) return `${spec.id}: key anchor`;
      whole ??= this.foldAll(text);
      const { folded, n } = whole;
      // The windows around the hits (in folded characters), merged where they overlap.
      const origin = this.origin;
      const slices: string[] = [];
      let from = -1;
      let to = -1;
      for (const h of at.sort((a, b) => a - b)) {
        // The first folded unit from raw index h on (origin is nondecreasing).
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (origin[mid]! < h) lo = mid + 1;
          else hi = mid;
        }
        const start = Math.max(0, lo - this.around);
        const end = Math.min(n, lo + this.around);
        if (from >= 0 && start <= to) {
          to = Math.max(to, end);
          continue;
        }
        if (from >= 0) slices.push(folded.slice(from, to));
        from = start;
        to = end;
      }
      slices.push(folded.slice(from, to));
      const found = this.elements[e]!.check(slices.join('\x01'));
      if (found !== undefined) return `${spec.id}: key anchor and ${found} elements`;
    }
    return undefined;
  }

  /** The last text folded whole, with trace (`foldAll`); window folds clear it. */
  private whole: { text: string; folded: string; n: number } | undefined;

  /** The whole text folded, with `origin` traced; kept for the next call on the same text. */
  private foldAll(text: string): { folded: string; n: number } {
    if (this.whole?.text === text) return this.whole;
    const n = this.fold(text, 0, text.length, 0, true);
    this.whole = { text, folded: this.decoder.decode(this.buffer.subarray(0, n)), n };
    return this.whole;
  }

  /**
   * The first whole pattern in `text`: `fragments` (global) finds where a pattern's fragment may start,
   * fast (its branches start on letters rare in prose); there, the patterns whose fragment starts
   * with the letters found there (`Checks`, a few) are checked whole, and the events' key anchors
   * among them noted. Every occurrence of a pattern starts a fragment at some position, and every
   * position a fragment starts at is checked in turn, so none is missed.
   */
  private search(fragments: RegExp, text: string, folded: boolean): string | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- read by the nested check
    const self = this;
    const checks = folded ? this.checksFolded : this.checksAscii;
    fragments.lastIndex = 0;
    for (let m = fragments.exec(text); m; m = fragments.exec(text)) {
      const at = m.index;
      const lead = folded ? leadFolded(text, at) : leadAscii(text, at);
      const found = lead.length === LEAD ? check(checks.byLead.get(lead), text, at) ?? check(checks.short, text, at) : check(checks.all, text, at);
      if (found !== undefined) return found;
      fragments.lastIndex = at + 1;
    }
    return undefined;

    /** A check's whole patterns at `at`: the first that opens, else its key anchors noted. */
    function check(c: Check | undefined, text: string, at: number): string | undefined {
      return c?.at(text, at, (e) => self.hits[e]!.push(folded ? self.origin[at]! : at));
    }
  }

  /** Folded code units of the windows (grown as needed, kept between calls). */
  private buffer = new Uint16Array(0);

  /**
   * Fold text[from, to) as the matcher does (invisibles dropped, breaks as one space) into the
   * buffer at `n`, then a separator; returns the new length. With `trace`, notes in `origin` where
   * each folded unit came from.
   */
  private fold(text: string, from: number, to: number, n: number, trace: boolean): number {
    if (this.buffer.length < n + (to - from) + 1) {
      const size = Math.max(2 * this.buffer.length, n + (to - from) + 1, 4096);
      const grown = new Uint16Array(size);
      grown.set(this.buffer.subarray(0, n));
      this.buffer = grown;
      const origin = new Uint32Array(size);
      origin.set(this.origin.subarray(0, n));
      this.origin = origin;
    }
    const out = this.buffer;
    const origin = this.origin;
    const table = this.table();
    let space = true;
    for (let i = from; i < to; i++) {
      const f = foldUnit(table, text.charCodeAt(i));
      if (f === SKIP) continue;
      if (f === SPACE || f === PUNCT) {
        if (!space) {
          if (trace) origin[n] = i;
          out[n++] = SPACE;
        }
        space = true;
      } else {
        if (trace) origin[n] = i;
        out[n++] = f;
        space = false;
      }
    }
    if (trace) origin[n] = to;
    out[n++] = WINDOW_BREAK;
    return n;
  }
}
