/**
 * Going away cleanly (SECURITY.md, README "Updates and open tabs"): when the extension is disabled,
 * removed or reloaded (what an update does to open tabs), the content script left in an open tab
 * takes down the sidebar, the highlights and their style rule within a second, without waiting for a
 * message; when the extension is back, a reload of the page gets the sidebar back.
 *
 * Disabling is done as a user does it, by chrome.management, from a test-only helper extension
 * (tests/fixtures/manager-extension: Backstory itself does not ask for the management permission).
 * `chrome.runtime.reload()` in Backstory's worker stands in for an update. Each test has a browser of
 * its own: both end the service worker the other specs share.
 */
import path from 'node:path';
import { test as base, expect, type Page, type Worker } from '@playwright/test';
import { launchChromium, servePages, waitForIndex, type Launched } from '../../scripts/harness/chromium';
import { FIXTURES, HOST, PAGES, sidebarFrame } from './fixtures';

const MANAGER = path.resolve('tests/fixtures/manager-extension');

const test = base.extend<{ launched: Launched & { manager: Worker } }>({
  launched: async ({}, use) => {
    const launched = await launchChromium({ alsoLoad: [MANAGER] });
    await servePages(launched.context, Object.values(PAGES), FIXTURES);
    await waitForIndex(launched.serviceWorker);
    const isManager = (w: Worker) => w.url().endsWith('/manager.js');
    const manager = launched.context.serviceWorkers().find(isManager) ?? (await launched.context.waitForEvent('serviceworker', { predicate: isManager }));
    await use({ ...launched, manager });
    await launched.context.close();
  },
});

/** A page about the story with the sidebar and its highlights shown; returns how many <style> the page has of its own. */
async function storyPage(page: Page): Promise<number> {
  await page.goto(PAGES.family1.url);
  const frame = await sidebarFrame(page);
  await expect(frame.locator('button.tab')).toBeVisible();
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
  return (await page.evaluate(() => document.querySelectorAll('style').length)) - 1; // less the highlights' rule
}

/** Within a second of the extension going away: no host, no highlight, no style rule of ours. */
async function expectGoneWithinASecond(page: Page, pageStyles: number, since: number): Promise<void> {
  await expect(page.locator(HOST)).toHaveCount(0, { timeout: 1_000 });
  await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 1_000 }).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(pageStyles);
  expect(Date.now() - since).toBeLessThan(1_000);
}

test('disabled with the tab open: the sidebar and highlights go within a second; enabled again, a reload brings them back', async ({ launched }) => {
  const { context, manager, extensionId } = launched;
  const page = await context.newPage();
  const pageStyles = await storyPage(page);

  const since = Date.now();
  await manager.evaluate((id) => chrome.management.setEnabled(id, false), extensionId);
  await expectGoneWithinASecond(page, pageStyles, since);

  await manager.evaluate((id) => chrome.management.setEnabled(id, true), extensionId);
  // Enabled again: a new worker (the old one ended with the extension), then a reload of the tab.
  const isNewWorker = (w: Worker) => w.url().endsWith('/background.js') && w !== launched.serviceWorker;
  await expect.poll(() => context.serviceWorkers().some(isNewWorker), { timeout: 15_000 }).toBe(true);
  await waitForIndex(context.serviceWorkers().find(isNewWorker)!);
  await page.reload();
  await expect((await sidebarFrame(page)).locator('button.tab')).toBeVisible();
  await expect(page.locator(HOST)).toHaveCount(1);
});

test('reloaded (as by an update) with the tab open: the sidebar and highlights go within a second', async ({ launched }) => {
  const { context, serviceWorker } = launched;
  const page = await context.newPage();
  const pageStyles = await storyPage(page);
  const since = Date.now();
  await serviceWorker.evaluate(() => setTimeout(() => chrome.runtime.reload(), 0)).catch(() => undefined);
  await expectGoneWithinASecond(page, pageStyles, since);
});
