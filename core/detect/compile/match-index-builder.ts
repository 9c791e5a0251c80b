/**
 * Builds the compact match index (core/detect/match-index.ts) from the dataset and the lexicon: the
 * family members' names through every route (name-terms.ts), the families' places, the events' cue
 * words, the known phrases and URLs, and the generic story vocabulary. Runs in the background on
 * install and update, and in tests and benchmarks.
 */
import type { Dataset } from '../../dataset/schema';
import type { Term } from '../evidence';
import { CONTEXT_TERMS, FAMILY_PLACES, HELD, HOLIDAYS, OTHER_HOMETOWNS, OTHER_NAMES, OTHER_OUTLETS } from './lexicon';
import { deriveFoldTable, foldRuns, foldTableFromRuns, foldPattern } from '../../text/fold';
import { compileAutomaton } from '../automaton';
import { urlRulePrefix } from '../../site';
import { buildGate } from './gate-builder';
import { toSimplified, traditionalPairs } from './chinese-script';
import { readingPairs } from './chinese-route';
import { nameTerms, otherNameSpellings, type NameTermSpec } from './name-terms';
import { MATCH_INDEX_FORMAT, type ContextCategory, type MatchIndex, type UrlRule } from '../match-index';

/** Chinese characters: spellings with any are written in Simplified before folding. */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Terms that never give evidence and whose characters stay out of the fold table (`buildMatchIndex`). */
const OWN_SCRIPT: ReadonlySet<Term['kind']> = new Set<Term['kind']>(['holiday', 'other-place', 'held']);

/** A cue that ends in `*` matches any ending (Turkish, Russian, Uyghur inflections). */
const OPEN_END = '*';

