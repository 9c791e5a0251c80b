/**
 * Builds the compact match index (lib/match-index.ts) from the dataset and the lexicon.
 * Runs in the background on install and update, and in tests and benchmarks.
 */
import type { Dataset } from '../../dataset/schema';
import { CONTEXT_TERMS, RARE_GIVEN_NAMES } from './lexicon';
import { deriveFoldTable, foldRuns, foldText } from '../../text/fold';
import { compileAutomaton } from '../automaton';
import { urlRulePrefix } from '../../site';
import { buildGate } from './gate-builder';
import { arabicRenderings, pinyinRenderings, spellingVariants } from '../../text/translit';
import {
  MATCH_INDEX_FORMAT,
  type ContextCategory,
  type MatchIndex,
  type Term,
  type UrlRule,
} from '../match-index';

/** Name words that identify nobody on their own (particles, honorifics). */
const NAME_STOPWORDS = new Set(['bin', 'binti', 'oghli', 'qizi', 'haji', 'hajim']);

export function buildMatchIndex(dataset: Dataset, datasetHash: string): MatchIndex {
  const terms: Term[] = [];
  const patterns: Array<[string, number]> = [];
  const add = (term: Term, spellings: Iterable<string>) => {
    const index = terms.push(term) - 1;
    const seen = new Set<string>();
    for (const s of spellings) {
      const folded = foldText(s);
      if (!folded || seen.has(folded)) continue;
      seen.add(folded);
      patterns.push([folded, index]);
    }
  };

  for (const person of dataset.people) {
    // One term per distinct name word and part; spellings from all of the person's names. A person
    // the sources name by first name only, with no recorded name (a minor), is known by the display name.
    const names = person.names.length
      ? person.names
      : [{ text: person.displayName, script: 'Latn' as const }];
    const byWord = new Map<string, { part: 'given' | 'family'; spellings: Set<string>; arabic: Set<string>; label: string }>();
    for (const name of names) {
      const words = foldText(name.text).split(' ').filter((w) => w && !NAME_STOPWORDS.has(w));
      const isLatin = name.script === 'Latn';
      // Chinese-script names are written as one run of characters: the whole name is one word.
      const parts = isLatin ? words : [words.join('')];
      parts.forEach((word, i) => {
        // Latin names in the dataset are given name first; "state-media" renderings are too.
        const part: 'given' | 'family' = i === 0 ? 'given' : 'family';
        const key = `${part}:${i}`;
        const slot = byWord.get(key) ?? { part, spellings: new Set<string>(), arabic: new Set<string>(), label: word };
        slot.spellings.add(word);
        if (isLatin) {
          for (const v of spellingVariants(word)) slot.spellings.add(v);
          for (const v of pinyinRenderings(word)) slot.spellings.add(v);
          for (const v of arabicRenderings(word)) {
            slot.arabic.add(v);
            // The conjunction و ("and") is written joined to the next word: "ومحمد".
            if (part === 'given') slot.arabic.add(`و${v}`);
          }
        }
        byWord.set(key, slot);
      });
    }
    for (const slot of byWord.values()) {
      const rare = [...slot.spellings].some((s) => RARE_GIVEN_NAMES.has(s)) && slot.part === 'given';
      const term: Term = {
        kind: 'name-part',
        label: capitalise(slot.label),
        strength: rare ? 'medium' : 'weak',
        personId: person.id,
        familyId: person.familyId,
        part: slot.part,
        rare,
      };
      add(term, slot.spellings);
      // Arabic-script renderings leave short vowels out, so alone they can be ordinary words (محرم,
      // قدر): they count in full names and in an established family, never as a rare given name.
      if (slot.arabic.size) add({ ...term, label: `${term.label} (Arabic script)`, strength: 'weak', rare: false }, slot.arabic);
    }
  }

  for (const phrase of dataset.signals.phrases) {
    add(
      {
        kind: 'phrase',
        label: phrase.text,
        strength: phrase.strength,
        ...(phrase.familyId ? { familyId: phrase.familyId } : {}),
      },
      [phrase.text],
    );
  }

  for (const [category, groups] of Object.entries(CONTEXT_TERMS) as Array<
    [ContextCategory, (typeof CONTEXT_TERMS)[ContextCategory]]
  >) {
    for (const group of groups) {
      add({ kind: 'context', label: group.label, strength: 'weak', category }, group.spellings);
    }
  }

  const urls: UrlRule[] = dataset.signals.urls.map((u) => ({
    prefix: urlRulePrefix(u.prefix),
    label: u.prefix,
    strength: u.strength === 'strong' ? 'strong' : 'story',
    ...(u.familyId ? { familyId: u.familyId } : {}),
  }));

  const people: MatchIndex['people'] = {};
  for (const p of dataset.people) people[p.id] = { familyId: p.familyId, name: p.displayName };
  const families: MatchIndex['families'] = {};
  for (const f of dataset.families) families[f.id] = { label: f.label };

  return {
    format: MATCH_INDEX_FORMAT,
    datasetVersion: dataset.meta.version,
    datasetHash,
    terms,
    patterns,
    fold: foldRuns(deriveFoldTable()),
    automaton: compileAutomaton(patterns.map(([p]) => p)),
    gate: buildGate(patterns, terms),
    urls,
    people,
    families,
  };
}

function capitalise(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}
