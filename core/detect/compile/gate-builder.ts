/**
 * Builds the prefilter's expressions (core/detect/gate.ts) from the match index's patterns. Runs with the
 * index builder, in the background and in tests; never in the content script.
 */
import { MARK, type GateElements, type GateEvent, type GateSpec } from '../gate';
import { compileGate } from './gate-expressions';
import type { Term } from '../evidence';
import type { MatchIndex } from '../match-index';

/**
 * The terms whose words a page must contain to be able to match (core/detect/rules.ts). Every
 * decisive rule needs a parent's or a rare given name (a rare name corroborated, two members named
 * together), or a full name (given and family name of one person), or an anchor of an event, or a
 * strong phrase; a known URL is checked apart. So each person has one gated part: the given name
 * for a parent or a rare name, else the family name (the grandfather's full name needs it), and every
 * spelling of that part opens the prefilter, shared spellings included (a full name made of two
 * shared spellings still holds one). For an event, its key anchor is enough: a page that tells it
 * always holds that one (core/detect/decide.ts). Generic vocabulary, places and common children's names never open the prefilter.
 */
export function gateTerms(terms: readonly Term[], events: MatchIndex['events'], people: MatchIndex['people']): Set<number> {
  const rare = new Set(terms.filter((t) => t.kind === 'name-part' && t.rare).map((t) => t.personId));
  const withFamily = new Set(terms.filter((t) => t.kind === 'name-part' && t.part === 'family' && !t.shared).map((t) => t.personId));
  const roleOf = (personId: string): 'given' | 'family' | undefined =>
    rare.has(personId) || people[personId]?.parent ? 'given' : withFamily.has(personId) ? 'family' : undefined;
  const gated = new Set<number>();
  const anchors = new Map<string, number[]>();
  terms.forEach((t, i) => {
    if (t.kind === 'phrase' && t.strength === 'strong') gated.add(i);
    if (t.kind === 'name-part') {
      const claims = t.shared ?? [[t.personId!, t.part!] as const];
      if (claims.some(([person, part]) => roleOf(person) === part)) gated.add(i);
    }
    if (t.kind === 'event-cue' && t.anchor) {
      const key = `${t.eventId}:${t.elementId}`;
      anchors.set(key, [...(anchors.get(key) ?? []), i]);
    }
  });
  // Each event's key anchor (chosen by the index builder: its least common one) is on every page
  // that tells the event, so its words are enough.
  for (const [eventId, event] of Object.entries(events)) {
    for (const i of anchors.get(`${eventId}:${event.key}`) ?? []) gated.add(i);
  }
  return gated;
}

/** Letters in a fragment (breaks left out): a pattern with fewer is its own fragment, whole. */
const PIECE = 6;

/**
 * Letter frequencies in prose, per cent (English; digits as a common letter, news is full of them):
 * fragments start on letters rare in prose.
 */
const FREQUENCY: Record<string, number> = {
  e: 12.7, t: 9.1, a: 8.2, o: 7.5, i: 7, n: 6.7, s: 6.3, h: 6.1, r: 6, d: 4.3, l: 4, c: 2.8, u: 2.8,
  m: 2.4, w: 2.4, f: 2.2, g: 2, y: 2, p: 1.9, b: 1.5, v: 1, k: 0.8, j: 0.15, x: 0.15, q: 0.1, z: 0.07,
};
const frequency = (c: string) => FREQUENCY[c] ?? 3;

/** Where a fragment of `p` may start: on a letter with PIECE letters from it to the end. */
function starts(p: string): number[] {
  const out: number[] = [];
  let letters = 0;
  for (let i = p.length - 1; i >= 0; i--) {
    if (p[i] === ' ') continue;
    if (++letters >= PIECE) out.push(i);
  }
  return out.reverse();
}

/**
 * The plain-ASCII patterns with the fragment every occurrence of each contains marked (core/detect/gate.ts
 * reads the fragments fast, then checks the whole pattern where one is found): PIECE letters (a
 * Pinyin name's syllables may be split by breaks in it), starting on as few different letters as
 * possible, and rare ones. An engine skips through text by the letters every branch may start with:
 * each pattern's rarest starting letter, then the most frequent of those dropped while every pattern
 * still has a place to start on the others. A fragment found inside an ordinary word costs one check
 * of a few whole patterns there, and never opens the prefilter by itself; four letters were found in
 * "basil" and "pond" on every other post of a feed, seven or more start on more letters. (Pieces of
 * seven letters, each on its own word's rarest letter, started on 19 letters: in Node, the prefilter
 * took 6.1 ms on 930 KB of a garden feed's posts and 43.5 ms on a megabyte of prose in 11 languages,
 * against 3.7 and 35.5 ms now.)
 */
