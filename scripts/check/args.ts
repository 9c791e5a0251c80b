/**
 * Command-line arguments of the checker, parsed without any browser or file access, so the rules
 * (what is an error, what a shard is) can be unit-tested as a table.
 */

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
  expect?: string;
  screenshots?: string;
  concurrency: number;
  shard?: Shard;
  browser: BrowserName;
  /** Per page: navigation plus waiting for the decision and the sidebar. */
  timeoutMs: number;
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
  --screenshots DIR  one PNG per page, sidebar opened on matched pages
  --concurrency N    pages in parallel (default 2)
  --shard i/n        run the i-th of n contiguous slices of the page list (1-based)
  --browser NAME     chromium (default) or firefox
  --timeout MS       per page (default 15000)
  --no-build         do not build the extension, even if it looks stale
  --fail-on-error    pages with errors (failed load, extension errors) also fail the run
  -h, --help         this text
Exit codes: 0 all expectations hold, 1 some do not, 2 usage or setup error.`;

const VALUE_OPTIONS = new Set(['--as', '--map', '--json', '--junit', '--expect', '--screenshots', '--concurrency', '--shard', '--browser', '--timeout']);
const FLAG_OPTIONS = new Set(['--no-build', '--fail-on-error', '--help', '-h']);

export function parseArgs(argv: readonly string[]): CheckOptions {
  const options: CheckOptions = {
    inputs: [],
    concurrency: 2,
    browser: 'chromium',
    timeoutMs: 15_000,
    build: true,
    failOnError: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      options.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.inputs.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAG_OPTIONS.has(name)) {
      if (eq > 0) throw new UsageError(`Option ${name} takes no value.`);
      if (name === '--no-build') options.build = false;
      else if (name === '--fail-on-error') options.failOnError = true;
      else options.help = true;
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(`Unknown option ${name} (see --help).`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`Option ${name} needs a value.`);
      i++;
    }
    if (value === '') throw new UsageError(`Option ${name} needs a value.`);
    switch (name) {
      case '--as':
        if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) throw new UsageError(`--as needs an http(s) URL, got "${value}".`);
        options.as = value;
        break;
      case '--concurrency':
        options.concurrency = parseInteger(name, value, 1, 32);
        break;
      case '--timeout':
        options.timeoutMs = parseInteger(name, value, 1000, 600_000);
        break;
      case '--shard':
        options.shard = parseShard(value);
        break;
      case '--browser':
        if (value !== 'chromium' && value !== 'firefox') throw new UsageError(`--browser must be chromium or firefox, got "${value}".`);
        options.browser = value;
        break;
      default:
        options[name.slice(2) as 'map' | 'json' | 'junit' | 'expect' | 'screenshots'] = value;
    }
  }
  if (options.help) return options;
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
