/**
 * The checker's Chromium runner: one browser, one context, the built extension loaded, local files
 * served at their URLs by request routing. Each worker keeps one tab (tabs.ts) and navigates it from
 * page to page; the decision is read from the content script itself, which the service worker asks
 * (`get-detection`) until the report has settled. Nothing here looks at the page's DOM: the only
 * reading of extension UI is the sidebar frame, for screenshots (sidebar-frame.ts).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ConsoleMessage, Page, Worker } from '@playwright/test';
import { CHROME_BUILD, launchChromium, servePages, waitForIndex } from '../harness/chromium';
import type { DetectionReport } from '../../core/messages/records';
import { transientError, withRetries } from './attempts';
import { extensionInfo } from './build-info';
import type { PageSpec } from './inputs';
import { firstLine, noObservation, pageReport, pool, screenshotName, type Observed } from './page-report';
import type { PageError, PageReport } from './report-schema';
import { openSidebarForScreenshot, type FrameLike } from './sidebar-frame';
import { TabPool, settledReport, type InExtension, type Tab } from './tabs';

export interface RunOptions {
  concurrency: number;
  timeoutMs: number;
  /** After a page has settled, how long to watch it for content added later (default 0). */
  watchMs?: number;
  /** Fresh attempts after a transient browser protocol error (default 2). */
  retries?: number;
  screenshotsDir?: string;
  extensionPath?: string;
  /** Called as each page finishes (in completion order). */
  onPage?: (report: PageReport, done: number, total: number) => void;
}

export interface RunResult {
  browser: { name: 'chromium' | 'firefox'; version: string };
  extension: { version: string; path: string; buildHash?: string };
  startedAt: string;
  durationMs: number;
  /** In input order. */
  pages: PageReport[];
  backgroundErrors: string[];
}

export const POLL_MS = 25;

/**
 * Whether a tab can take the next page. A failed or timed-out navigation can leave one pending
 * (Chromium then interrupts the next page's navigation with its error page), and a transient
 * protocol error leaves the tab suspect: such tabs are closed and replaced.
 */
export function reusable(seen: Observed | undefined, errors: readonly PageError[]): boolean {
  return seen !== undefined && !seen.timedOut && !transientError(errors) && !errors.some((e) => e.source === 'navigation');
}

/** Run every page through `attempt` with retries, in a pool; the shared part of both runners. */
export async function runAll(
  pages: readonly PageSpec[],
  options: RunOptions,
  attempt: (spec: PageSpec, index: number, errors: PageError[]) => Promise<Observed>,
): Promise<PageReport[]> {
  const reports: PageReport[] = new Array(pages.length);
  let done = 0;
  await pool(pages, options.concurrency, async (spec, index) => {
    const started = performance.now();
    const { result, retried } = await withRetries(options.retries ?? 2, async () => {
      const errors: PageError[] = [];
      return attempt(spec, index, errors).catch((error: unknown) => {
        errors.push({ source: 'checker', message: firstLine(error) });
        return noObservation(errors);
      });
    });
    result.totalMs = performance.now() - started;
    const report = pageReport(spec, result, retried);
    reports[index] = report;
    options.onPage?.(report, ++done, pages.length);
  });
  return reports;
}

