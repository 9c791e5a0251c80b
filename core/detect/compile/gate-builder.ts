/**
 * Builds the prefilter's expressions (core/detect/gate.ts) from the match index's patterns. Runs with the
 * index builder, in the background and in tests; never in the content script.
 */
import type { GateElements, GateSpec } from '../gate-record';
import { FAST_LETTERS, FOLDED_BREAKS, MARK, letterCount, scriptOf, source, words, type GateEvent } from '../gate-patterns';
import { WINDOW } from '../limits';
import { compileGate, trie } from './gate-expressions';
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

/** Letters in a fragment (breaks left out), from where it starts, at most. */
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

/**
 * Code units the fragments may start on, at most: a letter is two (the expression ignores case), a
 * digit one. V8 skips through text by a table of the code units a match may start with only while
 * they are 16 or fewer (its Boyer-Moore lookahead considers no position with more); with more, it
 * tries the expression at every position. In Chromium 156, ten rounds over a garden feed's posts
 * (930 KB): fragments starting on 5 letters took 4.3 ms, on 9 letters 18.4 ms; adding any one
 * letter to the five added 0.1 to 1 ms. The dataset's fragments took 22 to 42 ms on 10 letters and
 * a digit (index format 8), 10.7 ms on these 16 units.
 */
const START_UNITS = 16;
/** How many sets of letters the search below looks at, at most (the dataset's patterns need about 17,000, in 60 ms). */
const SEARCH_LIMIT = 200_000;
const units = (c: string) => (c >= 'a' && c <= 'z' ? 2 : 1);
/** The places in `p` a fragment may start on (its letters), of those in `letters` if given. */
const places = (p: string, letters?: Set<string>) => [...p].flatMap((c, i) => (c !== ' ' && (!letters || letters.has(c)) ? [i] : []));
/** Whether a fragment starting at `i` can hold FAST_LETTERS letters without a lookbehind. */
const isLong = (p: string, i: number) => letterCount(p.slice(i)) >= FAST_LETTERS;

/**
 * What a pattern whose fragment must start near its end costs, as a letter's frequency: such a
 * fragment is short, read with a lookbehind (`FAST_LETTERS`), and a short branch ends the engine's
 * lookahead early. (Six rarer letters and a digit, with a hundred such fragments, took three times
 * as long on the garden feed as these sixteen with two.)
 */
const SHORT_COST = 1;

/**
 * The letters the fragments start on: every pattern holds one of them (a pattern too short for a
 * fragment is read whole, so its first letter counts), within START_UNITS, as rare in prose as can
 * be (the sum of their frequencies is the least), and with as few patterns as can be whose only
 * places on them are near their end (SHORT_COST each). Found by a search that takes the pattern
 * with the fewest places to start, tries each of its letters (rarest first), and cuts a branch once
 * it costs more than the best found; the same patterns always give the same letters. Without a set
 * within START_UNITS (no dataset so far), each pattern's rarest letter.
 */
