/**
 * Command-line arguments of the checker, parsed without any browser or file access, so the rules
 * (what is an error, what a shard is) can be unit-tested as a table.
 */
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';

export type BrowserName = 'chromium' | 'firefox';

export interface Shard {
  /** 1-based, as in Playwright's `--shard 2/4`. */
  index: number;
  total: number;
}

export interface CheckOptions {
  inputs: string[];
  /** Serve the single file input at this URL. */
  as?: string;
  map?: string;
  json?: string;
  junit?: string;
  html?: string;
  expect?: string;
  screenshots?: string;
  concurrency: number;
  shard?: Shard;
  browser: BrowserName;
  /** Per page: navigation plus waiting for the decision and the sidebar. */
  timeoutMs: number;
  /**
   * Per page, after it has settled: how long to keep watching it (content its scripts add later: a
   * feed's posts, an article rendered after a delay), then report what it has settled on by then.
   */
  watchMs: number;
  /** Fresh attempts for a page whose attempt failed with a transient browser protocol error. */
  retries: number;
  build: boolean;
  failOnError: boolean;
  help: boolean;
}

/** Wrong arguments: exit code 2, one line naming what was wrong. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: npm run check -- [options] <file|dir|url|list.txt>...

Runs the built Backstory extension in headless Chromium (or Firefox) over pages and reports what it found.

Inputs
  file.html          a local page, served at https://backstory.test/<path> unless mapped
  dir/               every .html/.htm file inside, recursively
  list.txt           one path or URL per line; # starts a comment
  https://...        a live page, opened as given (fails without network: reported per page)
Options
  --as URL           serve the single file input at URL
  --map FILE         JSON {"file": "url"} or an array of {file, url} (the corpus manifest shape)
  --expect FILE      JSON {"<file or url>": {"match": true, "people": [...], "families": [...]}}
                     or an array of {file|url, match, people, families}; each page becomes a test case
  --json FILE        write the report (schemaVersion 1, see docs/checker.md)
  --junit FILE       write JUnit XML
  --html FILE        write one self-contained HTML report (filters, signals, screenshots)
  --screenshots DIR  one PNG per page, sidebar opened on matched pages
  --concurrency N    pages in parallel (default 2)
  --shard i/n        run the i-th of n contiguous slices of the page list (1-based)
  --browser NAME     chromium (default) or firefox
  --timeout MS       per page (default 15000)
  --watch MS         after a page settles, watch it MS more (content added later) and report then
  --retries N        fresh attempts after a transient browser error (default 2, 0-5)
  --no-build         do not build the extension, even if it looks stale
  --fail-on-error    pages with errors (failed load, extension errors) also fail the run
  -h, --help         this text
Merging shard reports
  npm run check -- merge <report.json>... [--json FILE] [--junit FILE] [--html FILE] [--fail-on-error]
Exit codes: 0 all expectations hold, 1 some do not, 2 usage or setup error.`;

/**
 * The options as `node:util` parseArgs declares them. Strict mode finds unknown options, missing
 * values and values given to flags; `toUsageError` turns its messages into ours.
 */
