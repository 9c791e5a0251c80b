/**
 * Issue 17 in Firefox ESR: in Uyghur the sidebar is right to left and sits at the page's left edge,
 * collapsed and open. The setting is written from the sidebar's own frame (an extension page: it has
 * storage), as the options page would write it.
 */
import { test, expect } from '@playwright/test';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { launchFirefox, servePagesFirefox, firefoxSidebarFrame } from '../../scripts/harness/firefox';
import { PAGES } from './fixtures';

let browser: Browser;

test.beforeAll(async () => {
  ({ browser } = await launchFirefox());
});
test.afterAll(async () => {
  await browser?.close();
});

/** The matching page and its sidebar frame (the first page may come before the dataset is installed). */
async function openMatching(): Promise<{ page: Page; frame: Frame }> {
  for (let attempt = 0; ; attempt++) {
    const page = await browser.newPage();
    await servePagesFirefox(page, Object.values(PAGES));
    await page.goto(PAGES.family1.url, { waitUntil: 'load' });
    const frame = await firefoxSidebarFrame(page, 5_000).catch(() => undefined);
    if (frame) return { page, frame };
    await page.close();
    if (attempt >= 3) throw new Error('No sidebar appeared on the matching page');
  }
}

/** The host's distance from the viewport's left and right edges. */
function hostEdges(page: Page) {
  return page.evaluate(() => {
    const box = document.querySelector('html > :not(head):not(body)')!.getBoundingClientRect();
    return { left: box.left, right: document.documentElement.clientWidth - box.right, width: box.width };
  });
}

test('Firefox: in Uyghur the sidebar is right to left, at the left edge', async () => {
  const first = await openMatching();
  await first.frame.waitForSelector('button.tab');
  expect((await hostEdges(first.page)).right).toBeLessThanOrEqual(1);
  await first.frame.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({ settings: { locale: 'ug' } }));
  await first.page.close();

  const { page, frame } = await openMatching();
  await frame.waitForSelector('button.tab');
  expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ug', 'rtl']);
  expect((await hostEdges(page)).left).toBeLessThanOrEqual(1);
  await (await frame.$('button.tab'))!.click();
  await frame.waitForSelector('.sidebar');
  await page.waitForFunction(() => document.querySelector('html > :not(head):not(body)')!.getBoundingClientRect().width > 300);
  expect((await hostEdges(page)).left).toBeLessThanOrEqual(1);
  expect(await frame.$eval('.sidebar h3', (el) => el.textContent)).toBe('كىشىلەر');
  await frame.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.remove('settings'));
  await page.close();
});