export function startLetters(patterns: readonly string[]): Set<string> {
  const byRarity = (a: string, b: string) => frequency(a) - frequency(b) || (a < b ? -1 : 1);
  // Per pattern, the letters with FAST_LETTERS or more from them on (`long`), and the others.
  const options = patterns.map((p) => {
    if (letterCount(p) < FAST_LETTERS) return { long: [p[0]!], short: [] };
    const all = places(p);
    const long = new Set(all.filter((i) => isLong(p, i)).map((i) => p[i]!));
    return { long: [...long].sort(byRarity), short: [...new Set(all.map((i) => p[i]!))].filter((l) => !long.has(l)).sort(byRarity) };
  });
  const choices = [...new Map(options.map((o) => [`${o.long.join('')}/${o.short.join('')}`, o])).values()];
  let best: string[] | undefined;
  let bestCost = Infinity;
  let tried = 0;
  const chosen = new Set<string>();
  const settled = new Uint8Array(choices.length);
  // How many chosen letters each pattern has a long place on, kept as letters are chosen and dropped:
  // the search looks for the next pattern none covers at every step, so this is its inner loop.
  const covered = new Uint16Array(choices.length);
  const holders = new Map<string, number[]>();
  choices.forEach((c, i) => {
    for (const l of c.long) {
      const at = holders.get(l);
      if (at) at.push(i);
      else holders.set(l, [i]);
    }
  });
  const choose = (l: string, on: boolean) => {
    if (on) chosen.add(l);
    else chosen.delete(l);
    for (const i of holders.get(l) ?? []) covered[i] = covered[i]! + (on ? 1 : -1);
  };
  const search = (cost: number, used: number): void => {
    if (cost >= bestCost || used > START_UNITS || ++tried > SEARCH_LIMIT) return;
    let next = -1;
    for (let i = 0; i < choices.length; i++) {
      if (settled[i] || covered[i]) continue;
      if (next < 0 || choices[i]!.long.length < choices[next]!.long.length) next = i;
    }
    if (next < 0) {
      best = [...chosen];
      bestCost = cost;
      return;
    }
    const c = choices[next]!;
    for (const l of c.long) {
      choose(l, true);
      search(cost + frequency(l), used + units(l));
      choose(l, false);
    }
    // Or the pattern starts near its end, on one of its other letters.
    settled[next] = 1;
    if (c.short.some((l) => chosen.has(l))) search(cost + SHORT_COST, used);
    else {
      for (const l of c.short) {
        choose(l, true);
        search(cost + frequency(l) + SHORT_COST, used + units(l));
        choose(l, false);
      }
    }
    settled[next] = 0;
  };
  search(0, 0);
  return new Set(best ?? choices.map((c) => c.long[0] ?? c.short[0]!));
}

/**
 * The plain-ASCII patterns with the fragment every occurrence of each contains marked (core/detect/gate.ts
 * reads the fragments fast, then checks the whole pattern where one is found). A fragment starts on
 * one of `startLetters`, at the rarest of them the pattern holds with FAST_LETTERS letters from it on
 * (else nearer the end), and runs PIECE letters on, or to the pattern's end; a fragment without a
 * break is taken where there is one ("confer" of "press conference", not "press c": each break is a
 * loop the engine enters where the fragment starts); one shorter than FAST_LETTERS is read with the
 * letters before it as a lookbehind (core/detect/gate-patterns.ts `fast`), so "went dark" is found
 * from its k. A Pinyin name's syllables may be split by breaks in a fragment. The fewer, rarer letters the
 * fragments start on, the faster the engine skips through text (`START_UNITS`); each place found
 * costs a check of a few whole patterns there, and a fragment found inside an ordinary word never
 * opens the prefilter by itself (with four letters, "basi" and "pond" were found on every other post
 * of a feed).
 */
export function markFragments(patterns: readonly string[]): Map<string, string> {
  const first = startLetters(patterns);
  const out = new Map<string, string>();
  for (const p of patterns) {
    // The rarest chosen letter with FAST_LETTERS from it on whose piece holds no break, else with a
    // break, else near the end; its first place.
    const end = (i: number) => {
      let e = i;
      for (let kept = 0; kept < PIECE && e < p.length; e++) if (p[e] !== ' ') kept++;
      return e;
    };
    let best = -1;
    if (letterCount(p) >= FAST_LETTERS) {
      const on = places(p, first);
      const long = on.filter((i) => isLong(p, i));
      const unbroken = long.filter((i) => !p.slice(i, end(i)).includes(' '));
      for (const i of unbroken.length ? unbroken : long.length ? long : on) if (best < 0 || frequency(p[i]!) < frequency(p[best]!)) best = i;
    }
    if (best < 0) {
      out.set(p, p);
      continue;
    }
    const [before, piece, after] = [p.slice(0, best), p.slice(best, end(best)), p.slice(end(best))];
    out.set(p, before || after ? `${before}${MARK}${piece}${MARK}${after}` : piece);
  }
  return out;
}

