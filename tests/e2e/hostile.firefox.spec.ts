/**
 * The hostile pages of tests/e2e/hostile-cases.ts in Firefox ESR (puppeteer-core over WebDriver
 * BiDi): each either leaves the sidebar shown and working, or is caught hiding it. The content
 * script's report is read from a control tab (an extension page opened from a sidebar frame, as the
 * checker does: BiDi cannot reach the background), the same report the popup shows.
 */
import { test, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox, servePagesFirefox, firefoxSidebarFrame } from '../../scripts/harness/firefox';
import { ControlTab } from '../../scripts/check/firefox-runner';
import type { DetectionReport } from '../../core/messages/records';
import { HOSTILE_CASES, hostilePages, hostileUrl } from './hostile-cases';

let browser: Browser;
let control: ControlTab;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ browser } = await launchFirefox());
  control = new ControlTab(browser, 30_000);
  await control.open();
});
test.afterAll(async () => {
  await browser?.close();
});

const HOST = 'html > :not(head):not(body)';

/** What the content script of the tab showing `url` answers to `message`; undefined without a tab or an answer. */
function ask(url: string, message: object): Promise<unknown> {
  return control.evaluate(async ({ u, m }: { u: string; m: object }) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    if (tab?.id === undefined) return undefined;
    return api.tabs.sendMessage(tab.id, m, { frameId: 0 }).catch(() => undefined);
  }, { u: url, m: message });
}

/** The content script's report for the tab showing `url`. */
const reportOf = (url: string) => ask(url, { type: 'get-detection' }) as Promise<DetectionReport | undefined>;

async function outcome(url: string): Promise<string> {
  const report = await reportOf(url);
  if (report?.status !== 'done' || !report.settled) return `not settled (${report?.status})`;
  return report.hidden ?? (report.sidebarMounted ? 'shown' : 'not mounted');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const c of HOSTILE_CASES) {
  test(`Firefox: ${c.name}: ${c.attack}`, async () => {
    const url = hostileUrl(c.name);
    const page: Page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 800 });
      await servePagesFirefox(page, hostilePages(HOSTILE_CASES));
      await page.goto(url, { waitUntil: 'load' });
      if (c.quietMs) await sleep(c.quietMs);
      if (c.click) {
        await expect.poll(() => page.evaluate((s) => document.querySelectorAll(s).length, HOST), { timeout: 10_000 }).toBe(1);
        await page.mouse.click(200, 200);
      }
      const expected = c.firefox?.outcome ?? c.outcome;
      if (expected === 'shown') {
        const frame = await firefoxSidebarFrame(page);
        const tab = await frame.waitForSelector('button.tab', { timeout: 10_000 });
        expect(await tab!.evaluate((b) => b.textContent)).toMatch(/Context: \d+ people in this story/);
        expect(await tab!.evaluate((b) => getComputedStyle(b).color)).not.toBe('rgb(0, 255, 0)');
        await sleep(2_500);
        expect(await outcome(url)).toBe('shown');
      } else {
        await expect.poll(() => outcome(url), { timeout: 10_000 }).toBe(expected);
      }
      if (c.pageCheck) {
        await expect.poll(() => page.evaluate(`(${c.pageCheck})()`), { timeout: 10_000 }).toEqual(c.pageGot);
      }
      // The annotator (chunk-annotator.js, loaded by this message) answers: no selection is made.
      if (c.annotator) expect(await ask(url, { type: 'annotations', call: { kind: 'describe' } })).toEqual({ ok: false, reason: 'no-selection' });
    } finally {
      await page.close();
    }
  });
}