export function buildMatchIndex(dataset: Dataset, datasetHash: string): MatchIndex {
  // Terms are gathered with their spellings first; the fold table depends on the Chinese characters
  // the spellings use (their Traditional forms and homophones fold to them), and the patterns are
  // folded with it.
  const specs: NameTermSpec[] = [];
  const add = (term: Term, spellings: Iterable<string>) => specs.push({ term, spellings: [...spellings] });

  const names = nameTerms(dataset);
  const nameSpecCount = names.specs.length;
  specs.push(...names.specs);

  for (const phrase of dataset.signals.phrases) {
    add({ kind: 'phrase', label: phrase.text, strength: phrase.strength, ...(phrase.familyId ? { familyId: phrase.familyId } : {}) }, [phrase.text]);
  }
  for (const place of FAMILY_PLACES) {
    add({ kind: 'place', label: place.label, strength: 'weak', familyIds: place.familyIds, specific: place.specific, ...(place.wide ? { wide: true } : {}), parentsOf: place.parentsOf, ...(place.heldOf ? { heldOf: place.heldOf } : {}) }, place.spellings);
  }
  for (const event of dataset.signals.events) {
    for (const element of event.elements) {
      const term = { kind: 'event-cue', label: element.label, strength: 'weak', eventId: event.id, elementId: element.id, anchor: element.anchor, familyIds: event.familyIds } as const;
      // Telling cues of an element are a term of their own, marked, for the same element.
      add(element.telling === true ? { ...term, telling: true } : element.backs ? { ...term, backs: true } : term, Object.values(element.cues).flat());
      if (element.telling && element.telling !== true) add({ ...term, telling: true }, Object.values(element.telling).flat());
    }
  }
  for (const [category, groups] of Object.entries(CONTEXT_TERMS) as Array<[ContextCategory, (typeof CONTEXT_TERMS)[ContextCategory]]>) {
    for (const group of groups) add({ kind: 'context', label: group.label, strength: 'weak', category }, group.spellings);
  }
  // Other newsrooms under CNN's name (CNN Türk): the "CNN" inside them is not the story's outlet.
  add({ kind: 'other-outlet', label: 'another newsroom under CNN’s name', strength: 'weak' }, [...OTHER_OUTLETS]);
  // Holidays that bring families home (a reunion beside one is the holiday's, not the story's) and
  // hometowns in Xinjiang that are neither family's.
  add({ kind: 'holiday', label: 'a holiday', strength: 'weak' }, [...HOLIDAYS]);
  add({ kind: 'other-place', label: 'another hometown in Xinjiang', strength: 'weak' }, [...OTHER_HOMETOWNS]);
  // Someone held where she is (beside Kashgar: the story's Muherrem, `heldOf`).
  add({ kind: 'held', label: 'held there', strength: 'weak' }, [...HELD]);
  // Their characters stay out of the fold table (below), which the prefilter carries to every page:
  // their Traditional forms are spellings of their own, not converted to Simplified.
  const ownScript = (i: number) => OWN_SCRIPT.has(specs[i]!.term.kind);

  // Other people's names (Tursun, 阿布力克木·吐尔逊's surname): what makes a member's given name
  // someone else's whole name. A spelling a member's name has too stays the member's alone (below).
  const otherNamesAt = specs.length;
  for (const other of OTHER_NAMES) add({ kind: 'other-name', label: other.latin[0]!, strength: 'weak' }, otherNameSpellings(other));

  const simplified = specs.map((s, i) => (ownScript(i) ? s.spellings : s.spellings.map((w) => (HAN.test(w) ? toSimplified(w) : w))));
  const han = simplified.filter((_, i) => !ownScript(i)).flat().filter((s) => HAN.test(s));
  const fold = foldRuns(deriveFoldTable([...traditionalPairs(han), ...readingPairs(names.syllables)]));
  const table = foldTableFromRuns(fold);
  const folded = (spelling: string) => {
    const open = spelling.endsWith(OPEN_END);
    const f = foldPattern(open ? spelling.slice(0, -1) : spelling, table);
    return f && open ? f + OPEN_END : f;
  };

  // A name spelling that two people share (Muherrem's family name Ablet, the grandfather's given name
  // Ablat) belongs to neither alone: it becomes a shared term, which counts only inside a full name.
  const owners = new Map<string, Set<number>>();
  simplified.slice(0, nameSpecCount).forEach((spellings, i) => {
    for (const s of spellings) {
      const f = folded(s);
      if (!f) continue;
      const set = owners.get(f) ?? new Set<number>();
      set.add(i);
      owners.set(f, set);
    }
  });

  const terms: Term[] = specs.map((s) => s.term);
  // A name spelling goes to one term: of the name terms that claim it, the one with the highest weight
  // (an attested form over a rule's), or a shared term when two people claim it (below). Other terms
  // (places, cues, phrases, vocabulary) keep every spelling: one word may be an element of several
  // events ("CNN"), and the automaton reports each of a pattern's terms.
  const claims = new Map<string, number>();
  const others: Array<[string, number]> = [];
  simplified.forEach((spellings, index) => {
    const seen = new Set<string>();
    for (const s of spellings) {
      const f = folded(s);
      if (!f || seen.has(f)) continue;
      seen.add(f);
      if (index >= nameSpecCount) {
        if (index >= otherNamesAt && owners.has(f)) continue;
        others.push([f, index]);
        continue;
      }
      const prev = claims.get(f);
      if (prev === undefined || (terms[index]!.weight ?? 1) > (terms[prev]!.weight ?? 1)) claims.set(f, index);
    }
  });
  const sharedTerm = new Map<string, number>();
  const patterns: Array<[string, number]> = [];
  for (const [f, claimed] of claims) {
    let termIndex = claimed;
    if (claimed < nameSpecCount) {
      const specsOf = [...owners.get(f)!];
      const people = new Set(specsOf.map((i) => terms[i]!.personId));
      if (people.size > 1) {
        const key = [...specsOf].sort().join(',');
        termIndex = sharedTerm.get(key) ?? -1;
        if (termIndex < 0) {
          const first = terms[specsOf[0]!]!;
          termIndex =
            terms.push({
              kind: 'name-part',
              label: `${first.label} (shared)`,
              strength: 'weak',
              route: first.route!,
              weight: Math.max(...specsOf.map((i) => terms[i]!.weight ?? 1)),
              shared: specsOf.map((i) => [terms[i]!.personId!, terms[i]!.part!] as [string, 'given' | 'family']),
            }) - 1;
          sharedTerm.set(key, termIndex);
        }
      }
    }
    patterns.push([f, termIndex]);
  }
  patterns.push(...others);

  const urls: UrlRule[] = dataset.signals.urls.map((u) => ({
    prefix: urlRulePrefix(u.prefix),
    label: u.prefix,
    strength: u.strength === 'strong' ? 'strong' : 'story',
    ...(u.familyId ? { familyId: u.familyId } : {}),
  }));

  const people: MatchIndex['people'] = {};
  // The initials of a family's name words in Latin letters (its members' given and family names: a
  // Uyghur child's surname is the father's given name): "Muherrem A.", "Zumeryem K." are the family's;
  // "Muharrem K." is someone else (core/detect/locality.ts `initialled`).
  const initialsOf = new Map<string, Set<string>>();
  for (const p of dataset.people) {
    const set = initialsOf.get(p.familyId) ?? new Set<string>();
    const latin = p.names.filter((n) => n.script === 'Latn').map((n) => n.text);
    // (A member named only by the display name, as Hikmet is.)
    for (const name of latin.length ? latin : [p.displayName]) for (const w of name.split(/\s+/)) if (w) set.add(w[0]!.toLowerCase());
    initialsOf.set(p.familyId, set);
  }
  for (const p of dataset.people) {
    const initials = [...(initialsOf.get(p.familyId) ?? [])].sort();
    people[p.id] = { familyId: p.familyId, name: p.displayName, parent: p.role === 'father' || p.role === 'mother', ...(initials.length ? { initials } : {}) };
  }
  const families: MatchIndex['families'] = {};
  for (const f of dataset.families) families[f.id] = { label: f.label };
  const events: MatchIndex['events'] = {};
  for (const e of dataset.signals.events) {
    const anchors = e.elements.filter((x) => x.anchor);
    events[e.id] = { label: e.label, familyIds: e.familyIds, minElements: e.minElements, anchors: anchors.map((x) => x.id), key: keyAnchor(e.id, anchors, dataset), telling: e.elements.some((x) => x.telling), ...(e.minTelling ? { minTelling: e.minTelling } : {}), ...(e.everyAnchor ? { everyAnchor: true } : {}) };
  }

  return {
    format: MATCH_INDEX_FORMAT,
    datasetVersion: dataset.meta.version,
    datasetHash,
    terms,
    patterns,
    fold,
    automaton: compileAutomaton(patterns.map(([p]) => p)),
    gate: buildGate(patterns, terms, { events, people }),
    urls,
    people,
    families,
    events,
  };
}

