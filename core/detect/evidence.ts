/**
 * The vocabulary of evidence, declared once: how strong a signal is, what kind of evidence it is,
 * where on the page its text came from, and the shapes the detector passes between its parts (text
 * segments, placed hits, signals, decisions). The detector, the dataset schema, the message records
 * and the checker's report all take these from here.
 */

/** How much a signal counts (core/detect/detect.ts explains each level). */
export const STRENGTHS = ['strong', 'medium', 'weak', 'story'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** What kind of evidence a signal is (code branches on this, never on a label's wording). */
export const SIGNAL_KINDS = ['name', 'phrase', 'url', 'context', 'story'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Where a piece of text came from, for "why am I seeing this" and the checker. */
export const TEXT_ORIGINS = ['body', 'title', 'meta', 'alt', 'aria-label', 'caption', 'url'] as const;
export type TextOrigin = (typeof TEXT_ORIGINS)[number];

export interface Signal {
  kind: SignalKind;
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
}

export interface Detection {
  matched: boolean;
  score: number;
  families: string[];
  people: string[];
  signals: Signal[];
  /** One line: why the decision went the way it did. */
  reason: string;
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
  strength: Strength;
  personId?: string;
  familyId?: string;
  /** For name parts: which part of the name, and whether it is rare enough to count alone. */
  part?: 'given' | 'family';
  rare?: boolean;
  category?: ContextCategory;
}
