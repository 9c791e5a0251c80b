/**
 * The hostile pages of tests/e2e/hostile-cases.ts in Chromium: each either leaves the sidebar shown
 * and working, or is caught hiding it, and then the badge shows "!" and the popup says "This page
 * hides Backstory's context" and offers the side panel.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect, settledReport, sidebarFrame, tabIdOf, HOST, PAGES, FIXTURES } from './fixtures';
import { HOSTILE_CASES, hostilePages, hostileUrl } from './hostile-cases';
import { servePages } from '../../scripts/harness/chromium';

/** What the content script reports: 'shown', or why the page hides the sidebar. */
async function outcome(page: Page, serviceWorker: Worker): Promise<string> {
  const report = await settledReport(page, serviceWorker);
  return report.hidden ?? (report.sidebarMounted ? 'shown' : 'not mounted');
}

test.describe('Chromium: hostile pages', () => {
  test.beforeAll(async ({ extension }) => {
    // The worker's browser is shared with the specs that run after this one: the newest route answers
    // first and 404s what it does not know, so it serves the shared pages too.
    await servePages(extension.context, [...hostilePages(HOSTILE_CASES), ...Object.values(PAGES)], FIXTURES);
  });

  for (const c of HOSTILE_CASES) {
    test(`${c.name}: ${c.attack}`, async ({ page, extension }) => {
      const url = hostileUrl(c.name);
      await page.goto(url);
      if (c.quietMs) await page.waitForTimeout(c.quietMs);
      if (c.click) {
        await expect(page.locator(HOST)).toHaveCount(1);
        await page.mouse.click(200, 200);
      }
      if (c.outcome === 'shown') {
        const frame = await sidebarFrame(page);
        const tab = frame.locator('button.tab');
        await expect(tab).toBeVisible();
        await expect(tab).toContainText(/Context: \d+ people in this story/);
        // The page's styles never reach the sidebar's document.
        expect(await tab.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(0, 255, 0)');
        // Shown, and still shown after two of the host's checks.
        await page.waitForTimeout(2_500);
        expect(await outcome(page, extension.serviceWorker)).toBe('shown');
        await expect(page.locator(HOST)).toHaveCount(1);
        expect((await page.locator(HOST).boundingBox())?.width).toBe(44);
      } else {
        await expect.poll(() => outcome(page, extension.serviceWorker), { timeout: 10_000 }).toBe(c.outcome);
        const tabId = await tabIdOf(extension.serviceWorker, url);
        expect(await extension.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('!');
        const popup = await page.context().newPage();
        await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
        await expect(popup.getByRole('alert')).toHaveText("This page hides Backstory's context.");
        await expect(popup.getByRole('button', { name: 'Show it in the side panel' })).toBeVisible();
        await popup.close();
      }
      if (c.pageCheck) {
        await expect.poll(() => page.evaluate(`(${c.pageCheck})()`), { timeout: 10_000 }).toEqual(c.pageGot);
      }
      if (c.annotator) {
        // The annotator (chunk-annotator.js, loaded by this message) answers: no selection is made.
        const tabId = await tabIdOf(extension.serviceWorker, url);
        const answer = await extension.serviceWorker.evaluate(
          (id) => chrome.tabs.sendMessage(id, { type: 'annotations', call: { kind: 'describe' } }, { frameId: 0 }).catch((e: Error) => `error: ${e.message}`),
          tabId,
        );
        expect(answer).toEqual({ ok: false, reason: 'no-selection' });
      }
    });
  }
});
