/**
 * The vocabulary of evidence, declared once: how strong a signal is, what kind of evidence it is, and
 * where on the page its text came from. The detector, the dataset schema, the message records and the
 * checker's report all take these lists from here.
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
