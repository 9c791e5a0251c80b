/**
 * The names of the family members through every route of spelling that coverage uses, generated from
 * the dataset's attested names by rule (not listed one by one):
 * - latin: the attested Latin spellings;
 * - by-ear: respellings within a distance bounded by the word's length, weighted by that distance;
 * - pinyin: the Pinyin route back into Latin letters (through characters: Ablikim -> 阿布力克木 ->
 *   Abulikemu), joined, split or hyphenated; from attested characters where the dataset has them,
 *   else from transliteration rules;
 * - hanzi: the same syllables as characters, compared by reading (core/detect/compile/chinese-route.ts);
 * - arabic: Uyghur Arabic script letter by letter, and Arabic-press renderings by ear;
 * - cyrillic: Russian-style and Uyghur Cyrillic;
 * - kazakh: Kazakh Cyrillic, with the vowels of the word's harmony (Ablikim: Әблікім);
 * - katakana, hangul: Japanese and Korean loanword spelling, syllable by syllable (マムトジャン, 마무트잔).
 * Each spelling carries a weight: 1 for an attested one, less the further a rule takes it.
 */
import type { Dataset, Person } from '../../dataset/schema';
import type { NameRoute, Term } from '../evidence';
import { foldText } from '../../text/fold';
import { arabicRenderings, arabicStandardRenderings, byEarVariants, cyrillicRenderings, editDistance, pinyinRenderings, russianCases, spanishRenderings, turkicLatinCases, uyghurArabic, uzbekRenderings } from '../../text/translit';
import { hangulRenderings, katakanaRenderings, kazakhCases, kazakhRenderings, palladiusRenderings } from '../../text/translit-asia';
import { hanziPattern, pinyinForms, readingOf, syllabify } from './chinese-route';
import { RARE_GIVEN_NAMES } from './lexicon';

/** Name words that identify nobody on their own (particles, honorifics). */
const NAME_STOPWORDS = new Set(['bin', 'binti', 'oghli', 'qizi', 'haji', 'hajim']);
/** Weights by route: how sure a spelling found on a page is to be this name. */
export const ROUTE_WEIGHT: Record<NameRoute | 'pinyin-attested' | 'hanzi-attested' | 'arabic-by-ear', number> = {
  latin: 1,
  'pinyin-attested': 0.95,
  'hanzi-attested': 1,
  pinyin: 0.85,
  hanzi: 0.8,
  arabic: 0.9,
  'arabic-by-ear': 0.75,
  cyrillic: 0.85,
  // Renderings of an attested spelling by a script's fixed conventions, as sure as the Cyrillic ones
  // (so a rare name stays rare: RARE_MIN_WEIGHT).
  kazakh: 0.85,
  'turkic-latin': 0.85,
  spanish: 0.85,
  katakana: 0.85,
  hangul: 0.85,
  'by-ear': 1,
};
/** Each edit a respelling by ear is away from the attested spelling costs this much weight. */
export const BY_EAR_STEP = 0.15;
/** A spelling this close to an attested one counts as the name itself (a rare name stays rare). */
export const RARE_MIN_WEIGHT = 0.85;

export interface NameTermSpec {
  term: Term;
  spellings: string[];
}

type Part = 'given' | 'family';
const HAN_SEPARATORS = /[\s·・.．‧]+/;

/** A person's name words by part: the attested Latin words and the attested character words. */
function partsOf(person: Person): Map<Part, { latin: Set<string>; hanzi: Set<string> }> {
  const parts = new Map<Part, { latin: Set<string>; hanzi: Set<string> }>([
    ['given', { latin: new Set(), hanzi: new Set() }],
    ['family', { latin: new Set(), hanzi: new Set() }],
  ]);
  const names = person.names.length ? person.names : [{ text: person.displayName, script: 'Latn' as const, kind: 'primary' as const }];
  // The primary name first: it says which word is the given name, for variants written in another order.
  const ordered = [...names].sort((a, b) => (a.kind === 'primary' ? -1 : 0) - (b.kind === 'primary' ? -1 : 0));
  for (const name of ordered) {
    const latin = name.script === 'Latn';
    const words = latin
      ? foldText(name.text).split(' ').filter((w) => w && !NAME_STOPWORDS.has(w))
      : name.text.split(HAN_SEPARATORS).filter(Boolean);
    const explicit = 'part' in name ? name.part : undefined;
    words.forEach((word, i) => {
      let part: Part = explicit ?? (i === 0 ? 'given' : 'family');
      if (latin && !explicit) {
        // A variant in the other order ("Mamtinin Ablikim"): the word is the part it resembles.
        const near = (p: Part) => [...parts.get(p)!.latin].some((w) => editDistance(w, word) <= 2);
        if (!near(part) && near(part === 'given' ? 'family' : 'given')) part = part === 'given' ? 'family' : 'given';
      }
      parts.get(part)![latin ? 'latin' : 'hanzi'].add(word);
    });
  }
  return parts;
}

