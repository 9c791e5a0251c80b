/**
 * Builds the prefilter's expressions (core/detect/gate.ts) from the match index's patterns. Runs with the
 * index builder, in the background and in tests; never in the content script.
 */
import type { GateSpec } from '../gate';
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

/** Letter frequencies in English text, per cent: a fragment starts on a letter that is rare in prose. */
const FREQUENCY: Record<string, number> = {
  e: 12.7, t: 9.1, a: 8.2, o: 7.5, i: 7, n: 6.7, s: 6.3, h: 6.1, r: 6, d: 4.3, l: 4, c: 2.8, u: 2.8,
  m: 2.4, w: 2.4, f: 2.2, g: 2, y: 2, p: 1.9, b: 1.5, v: 1, k: 0.8, j: 0.15, x: 0.15, q: 0.1, z: 0.07,
};
/** Letters a fragment has at least (a shorter pattern is its own fragment) and at most. */
const MIN_LETTERS = 4;
const MAX_LETTERS = 6;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const letterCount = (s: string) => s.replace(/ /g, '').length;

/** Where in a pattern a fragment may start: on a letter with enough letters from it to the end. */
function starts(pattern: string): number[] {
  const need = Math.min(MIN_LETTERS, letterCount(pattern));
  const out: number[] = [];
  for (let i = 0; i < pattern.length; i++) if (pattern[i] !== ' ' && letterCount(pattern.slice(i)) >= need) out.push(i);
  return out;
}

/**
 * Fragments of plain-ASCII patterns, one per pattern, that every occurrence of the pattern contains.
 * A regular expression engine skips quickly over text that cannot start any alternative, so the
 * fragments start on as few letters as possible, and rare ones: the cheapest set of first letters
 * that still gives every pattern a place to start (greedy: each pattern's rarest letter, then drop
 * the most frequent letters the others can do without).
 */
function fragments(patterns: readonly string[]): Map<string, string> {
  const freq = (c: string) => FREQUENCY[c] ?? 0;
  const choices = patterns.map((p) => new Set(starts(p).map((i) => p[i]!)));
  let first = new Set(choices.map((c) => [...c].sort((a, b) => freq(a) - freq(b))[0]!));
  for (const letter of [...first].sort((a, b) => freq(b) - freq(a))) {
    const rest = new Set([...first].filter((l) => l !== letter));
    if (choices.every((c) => [...c].some((l) => rest.has(l)))) first = rest;
  }
  const out = new Map<string, string>();
  for (const p of patterns) {
    let best = -1;
    for (const i of starts(p)) if (first.has(p[i]!) && (best < 0 || freq(p[i]!) < freq(p[best]!))) best = i;
    let end = best;
    for (let kept = 0; end < p.length && kept < MAX_LETTERS; end++) if (p[end] !== ' ') kept++;
    out.set(p, p.slice(best, end).trim());
  }
  return out;
}

export function buildGate(patterns: ReadonlyArray<readonly [string, number]>, terms: readonly Term[], index: Pick<MatchIndex, 'events' | 'people'>): GateSpec {
  const open = gateTerms(terms, index.events, index.people);
  const strip = (p: string) => (p.endsWith('*') ? p.slice(0, -1) : p);
  const gated = [...new Set(patterns.filter(([, t]) => open.has(t)).map(([p]) => strip(p)))];
  const topicWords = [...new Set(patterns.filter(([, t]) => terms[t]!.category === 'ethnonym' || terms[t]!.category === 'region').map(([p]) => strip(p)))];
  const plain = (p: string) => /^[a-z0-9 ]+$/.test(p);
  const pieces = fragments(gated.filter(plain));
  const ascii = new Set<string>();
  const folded = new Set<string>();
  let longest = 0;
  for (const pattern of gated) {
    const piece = pieces.get(pattern) ?? pattern;
    const words = piece.split(' ').map(escape);
    // Between words: any run of breaks or invisibles, or none (pieces of text join without one).
    if (plain(pattern)) ascii.add(words.join('[^a-z0-9]*'));
    folded.add(words.join(' ?'));
    longest = Math.max(longest, piece.length);
  }
  // Sorted, so that the same patterns always give the same expressions.
  const source = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
  // The topic: the people's and the region's names, folded. Not a reason to read a page; a reason to
  // load its captions (a video page whose names are only spoken).
  const topic = source(new Set(topicWords.map((p) => p.split(' ').map(escape).join(' ?'))));
  const topicAscii = source(new Set(topicWords.filter(plain).map((p) => p.split(' ').map(escape).join('[^a-z0-9]*'))));
  return { ascii: source(ascii), folded: source(folded), reach: 2 * longest + 8, topic, topicAscii };
}
