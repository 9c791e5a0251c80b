/**
 * The compact match index: everything the content script needs to decide whether a page is about the
 * story, and nothing else. Built from the dataset by the background (data/match-index-builder.ts),
 * stored in storage.local so a content script can read it without waking the service worker.
 */
import type { CompactAutomaton, PackedAutomaton } from './automaton';
import type { GateSpec } from './gate';
import { packInts, type PackedInts } from './pack';

/**
 * 2: patterns are stored folded; the fold table (`fold`) and the compiled automaton (`automaton`)
 * travel with the index, so a content script derives and builds nothing.
 * 3: the prefilter's expressions (`gate`).
 */
export const MATCH_INDEX_FORMAT = 3;
export const MATCH_INDEX_KEY = 'matchIndex';

/** What a term is evidence of. */
export type TermKind =
  /** One word of a family member's name (given or family part), with its spelling variants. */
  | 'name-part'
  /** A known phrase (story title, sign text, media title). */
  | 'phrase'
  /** Story vocabulary by category, from the lexicon. */
  | 'context';

export type ContextCategory =
  | 'ethnonym'
  | 'region'
  | 'place'
  | 'outlet'
  | 'state-media'
  | 'separation'
  | 'orphanage'
  | 'accusation'
  | 'appeal';

export interface Term {
  kind: TermKind;
  /** What the sidebar and checker print ("Mamutjan", "Uyghur", "CNN"). */
  label: string;
  strength: 'strong' | 'medium' | 'weak' | 'story';
  personId?: string;
  familyId?: string;
  /** For name parts: which part of the name, and whether it is rare enough to count alone. */
  part?: 'given' | 'family';
  rare?: boolean;
  category?: ContextCategory;
}

export interface UrlRule {
  /** host + path prefix without scheme and without a leading "www." or "edition.". */
  prefix: string;
  label: string;
  strength: 'strong' | 'story';
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
   * The fold table as runs (lib/fold.ts `foldRuns`), so the content script never derives it. Packed
   * into a string in storage (lib/pack.ts).
   */
  fold: number[] | PackedInts;
  /**
   * The patterns compiled (lib/automaton.ts `compileAutomaton`); hit pattern indexes are `patterns`
   * indexes. Packed in storage.
   */
  automaton: CompactAutomaton | PackedAutomaton;
  /** The prefilter (lib/gate.ts): the words a page must contain to be able to match. */
  gate: GateSpec;
  urls: UrlRule[];
  /** Person id -> family id and display name (minors: first name only). */
  people: Record<string, { familyId: string; name: string }>;
  families: Record<string, { label: string }>;
}

/** Cheap structural check for a value read back from storage (it may be from an older version). */
export function isMatchIndex(value: unknown): value is MatchIndex {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<MatchIndex>;
  return (
    v.format === MATCH_INDEX_FORMAT &&
    Array.isArray(v.terms) &&
    Array.isArray(v.patterns) &&
    (Array.isArray(v.fold) || typeof v.fold === 'string') &&
    !!v.automaton &&
    (Array.isArray(v.automaton.edgeStart) || typeof v.automaton.edgeStart === 'string') &&
    typeof v.gate?.ascii === 'string' &&
    typeof v.gate.folded === 'string' &&
    typeof v.gate.reach === 'number' &&
    Array.isArray(v.urls) &&
    typeof v.people === 'object' &&
    typeof v.families === 'object'
  );
}

/** A URL's host and path, folded for URL rules ("https://edition.cnn.com/a?b" -> "cnn.com/a"). */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase().replace(/^(www|edition|m|mobile|amp)\./, '');
    return `${host}${u.pathname}`.toLowerCase();
  } catch {
    return '';
  }
}

/** Whether a page's URL is one of the story's known URLs (or under one). */
export function matchesUrlRule(rules: readonly UrlRule[], url: string): boolean {
  const key = urlKey(url);
  return rules.some((rule) => key.startsWith(rule.prefix));
}

/** The index as stored in storage.local: its big integer arrays packed into strings. */
export function packForStorage(index: MatchIndex): MatchIndex {
  const a = index.automaton;
  const pack = (v: number[] | PackedInts) => (typeof v === 'string' ? v : packInts(v));
  return {
    ...index,
    fold: pack(index.fold),
    automaton: {
      lengths: pack(a.lengths),
      edgeStart: pack(a.edgeStart),
      edgeChar: pack(a.edgeChar),
      edgeTo: pack(a.edgeTo),
      fail: pack(a.fail),
      outStart: pack(a.outStart),
      outList: pack(a.outList),
    },
  };
}
