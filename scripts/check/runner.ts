/**
 * The checker's Chromium runner: one browser, one context, the built extension loaded, local files
 * served at their URLs by request routing; each page opened in its own tab, asked for its
 * decision, screenshotted if asked, and closed.
 *
 * The decision is read from the content script itself: the service worker sends `get-detection`
 * to the page's tab. Without the "tabs" permission the service worker cannot look tabs up by URL,
 * so each page's tab id is learnt when its tab is created (the one new id, under a lock so that
 * concurrent pages cannot swap ids). That survives redirects, pushState and duplicate URLs.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, ConsoleMessage, Page, Worker } from '@playwright/test';
import { CHROME_BUILD, launchChromium, servePages, waitForIndex } from '../harness/chromium';
import type { DetectionReport } from '../../core/messages/messages';
import type { PageSpec } from './inputs';
import { firstLine, pageReport, pool, screenshotName, type Observed } from './page-report';
import type { PageError, PageReport } from './report-schema';

export interface RunOptions {
  concurrency: number;
  timeoutMs: number;
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

const POLL_MS = 50;

export function extensionVersion(extensionPath: string): string {
  try {
    return String((JSON.parse(readFileSync(path.join(extensionPath, 'manifest.json'), 'utf8')) as { version: string }).version);
  } catch {
    return 'unknown';
  }
}

/** Serialises async sections (tab creation), so "the new tab id" is unambiguous. */
class Lock {
  private tail = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }
}

export async function runChromium(pages: readonly PageSpec[], options: RunOptions): Promise<RunResult> {
  const extensionPath = path.resolve(options.extensionPath ?? CHROME_BUILD);
  const startedAt = new Date();
  const t0 = performance.now();
  const { context, serviceWorker, extensionId } = await launchChromium({ extensionPath });
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
  const inWorker = async <R, A>(fn: (arg: A) => Promise<R>, arg: A): Promise<R> => {
    const evaluate = (w: Worker) => w.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown);
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

    const known = new Set(await inWorker(async () => (await chrome.tabs.query({})).map((t) => t.id!), undefined));
    const lock = new Lock();
    const openTab = () =>
      lock.run(async () => {
        const page = await context.newPage();
        for (let attempt = 0; attempt < 50; attempt++) {
          const ids = await inWorker(async () => (await chrome.tabs.query({})).map((t) => t.id!), undefined);
          const fresh = ids.filter((id) => !known.has(id));
          if (fresh.length === 1) {
            known.add(fresh[0]!);
            return { page, tabId: fresh[0]! };
          }
          await sleep(20);
        }
        await page.close();
        throw new Error('could not find the tab id of a new page');
      });

    const reports: PageReport[] = new Array(pages.length);
    let done = 0;
    await pool(pages, options.concurrency, async (spec, index) => {
      const errors: PageError[] = [];
      inFlight.add(errors);
      const started = performance.now();
      let seen: Observed;
      try {
        seen = await checkOne(context, spec, index, errors, openTab, inWorker, extensionId, options);
      } catch (error) {
        errors.push({ source: 'checker', message: firstLine(error) });
        seen = { finalUrl: null, httpStatus: null, timedOut: false, loadMs: null, totalMs: 0, errors, screenshot: null };
      } finally {
        inFlight.delete(errors);
      }
      seen.totalMs = performance.now() - started;
      const report = pageReport(spec, seen);
      reports[index] = report;
      options.onPage?.(report, ++done, pages.length);
    });

    return {
      browser: { name: 'chromium', version },
      extension: { version: extensionVersion(extensionPath), path: extensionPath },
      startedAt: startedAt.toISOString(),
      durationMs: performance.now() - t0,
      pages: reports,
      backgroundErrors,
    };
  } finally {
    await context.close();
  }
}

type InWorker = <R, A>(fn: (arg: A) => Promise<R>, arg: A) => Promise<R>;

async function checkOne(
  context: BrowserContext,
  spec: PageSpec,
  index: number,
  errors: PageError[],
  openTab: () => Promise<{ page: Page; tabId: number }>,
  inWorker: InWorker,
  extensionId: string,
  options: RunOptions,
): Promise<Observed> {
  const { page, tabId } = await openTab();
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
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  const seen: Observed = { finalUrl: null, httpStatus: null, timedOut: false, loadMs: null, totalMs: 0, errors, screenshot: null };
  const deadline = performance.now() + options.timeoutMs;
  try {
    // Live pages go to the network as they are (a page route wins over the context's serving route).
    if (!spec.file) await page.route(/^https?:\/\//, (route) => route.continue());
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

    // Poll the content script until it has decided (and, on a match, mounted the sidebar).
    while (performance.now() < deadline) {
      const answer = await inWorker(
        async (id: number) => chrome.tabs.sendMessage(id, { type: 'get-detection' }, { frameId: 0 }).catch(() => undefined),
        tabId,
      ).catch(() => undefined);
      if (answer) seen.detection = answer as DetectionReport;
      const d = seen.detection;
      if (d?.status === 'no-index') break;
      // Settled: no added text or captions still due (older builds do not say: take 'done').
      if (d?.status === 'done' && d.settled !== false && (!d.detection?.matched || d.sidebarMounted)) break;
      await sleep(POLL_MS);
    }
    const d = seen.detection;
    seen.timedOut = performance.now() >= deadline;
    if (d?.status === 'done' && d.detection?.matched && !d.sidebarMounted) {
      errors.push({ source: 'sidebar', message: `the page matched but the sidebar did not mount within ${options.timeoutMs} ms` });
    }

    if (options.screenshotsDir) {
      const file = path.join(options.screenshotsDir, screenshotName(index, spec));
      try {
        if (d?.sidebarMounted) await openSidebar(page, extensionOrigin, Math.max(2000, deadline - performance.now()));
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
    await page.close().catch(() => undefined);
  }
}

/** Click the collapsed tab inside the sidebar frame and wait for the open sidebar. */
async function openSidebar(page: Page, extensionOrigin: string, timeout: number): Promise<void> {
  // The iframe has loaded (the content script said so), but Playwright may learn its URL a moment later.
  const deadline = performance.now() + timeout;
  let frame = page.frames().find((f) => f.url().startsWith(`${extensionOrigin}sidebar.html`));
  while (!frame && performance.now() < deadline) {
    await sleep(50);
    frame = page.frames().find((f) => f.url().startsWith(`${extensionOrigin}sidebar.html`));
  }
  if (!frame) throw new Error('no sidebar frame');
  await frame.locator('button.tab').click({ timeout });
  await frame.locator('.sidebar').waitFor({ timeout });
  // Let the host finish widening before the picture.
  await page.waitForFunction(() => document.querySelector('backstory-context')?.getAttribute('data-state') === 'open', undefined, { timeout });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
