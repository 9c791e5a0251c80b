/**
 * The reader's controls: the popup (status, pause, mute, open the sidebar), the sidebar's sections
 * with their sources for both families, "show on the page", dismissal, the remembered open state,
 * and the Chinese UI.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, sidebarFrame, PAGES, settledReport, HOST, hostState, tabIdOf, openByTab } from './fixtures';

const BOTH = { url: 'https://www.meridianledger.example/world/asia/2021/04/24/uyghur-parents-respond', file: path.resolve('scripts/demo/demo-article.html') };

/** The popup for a tab (as the toolbar button shows it for the active tab). */
async function openPopup(page: Page, extensionId: string, tabId: number): Promise<Page> {
  const popup = await page.context().newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test.describe('Chromium: the reader', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.context.route(BOTH.url, (route) => route.fulfill({ path: BOTH.file, contentType: 'text/html' }));
  });

  test('each section, with its sources, for both families', async ({ page, extension }) => {
    await page.goto(BOTH.url);
    const frame = await sidebarFrame(page, extension.extensionId);
    await frame.locator('button.tab').click();
    await expect(frame.getByRole('heading', { level: 2, name: "Mamutjan Abdurehim's family" })).toBeVisible();
    await expect(frame.getByRole('heading', { level: 2, name: /Ablikim Mamtinin and Mihriban Kader/ })).toBeVisible();
    // The key lines come first, each with its source.
    const key = frame.locator('section.key .key-line');
    expect(await key.count()).toBeGreaterThanOrEqual(7);
    for (let k = 0; k < (await key.count()); k++) await expect(key.nth(k).locator('.source')).toBeVisible();
    const families = frame.locator('section.family');
    await expect(families).toHaveCount(2);
    for (const i of [0, 1]) {
      const section = families.nth(i);
      for (const heading of ['People', 'Timeline', 'What the Chinese government claims', 'What the family says', 'How they were treated, as reported']) {
        await expect(section.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      }
      // Every claim, answer, finding, conduct and event carries a source.
      for (const list of ['.claims > li', '.responses > li', '.timeline > li']) expect(await section.locator(list).count()).toBeGreaterThan(0);
      const items = section.locator('.claims > li, .responses > li, .findings > li, .conduct > li, .timeline > li');
      for (let k = 0; k < (await items.count()); k++) await expect(items.nth(k).locator('.source').first()).toBeVisible();
    }
    // The finding about all the parents is a key line; the first family keeps its own about the conviction.
    await expect(families.nth(0).getByRole('heading', { name: 'Evidence', exact: true })).toBeVisible();
    // Minors are shown by first name only.
    await expect(frame.locator('.people li strong', { hasText: /^Zumeryem$/ })).toHaveCount(1);
    await expect(frame.locator('.people li strong', { hasText: /^Zumeryem\s/ })).toHaveCount(0);
    await expect(frame.getByRole('heading', { name: 'Sources' })).toBeVisible();
    await expect(frame.locator('.sources a.source').first()).toHaveAttribute('href', /^https:\/\//);
  });

  test('"Show on the page" scrolls to where a name was found and marks it', async ({ page, extension }) => {
    await page.setViewportSize({ width: 1000, height: 400 });
    await page.goto(BOTH.url);
    const frame = await sidebarFrame(page, extension.extensionId);
    await frame.locator('button.tab').click();
    await frame.getByText('Why am I seeing this?').click();
    const before = await page.evaluate(() => window.scrollY);
    const jumps = frame.getByRole('button', { name: 'Show on the page' });
    await jumps.last().click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).not.toBe(before);
    expect(await page.evaluate(() => CSS.highlights.size)).toBeGreaterThanOrEqual(1);
  });

  test('the popup shows the status, opens the sidebar, and mutes the site', async ({ page, extension }) => {
    await page.goto(PAGES.family1.url);
    await sidebarFrame(page, extension.extensionId);
    const popup = await openPopup(page, extension.extensionId, await tabIdOf(extension.serviceWorker, PAGES.family1.url));
    await expect(popup.getByRole('status')).toHaveText('This page is about the story.');
    await expect(popup.locator('.people')).toContainText('Mamutjan Abdurehim');
    await expect(popup.locator('.signals')).toContainText('full name: Mamutjan Abdurehim');

    await popup.getByRole('button', { name: 'Open the sidebar' }).click();
    await expect.poll(() => hostState(page)).toBe('open');

    // The reader chooses: the whole site (a registrable domain under a two-part suffix) or this host.
    await expect(popup.getByRole('button', { name: 'Mute only on www.southerncrossdaily.com.au' })).toBeVisible();
    await popup.getByRole('button', { name: 'Mute on all of southerncrossdaily.com.au' }).click();
    await expect(popup.getByRole('status')).toHaveText('Muted on southerncrossdaily.com.au.');
    await expect(page.locator(HOST)).toHaveCount(0);
    await popup.close();
    await page.reload();
    expect((await settledReport(page, extension.serviceWorker)).status).toBe('muted');
    await expect(page.locator(HOST)).toHaveCount(0);

    // The site covers its other hosts: the same article on another subdomain stays quiet too.
    const other = PAGES.family1.url.replace('://www.', '://edition.');
    await extension.context.route(other, (route) => route.fulfill({ path: PAGES.family1.file, contentType: 'text/html' }));
    await page.goto(other);
    await page.waitForTimeout(1500);
    await expect(page.locator(HOST)).toHaveCount(0);

    // The options list the choice, and unmuting there brings the sidebar back.
    const options = await page.context().newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await expect(options.locator('.muted-sites li')).toHaveText(/All of southerncrossdaily\.com\.au/);
    await options.getByRole('button', { name: 'Unmute All of southerncrossdaily.com.au' }).click();
    await expect(options.getByText('No muted sites.')).toBeVisible();
    await options.close();
    await page.reload();
    await expect(page.locator(HOST)).toHaveCount(1);
  });

  test('muting only one host leaves the rest of the site alone', async ({ page, extension }) => {
    await page.goto(PAGES.family1.url);
    await sidebarFrame(page, extension.extensionId);
    const popup = await openPopup(page, extension.extensionId, await tabIdOf(extension.serviceWorker, PAGES.family1.url));
    await popup.getByRole('button', { name: 'Mute only on www.southerncrossdaily.com.au' }).click();
    await expect(popup.getByRole('status')).toHaveText('Muted on www.southerncrossdaily.com.au.');
    await expect(page.locator(HOST)).toHaveCount(0);
    await popup.close();

    const other = PAGES.family1.url.replace('://www.', '://edition.');
    await extension.context.route(other, (route) => route.fulfill({ path: PAGES.family1.file, contentType: 'text/html' }));
    await page.goto(other);
    await expect(page.locator(HOST)).toHaveCount(1);
  });

  test('a host muted from the options, typed as an address, stays quiet; the rest of its site does not', async ({ page, extension }) => {
    const other = PAGES.family1.url.replace('://www.', '://edition.');
    await extension.context.route(other, (route) => route.fulfill({ path: PAGES.family1.file, contentType: 'text/html' }));
    const options = await page.context().newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await options.getByLabel('Address to mute').fill(other);
    await options.getByRole('button', { name: 'Mute this host only' }).click();
    await expect(options.locator('.muted-sites li')).toHaveText(/Only edition\.southerncrossdaily\.com\.au/);
    await options.close();

    await page.goto(other);
    await page.waitForTimeout(1500);
    await expect(page.locator(HOST)).toHaveCount(0);
    await page.goto(PAGES.family1.url);
    await expect(page.locator(HOST)).toHaveCount(1);
  });

  test('pausing everywhere from the popup stops detection on the next page', async ({ page, extension }) => {
    await page.goto(PAGES.family1.url);
    await sidebarFrame(page, extension.extensionId);
    const popup = await openPopup(page, extension.extensionId, await tabIdOf(extension.serviceWorker, PAGES.family1.url));
    await popup.getByRole('button', { name: 'Pause everywhere' }).click();
    await expect(popup.getByRole('status')).toHaveText('Paused everywhere.');
    await expect(page.locator(HOST)).toHaveCount(0);
    await popup.getByRole('button', { name: 'Resume' }).click();
    await expect(popup.getByText('Reload the page to apply.')).toBeVisible();
    await popup.close();
    await page.reload();
    await expect(page.locator(HOST)).toHaveCount(1);
  });

  test('the open state is remembered per site', async ({ page, extension }) => {
    await page.goto(PAGES.family1.url);
    let frame = await sidebarFrame(page, extension.extensionId);
    await openByTab(page, frame, extension.serviceWorker);
    await page.reload();
    frame = await sidebarFrame(page, extension.extensionId);
    await expect.poll(() => hostState(page)).toBe('open');
    await expect(frame.locator('.sidebar')).toBeVisible();
    await frame.getByRole('button', { name: 'Collapse the sidebar' }).click();
    await expect.poll(() => hostState(page)).toBe('collapsed');
  });

  test('"Hide on this page" removes the sidebar until the next load', async ({ page, extension }) => {
    await page.goto(PAGES.family1.url);
    const frame = await sidebarFrame(page, extension.extensionId);
    await frame.locator('button.tab').click();
    await frame.getByRole('button', { name: 'Hide on this page' }).click();
    await expect(page.locator(HOST)).toHaveCount(0);
    await page.reload();
    await expect(page.locator(HOST)).toHaveCount(1);
  });

  test('the UI renders in Simplified Chinese when chosen in the options', async ({ page, extension }) => {
    const options = await page.context().newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await options.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Backstory');
    await expect(options.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
    await options.close();

    await page.goto(PAGES.family1.url);
    const frame = await sidebarFrame(page, extension.extensionId);
    await expect(frame.locator('button.tab')).toContainText('背景');
    await frame.locator('button.tab').click();
    await expect(frame.getByRole('heading', { name: '中国政府的说法' }).first()).toBeVisible();
    // Dataset text comes in Simplified Chinese (data/translations/zh-CN.json), marked so in its markup;
    // quotes stay as said (English) with the dataset's translation beside them.
    await expect(frame.locator('.claims p[lang="zh-Hans"]').first()).toBeVisible();
    await expect(frame.locator('.claims blockquote[lang="en"] .quote-translation[lang="zh-Hans"]').first()).toContainText('本数据集的译文');
    // Nothing is left in English, so no note says so.
    await expect(frame.getByText('部分背景信息尚未翻译，以英文显示。')).toHaveCount(0);
  });

  test('on a right-to-left page and in a narrow window the sidebar stays whole and inside the window', async ({ page, extension }) => {
    const ARABIC = {
      url: 'https://www.alakhbar-aldawli.net/world/2021/04/24/china-uyghur-parents-accusations',
      file: path.resolve('tests/fixtures/corpus/pages/ar-latin-names.html'),
    };
    await page.route(ARABIC.url, (route) => route.fulfill({ path: ARABIC.file, contentType: 'text/html' }));
    await page.setViewportSize({ width: 360, height: 700 });
    await page.goto(ARABIC.url);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const frame = await sidebarFrame(page, extension.extensionId);
    const host = page.locator(HOST);
    const collapsed = (await host.boundingBox())!;
    expect(collapsed.x + collapsed.width).toBeLessThanOrEqual(360);
    expect(collapsed.width).toBe(44);
    await openByTab(page, frame, extension.serviceWorker);
    const open = (await host.boundingBox())!;
    expect(open.x).toBeGreaterThanOrEqual(0);
    expect(open.width).toBeLessThanOrEqual(360);
    // The panel's own layout stays left-to-right English UI inside a right-to-left page.
    expect(await frame.evaluate(() => getComputedStyle(document.querySelector('.sidebar')!).direction)).toBe('ltr');
    await expect(frame.getByRole('button', { name: 'Collapse the sidebar' })).toBeInViewport();
  });
});