/**
 * One element's patterns (folded) as the prefilter reads them: an expression per script they are in
 * (gate-patterns.ts `scriptOf`: the gate tests the script's class first), written as a trie, so that
 * the engine tries a few branches where a letter starts one, not every pattern (over the 5 MB near-miss
 * text, an absent element's expression took about half the time of the plain alternation).
 */
function writeElement(patterns: Iterable<string>): Array<[script: string, expression: string]> {
  const byScript = new Map<string, string[]>();
  for (const p of [...patterns].sort()) byScript.set(scriptOf(p), [...(byScript.get(scriptOf(p)) ?? []), words(p, FOLDED_BREAKS)]);
  return [...byScript].map(([script, written]) => [script, trie(source(written), FOLDED_BREAKS)]);
}

/**
 * The events whose key anchor opens the prefilter only with enough of the event's other elements in
 * the same text: every event. A key anchor is the least common of an event's anchors, but still words
 * of ordinary news ("press conference", "Beijing", "Shanghai", "CNN reporters"); a page tells the event
 * only with `minElements` of its elements in one window of WINDOW characters (core/detect/locality.ts),
 * so the prefilter asks for the key and `minElements - 1` others within WINDOW of it, as locality.ts
 * does: every other anchor, or all but one and an element more (GateEvent).
 */
function eventChecks(patterns: ReadonlyArray<readonly [string, number]>, terms: readonly Term[], events: MatchIndex['events']): { checks: GateEvent[]; elements: GateElements; keyTerms: Set<number> } {
  const strip = (p: string) => (p.endsWith('*') ? p.slice(0, -1) : p);
  const checks: GateEvent[] = [];
  const elements: GateElements = { around: WINDOW, events: {} };
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
    // The other anchors first (a telling lacks at most one of them, core/detect/locality.ts), then the
    // least common elements (those whose shortest cue is longest): a page that does not tell the event
    // lacks them, and the check stops as soon as too few are left to find.
    const shortest = (ps: Set<string>) => Math.min(...[...ps].map((p) => p.length));
    const anchor = (id: string) => (event.anchors.includes(id) ? 0 : 1);
    const sorted = [...byElement]
      .filter(([id]) => id !== event.key)
      .sort(([a, x], [b, y]) => anchor(a) - anchor(b) || shortest(y) - shortest(x) || (a < b ? -1 : 1));
    elements.events[eventId] = sorted.map(([, ps]) => writeElement(ps));
    // The gate looks for them within WINDOW of a key anchor, plus the longest (a pattern found there
    // may end that much further).
    for (const [, ps] of sorted) for (const p of ps) elements.around = Math.max(elements.around, WINDOW + p.length);
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
  // A pattern that holds another whole is found wherever that one is, since the prefilter reads no
  // word boundaries ("mission permanente de la chine" and "mission permanente"): only the shorter is
  // written. A key anchor's pattern holding an opening one, or another of its event's, is left out
  // too; the windows around key anchors stay as wide as the longest would have made them.
  const roleOf = (p: string) => keyOf.get(p) ?? -1;
  const covers = (q: string, p: string) => q !== p && p.includes(q) && (roleOf(q) === -1 || roleOf(q) === roleOf(p));
  const longestKey = Math.max(0, ...gated.filter((p) => roleOf(p) >= 0).map((p) => p.length));
  // Read as each pattern's substrings looked up among the patterns, not every pair of patterns.
  const gatedSet = new Set(gated);
  const held = (p: string) => {
    for (let i = 0; i < p.length; i++) {
      for (let j = i + 1; j <= p.length; j++) {
        const q = p.slice(i, j);
        if (gatedSet.has(q) && covers(q, p)) return true;
      }
    }
    return false;
  };
  const kept = gated.filter((p) => !held(p));
  const opening: string[] = [];
  let longest = 0;
  const marked = markFragments(kept.filter(plain));
  for (const pattern of kept) {
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
  const compiled = compileGate(spec);
  compiled.around = Math.max(compiled.around, WINDOW + longestKey);
  return { ...spec, compiled };
}