export async function runChromium(pages: readonly PageSpec[], options: RunOptions): Promise<RunResult> {
  const extensionPath = path.resolve(options.extensionPath ?? CHROME_BUILD);
  const startedAt = new Date();
  const t0 = performance.now();
  // Tabs are reused: keep left pages out of the back/forward cache, where they would hold memory.
  // HttpsUpgrades would turn a page served at http:// into a request for https://, which is not served.
  const { context, serviceWorker, extensionId } = await launchChromium({ extensionPath, args: ['--disable-features=BackForwardCache,HttpsUpgrades'] });
  const backgroundErrors: string[] = [];
  /** Pages in flight, so that a service-worker error is attached to each page it may concern. */
  const inFlight = new Set<PageError[]>();
  let worker = serviceWorker;

  const watchWorker = (w: Worker) => {
    w.on('console', (m) => {
      if (m.type() !== 'error') return;
      const message = m.text();
      if (inFlight.size === 0) backgroundErrors.push(message);
      for (const errors of inFlight) errors.push({ source: 'service-worker', message });
    });
  };
  watchWorker(worker);
  context.on('serviceworker', (w) => {
    if (new URL(w.url()).host !== extensionId) return;
    worker = w;
    watchWorker(w);
  });

  /** Evaluate in the service worker; if Chromium restarted it, wait for the new one once. */
  const inWorker: InExtension = async (fn, arg) => {
    const evaluate = (w: Worker) => w.evaluate(fn as (arg: unknown) => Promise<never>, arg as unknown);
    try {
      return await evaluate(worker);
    } catch (error) {
      if (!/closed|destroyed|Target/i.test(String(error))) throw error;
      const live = context.serviceWorkers().find((w) => new URL(w.url()).host === extensionId && w !== worker);
      worker = live ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
      return evaluate(worker);
    }
  };

  try {
    const served = pages.filter((p) => p.file).map((p) => ({ url: p.url, file: p.file! }));
    // A truthy base directory turns on serving sub-resources (caption tracks, images) next to each file.
    await servePages(context, served, process.cwd());
    await waitForIndex(worker);
    const version = await inWorker(async () => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown', undefined);
    if (options.screenshotsDir) await mkdir(options.screenshotsDir, { recursive: true });

    const tabs = new TabPool<Page>({
      newPage: () => context.newPage(),
      closePage: (page) => page.close(),
      isClosed: (page) => page.isClosed(),
      tabIds: () => inWorker(async () => (await chrome.tabs.query({})).map((t) => t.id!), undefined),
    });
    await tabs.init();
    const reports = await runAll(pages, options, async (spec, index, errors) => {
      inFlight.add(errors);
      const tab = await tabs.acquire();
      let seen: Observed | undefined;
      try {
        seen = await checkOne(tab, spec, index, errors, inWorker, extensionId, options);
        return seen;
      } finally {
        inFlight.delete(errors);
        await tabs.release(tab, reusable(seen, errors));
      }
    });

    return {
      browser: { name: 'chromium', version },
      extension: extensionInfo(extensionPath),
      startedAt: startedAt.toISOString(),
      durationMs: performance.now() - t0,
      pages: reports,
      backgroundErrors,
    };
  } finally {
    await context.close();
  }
}

async function checkOne(
  { page, tabId }: Tab<Page>,
  spec: PageSpec,
  index: number,
  errors: PageError[],
  inWorker: InExtension,
  extensionId: string,
  options: RunOptions,
): Promise<Observed> {
  const extensionOrigin = `chrome-extension://${extensionId}/`;
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() !== 'error') return;
    const fromExtension = m.location().url.startsWith(extensionOrigin);
    if (!fromExtension && !/backstory/i.test(m.text())) return;
    const sidebar = m.location().url.startsWith(`${extensionOrigin}sidebar`);
    errors.push({ source: sidebar ? 'sidebar' : 'page', message: m.text() });
  };
  const onPageError = (e: Error) => {
    if ((e.stack ?? '').includes(extensionOrigin) || /backstory/i.test(e.message)) errors.push({ source: 'page', message: firstLine(e) });
  };
  const seen = noObservation(errors);
  // The watch after the page has settled comes on top of the timeout (it is time spent on purpose).
  const deadline = performance.now() + options.timeoutMs + (options.watchMs ?? 0);
  // Live pages go to the network as they are (a page route wins over the context's serving route).
  if (!spec.file) await page.route(/^https?:\/\//, (route) => route.continue());
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  try {
    const t = performance.now();
    try {
      const response = await page.goto(spec.url, { waitUntil: 'load', timeout: options.timeoutMs });
      seen.loadMs = performance.now() - t;
      seen.finalUrl = page.url();
      seen.httpStatus = response?.status() ?? null;
      if (seen.httpStatus !== null && seen.httpStatus >= 400) errors.push({ source: 'navigation', message: `HTTP ${seen.httpStatus}` });
    } catch (error) {
      errors.push({ source: 'navigation', message: firstLine(error) });
      return seen;
    }

    const answer = await settledReport(inWorker, { tabId, watchMs: options.watchMs ?? 0, deadline, pollMs: POLL_MS });
    if (answer) seen.detection = answer as DetectionReport;
    const d = seen.detection;
    seen.timedOut = performance.now() >= deadline;
    // With "only in the side panel" a match mounts no sidebar in the page, by the reader's choice.
    if (d?.status === 'done' && d.detection?.matched && !d.sidebarMounted && !d.panelOnly) {
      errors.push({ source: 'sidebar', message: `the page matched but the sidebar did not mount within ${options.timeoutMs} ms` });
    }

    if (options.screenshotsDir) {
      const file = path.join(options.screenshotsDir, screenshotName(index, spec));
      try {
        if (d?.sidebarMounted) await openSidebarForScreenshot(() => page.frames() as unknown as FrameLike[], Math.max(2000, deadline - performance.now()));
        await page.screenshot({ path: file });
        seen.screenshot = file;
      } catch (error) {
        errors.push({ source: 'checker', message: `screenshot: ${firstLine(error)}` });
      }
    }
    return seen;
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    if (!spec.file) await page.unrouteAll().catch(() => undefined);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
