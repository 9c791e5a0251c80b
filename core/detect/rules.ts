/**
 * The detector's rules, as a table: what each rule looks for, what it scores, why it exists, and the
 * test that pins it. `decide` (core/detect/decide.ts) runs them in this order over a page's hits;
 * each rule reads what the rules before it found (a full name's corroboration needs the page's
 * vocabulary and known sources; a given name in an established family needs the families).
 *
 * Evidence levels (DESIGN.md, "Detection model"):
 * - strong: a family member's full name (given and family name side by side, either order, any known
 *   or rule-generated spelling); a known story URL; a known phrase marked strong;
 * - medium: a rare given name (Muhlise, Zumeryem...), which counts only when corroborated by story
 *   vocabulary (two categories) or by another member of the same family;
 * - weak: common given names, family names alone, places, theme words, outlets: they never match a
 *   page alone, and a common given name counts for a person only once the family is established;
 * - story: phrases and combinations of vocabulary that are about the story without naming anyone.
 * A page matches when the signals add up to THRESHOLD and at least one is decisive (not weak).
 */
import type { ContextCategory, Strength } from './evidence';

/** Points per strength. */
export const SCORES: Record<Strength, number> = { strong: 10, medium: 4, weak: 1, story: 6 };
/** A page matches at this score, and only with at least one strong, corroborated or story signal. */
export const THRESHOLD = 10;

export type RuleId = 'known-url' | 'known-phrase' | 'vocabulary' | 'story-vocabulary' | 'full-name' | 'rare-given-name' | 'given-name-in-family';

export interface Rule {
  id: RuleId;
  /** What the rule looks for, as a reader would say it. */
  finds: string;
  /** What a signal of this rule scores (per strength, or the rule's own figure). */
  score: string;
  /** Why the rule exists, and what keeps it from firing on the wrong pages. */
  reason: string;
  /** The test that fails without it. */
  test: string;
}

/**
 * A page that names nobody is about the story when its vocabulary covers: the people (ethnonym), the
 * reporting (CNN, or the state media that answered it), the separation, and at least one of the
 * story's particulars (the accusations, the Italian appeal, the orphanage).
 */
export const STORY_REQUIRED: ContextCategory[][] = [['ethnonym'], ['outlet', 'state-media'], ['separation'], ['accusation', 'appeal', 'orphanage']];

/**
 * Context a full name needs to count: the people's own vocabulary (Uyghur, Xinjiang) or any two
 * categories of story vocabulary. A full name alone is the name of a person, not of this story: another
 * Mihriban Kader runs a bakery in Duisburg (tests/fixtures/corpus).
 */
export const NAME_CONTEXT: ContextCategory[] = ['ethnonym', 'region'];

/** A rare given name amid the story's reporting: with its three context words, enough. */
export const RARE_IN_REPORTING = 7;

/** The rules, in the order `decide` runs them. */
export const RULES: readonly Rule[] = [
  {
    id: 'known-url',
    finds: 'the page is one of the story’s known URLs (or under one)',
    score: 'strong (10) or story (6), as the dataset marks the URL',
    reason: 'the dataset’s own sources and media: a reader on CNN’s report is on the story whatever its text says',
    test: 'tests/unit/detect.test.ts › URL rules',
  },
  {
    id: 'known-phrase',
    finds: 'a known phrase: a story or video title, the children’s sign',
    score: 'as the dataset marks the phrase',
    reason: 'titles and quoted signs are specific to the story; they are written in the dataset, never inferred',
    test: 'tests/unit/detect.test.ts › phrases',
  },
  {
    id: 'vocabulary',
    finds: 'story vocabulary by category (ethnonym, region, place, outlet, state media, separation, orphanage, accusation, appeal)',
    score: 'weak (1) per category, once',
    reason: 'raises confidence in other evidence; never decisive',
    test: 'tests/unit/detect.test.ts › precise negatives',
  },
  {
    id: 'story-vocabulary',
    finds: 'vocabulary covering every group of STORY_REQUIRED',
    score: 'story (6)',
    reason: 'broadcast blurbs and transcripts that name nobody',
    test: 'tests/unit/corpus.test.ts (story-level positives)',
  },
  {
    id: 'full-name',
    finds: 'a family member’s given and family name side by side, either order, in any spelling the index knows',
    score: 'strong (10) when corroborated (NAME_CONTEXT, two categories, a known source, or another family member); 0 otherwise',
    reason: 'a name alone is a person, not this story: the Duisburg baker named Mihriban Kader',
    test: 'tests/unit/detect.test.ts › spellings, precise negatives',
  },
  {
    id: 'rare-given-name',
    finds: 'a rare given name (Muhlise, Zumeryem, Mamutjan...) not already named in full',
    score: `medium (4) when corroborated (two categories, another rare member, an established family); ${RARE_IN_REPORTING} amid the story’s reporting`,
    reason: 'state-media rebuttals name the child alone ("Muhlisa refutes CNN")',
    test: 'tests/unit/detect.test.ts › rare given names',
  },
  {
    id: 'given-name-in-family',
    finds: 'a common given name (Muhammad, Yehya) once its family is established',
    score: 'weak (1)',
    reason: 'common names count for a person only inside a family the page is already about',
    test: 'tests/unit/corpus.test.ts (people per page)',
  },
];
