/**
 * The checker's command line, as a function: arguments in, exit code out (0 every expectation
 * holds, 1 some does not, 2 usage or setup error). scripts/check.ts only calls it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SetupError } from '../harness/chromium';
import { USAGE, UsageError, parseArgs, parseMergeArgs, selectShard, type CheckOptions } from './args';
import { buildDir, ensureBuilt } from './build';
import { formatHtml } from './html';
import { resolvePages, type PageSpec } from './inputs';
import { runFirefox } from './firefox-runner';
import { formatJunit } from './junit';
import { mergeReports, readReport } from './merge';
import { buildReport, formatTable, progressReporter } from './reporters';
import type { CheckReport } from './report-schema';
import { runChromium, type RunOptions, type RunResult } from './runner';

/** Run pages in the chosen browser: the library entry point (used by the CLI and the benchmark). */
export function runPages(pages: readonly PageSpec[], browser: CheckOptions['browser'], options: RunOptions): Promise<RunResult> {
  return browser === 'firefox' ? runFirefox(pages, options) : runChromium(pages, options);
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  if (argv[0] === 'merge') return merge(argv.slice(1), io);
  let options: CheckOptions;
  let pages: PageSpec[];
  try {
    options = parseArgs(argv);
    if (options.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const all = resolvePages(options);
    all.forEach((page, i) => (page.ordinal = i + 1));
    pages = selectShard(all, options.shard);
    if (options.shard) io.stderr(`Shard ${options.shard.index}/${options.shard.total}: ${pages.length} of ${all.length} pages.\n`);
    if (options.build) ensureBuilt(options.browser, (line) => io.stderr(line + '\n'));
  } catch (error) {
    return setupFailure(error, io);
  }

  let report: CheckReport;
  if (pages.length === 0) {
    io.stderr('This shard has no pages.\n');
    return 0;
  }
  try {
    const progress = progressReporter();
    const run = await runPages(pages, options.browser, {
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      watchMs: options.watchMs,
      retries: options.retries,
      extensionPath: buildDir(options.browser),
      ...(options.screenshots ? { screenshotsDir: path.resolve(options.screenshots) } : {}),
      onPage: (_report, done, total) => total >= 20 && progress(done, total),
    });
    report = buildReport(run, options);
  } catch (error) {
    return setupFailure(error, io);
  }

  io.stdout(formatTable(report));
  writeOutputs(report, options);
  return exitCode(report, options.failOnError);
}

/** `merge <report.json>...`: one report from shard reports, written as asked, table on stdout. */
function merge(argv: readonly string[], io: Io): number {
  try {
    const options = parseMergeArgs(argv);
    if (options.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const { report, warnings } = mergeReports(options.reports.map(readReport));
    for (const warning of warnings) io.stderr(`backstory check merge: warning: ${warning}\n`);
    io.stdout(formatTable(report));
    writeOutputs(report, options);
    return exitCode(report, options.failOnError);
  } catch (error) {
    return setupFailure(error, io);
  }
}

function writeOutputs(report: CheckReport, options: { json?: string; junit?: string; html?: string; failOnError: boolean }): void {
  if (options.json) writeOutput(options.json, JSON.stringify(report, null, 2) + '\n');
  if (options.junit) writeOutput(options.junit, formatJunit(report, options.failOnError));
  if (options.html) writeOutput(options.html, formatHtml(report, options.html));
}

function exitCode(report: CheckReport, failOnError: boolean): number {
  const failed = report.summary.expectations.failed > 0;
  const erred = failOnError && report.pages.some((p) => p.errors.length > 0 || p.matched === null);
  return failed || erred ? 1 : 0;
}

function writeOutput(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
}

/** Usage and setup errors: one line naming what was wrong, exit code 2. */
function setupFailure(error: unknown, io: Io): number {
  if (error instanceof UsageError || error instanceof SetupError) {
    io.stderr(`backstory check: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  // A browser that cannot start is a setup problem, not a finding about the pages.
  io.stderr(`backstory check: could not run the browser: ${message}\n`);
  if (error instanceof Error && process.env.DEBUG) io.stderr(`${error.stack}\n`);
  return 2;
}
