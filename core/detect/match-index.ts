/**
 * The compact match index: everything the content script needs to decide whether a page is about the
 * story, and nothing else. Built from the dataset by the background (core/detect/compile/match-index-builder.ts),
 * stored in storage.local so a content script can read it without waking the service worker.
 */
import type { CompactAutomaton, PackedAutomaton } from './automaton';
import type { GateElements, GateInput, GateSpec, GateWritten } from './gate-record';

/** The prefilter's part of the record every page reads: its expressions (`GateInput`), with the topic words'. */
export type StoredGate = Omit<GateInput, 'compiled' | 'elements'> & { compiled: GateWritten & { topic: GateWritten } };
import { packInts, type PackedInts } from '../text/pack';
import type { Strength, Term } from './evidence';

export type { ContextCategory, Term, TermKind } from './evidence';
import { urlUnderPrefix } from '../site-match';

/**
 * 2: patterns are stored folded; the fold table (`fold`) and the compiled automaton (`automaton`)
 * travel with the index, so a content script derives and builds nothing.
 * 3: the prefilter's expressions (`gate`).
 * 4: name routes, shared name parts, family places, event cues (`events`), open-ended cues (`*`), the
 *    prefilter's `topic` expression.
 *    Also: the fold table is idempotent (a letter never folds to another foldable letter).
 * 5: the prefilter checks every pattern whole where it finds its fragment (`verifyAscii`, `verifyFolded`),
 *    and an event's key anchor with the event's other elements (`events`).
 * 6: the prefilter's record holds its patterns (fragments marked), not its expressions; the events'
 *    elements are a record of their own (`matchEvents`), read where a key anchor is found.
 * 7: the prefilter's record holds its expressions written where the index is built (`compiled`:
 *    fragment tries, whole patterns by their fragment's first letters), not its patterns; an event
 *    counts its other anchors first (`anchors`).
 * 8: fragments of six letters starting on a few letters rare in prose, in one ASCII expression (was two).
 * 9: the fragments start on 16 code units at most (eight letters), chosen by a search; a fragment
 *    near a pattern's end is read with a lookbehind of the letters before it; fragments with the
 *    same letters are one, with a break wherever any of them has one.
 * 10: the events' elements are stored written (an expression per element and script, a trie) with
 *    how far around a key anchor they are looked for.
 * 11: event elements that tell their event apart (`telling`). 12: places a whole diaspora shares (`wide`).
 * 13: Urdu's heh goal folds to heh and Uyghur ë to e (the fold table the index carries changed); Uyghur
 *    words are open at their end (case endings).
 * 14: the fold table's runs are triples (the step in the length's top bit); Uzbek and Turkic Latin
 *    and Spanish name routes.
 * 15: other newsrooms under CNN's name (`other-outlet` terms: CNN Türk).
 * 16: holidays (`holiday` terms), beside which a reunion is not the story's vocabulary.
 * 17: places say whose parents are there (`parentsOf`).
 * 18: other hometowns in Xinjiang (`other-place` terms).
 * 19: Kashgar is where Muherrem is held, told so beside it (`heldOf`, `held` terms).
 * 20: how many telling elements an event needs (`minTelling`), the details that back them (`backs`
 *     terms), and each person's initials (`initials`).
 */
export const MATCH_INDEX_FORMAT = 20;
/** The stored index (StoredMatchIndex): read only where the prefilter opens. */
export const MATCH_INDEX_KEY = 'matchIndex';
/** The prefilter's part of it (MatchGate): the one read every page makes. */
export const MATCH_GATE_KEY = 'matchGate';
/** The events' elements (MatchEvents): read only on a page where the prefilter finds an event's key anchor. */
export const MATCH_EVENTS_KEY = 'matchEvents';

export interface UrlRule {
  /**
   * "site/path" prefix, lower case, the site a registrable domain (core/site.ts `urlRulePrefix`): any
   * host of the site matches (www., edition., amp. ...).
   */
  prefix: string;
  label: string;
  strength: Extract<Strength, 'strong' | 'story'>;
  familyId?: string;
}

export interface MatchIndex {
  format: typeof MATCH_INDEX_FORMAT;
  datasetVersion: string;
  datasetHash: string;
  terms: Term[];
  /** [folded pattern text, term index]: a term has as many patterns as it has spellings. */
  patterns: Array<[string, number]>;
  /**
   * The fold table as runs (core/text/fold.ts `foldRuns`), so the content script never derives it. Packed
   * into a string in storage (core/text/pack.ts).
   */
  fold: number[] | PackedInts;
  /**
   * The patterns compiled (core/detect/automaton.ts `compileAutomaton`); hit pattern indexes are `patterns`
   * indexes. Packed in storage.
   */
  automaton: CompactAutomaton | PackedAutomaton;
  /** The prefilter (core/detect/gate.ts): the words a page must contain to be able to match. */
  gate: GateSpec;
  urls: UrlRule[];
  /** Person id -> family id and display name (minors: first name only). */
  people: Record<string, { familyId: string; name: string; parent?: boolean; initials?: string[] }>;
  families: Record<string, { label: string }>;
  /** The story's events (dataset signals.events): what a page must tell of each to match on it. */
  events: Record<string, { label: string; familyIds: string[]; minElements: number; anchors: string[]; key: string; telling: boolean; minTelling?: number; everyAnchor?: boolean }>;
}

/**
 * What every page reads: the prefilter's expressions, the URL rules and the fold table (the prefilter
 * folds the text around non-ASCII letters). A few strings, so storage.local hands it over quickly.
 */
