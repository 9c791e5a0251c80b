/**
 * The vocabulary of evidence, declared once: how strong a signal is, what kind of evidence it is,
 * where on the page its text came from, and the shapes the detector passes between its parts (text
 * segments, placed hits, signals, decisions). The detector, the dataset schema, the message records
 * and the checker's report all take these from here.
 */

/** How strong a signal is; which rules decide a page is core/detect/rules.ts's table. */
export const STRENGTHS = ['strong', 'medium', 'weak', 'story'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** What kind of evidence a signal is (code branches on this, never on a label's wording). */
export const SIGNAL_KINDS = ['name', 'phrase', 'url', 'place', 'event', 'context'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** The detector's rules (core/detect/rules.ts has each one's reason and test). */
export const RULE_IDS = ['known-url', 'known-phrase', 'event', 'full-name', 'rare-given-name', 'members-together', 'family-place', 'given-name-in-family', 'vocabulary'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Where a piece of text came from, for "why am I seeing this" and the checker. */
export const TEXT_ORIGINS = ['body', 'title', 'meta', 'alt', 'aria-label', 'caption', 'url'] as const;
export type TextOrigin = (typeof TEXT_ORIGINS)[number];

export interface Signal {
  kind: SignalKind;
  /** The rule that found it; `decisive` when the rule decided the page on it. */
  rule: RuleId;
  decisive?: boolean;
  strength: Strength;
  /** What was found, as a reader would say it ("full name: Mamutjan Abdurehim"). */
  label: string;
  /** The page's own text that matched. */
  text: string;
  score: number;
  personId?: string;
  familyId?: string;
  origin: TextOrigin;
  /** Index of the segment where it was found (content script maps it back to a node). */
  segment: number;
  /** For event signals: the event. */
  eventId?: string;
}

export interface Detection {
  matched: boolean;
  score: number;
  families: string[];
  people: string[];
  signals: Signal[];
  /** One line: why the decision went the way it did (the rule and the evidence). */
  reason: string;
  /**
   * Where the story is on the page: for each locality that decided it, the segment of its first
   * decisive evidence (the content script maps it to the post or article element that holds it).
   */
  carriers: number[];
}

export interface Segment {
  text: string;
  origin: TextOrigin;
  /** True when this segment starts a new block (words do not run across). */
  block: boolean;
  /**
   * Text in page furniture (nav, aside, footer: links to other pages). Read, but never counted as
   * evidence of what this page is about.
   */
  furniture?: boolean;
  /**
   * The item (a post, an article: an `<article>` or `role="article"` element) the text is in, by order
   * of appearance; absent outside any item. Evidence adds up within one item, never across items.
   */
  item?: number;
}

export interface PlacedHit {
  term: Term;
  termIndex: number;
  segment: number;
  /** Position in the folded stream of the whole page (start inclusive, end exclusive). */
  start: number;
  end: number;
  text: string;
}

/** What a term is evidence of. */
export type TermKind =
  /** One word of a family member's name (given or family part), through one route of spelling. */
  | 'name-part'
  /** A known phrase (story or video title, sign text, a statement's words). */
  | 'phrase'
  /** A place of one family (Payzawat, Adelaide...): corroborates a name of that family. */
  | 'place'
  /** A cue word of one element of one of the story's events. */
  | 'event-cue'
  /** Generic story vocabulary by category: raises confidence, never decides. */
  | 'context'
  /**
   * A common Uyghur name that is no family member's (Tursun, Abdulla): a member's given name joined
   * to one is someone else's whole name. Never evidence of the story.
   */
  | 'other-name'
  /**
   * A channel that carries a story outlet's name and is another newsroom (CNN Türk, CNN Indonesia):
   * the outlet's name inside it is not the outlet. Never evidence of the story.
   */
  | 'other-outlet'
  /**
   * A holiday that brings families home (Spring Festival, Eid, Christmas): a reunion told beside it
   * is the holiday's. Never evidence of the story.
   */
  | 'holiday'
  /** A hometown in Xinjiang that is neither family's (Hotan, Aksu): beside a child's rare name, another family's. Never evidence. */
  | 'other-place'
  /**
   * Words of custody (detained, sentenced, in custody): beside Muherrem's name, with Kashgar near, they
   * make Kashgar the place where the story's couple is parted (`Term.heldOf`). Never evidence.
   */
  | 'held';

export type ContextCategory = 'ethnonym' | 'region' | 'outlet' | 'state-media' | 'separation' | 'reunion' | 'orphanage' | 'accusation' | 'appeal';

/** How a name came to be written as it is on the page. */
export const NAME_ROUTES = ['latin', 'by-ear', 'pinyin', 'hanzi', 'arabic', 'cyrillic', 'turkic-latin', 'spanish', 'kazakh', 'katakana', 'hangul'] as const;
export type NameRoute = (typeof NAME_ROUTES)[number];

export interface Term {
  kind: TermKind;
  /** What the sidebar and checker print ("Mamutjan", "Payzawat", "Italian consulate"). */
  label: string;
  strength: Strength;
  personId?: string;
  familyId?: string;
  /** For name parts: which part of the name, and whether it is rare enough to point to this person. */
  part?: 'given' | 'family';
  rare?: boolean;
  /** For name parts: the route of the spelling, and how close it is to an attested one (1 = attested). */
  route?: NameRoute;
  weight?: number;
  /**
   * For name parts spelled alike for two people (Muherrem's family name Ablet, the grandfather's given
   * name Ablat): every [personId, part] the spelling may be. Such a part counts only inside a full name.
   */
  shared?: Array<[string, 'given' | 'family']>;
  /**
   * For places: the families whose place it is, whether it is theirs alone (Payzawat) or broad (Kashgar),
   * and whether a whole diaspora shares it (`FamilyPlace.wide`).
   */
  familyIds?: string[];
  specific?: boolean;
  wide?: boolean;
  /** For places: the families whose parents are there (`FamilyPlace.parentsOf`). */
  parentsOf?: string[];
  /** For places: the parents (person ids) held there, told so beside their name (`FamilyPlace.heldOf`). */
  heldOf?: string[];
  /** For event cues: the event, the element, whether the element is an anchor, and whether the cue is telling (records.ts `EventElement`). */
  eventId?: string;
  elementId?: string;
  anchor?: boolean;
  telling?: boolean;
  /** For event cues: the element backs a telling one (records.ts `EventElement.backs`). */
  backs?: boolean;
  category?: ContextCategory;
}
