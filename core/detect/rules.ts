/**
 * The detector's rules, as a table: what each finds, what it weighs, why it exists and what keeps it
 * from firing on the wrong pages, and the test that pins it. `decide` (core/detect/decide.ts; one
 * locality's judgement in locality.ts) applies them to each locality of a page (a post, an article,
 * a headline linking to another page, or the page when it has no separate items), pairing evidence only within WINDOW characters of each
 * other.
 *
 * The principle (DESIGN.md, "Detection model"): a page matches on evidence specific to these
 * families. A name on the page is a candidate; it is linked to a family member by corroboration that
 * is itself specific (another member of the family, the family's places, one of its events, a known
 * phrase). An event told with its own elements is specific without a name. Generic vocabulary
 * (Uyghur, Xinjiang, CNN, orphanage, reunited, terrorist, 团聚, in every language) raises confidence
 * and never decides.
 */
import type { RuleId } from './evidence';

// The figures the rules use live in limits.ts, which the content script bundles without this table.
export { NAME_MIN_WEIGHT, PASSAGE, WINDOW } from './limits';

export interface Rule {
  id: RuleId;
  /** Whether the rule alone can decide a page (with what it requires). */
  decides: boolean;
  /** What the rule looks for, as a reader would say it. */
  finds: string;
  /** Why the rule exists, and what keeps it from firing on the wrong pages. */
  reason: string;
  /** The test that fails without it. */
  test: string;
}

/** The rules, in the order `decide` reports them. */
export const RULES: readonly Rule[] = [
  {
    id: 'known-url',
    decides: true,
    finds: 'the page is one of the story’s known URLs (or under one), marked strong in the dataset',
    reason: 'the dataset’s own sources: a reader on CNN’s report is on the story whatever its text says',
    test: 'tests/unit/detect.test.ts › rules › known-url',
  },
  {
    id: 'known-phrase',
    decides: true,
    finds: 'a strong known phrase (a report’s or a video’s title); a weaker phrase (the children’s sign, the statement’s words) only corroborates',
    reason: 'titles are specific to the story; a sign’s words ("Mom, Dad, we miss you") also appear on parenting pages, so they only support',
    test: 'tests/unit/detect.test.ts › rules › known-phrase',
  },
  {
    id: 'event',
    decides: true,
    finds: 'one of the story’s events told in one locality: every anchor element and at least the event’s minimum of elements (or all anchors but one, with one element more, unless the event asks for every anchor), and where the event marks what sets it apart, one of those or as many as it asks for (the consulate: two, its four children or June 2020 backing one)',
    reason: 'much coverage names nobody (CNN’s trip, the consulate in Shanghai, the blackout); anchors keep other families’ consulate troubles and other CNN trips out; where an event’s cues stretch over four windows or more, an element other than an anchor found once a window and eight times as often as the rarest anchor is the page’s vocabulary (a word list, generated text) and adds nothing to a window’s count of elements',
    test: 'tests/unit/detect.test.ts › rules › event, › an event’s words all over a long text; tests/unit/corpus.test.ts (event pages and their stripped twins)',
  },
  {
    id: 'full-name',
    decides: true,
    finds: 'a member’s given and family name side by side (either order, any route: Latin, Pinyin, characters, Arabic or Cyrillic script), with corroboration in the same window: another member (without the story’s own words, only one named in full too), the family’s own place (Payzawat), two anchors of an event (with one of its telling words, for an event told apart by them: the 2 April statement by its date), a known phrase or URL; or a broad family place: Adelaide with the Uyghurs’ or the region’s name, Kashgar, Australia or Italy only with the story’s own words; no place at all for a name of common parts among three or more other people’s names without the story’s own words (a list)',
    reason: 'a full name alone is a person, not this story (a Duisburg baker is named Mihriban Kader); corroboration specific to the family links it, and a place a whole diaspora shares (Kashgar, a country) is a namesake’s too, as is Adelaide on a page that says nothing of the Uyghurs (an under-15 futsal final’s scorer), and the family’s county for one of a list of its people (a poverty-relief list with a 米热班·卡迪尔)',
    test: 'tests/unit/detect.test.ts › rules › full-name',
  },
  {
    id: 'rare-given-name',
    decides: true,
    finds: 'a rare given name (Mamutjan, Muherrem, Muhlise, Zumeryem, Shehide), spelled close to an attested form, with corroboration: two anchors of an event (with a telling word, as above: the Chinese government and CNN are in any rebuttal of any CNN interview), a known phrase; or, with the story’s own words beside it, another member or a family place (Payzawat, Kashgar, Adelaide, Italy; a broad one not beside another hometown in Xinjiang, Hotan or Aksu): a guesthouse keeper in Payzawat may be called Zumeryem, and an Adelaide futsal team may have a captain Mamutjan and a coach Muharrem',
    reason: 'state-media rebuttals and short posts name one child ("Zumeryem, still in the Payzawat orphanage"); a rare name with generic words only stays a candidate; a given name followed by an initial that is none of its family’s names’ ("Muharrem K.", a commenter) is someone else’s, in that mention',
    test: 'tests/unit/detect.test.ts › rules › rare-given-name',
  },
  {
    id: 'members-together',
    decides: true,
    finds: 'two members of one family named within one passage, each a parent or a rare name (the parents’ given names together: "Ablikim and Mihriban"), with the story’s vocabulary or a family place in the locality (Kashgar, Australia or Italy only for the two parents); without the story’s own words, only the two parents, beside a place where they are (Italy for the Kader couple; Adelaide or Australia for Mamutjan and Muherrem, or Kashgar with her held there told beside it) or the children’s county with the children told there; a parent with a child by given names (a child’s common name too) where both of the family’s places are told, where its parents are and its own (Italy and Payzawat), within a window of the names unless the story’s own words are there',
    reason: 'coverage often names the couple by given names only; common children’s names together (Yahya, Muhammad) stay out, and so, without the story, do a child’s name with a sibling’s or a parent’s (a wedding notice for a Zumeryem whose sister is Shehide); a given name joined to a surname that is no member’s (Ablikim Tursun, 米熱班·阿不都拉) is someone else’s whole name and makes no pair',
    test: 'tests/unit/detect.test.ts › rules › members-together',
  },
  {
    id: 'family-place',
    decides: false,
    finds: 'a family’s place: Payzawat (the children’s hometown) or a broad one (Kashgar, Adelaide, Australia, Italy)',
    reason: 'corroborates a name of that family; never decides alone (Kashgar travel pages, Adelaide news)',
    test: 'tests/unit/corpus.test.ts (hard negatives)',
  },
  {
    id: 'given-name-in-family',
    decides: false,
    finds: 'other given names (Muhammad, Yehya) once their family is established on the page',
    reason: 'common names count for a person only inside a family the page is already about',
    test: 'tests/unit/corpus.test.ts (people per page)',
  },
  {
    id: 'vocabulary',
    decides: false,
    finds: 'the story’s generic vocabulary by category (ethnonym, region, outlet, state media, separation, reunion, orphanage, accusation, appeal)',
    reason: 'raises confidence in specific evidence; shared by every look-alike, so it never decides',
    test: 'tests/unit/detect.test.ts › rules › vocabulary; the stripped twins of tests/unit/corpus.test.ts',
  },
];

export const RULE: Record<RuleId, Rule> = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<RuleId, Rule>;
