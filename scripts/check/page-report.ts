/** Building one page's report from what a browser runner observed; shared by both runners. */
import path from 'node:path';
import type { DetectionReport } from '../../core/messages/records';
import { compareExpectation } from './expectations';
import type { PageSpec } from './inputs';
import type { PageError, PageReport } from './report-schema';

export interface Observed {
  finalUrl: string | null;
  httpStatus: number | null;
  /** The content script's last answer, if any. */
  detection?: DetectionReport;
  timedOut: boolean;
  loadMs: number | null;
  totalMs: number;
  errors: PageError[];
  screenshot: string | null;
}

/** An attempt that learnt nothing (yet): the errors list is the attempt's own. */
export function noObservation(errors: PageError[]): Observed {
  return { finalUrl: null, httpStatus: null, timedOut: false, loadMs: null, totalMs: 0, errors, screenshot: null };
}

/** `retried`: the transient errors after which the page was opened afresh (attempts.ts). */
export function pageReport(spec: PageSpec, seen: Observed, retried: string[] = []): PageReport {
  const d = seen.detection;
  const decided = d?.status === 'done' && d.detection ? d.detection : undefined;
  const navigationFailed = seen.finalUrl === null;
  const status: PageReport['status'] = decided
    ? 'done'
    : navigationFailed
      ? 'error'
      : d?.status === 'no-index'
        ? 'no-index'
        : 'timeout';
  const errors = [...seen.errors];
  if (status === 'no-index') errors.push({ source: 'checker', message: 'the extension had not installed its dataset when the page loaded' });
  if (status === 'timeout') {
    errors.push({
      source: 'checker',
      message: d ? 'no decision before the timeout (detector still pending)' : 'the content script never answered get-detection before the timeout',
    });
  }
  const report: PageReport = {
    page: spec.name,
    file: spec.file ? path.relative(process.cwd(), spec.file).split(path.sep).join('/') : null,
    url: spec.url,
    finalUrl: seen.finalUrl,
    httpStatus: seen.httpStatus,
    status,
    matched: decided ? decided.matched : null,
    score: decided?.score ?? null,
    families: decided?.families ?? [],
    people: decided?.people ?? [],
    reason: decided?.reason ?? null,
    signals: decided?.signals ?? [],
    detailsAvailable: !!decided,
    sidebarMounted: d?.sidebarMounted ?? false,
    timings: {
      loadMs: round(seen.loadMs),
      storageMs: round(d?.storageMs ?? null),
      detectMs: round(decided?.detectMs ?? null),
      sidebarMs: round(d?.sidebarMs ?? null),
      totalMs: round(seen.totalMs)!,
    },
    errors,
    retries: retried,
    screenshot: seen.screenshot,
    expectation: null,
  };
  if (spec.expect) {
    const differences = compareExpectation(spec.expect, report);
    report.expectation = { expected: spec.expect, passed: differences.length === 0, differences };
  }
  return report;
}

function round(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms * 10) / 10;
}

/** A file name for a page's screenshot: its position in the whole list (across shards) and a slug of its name. */
export function screenshotName(index: number, spec: PageSpec): string {
  const slug = spec.name.replace(/^https?:\/\//, '').replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(-80);
  return `${String(spec.ordinal ?? index + 1).padStart(4, '0')}-${slug || 'page'}.png`;
}

/** Run `task` over items with at most `limit` in flight, in order of start. */
export async function pool<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.replace(/^page\.goto: /, '').trim();
}