export interface MatchGate {
  format: typeof MATCH_INDEX_FORMAT;
  datasetHash: string;
  gate: StoredGate;
  urls: UrlRule[];
  fold: PackedInts;
}

/** The events' other elements, which an event's key anchor opens the prefilter only with (core/detect/gate.ts). */
export interface MatchEvents {
  format: typeof MATCH_INDEX_FORMAT;
  datasetHash: string;
  elements: GateElements;
}

/**
 * The rest of the index as stored, read only on pages where the prefilter opened: its integer arrays
 * packed into strings (core/text/pack.ts) and its records (terms, patterns, people, families) as one JSON
 * string. Chromium converts a stored value element by element; a string, at once: the read takes
 * about half as long as with the records as arrays and objects.
 */
export interface StoredMatchIndex {
  format: typeof MATCH_INDEX_FORMAT;
  datasetVersion: string;
  datasetHash: string;
  automaton: PackedAutomaton;
  records: string;
}

type Records = Pick<MatchIndex, 'terms' | 'patterns' | 'people' | 'families' | 'events'>;

/** The shape of written expressions (`GateWritten`). */
function isWritten(value: unknown): value is GateWritten {
  const w = value as Partial<GateWritten> | undefined;
  return !!w && Array.isArray(w.ascii) && Array.isArray(w.folded) && Array.isArray(w.checks) && typeof w.around === 'number';
}

/** What the full pass reads of an index: all of it but the prefilter's patterns (the record every page reads holds its expressions). */
export type DetectorIndex = Omit<MatchIndex, 'gate'>;

/** Cheap structural check of the prefilter's record read back from storage (it may be from an older version). */
export function isMatchGate(value: unknown): value is MatchGate {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<MatchGate>;
  return (
    v.format === MATCH_INDEX_FORMAT &&
    typeof v.datasetHash === 'string' &&
    Array.isArray(v.gate?.events) &&
    typeof v.gate.reach === 'number' &&
    isWritten(v.gate.compiled) &&
    isWritten(v.gate.compiled.topic) &&
    (v.gate as { elements?: unknown }).elements === undefined &&
    Array.isArray(v.urls) &&
    typeof v.fold === 'string'
  );
}

/** Cheap structural check of the events' elements read back from storage. */
export function isMatchEvents(value: unknown): value is MatchEvents {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<MatchEvents>;
  return (
    v.format === MATCH_INDEX_FORMAT &&
    typeof v.datasetHash === 'string' &&
    !!v.elements &&
    typeof v.elements.around === 'number' &&
    !!v.elements.events &&
    typeof v.elements.events === 'object' &&
    Object.values(v.elements.events).every(
      (e) => Array.isArray(e) && e.every((parts) => Array.isArray(parts) && parts.every((x) => Array.isArray(x) && x.length === 2 && x.every((y) => typeof y === 'string'))),
    )
  );
}

/** Cheap structural check of the stored index. */
export function isStoredMatchIndex(value: unknown): value is StoredMatchIndex {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<StoredMatchIndex>;
  return (
    v.format === MATCH_INDEX_FORMAT &&
    typeof v.datasetHash === 'string' &&
    typeof v.records === 'string' &&
    typeof v.automaton?.edgeStart === 'string'
  );
}

/** Whether a page's URL is one of the story's known URLs (or under one): core/site-match.ts `urlUnderPrefix`. */
export function matchesUrlRule(rules: readonly UrlRule[], url: string): boolean {
  return rules.some((rule) => urlUnderPrefix(rule.prefix, url));
}

/** The three records storage.local holds for an index, under their keys (written together, in one call). */
export function packForStorage(index: MatchIndex): { [MATCH_GATE_KEY]: MatchGate; [MATCH_EVENTS_KEY]: MatchEvents; [MATCH_INDEX_KEY]: StoredMatchIndex } {
  const a = index.automaton;
  const pack = (v: number[] | PackedInts) => (typeof v === 'string' ? v : packInts(v));
  const records: Records = { terms: index.terms, patterns: index.patterns, people: index.people, families: index.families, events: index.events };
  const { elements = { around: 0, events: {} }, reach, events, compiled } = index.gate;
  // The expressions, not the patterns they are written from (the full pass has those, in `records`).
  const gate: StoredGate = { reach, events: events.map(({ id, others, anchors }) => ({ id, others, anchors })), compiled };
  return {
    [MATCH_GATE_KEY]: { format: index.format, datasetHash: index.datasetHash, gate, urls: index.urls, fold: pack(index.fold) },
    [MATCH_EVENTS_KEY]: { format: index.format, datasetHash: index.datasetHash, elements },
    [MATCH_INDEX_KEY]: {
      format: index.format,
      datasetVersion: index.datasetVersion,
      datasetHash: index.datasetHash,
      automaton: {
        lengths: pack(a.lengths),
        edgeStart: pack(a.edgeStart),
        edgeChar: pack(a.edgeChar),
        edgeTo: pack(a.edgeTo),
        fail: pack(a.fail),
        outStart: pack(a.outStart),
        outList: pack(a.outList),
      },
      records: JSON.stringify(records),
    },
  };
}

/** The index for a Detector, from the two stored records (of the same dataset: the caller checks). */
export function unpackIndex(gate: MatchGate, stored: StoredMatchIndex): DetectorIndex {
  const records = JSON.parse(stored.records) as Records;
  return {
    format: stored.format,
    datasetVersion: stored.datasetVersion,
    datasetHash: stored.datasetHash,
    ...records,
    fold: gate.fold,
    automaton: stored.automaton,
    urls: gate.urls,
  };
}
