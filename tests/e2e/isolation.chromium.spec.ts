/**
 * A hostile page tries to read, change, restyle, fake messages into and replace the sidebar. Each
 * attack must fail.
 */
import path from 'node:path';
import { test, expect, sidebarFrame, isSidebarUrl, FIXTURES, HOST, hostState, framesInDom } from './fixtures';

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
    // Once the sidebar has loaded: a navigation racing its very first load is not told apart (the host
    // counts the frame's loads, and the first is its own). The tab shows before the frame's load event
    // (on a busy machine, long before), so wait for the event itself, and for the page to have had a
    // task after it, in which the host's listener sees it.
    await expect(original.locator('button.tab')).toBeVisible();
    await original.waitForLoadState('load');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const [before] = await framesInDom(page);
    expect(isSidebarUrl(before?.src ?? '')).toBe(true);
    // The page has no handle on the frame; drive the navigation from outside, as a browser bug or
    // another extension might, to a fake of the sidebar, and check the host restores its own page.
    await extension.context.route('https://news.totally-normal.example/fake-sidebar', (route) =>
      route.fulfill({ body: '<!doctype html><title>Backstory</title><button class="tab">Backstory</button>', contentType: 'text/html' }),
    );
    await original.evaluate(() => {
      location.href = 'https://news.totally-normal.example/fake-sidebar';
    }).catch(() => undefined);
    // The host notices the foreign load and puts a fresh frame on the real sidebar in its place. The
    // page's DOM is the judge of which frames are left: Playwright may go on listing a frame that was
    // navigated to another process and then removed.
    await expect
      .poll(async () => (await framesInDom(page)).map((f) => ({ sidebar: isSidebarUrl(f.src), fresh: f.frameId !== before!.frameId })), {
        timeout: 15_000,
      })
      .toEqual([{ sidebar: true, fresh: true }]);
    // And the fresh frame renders the sidebar again. (Look it up afresh on every poll.)
    await expect
      .poll(async () => {
        const frame = page.frames().find((f) => f !== original && !f.isDetached() && isSidebarUrl(f.url()));
        return frame ? frame.evaluate(() => !!document.querySelector('button.tab')).catch(() => false) : false;
      })
      .toBe(true);
  });
});
