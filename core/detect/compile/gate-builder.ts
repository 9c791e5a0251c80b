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

/** A word shorter than this is anyone's: a pattern made only of such words is its own fragment, whole. */
const WHOLE_BELOW = 6;
/** A word this long or shorter is its own fragment; a longer one gives a piece this long. */
const PIECE = 7;

/** Letter frequencies in English text, per cent: a piece starts on a letter rare in prose, which a regular expression engine skips to fast. */
const FREQUENCY: Record<string, number> = {
  e: 12.7, t: 9.1, a: 8.2, o: 7.5, i: 7, n: 6.7, s: 6.3, h: 6.1, r: 6, d: 4.3, l: 4, c: 2.8, u: 2.8,
  m: 2.4, w: 2.4, f: 2.2, g: 2, y: 2, p: 1.9, b: 1.5, v: 1, k: 0.8, j: 0.15, x: 0.15, q: 0.1, z: 0.07,
};

/**
 * A plain-ASCII pattern with the fragment every occurrence of it contains marked (core/detect/gate.ts
 * `markedFragment`): from its longest word, the whole word or a piece of PIECE letters starting on its
 * rarest letter (a short piece of a word, "ters" of "reporters", would open on "letters"); or, when
 * every word is short (a Pinyin name syllable by syllable, "asks son to come home"), the whole pattern
 * (unmarked). The rest of the pattern the prefilter checks where it finds the piece.
 */
function marked(p: string): string {
  const freq = (c: string) => FREQUENCY[c] ?? 0;
  const words = p.split(' ');
  const longest = words.reduce((a, w) => (w.length > a.length ? w : a), '');
  if (longest.length < WHOLE_BELOW && words.length > 1) return p;
  const at = words.slice(0, words.indexOf(longest)).reduce((n, w) => n + w.length + 1, 0);
  let best = 0;
  if (longest.length > PIECE) for (let i = 1; i + PIECE <= longest.length; i++) if (freq(longest[i]!) < freq(longest[best]!)) best = i;
  const length = Math.min(PIECE, longest.length);
  const [before, piece, after] = [p.slice(0, at + best), p.slice(at + best, at + best + length), p.slice(at + best + length)];
  return before || after ? `${before}${MARK}${piece}${MARK}${after}` : piece;
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
  for (const pattern of gated) {
    if (pattern.includes(MARK)) throw new Error(`a gated pattern holds the fragment mark: ${pattern}`);
    const written = plain(pattern) ? marked(pattern) : pattern;
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