/** The name terms of every family member, and the syllables their Chinese renderings use. */
export function nameTerms(dataset: Dataset): { specs: NameTermSpec[]; syllables: Set<string> } {
  const specs: NameTermSpec[] = [];
  const syllables = new Set<string>();
  for (const person of dataset.people) {
    for (const [part, words] of partsOf(person)) {
      if (words.latin.size === 0 && words.hanzi.size === 0) continue;
      const label = capitalise([...words.latin][0] ?? [...words.hanzi][0]!);
      const rareName = part === 'given' && [...words.latin].some((w) => RARE_GIVEN_NAMES.has(w));
      const byWeight = new Map<string, { route: NameRoute; weight: number; spellings: Set<string> }>();
      const add = (route: NameRoute, weight: number, spelling: string) => {
        if (!spelling) return;
        const key = `${route}:${weight.toFixed(2)}`;
        const slot = byWeight.get(key) ?? { route, weight, spellings: new Set<string>() };
        slot.spellings.add(spelling);
        byWeight.set(key, slot);
      };
      const addSyllables = (sylls: readonly string[], pinyinWeight: number, hanziWeight: number) => {
        if (sylls.length < 2) return;
        for (const s of sylls) syllables.add(s);
        for (const f of pinyinForms(sylls)) add('pinyin', pinyinWeight, f);
        // The same syllables as Russian papers write them (Palladius: Мухэлиса), and in their case
        // forms (Маймайтиимине, Мухэлисы).
        for (const r of palladiusRenderings(sylls)) for (const f of [r, ...russianCases(r)]) add('cyrillic', pinyinWeight, f);
        // Characters only for names of three syllables or more: shorter runs occur in ordinary text.
        if (sylls.length >= 3) add('hanzi', hanziWeight, hanziPattern(sylls) ?? '');
      };

      for (const word of words.latin) {
        add('latin', ROUTE_WEIGHT.latin, word);
        for (const [variant, distance] of byEarVariants(word)) {
          if (distance > 0) add('by-ear', Math.max(0.5, 1 - BY_EAR_STEP * distance), variant);
        }
        for (const r of pinyinRenderings(word)) {
          const split = syllabify(r)[0];
          if (split) addSyllables(split, ROUTE_WEIGHT.pinyin, ROUTE_WEIGHT.hanzi);
          else add('pinyin', ROUTE_WEIGHT.pinyin, r);
        }
        for (const f of uyghurScript(word)) add('arabic', ROUTE_WEIGHT.arabic, f);
        for (const [variant, distance] of byEarVariants(word)) if (distance === 1) add('arabic', ROUTE_WEIGHT.arabic - BY_EAR_STEP, uyghurArabic(variant));
        // An Abdu- family name as Arabic, Persian and Urdu write the Arabic name (عبد الرحيم).
        if (part === 'family') for (const r of arabicStandardRenderings(word)) add('arabic', ROUTE_WEIGHT['arabic-by-ear'], r);
        for (const r of arabicRenderings(word)) {
          add('arabic', ROUTE_WEIGHT['arabic-by-ear'], r);
          // The conjunction و ("and") is written joined to the next word: "ومحمد".
          if (part === 'given') add('arabic', ROUTE_WEIGHT['arabic-by-ear'], `و${r}`);
        }
        // And as Russian declines it (Абликима Мамтинина, Мухлисы): translit.ts `russianCases`; Uzbek
        // Cyrillic writes -jan as -жон (Мамутжон).
        for (const r of cyrillicRenderings(word)) {
          for (const f of [r, ...russianCases(r)]) add('cyrillic', ROUTE_WEIGHT.cyrillic, f);
          if (r.endsWith('жан')) add('cyrillic', ROUTE_WEIGHT.cyrillic, `${r.slice(0, -3)}жон`);
        }
        // As Uzbek spells it (Mamutjon, Muxlisa), and with the case endings Uzbek and Uyghur join to a
        // name in Latin letters (Muxlisani, Mamutjanning): translit.ts `uzbekRenderings`, `turkicLatinCases`.
        const uzbek = uzbekRenderings(word);
        for (const r of uzbek) add('turkic-latin', ROUTE_WEIGHT['turkic-latin'], r);
        for (const r of [word, ...uzbek]) for (const f of turkicLatinCases(r)) add('turkic-latin', ROUTE_WEIGHT['turkic-latin'], f);
        // As Spanish writes it by ear (Mijribán, Mamutyán): translit.ts `spanishRenderings`.
        for (const r of spanishRenderings(word)) add('spanish', ROUTE_WEIGHT.spanish, r);
        // Kazakh joins case endings to a name, also to one spelled as Russian or Uyghur Cyrillic
        // writes it (Абдурехимнің): translit-asia.ts `kazakhCases`. Only on the first two Kazakh
        // renderings (each letter's likeliest choice), since every rendering takes 26 endings.
        const kazakh = kazakhRenderings(word);
        for (const r of kazakh) add('kazakh', ROUTE_WEIGHT.kazakh, r);
        // (And on the Әбді- forms of an Abdu- name: Әбдірехимнің.)
        const abdi = kazakh.filter((r) => r.startsWith('әбді'));
        for (const r of [...cyrillicRenderings(word), ...kazakh.slice(0, 2), ...abdi]) for (const f of kazakhCases(r)) add('kazakh', ROUTE_WEIGHT.kazakh, f);
        for (const r of katakanaRenderings(word)) add('katakana', ROUTE_WEIGHT.katakana, r);
        for (const r of hangulRenderings(word)) add('hangul', ROUTE_WEIGHT.hangul, r);
      }
      for (const hanzi of words.hanzi) addSyllables(readingOf(hanzi), ROUTE_WEIGHT['pinyin-attested'], ROUTE_WEIGHT['hanzi-attested']);

      for (const { route, weight, spellings } of byWeight.values()) {
        specs.push({
          term: {
            kind: 'name-part',
            label: capitalise(label),
            strength: 'weak',
            personId: person.id,
            familyId: person.familyId,
            part,
            rare: rareName && weight >= RARE_MIN_WEIGHT,
            route,
            weight,
          },
          spellings: [...spellings],
        });
      }
    }
  }
  return { specs, syllables };
}

