/**
 * The checker's Firefox runner: Firefox ESR through puppeteer-core over WebDriver BiDi, with the
 * built Firefox extension installed.
 *
 * Limitation: BiDi cannot evaluate in the background script or in content-script realms, and
 * the sidebar frame (the only extension context reachable, and only on matched pages) gets no
 * `tabs` API. So on a matched page the full decision is read from the sidebar frame, which asks
 * the background for its tab's state (`get-tab-state`: score, people, signals, timings); on any
 * other page the result is "not matched" inferred from the sidebar not appearing within a settle
 * time, without score, signals or reason. A canary page that must match is opened first, so that
 * "no sidebar" cannot mean "dataset not installed yet". Background errors cannot be read.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { FIREFOX_BUILD, launchFirefox, servePagesFirefox } from '../harness/firefox';
import type { DetectionReport, TabState } from '../../core/messages/records';
import type { PageSpec } from './inputs';
import { firstLine, pageReport, pool, screenshotName, type Observed } from './page-report';
import type { PageError, PageReport } from './report-schema';
import { extensionVersion, sleep, type RunOptions, type RunResult } from './runner';

/** How long after `load` a page without a sidebar is taken as not matched. */
export const FIREFOX_SETTLE_MS = 1500;

const CANARY = {
  url: 'https://www.southerncrossdaily.com.au/world/asia/2021/04/26/adelaide-father-uyghur-family',
  file: path.resolve('tests/fixtures/pages/family-abdurehim-article.html'),
};

async function sidebarFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (/^moz-extension:\/\/[^/]+\/sidebar\.html/.test(href)) return frame;
  }
  return undefined;
}

async function open(browser: Browser, spec: { url: string; file?: string }, timeoutMs: number) {
  const page = await browser.newPage();
  if (spec.file) await servePagesFirefox(page, [{ url: spec.url, file: spec.file }]);
  const t = performance.now();
  const response = await page.goto(spec.url, { waitUntil: 'load', timeout: timeoutMs });
  return { page, response, loadMs: performance.now() - t };
}

export async function runFirefox(pages: readonly PageSpec[], options: RunOptions): Promise<RunResult> {
  const extensionPath = path.resolve(options.extensionPath ?? FIREFOX_BUILD);
  const startedAt = new Date();
  const t0 = performance.now();
  const { browser } = await launchFirefox({ extensionPath });
  try {
    const version = (await browser.version()).replace(/^firefox\//i, '');
    // The background installs the dataset on first run: wait until a page that must match does.
    let ready = false;
    for (let attempt = 0; attempt < 10 && !ready; attempt++) {
      const { page } = await open(browser, CANARY, options.timeoutMs);
      ready = await page.waitForFunction(() => document.querySelector('backstory-context') !== null, { timeout: 3000 }).then(() => true, () => false);
      await page.close();
    }
    if (!ready) throw new Error('The extension never matched the canary page in Firefox (dataset not installed?).');
    if (options.screenshotsDir) await mkdir(options.screenshotsDir, { recursive: true });

    const reports: PageReport[] = new Array(pages.length);
    let done = 0;
    await pool(pages, options.concurrency, async (spec, index) => {
      const errors: PageError[] = [];
      const started = performance.now();
      const seen = await checkOne(browser, spec, index, errors, options).catch((error: unknown): Observed => {
        errors.push({ source: 'checker', message: firstLine(error) });
        return { finalUrl: null, httpStatus: null, timedOut: false, loadMs: null, totalMs: 0, errors, screenshot: null };
      });
      seen.totalMs = performance.now() - started;
      reports[index] = pageReport(spec, seen);
      options.onPage?.(reports[index], ++done, pages.length);
    });
    return {
      browser: { name: 'firefox', version },
      extension: { version: extensionVersion(extensionPath), path: extensionPath },
      startedAt: startedAt.toISOString(),
      durationMs: performance.now() - t0,
      pages: reports,
      backgroundErrors: [],
    };
  } finally {
    await browser.close();
  }
}

async function checkOne(browser: Browser, spec: PageSpec, index: number, errors: PageError[], options: RunOptions): Promise<Observed> {
  const seen: Observed = { finalUrl: null, httpStatus: null, timedOut: false, loadMs: null, totalMs: 0, errors, screenshot: null };
  const deadline = performance.now() + options.timeoutMs;
  let page: Page | undefined;
  try {
    try {
      const opened = await open(browser, spec, options.timeoutMs);
      page = opened.page;
      page.on('console', (m) => {
        if (m.type() === 'error' && (/backstory/i.test(m.text()) || /^moz-extension:/.test(m.location().url ?? ''))) {
          errors.push({ source: 'page', message: m.text() });
        }
      });
      seen.loadMs = opened.loadMs;
      seen.finalUrl = page.url();
      seen.httpStatus = opened.response?.status() ?? null;
      if (seen.httpStatus !== null && seen.httpStatus >= 400) errors.push({ source: 'navigation', message: `HTTP ${seen.httpStatus}` });
    } catch (error) {
      errors.push({ source: 'navigation', message: firstLine(error) });
      return seen;
    }

    const settle = Math.min(deadline, performance.now() + FIREFOX_SETTLE_MS);
    let frame: Frame | undefined;
    while (!frame && performance.now() < settle) {
      frame = await sidebarFrame(page);
      if (!frame) await sleep(100);
    }
    if (!frame) {
      seen.inferredNoMatch = true;
    } else {
      // The sidebar frame asks the background for its tab's state, as the sidebar itself does.
      while (performance.now() < deadline) {
        const state = (await frame
          .evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type: 'get-tab-state' }))
          .catch(() => undefined)) as TabState | undefined;
        if (state?.detection) {
          const report: DetectionReport = { url: state.url, status: 'done', detection: state.detection, sidebarMounted: true };
          if (state.sidebarMs !== undefined) report.sidebarMs = state.sidebarMs;
          seen.detection = report;
          if (state.sidebarMs !== undefined) break;
        }
        await sleep(100);
      }
    }
    seen.timedOut = performance.now() >= deadline;

    if (options.screenshotsDir) {
      const file = path.join(options.screenshotsDir, screenshotName(index, spec));
      try {
        if (frame) {
          const tab = await frame.waitForSelector('button.tab', { timeout: 5000 });
          await tab!.click();
          await frame.waitForSelector('.sidebar', { timeout: 5000 });
        }
        await page.screenshot({ path: file as `${string}.png` });
        seen.screenshot = file;
      } catch (error) {
        errors.push({ source: 'checker', message: `screenshot: ${firstLine(error)}` });
      }
    }
    return seen;
  } finally {
    await page?.close().catch(() => undefined);
  }
}