export function markFragments(patterns: readonly string[]): Map<string, string> {
  const choices = patterns.map((p) => new Set(starts(p).map((i) => p[i]!)));
  const rarest = (letters: Iterable<string>) => [...letters].sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : 1))[0];
  let first = new Set(choices.flatMap((c) => (c.size ? [rarest(c)!] : [])));
  for (const letter of [...first].sort((a, b) => frequency(b) - frequency(a) || (a < b ? -1 : 1))) {
    const rest = new Set([...first].filter((l) => l !== letter));
    if (choices.every((c) => c.size === 0 || [...c].some((l) => rest.has(l)))) first = rest;
  }
  const out = new Map<string, string>();
  for (const p of patterns) {
    let best = -1;
    for (const i of starts(p)) if (first.has(p[i]!) && (best < 0 || frequency(p[i]!) < frequency(p[best]!))) best = i;
    if (best < 0) {
      out.set(p, p);
      continue;
    }
    let end = best;
    for (let kept = 0; kept < PIECE; end++) if (p[end] !== ' ') kept++;
    const [before, piece, after] = [p.slice(0, best), p.slice(best, end), p.slice(end)];
    out.set(p, before || after ? `${before}${MARK}${piece}${MARK}${after}` : piece);
  }
  return out;
}

/**
 * The events whose key anchor opens the prefilter only with enough of the event's other elements in
 * the same text: every event. A key anchor is the least common of an event's anchors, but still words
 * of ordinary news ("press conference", "Beijing", "Shanghai", "CNN reporters"); a page tells the event
 * only with `minElements` of its elements in one window of WINDOW characters (core/detect/decide.ts),
 * so the prefilter asks for the key and `minElements - 1` others within WINDOW of it, as decide.ts
 * does: every other anchor, or all but one and an element more (GateEvent).
 */
function eventChecks(patterns: ReadonlyArray<readonly [string, number]>, terms: readonly Term[], events: MatchIndex['events']): { checks: GateEvent[]; elements: GateElements; keyTerms: Set<number> } {
  const strip = (p: string) => (p.endsWith('*') ? p.slice(0, -1) : p);
  const checks: GateEvent[] = [];
  const elements: GateElements = {};
  const keyTerms = new Set<number>();
  for (const [eventId, event] of Object.entries(events)) {
    const byElement = new Map<string, Set<string>>();
    for (const [p, t] of patterns) {
      const term = terms[t]!;
      if (term.kind !== 'event-cue' || term.eventId !== eventId) continue;
      if (term.elementId === event.key) keyTerms.add(t);
      const set = byElement.get(term.elementId!) ?? new Set<string>();
      set.add(strip(p));
      byElement.set(term.elementId!, set);
    }
    const key = byElement.get(event.key);
    if (!key) continue;
    // The other anchors first (a telling lacks at most one of them, core/detect/decide.ts), then the
    // least common elements (those whose shortest cue is longest): a page that does not tell the event
    // lacks them, and the check stops as soon as too few are left to find.
    const shortest = (ps: Set<string>) => Math.min(...[...ps].map((p) => p.length));
    const anchor = (id: string) => (event.anchors.includes(id) ? 0 : 1);
    const sorted = [...byElement]
      .filter(([id]) => id !== event.key)
      .sort(([a, x], [b, y]) => anchor(a) - anchor(b) || shortest(y) - shortest(x) || (a < b ? -1 : 1));
    elements[eventId] = sorted.map(([, ps]) => [...ps].sort());
    checks.push({ id: eventId, others: event.minElements - 1, anchors: sorted.filter(([id]) => anchor(id) === 0).length, key: [] });
  }
  return { checks, elements, keyTerms };
}

export function buildGate(patterns: ReadonlyArray<readonly [string, number]>, terms: readonly Term[], index: Pick<MatchIndex, 'events' | 'people'>): GateSpec {
  const open = gateTerms(terms, index.events, index.people);
  const strip = (p: string) => (p.endsWith('*') ? p.slice(0, -1) : p);
  const { checks, elements, keyTerms } = eventChecks(patterns, terms, index.events);
  // A key anchor's pattern, unless another gated term has it too (then it opens on its own).
  const strongPatterns = new Set(patterns.filter(([, t]) => open.has(t) && !keyTerms.has(t)).map(([p]) => strip(p)));
  const keyOf = new Map<string, number>();
  for (const [p, t] of patterns) {
    if (!keyTerms.has(t) || strongPatterns.has(strip(p))) continue;
    keyOf.set(strip(p), checks.findIndex((c) => c.id === terms[t]!.eventId));
  }
  const gated = [...new Set(patterns.filter(([, t]) => open.has(t)).map(([p]) => strip(p)))];
  const topic = [...new Set(patterns.filter(([, t]) => terms[t]!.category === 'ethnonym' || terms[t]!.category === 'region').map(([p]) => strip(p)))].sort();
  const plain = (p: string) => /^[a-z0-9 ]+$/.test(p);
  const opening: string[] = [];
  let longest = 0;
  const marked = markFragments(gated.filter(plain));
  for (const pattern of gated) {
    if (pattern.includes(MARK)) throw new Error(`a gated pattern holds the fragment mark: ${pattern}`);
    const written = marked.get(pattern) ?? pattern;
    const event = keyOf.get(pattern);
    if (event === undefined) opening.push(written);
    else checks[event]!.key.push(written);
    longest = Math.max(longest, pattern.length);
  }
  // Sorted, so that the same patterns always give the same record.
  for (const c of checks) c.key.sort();
  const spec = { open: opening.sort(), events: checks, reach: 2 * longest + 8, topic, elements };
  return { ...spec, compiled: compileGate(spec) };
}
