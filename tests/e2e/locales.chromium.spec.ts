/**
 * Issue 17, as a reader sees it: the sidebar in the language chosen, mirrored and at the left edge in
 * Uyghur; and, for the reader who follows the page's language, in Chinese beside a Chinese page.
 */
import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { test, expect, sidebarFrame, PAGES } from './fixtures';

async function setSettings(serviceWorker: Worker, settings: Record<string, unknown>): Promise<void> {
  await serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
}

/** Where the sidebar's frame sits in the page's viewport. */
async function frameBox(page: Page, extensionId: string) {
  const frame = await sidebarFrame(page, extensionId);
  const box = (await (await frame.frameElement()).boundingBox())!;
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  return { frame, left: box.x, right: width - (box.x + box.width), width: box.width };
}

test('in English the sidebar runs left to right at the right edge', async ({ page, extension }) => {
  await setSettings(extension.serviceWorker, { locale: 'en' });
  await page.goto(PAGES.family1.url);
  const { frame, right, left } = await frameBox(page, extension.extensionId);
  await expect(frame.locator('button.tab')).toBeVisible();
  expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
  expect(right).toBeLessThanOrEqual(1);
  expect(left).toBeGreaterThan(100);
});

test('in Uyghur the sidebar is right to left, and the tab and the open panel sit at the left edge', async ({ page, extension }) => {
  await setSettings(extension.serviceWorker, { locale: 'ug' });
  await page.goto(PAGES.family1.url);
  const collapsed = await frameBox(page, extension.extensionId);
  const { frame } = collapsed;
  await expect(frame.locator('button.tab')).toBeVisible();
  expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ug', 'rtl']);
  expect(collapsed.left).toBeLessThanOrEqual(1);
  await expect(frame.locator('button.tab')).toHaveAccessibleName(/Backstory نى ئېچىش/);

  await frame.locator('button.tab').click();
  await expect(frame.locator('.sidebar')).toBeVisible();
  const open = await frameBox(page, extension.extensionId);
  expect(open.left).toBeLessThanOrEqual(1);
  expect(open.width).toBeGreaterThan(300);
  await expect(frame.getByRole('heading', { name: 'كىشىلەر' }).first()).toBeVisible();
  // Mirrored: the bar's title sits at the right, its buttons at the left. Names are in Uyghur script
  // (data/translations/ug.json), right to left, with their Latin form beside them left to right.
  const title = (await frame.locator('.bar h1').boundingBox())!;
  const collapse = (await frame.locator('.bar .collapse').boundingBox())!;
  expect(title.x).toBeGreaterThan(collapse.x);
  expect(await frame.locator('.people strong').first().evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  expect(await frame.locator('.people bdi[lang="ug-Latn"]').first().evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
});

test.describe('following the page\'s language', () => {
  const html = readFileSync(PAGES.family1.file, 'utf8').replace('<html lang="en">', '<html lang="zh-CN">');
  const url = 'https://www.southerncrossdaily.com.au/world/asia/2021/04/26/adelaide-father-uyghur-family-zh';

  test.beforeEach(async ({ page }) => {
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  });

  test('beside a page in Chinese the sidebar is in Chinese', async ({ page, extension }) => {
    await setSettings(extension.serviceWorker, { locale: 'en', followPage: true });
    await page.goto(url);
    const frame = await sidebarFrame(page, extension.extensionId);
    await expect(frame.locator('button.tab')).toHaveAccessibleName(/打开 Backstory/);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await frame.locator('button.tab').click();
    await expect(frame.getByRole('heading', { name: '人物' }).first()).toBeVisible();
    // The dataset's text comes in Chinese too: nothing is left in English, so there is no note.
    await expect(frame.locator('.family p[lang="zh-Hans"]').first()).toBeVisible();
    await expect(frame.locator('main > p.note')).toHaveCount(0);
  });

  test('without the option, the page\'s language changes nothing', async ({ page, extension }) => {
    await setSettings(extension.serviceWorker, { locale: 'it', followPage: false });
    await page.goto(url);
    const frame = await sidebarFrame(page, extension.extensionId);
    await expect(frame.locator('button.tab')).toHaveAccessibleName(/Apri Backstory/);
  });
});

test('the options offer the six languages and the follow-the-page option, and switch the page at once', async ({ page, extension }) => {
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const select = page.getByRole('combobox', { name: 'Language' });
  await expect(select.locator('option')).toHaveText(['Browser language', 'English', '简体中文', '繁體中文', 'ئۇيغۇرچە', 'Italiano', 'Türkçe']);
  await select.selectOption('ug');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'Backstory تاللانمىلىرى' })).toBeVisible();
  await page.getByRole('checkbox', { name: /بەت بۇ تىللارنىڭ بىرىدە يېزىلغان بولسا/ }).check();
  expect(await extension.serviceWorker.evaluate(() => chrome.storage.local.get('settings'))).toMatchObject({ settings: { locale: 'ug', followPage: true } });
});

test('the toolbar button\'s tooltip says what the badge means, in the interface language', async ({ page, extension }) => {
  await setSettings(extension.serviceWorker, { locale: 'it' });
  await page.goto(PAGES.family1.url);
  await sidebarFrame(page, extension.extensionId);
  // This page's own tab (another test's tab with the same URL may have left its state behind). The
  // background sets the title when the page's report arrives, which may come just after the frame.
  const title = () =>
    extension.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getTitle({ tabId: tab!.id! });
    });
  await expect.poll(title).toMatch(/^Backstory: \d+ persone della notizia in questa pagina$/);
});
