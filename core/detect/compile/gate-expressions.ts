/**
 * The prefilter's expressions (core/detect/gate.ts), written from its patterns where the index is
 * built (the background, at install): the record every page reads holds them ready, so a page pays
 * only for `new RegExp`, not for writing hundreds of patterns into expressions. Breaks between words
 * are written as one space (`BREAK`); the Gate writes them out for raw or folded text as it reads
 * them.
 */
import type { GateSpec, GateWritten } from '../gate-record';
import { BREAK, LEAD, fast, fragment, plainPattern, scriptOf, source, type WrittenChecks } from '../gate-patterns';
import { WINDOW } from '../limits';

/** The expressions of a set of stored patterns. */
export interface GateExpressions {
  /** Fragments of the plain-ASCII patterns, for raw text (`GateWritten.ascii`). */
  ascii: [string];
  /**
   * Fragments of the other patterns, for folded text, split by the script of their first letter
   * (ASCII ''; Han, kana, hangul, else its block of 256 code points): the plain-ASCII ones join the
   * ASCII part where read (`GateWritten.folded`).
   */
  foldedParts: Array<{ script: string; fragments: string }>;
}

/**
 * An alternation of fragments (as `source` writes them) as a trie: branches that share their first
 * letters share them once ("m(?:a(?:mut|...)|uh(?:...))"). The engine then tries a handful of
 * branches at a place, not hundreds, and matches at the same places. A lookbehind (`fast`) is one
 * step of its branch.
 */
export function trie(alternation: string, between: string): string {
  type Node = Map<string, Node> & { end?: boolean };
  const root: Node = new Map();
  for (const alt of alternation.split(/(?<!\\)\|/)) {
    if (!alt) continue;
    let node = root;
    for (let i = 0; i < alt.length; ) {
      const token = alt.startsWith('(?<=', i)
        ? alt.slice(i, alt.slice(i).search(/(?<!\\)\)/) + i + 1)
        : alt.startsWith(between, i)
          ? between
          : alt[i] === '\\'
            ? alt.slice(i, i + 2)
            : alt[i]!;
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

/**
 * Fragments with the same letters (and the same lookbehind) as one, with a break wherever any of
 * them has one: "budure", "bu dure", "budu re" and "bu du re" (a Pinyin name's syllables joined or
 * split) as "bu du re", which finds all four, since a break may be empty. Each fragment that holds a
 * break costs the engine a loop at the places it starts; in the content script's world, over the
 * feed's posts, the search took 6.6-6.9 ms with these merged (39 fragments with breaks) against
 * 8.4-10 ms with 76.
 */
export function joinings(fragments: readonly string[]): string[] {
  const merged = new Map<string, { letters: string; behind: string; breaks: Set<number> }>();
  const out: string[] = [];
  for (const f of fragments) {
    const m = /^([a-z0-9 ]+)(\(\?<=[a-z0-9 ]*\))?$/.exec(f);
    if (!m) {
      out.push(f);
      continue;
    }
    const [letters, behind] = [m[1]!.replaceAll(' ', ''), m[2] ?? ''];
    const entry = merged.get(letters + behind) ?? { letters, behind, breaks: new Set<number>() };
    let n = 0;
    for (const c of m[1]!) {
      if (c === ' ') entry.breaks.add(n);
      else n++;
    }
    merged.set(letters + behind, entry);
  }
  for (const { letters, behind, breaks } of merged.values()) out.push([...letters].map((c, i) => (breaks.has(i) ? ` ${c}` : c)).join('') + behind);
  return out;
}

export function expressions(spec: Pick<GateSpec, 'open' | 'events'>): GateExpressions {
  const all = [...spec.open, ...spec.events.flatMap((e) => e.key)];
  const ascii: string[] = [];
  const parts = new Map<string, string[]>([['', []]]);
  for (const p of all) {
    const written = fast(p);
    if (plainPattern(p)) {
      ascii.push(written);
      continue;
    }
    const key = scriptOf(fragment(p).piece);
    let list = parts.get(key);
    if (!list) parts.set(key, (list = []));
    list.push(written);
  }
  return {
    ascii: [source(joinings(ascii))],
    foldedParts: [...parts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, ps]) => ({ script: key, fragments: source(joinings(ps)) })),
  };
}

/**
 * The patterns grouped by the first LEAD letters of their fragment (breaks left out; '' for fragments
 * with fewer): what the Gate checks where a fragment is found, written into expressions there only
 * when a fragment with those letters is found (most groups are never needed on a page).
 */
function byLead(spec: Pick<GateSpec, 'open' | 'events'>): WrittenChecks {
  const lead = (p: string) => {
    const l = fragment(p).piece.replaceAll(' ', '').slice(0, LEAD);
    return l.length === LEAD ? l : '';
  };
  const groups = new Map<string, { open: string[]; keys: Map<number, string[]> }>();
  const group = (p: string) => {
    const key = lead(p);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { open: [], keys: new Map() }));
    return g;
  };
  for (const p of spec.open) group(p).open.push(p);
  spec.events.forEach((e, i) => {
    for (const p of e.key) {
      const keys = group(p).keys;
      keys.set(i, [...(keys.get(i) ?? []), p]);
    }
  });
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, g]) => [key, g.open, [...g.keys]]);
}

/** The expressions of a set of patterns, ready for the Gate (breaks written as BREAK). */
function written(spec: Pick<GateSpec, 'open' | 'events'>): GateWritten {
  const x = expressions(spec);
  let around = WINDOW;
  for (const e of spec.events) for (const p of e.key) around = Math.max(around, WINDOW + p.length);
  const tried = (s: string) => (s ? trie(s, BREAK) : '');
  return {
    ascii: x.ascii.map(tried),
    folded: x.foldedParts.map((part) => [part.script, tried(part.fragments)]),
    checks: byLead(spec),
    around,
  };
}

/** The prefilter's expressions, and those of its topic words (whether captions are worth loading). */
export function compileGate(spec: Omit<GateSpec, 'compiled'>): GateSpec['compiled'] {
  return { ...written(spec), topic: written({ open: spec.topic, events: [] }) };
}
