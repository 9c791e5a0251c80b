/**
 * The checker's Firefox runner: Firefox ESR through puppeteer-core over WebDriver BiDi, with the
 * built Firefox extension installed. It reads the same report as the Chromium runner, for every page.
 *
 * BiDi cannot evaluate in the background script or in content-script realms, and refuses to navigate
 * a tab to a moz-extension:// URL. It can evaluate in extension frames, though, and an extension page
 * may open another: so on a canary page that must match, the checker finds the sidebar frame, has it
 * `window.open` the extension's popup.html in a tab of its own (the control tab), and evaluates there,
 * where the full extension API is available (`tabs.query`, `tabs.sendMessage`). The control tab asks
 * each page's content script for `get-detection`, as the service worker does in Chromium: decisions,
 * signals, reason and timings for pages that do not match as well. That the canary matched also shows
 * the dataset is installed. Background errors still cannot be read.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { FIREFOX_BUILD, launchFirefox, servePagesFirefox } from '../harness/firefox';
import type { DetectionReport } from '../../core/messages/records';
import { isTransient } from './attempts';
import { extensionInfo } from './build-info';
import type { PageSpec } from './inputs';
import { firstLine, noObservation, screenshotName, type Observed } from './page-report';
import type { PageError } from './report-schema';
import { POLL_MS, reusable, runAll, type RunOptions, type RunResult } from './runner';
import { openSidebarForScreenshot, sidebarHref, type FrameLike } from './sidebar-frame';
import { TabPool, settledReport, type Tab } from './tabs';

const CANARY = {
  url: 'https://www.southerncrossdaily.com.au/world/asia/2021/04/26/adelaide-father-uyghur-family',
  file: path.resolve('tests/fixtures/pages/family-abdurehim-article.html'),
};

const frameLikes = (page: Page) => page.frames().filter((f) => f !== page.mainFrame()) as unknown as FrameLike[];

/** An extension tab with the tabs API, opened from the sidebar frame of a canary page. */
export class ControlTab {
  private page?: Page;

  constructor(
    private readonly browser: Browser,
    private readonly timeoutMs: number,
  ) {}

  async open(): Promise<void> {
    const deadline = performance.now() + Math.max(this.timeoutMs, 30_000);
    // The background installs the dataset on first run: retry the canary until it matches.
    while (performance.now() < deadline) {
      const canary = await this.browser.newPage();
      try {
        await servePagesFirefox(canary, [CANARY]);
        await canary.goto(CANARY.url, { waitUntil: 'load', timeout: this.timeoutMs });
        let href: string | undefined;
        for (const end = performance.now() + 3000; !href && performance.now() < end; ) {
          href = await sidebarHref(frameLikes(canary));
          if (!href) await new Promise((r) => setTimeout(r, 100));
        }
        if (!href) continue;
        const popup = href.replace(/sidebar\.html.*$/, 'popup.html');
        const frame = (await Promise.all(canary.frames().map(async (f) => ((await f.evaluate(() => location.href).catch(() => '')) === href ? f : undefined)))).find(Boolean) as Frame;
        await frame.evaluate((url: string) => void window.open(url), popup);
        for (const end = performance.now() + 5000; !this.page && performance.now() < end; ) {
          for (const p of await this.browser.pages()) {
            if ((await p.evaluate(() => location.href).catch(() => '')) === popup) this.page = p;
          }
          if (!this.page) await new Promise((r) => setTimeout(r, 100));
        }
        if (this.page) return;
      } finally {
        await canary.close().catch(() => undefined);
      }
    }
    throw new Error('The extension never matched the canary page in Firefox (dataset not installed?), or its popup could not be opened.');
  }

  /** Evaluate with the extension's API; if the control tab was lost, open another once. */
  async evaluate<R, A>(fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
    try {
      return await this.page!.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown);
    } catch (error) {
      if (!isTransient(String(error)) && !this.page!.isClosed()) throw error;
      this.page = undefined;
      await this.open();
      return this.page!.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown);
    }
  }
}

export async function runFirefox(pages: readonly PageSpec[], options: RunOptions): Promise<RunResult> {
  const extensionPath = path.resolve(options.extensionPath ?? FIREFOX_BUILD);
  const startedAt = new Date();
  const t0 = performance.now();
  const { browser } = await launchFirefox({ extensionPath });
  try {
    const version = (await browser.version()).replace(/^firefox\//i, '');
    const control = new ControlTab(browser, options.timeoutMs);
    await control.open();
    if (options.screenshotsDir) await mkdir(options.screenshotsDir, { recursive: true });

    const served = pages.filter((p) => p.file).map((p) => ({ url: p.url, file: p.file! }));
    const tabs = new TabPool<Page>({
      newPage: async () => {
        // A window per worker: each page is its window's selected tab, so none is a background tab,
        // which Firefox gives idle time only at the idle callback's timeout (a second).
        const page = await browser.newPage({ type: 'window' });
        // The same picture size as in Chromium (Playwright's viewport there).
        await page.setViewport({ width: 1280, height: 800 });
        await servePagesFirefox(page, served, process.cwd());
        return page;
      },
      closePage: (page) => page.close(),
      isClosed: (page) => page.isClosed(),
      tabIds: () => control.evaluate(async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({})).map((t) => t.id!), undefined),
    });
    await tabs.init();
    const reports = await runAll(pages, options, async (spec, index, errors) => {
      const tab = await tabs.acquire();
      let seen: Observed | undefined;
      try {
        seen = await checkOne(tab, control, spec, index, errors, options);
        return seen;
      } finally {
        await tabs.release(tab, reusable(seen, errors));
      }
    });
    return {
      browser: { name: 'firefox', version },
      extension: extensionInfo(extensionPath),
      startedAt: startedAt.toISOString(),
      durationMs: performance.now() - t0,
      pages: reports,
      backgroundErrors: [],
    };
  } finally {
    await browser.close();
  }
}

async function checkOne({ page, tabId }: Tab<Page>, control: ControlTab, spec: PageSpec, index: number, errors: PageError[], options: RunOptions): Promise<Observed> {
  const seen = noObservation(errors);
  // The watch after the page has settled comes on top of the timeout (it is time spent on purpose).
  const deadline = performance.now() + options.timeoutMs + (options.watchMs ?? 0);
  const onConsole = (m: import('puppeteer-core').ConsoleMessage) => {
    if (m.type() === 'error' && (/backstory/i.test(m.text()) || /^moz-extension:/.test(m.location().url ?? ''))) errors.push({ source: 'page', message: m.text() });
  };
  page.on('console', onConsole);
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

    const answer = await settledReport((fn, arg) => control.evaluate(fn, arg), { tabId, watchMs: options.watchMs ?? 0, deadline, pollMs: POLL_MS });
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
        if (d?.sidebarMounted) await openSidebarForScreenshot(() => frameLikes(page), Math.max(2000, deadline - performance.now()));
        await page.screenshot({ path: file as `${string}.png` });
        seen.screenshot = file;
      } catch (error) {
        errors.push({ source: 'checker', message: `screenshot: ${firstLine(error)}` });
      }
    }
    return seen;
  } finally {
    page.off('console', onConsole);
  }
}
