/**
 * A hostile page tries to read, change, restyle, fake messages into and replace the sidebar. Each
 * attack must fail.
 */
import path from 'node:path';
import { test, expect, sidebarFrame, FIXTURES, HOST, hostState } from './fixtures';

const HOSTILE = {
  url: 'https://news.totally-normal.example/2021/04/25/adelaide-father-answers',
  file: path.join(FIXTURES, 'hostile-article.html'),
};

test.describe('Chromium: a hostile page gets nothing', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.context.route(HOSTILE.url, (route) => route.fulfill({ path: HOSTILE.file, contentType: 'text/html' }));
  });

  test('cannot capture the shadow root or read the sidebar', async ({ page, extension }) => {
    await page.goto(HOSTILE.url);
    const frame = await sidebarFrame(page, extension.extensionId);
    await expect(frame.locator('button.tab')).toBeVisible();

    const attack = await page.evaluate(() => {
      const host = document.querySelector('html > :not(head):not(body)')!;
      return {
        captured: (window as unknown as { __attack: { shadowRoots: string[] } }).__attack.shadowRoots,
        shadowRoot: host.shadowRoot,
        hostText: host.textContent,
        iframes: document.querySelectorAll('iframe').length,
        // A frame inside a shadow tree is not in window.frames: the page has no handle on its window.
        reachableFrames: window.frames.length,
      };
    });
    // The content script's attachShadow is its own (isolated world), not the page's patched one.
    expect(attack.captured).toEqual([]);
    expect(attack.shadowRoot).toBeNull();
    expect(attack.hostText).toBe('');
    expect(attack.iframes).toBe(0);
    expect(attack.reachableFrames).toBe(0);
  });

  test('cannot hide or restyle it', async ({ page, extension }) => {
    await page.goto(HOSTILE.url);
    const frame = await sidebarFrame(page, extension.extensionId);
    const host = page.locator(HOST);
    // Inline styles set by the page's script lose too.
    await host.evaluate((el) => el.setAttribute('style', 'display:none!important;width:0!important'));
    const box = await host.boundingBox();
    expect(box?.width).toBe(44);
    expect(box?.height).toBeGreaterThan(200);
    await expect(host).toBeVisible();
    const tab = frame.locator('button.tab');
    await expect(tab).toBeVisible();
    // The page's `* { color: red !important }` does not reach the sidebar's document.
    expect(await tab.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)');
    expect(await tab.evaluate((el) => getComputedStyle(el).fontFamily)).not.toContain('Comic Sans');
  });

  test('cannot fake messages into it', async ({ page, extension }) => {
    await page.goto(HOSTILE.url);
    const frame = await sidebarFrame(page, extension.extensionId);
    await expect(frame.locator('button.tab')).toBeVisible();
    const sent = await page.evaluate(() => {
      // The page can only post to itself or its parent (it has no handle on the sidebar's window).
      for (const message of [{ type: 'set-open', open: true }, { type: 'get-context' }, { type: 'dismiss' }]) {
        window.postMessage(message, '*');
        window.top?.postMessage(message, '*');
      }
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      return { canSendToExtension: typeof runtime?.sendMessage === 'function' };
    });
    expect(sent.canSendToExtension).toBe(false);
    await page.waitForTimeout(500);
    // Still collapsed, still there.
    await expect.poll(() => hostState(page)).toBe('collapsed');
    await expect(frame.locator('button.tab')).toBeVisible();
  });

  test('a foreign navigation of the sidebar frame is undone', async ({ page, extension }) => {
    await page.goto(HOSTILE.url);
    const original = await sidebarFrame(page, extension.extensionId);
    const sidebarUrl = original.url().split('?')[0];
    // Once the sidebar has loaded (a navigation racing its very first load is not told apart).
    await expect(original.locator('button.tab')).toBeVisible();
    // The page has no handle on the frame; drive the navigation from outside, as a browser bug or
    // another extension might, to check the host restores its own page.
    await original.evaluate(() => {
      location.href = 'https://news.totally-normal.example/fake-sidebar';
    }).catch(() => undefined);
    // Our frame notices the foreign load and navigates back to the real sidebar, which renders again.
    // (The frame may be swapped during the navigations: look it up afresh on every poll.)
    await expect
      .poll(
        async () => {
          // The sidebar's URL carries the page's language (?lang=, issue 17).
          const frame = page.frames().find((f) => f.url().split('?')[0] === sidebarUrl);
          return frame ? frame.evaluate(() => !!document.querySelector('button.tab')).catch(() => false) : false;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.url().split('?')[0])).toEqual([sidebarUrl]);
  });
});
