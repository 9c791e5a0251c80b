/**
 * Characters of a page read at most (by the prefilter and by the full pass): a page's first 16
 * million, well past the 10 MB pages the detector is tested on, so a pathological page cannot make
 * detection unbounded.
 */
export const TEXT_LIMIT = 16_000_000;

/** Evidence is paired only within this many folded characters (about a screen of prose). */
export const WINDOW = 3000;
/**
 * An event's cues stretching over this many windows of one locality are weighed against the
 * locality's vocabulary (locality.ts `vocabularyOf`): an element other than an anchor found there as
 * often as once a window, and this many times as often as the event's rarest anchor, is the text's
 * vocabulary, and adds nothing to a window's count of elements.
 */
export const SPREAD_WINDOWS = 4;
export const VOCABULARY_RATIO = 8;
/** "In one passage": two members named within this many characters of each other. */
export const PASSAGE = 400;
/** A name spelled this close to an attested form counts as the name (1 = attested). */
export const NAME_MIN_WEIGHT = 0.7;
