/**
 * `npm run check -- merge <report.json>...`: one report from the reports of several shards (or
 * machines). The pages are put back in shard order, the summary is recomputed from them.
 *
 * Refused, because the merged report would claim one answer where there were several:
 * - reports of different browsers, or of different extension builds (the build hash covers the
 *   code and the bundled dataset): a regression in one build would hide behind the other's pages;
 * - a page present in two reports (overlapping shards, or the same report named twice).
 * Warned about, because the pages are still comparable: different browser versions, missing shards
 * of an n-way split, reports without a build hash (older checkers: builds cannot be told apart).
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './args';
import { CheckReport, SCHEMA_VERSION } from './report-schema';
import { summarize } from './reporters';

export interface NamedReport {
  file: string;
  report: CheckReport;
}

/** Read one shard report; anything that is not a checker report is a usage error naming the file. */
export function readReport(file: string): NamedReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`merge: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`merge: ${file} is not JSON (${(error as Error).message}).`);
  }
  const tool = (raw as { tool?: unknown } | null)?.tool;
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (tool !== 'backstory-check') throw new UsageError(`merge: ${file} is not a checker report (no "tool": "backstory-check").`);
  if (version !== SCHEMA_VERSION) throw new UsageError(`merge: ${file} has schemaVersion ${JSON.stringify(version)}; this checker reads ${SCHEMA_VERSION}.`);
  const parsed = CheckReport.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`merge: ${file} is not a valid checker report: ${issue.path.join('.') || '(top)'}: ${issue.message}.`);
  }
  return { file, report: parsed.data };
}

export function mergeReports(inputs: readonly NamedReport[]): { report: CheckReport; warnings: string[] } {
  if (inputs.length === 0) throw new UsageError('merge: no reports given.');
  const warnings: string[] = [];
  const [first] = inputs;
  for (const { file, report } of inputs.slice(1)) {
    if (report.browser.name !== first!.report.browser.name) {
      throw new UsageError(`merge: ${file} ran in ${report.browser.name}, ${first!.file} in ${first!.report.browser.name}; merge one browser's reports at a time.`);
    }
    const a = first!.report.extension.buildHash;
    const b = report.extension.buildHash;
    if (a && b && a !== b) {
      throw new UsageError(`merge: ${file} and ${first!.file} checked different extension builds (build hash ${b.slice(0, 12)} vs ${a.slice(0, 12)}); rerun the shards on one build.`);
    }
    if ((!a || !b) && report.extension.version !== first!.report.extension.version) {
      throw new UsageError(`merge: ${file} and ${first!.file} checked different extension versions (${report.extension.version} vs ${first!.report.extension.version}).`);
    }
    if (report.browser.version !== first!.report.browser.version) {
      warnings.push(`${file} ran in ${report.browser.name} ${report.browser.version}, ${first!.file} in ${first!.report.browser.version}.`);
    }
  }
  if (inputs.some((r) => !r.report.extension.buildHash)) warnings.push('some reports have no build hash (older checker): their builds cannot be told apart.');

  // Shard order, then the order given: the merged page list is the unsplit list.
  const ordered = [...inputs].sort((x, y) => (x.report.options.shard?.index ?? 0) - (y.report.options.shard?.index ?? 0));
  const totals = new Set(inputs.map((r) => r.report.options.shard?.total ?? null));
  const [total] = totals;
  if (totals.size === 1 && total) {
    const present = new Set(inputs.map((r) => r.report.options.shard!.index));
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !present.has(i));
    if (missing.length) warnings.push(`shards ${missing.map((i) => `${i}/${total}`).join(', ')} are missing: the merged report covers part of the run.`);
  }

  const owner = new Map<string, string>();
  for (const { file, report } of ordered) {
    for (const page of report.pages) {
      const other = owner.get(page.url);
      if (other) throw new UsageError(`merge: ${page.page} (${page.url}) is in both ${other} and ${file}: overlapping shards or a report named twice.`);
      owner.set(page.url, file);
    }
  }

  const pages = ordered.flatMap((r) => r.report.pages);
  // Shards run side by side on separate machines: the merged run took as long as its longest shard.
  const durationMs = Math.max(...inputs.map((r) => r.report.durationMs));
  const startedAt = inputs.map((r) => r.report.startedAt).sort()[0]!;
  const report: CheckReport = {
    ...first!.report,
    startedAt,
    durationMs,
    options: { ...first!.report.options, shard: null },
    summary: summarize(pages, durationMs),
    backgroundErrors: ordered.flatMap((r) => r.report.backgroundErrors),
    pages,
    mergedFrom: ordered.map(({ file, report: r }) => ({ file, shard: r.options.shard, startedAt: r.startedAt, durationMs: r.durationMs, pages: r.pages.length })),
  };
  return { report: CheckReport.parse(report), warnings };
}
