/**
 * The checker's JSON report (`--json FILE`), versioned. Every field is documented in docs/checker.md;
 * a change that breaks readers bumps `schemaVersion`. Full zod is fine here: this runs in Node.
 */
import { z } from 'zod';
import { RULE_IDS, SIGNAL_KINDS, STRENGTHS, TEXT_ORIGINS } from '../../core/detect/evidence';

export const SCHEMA_VERSION = 1 as const;

export const Signal = z.object({
  /** What kind of evidence, and the detector's rule that found it (core/detect/rules.ts). */
  kind: z.enum(SIGNAL_KINDS).optional(),
  rule: z.enum(RULE_IDS).optional(),
  /** Whether the rule decided the page on this signal. */
  decisive: z.boolean().optional(),
  strength: z.enum(STRENGTHS),
  label: z.string(),
  /** The normalised text that fired the signal. */
  text: z.string(),
  score: z.number(),
  personId: z.string().optional(),
  familyId: z.string().optional(),
  eventId: z.string().optional(),
  origin: z.enum(TEXT_ORIGINS),
});

export const PageError = z.object({
  source: z.enum(['navigation', 'page', 'sidebar', 'service-worker', 'checker']),
  message: z.string(),
});
export type PageError = z.infer<typeof PageError>;

export const Expectation = z.object({
  match: z.boolean().optional(),
  people: z.array(z.string()).optional(),
  families: z.array(z.string()).optional(),
});
export type Expectation = z.infer<typeof Expectation>;

export const PageStatus = z.enum(['done', 'no-index', 'timeout', 'error']);
export type PageStatus = z.infer<typeof PageStatus>;

export const PageReport = z.object({
  /** The input as named: a path relative to the working directory, or a URL. */
  page: z.string(),
  file: z.string().nullable(),
  url: z.string(),
  /** Where the browser ended up (redirects), or null if it never committed. */
  finalUrl: z.string().nullable(),
  httpStatus: z.number().nullable(),
  status: PageStatus,
  /** null when no decision was read (status is not 'done'). */
  matched: z.boolean().nullable(),
  score: z.number().nullable(),
  families: z.array(z.string()),
  people: z.array(z.string()),
  reason: z.string().nullable(),
  signals: z.array(Signal),
  /** false when the browser cannot report the detector's details for this page (Firefox, no match). */
  detailsAvailable: z.boolean(),
  sidebarMounted: z.boolean(),
  timings: z.object({
    loadMs: z.number().nullable(),
    storageMs: z.number().nullable(),
    detectMs: z.number().nullable(),
    sidebarMs: z.number().nullable(),
    totalMs: z.number(),
  }),
  errors: z.array(PageError),
  /**
   * Transient browser protocol errors after which the page was opened afresh (oldest first). Absent in
   * reports of older checkers. A page whose last attempt also failed keeps that failure in `errors`.
   */
  retries: z.array(z.string()).optional(),
  screenshot: z.string().nullable(),
  expectation: z
    .object({
      expected: Expectation,
      passed: z.boolean(),
      differences: z.array(z.string()),
    })
    .nullable(),
});
export type PageReport = z.infer<typeof PageReport>;

export const CheckReport = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.literal('backstory-check'),
  browser: z.object({ name: z.enum(['chromium', 'firefox']), version: z.string() }),
  extension: z.object({
    version: z.string(),
    path: z.string(),
    /** sha256 of every file of the built extension (dataset included): tells builds apart for `merge`. */
    buildHash: z.string().optional(),
  }),
  startedAt: z.iso.datetime(),
  durationMs: z.number(),
  options: z.object({
    concurrency: z.number().int(),
    timeoutMs: z.number().int(),
    shard: z.object({ index: z.number().int(), total: z.number().int() }).nullable(),
  }),
  summary: z.object({
    pages: z.number().int(),
    matched: z.number().int(),
    notMatched: z.number().int(),
    /** Pages without a decision (failed load, timeout, no dataset). */
    undecided: z.number().int(),
    withErrors: z.number().int(),
    expectations: z.object({ checked: z.number().int(), passed: z.number().int(), failed: z.number().int() }),
    pagesPerSecond: z.number(),
    /** Transient browser errors retried, over all pages. */
    retries: z.number().int().optional(),
  }),
  /** Errors logged by the extension's background outside any page (e.g. at startup). */
  backgroundErrors: z.array(z.string()),
  pages: z.array(PageReport),
  /** Set by `merge`: the shard reports this one was made from, in page order. */
  mergedFrom: z
    .array(z.object({ file: z.string(), shard: z.object({ index: z.number().int(), total: z.number().int() }).nullable(), startedAt: z.string(), durationMs: z.number(), pages: z.number().int() }))
    .optional(),
});
export type CheckReport = z.infer<typeof CheckReport>;

/**
 * The `--expect` file: an object keyed by file path or URL, or an array of entries naming `file` or
 * `url` (the corpus manifest's shape; other fields of an entry are allowed and ignored).
 */
export const ExpectationsFile = z.union([
  z.record(z.string(), z.looseObject(Expectation.shape)),
  z.array(
    z.union([
      z.looseObject({ file: z.string(), url: z.string().optional(), ...Expectation.shape }),
      z.looseObject({ url: z.string(), ...Expectation.shape }),
    ]),
  ),
]);
export type ExpectationsFile = z.infer<typeof ExpectationsFile>;
