/**
 * Characters of a page read at most (by the prefilter and by the full pass): a page's first 16
 * million, well past the 10 MB pages the detector is tested on, so a pathological page cannot make
 * detection unbounded.
 */
export const TEXT_LIMIT = 16_000_000;