/**
 * A name in Uyghur script, letter by letter, and with خ for each h in turn: the Latin h stands for both
 * ھ and خ (Muhlise is مۇخلىسە, as the Arabic name Mukhlisa).
 */
function uyghurScript(word: string): string[] {
  const uey = uyghurArabic(word);
  const out = [uey];
  for (let i = uey.indexOf('ھ'); i >= 0; i = uey.indexOf('ھ', i + 1)) out.push(`${uey.slice(0, i)}خ${uey.slice(i + 1)}`);
  return out;
}

function capitalise(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/**
 * The spellings of another person's name (lexicon.ts `OTHER_NAMES`): its Latin words, their Cyrillic
 * renderings and Russian case forms, their Uyghur script and Uzbek Latin, and its characters, also read
 * back in Pinyin.
 */
export function otherNameSpellings(name: { latin: readonly string[]; hanzi: readonly string[]; cyrillic?: readonly string[] }): string[] {
  const out = new Set<string>(name.hanzi);
  /** A Cyrillic word and its Russian case forms. */
  const declined = (cyrillic: string) => {
    for (const f of [cyrillic, ...russianCases(cyrillic)]) out.add(f);
  };
  // As a Russian-style surname too, which Uyghurs in Kazakhstan, Kyrgyzstan and Russia carry (Tursunov,
  // Касымов, Турдиева). The story's people carry none.
  const surnames = (word: string) => (/(ov|ev|ova|eva)$/i.test(word) ? [] : /[aeiouy]$/i.test(word) ? [`${word}yev`, `${word}yeva`] : [`${word}ov`, `${word}ova`]);
  for (const word of name.cyrillic ?? []) for (const f of [word, `${word}ов`, `${word}ова`]) declined(f.toLowerCase());
  // Read back into Latin letters as the Chinese press does (吐尔逊: Tuerxun).
  for (const hanzi of name.hanzi) out.add(readingOf(hanzi).join(''));
  for (const word of name.latin) {
    for (const w of [word, ...surnames(word)]) {
      out.add(w);
      for (const r of cyrillicRenderings(w.toLowerCase())) declined(r);
    }
    // In Uyghur script, as the members' names are (تۇرسۇن, ئەخمەت).
    for (const f of uyghurScript(word.toLowerCase())) out.add(f);
    // As Uzbek writes it (x for the h: Toxti), its o as oʻ, often typed with a quote (Toʻxti, To‘xti).
    for (const uz of uzbekRenderings(word.toLowerCase())) {
      out.add(uz);
      if (uz.includes('o')) for (const mark of ['ʻ', '‘']) out.add(uz.replaceAll('o', `o${mark}`));
    }
  }
  return [...out];
}