/**
 * An event's key anchor: the one a telling must always hold (the others may lack one) and the one
 * the prefilter opens on, so the least common: no cue shared with another event or with the generic
 * vocabulary (CNN), no bare date ("25 March" heads every page of that day), the longest shortest cue.
 */
function keyAnchor(eventId: string, anchors: ReadonlyArray<{ id: string; cues: Record<string, string[]>; key?: true }>, dataset: Dataset): string {
  // The dataset's own choice, where prose shows the guess below wrong (records.ts `EventElement.key`).
  const chosen = anchors.find((a) => a.key);
  if (chosen) return chosen.id;
  const elsewhere = new Set<string>();
  for (const other of dataset.signals.events) {
    if (other.id === eventId) continue;
    for (const el of other.elements) for (const c of Object.values(el.cues).flat()) elsewhere.add(c.toLowerCase());
  }
  const generic = new Set(Object.values(CONTEXT_TERMS).flat().flatMap((g) => g.spellings).map((c) => c.toLowerCase()));
  const score = (a: (typeof anchors)[number]) => {
    const cues = Object.values(a.cues).flat();
    const common = cues.filter((c) => generic.has(c.toLowerCase()) || elsewhere.has(c.toLowerCase())).length;
    const dated = cues.some((c) => /\d/.test(c)) ? 1 : 0;
    const shortest = Math.min(...cues.filter((c) => /[a-z]/i.test(c)).map((c) => c.replace(/[^a-z]/gi, '').length));
    return [common, dated, -shortest] as const;
  };
  const ranked = [...anchors].sort((x, y) => {
    const [a, b] = [score(x), score(y)];
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (x.id < y.id ? -1 : 1);
  });
  return ranked[0]!.id;
}