const OPTIONS = {
  as: { type: 'string' },
  map: { type: 'string' },
  json: { type: 'string' },
  junit: { type: 'string' },
  html: { type: 'string' },
  expect: { type: 'string' },
  screenshots: { type: 'string' },
  concurrency: { type: 'string' },
  shard: { type: 'string' },
  browser: { type: 'string' },
  timeout: { type: 'string' },
  watch: { type: 'string' },
  retries: { type: 'string' },
  'no-build': { type: 'boolean' },
  'fail-on-error': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** parseArgs' errors name the option in quotes ("Option '--json <value>' argument missing"). */
function toUsageError(error: unknown): never {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const name = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '?';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option ${name} (see --help).`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    throw new UsageError(/does not take an argument/.test(message) ? `Option ${name} takes no value.` : `Option ${name} needs a value.`);
  }
  throw error;
}

/** Run node's parser; an empty value (`--json=`) is as missing as no value. */
export function parseStrict<O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  let parsed;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    toUsageError(error);
  }
  for (const [key, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`Option --${key} needs a value.`);
  }
  return parsed;
}

export function parseArgs(argv: readonly string[]): CheckOptions {
  const { values: v, positionals } = parseStrict(argv, OPTIONS);
  const options: CheckOptions = {
    inputs: positionals,
    concurrency: 2,
    browser: 'chromium',
    timeoutMs: 15_000,
    watchMs: 0,
    retries: 2,
    build: !v['no-build'],
    failOnError: !!v['fail-on-error'],
    help: !!v.help,
  };
  if (options.help) return options;
  for (const key of ['map', 'json', 'junit', 'html', 'expect', 'screenshots'] as const) if (v[key] !== undefined) options[key] = v[key];
  if (v.as !== undefined) {
    if (!/^https?:\/\//i.test(v.as) || !URL.canParse(v.as)) throw new UsageError(`--as needs an http(s) URL, got "${v.as}".`);
    options.as = v.as;
  }
  if (v.concurrency !== undefined) options.concurrency = parseInteger('--concurrency', v.concurrency, 1, 32);
  if (v.timeout !== undefined) options.timeoutMs = parseInteger('--timeout', v.timeout, 1000, 600_000);
  if (v.watch !== undefined) options.watchMs = parseInteger('--watch', v.watch, 0, 600_000);
  if (v.retries !== undefined) options.retries = parseInteger('--retries', v.retries, 0, 5);
  if (v.shard !== undefined) options.shard = parseShard(v.shard);
  if (v.browser !== undefined) {
    if (v.browser !== 'chromium' && v.browser !== 'firefox') throw new UsageError(`--browser must be chromium or firefox, got "${v.browser}".`);
    options.browser = v.browser;
  }
  if (options.inputs.length === 0 && !options.map) throw new UsageError('No pages given: name files, directories, list files or URLs (or --map FILE).');
  if (options.as && options.inputs.length !== 1) throw new UsageError('--as serves one file: give exactly one file input with it.');
  if (options.as && /^https?:\/\//i.test(options.inputs[0]!)) throw new UsageError('--as applies to a local file, not to a URL input.');
  return options;
}

function parseInteger(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} needs a whole number, got "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${n}.`);
  return n;
}

/** `i/n`, 1-based, i <= n: the same notation as Playwright's --shard. */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) throw new UsageError(`--shard must look like i/n (for example 2/4), got "${value}".`);
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (total < 1 || index < 1 || index > total) throw new UsageError(`--shard ${value}: i must be between 1 and n (n >= 1).`);
  return { index, total };
}

/**
 * The pages of one shard: n contiguous slices of the list, as even as possible (sizes differ by at
 * most one, the first slices take the extra pages). Every page lands in exactly one shard, and
 * neighbouring pages (often one site's) stay together.
 */
export function selectShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  const base = Math.floor(items.length / shard.total);
  const extra = items.length % shard.total;
  const i = shard.index - 1;
  const start = i * base + Math.min(i, extra);
  const size = base + (i < extra ? 1 : 0);
  return items.slice(start, start + size);
}

export interface MergeOptions {
  reports: string[];
  json?: string;
  junit?: string;
  html?: string;
  failOnError: boolean;
  help: boolean;
}

const MERGE_OPTIONS = {
  json: { type: 'string' },
  junit: { type: 'string' },
  html: { type: 'string' },
  'fail-on-error': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** `merge <report.json>... [--json FILE] [--junit FILE] [--html FILE]` (argv without the word `merge`). */
export function parseMergeArgs(argv: readonly string[]): MergeOptions {
  const { values: v, positionals } = parseStrict(argv, MERGE_OPTIONS);
  const options: MergeOptions = { reports: positionals, failOnError: !!v['fail-on-error'], help: !!v.help };
  if (options.help) return options;
  for (const key of ['json', 'junit', 'html'] as const) if (v[key] !== undefined) options[key] = v[key];
  if (options.reports.length === 0) throw new UsageError('merge: name the JSON reports to merge (for example out/shard-*.json).');
  return options;
}
