/**
 * The sidebar's first screen (issue 14): for each family the page is about, the four key lines (the
 * government's claim and its date, the parents' answer, CNN's finding that no evidence was given, the
 * coaching and interrogation CNN reported) are inside the frame's viewport without scrolling at
 * 1280×900, and right after the header in a narrow window; "Copy context" puts the summary on the
 * clipboard and says so. In each of the six languages, the sidebar and the browser's side panel both.
 */
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { test, expect, sidebarFrame, hostState, PAGES } from './fixtures';

const FAMILY2 = {
  url: 'https://www.globalaffairsreview.org/opinion/2021/04/30/italy-must-bring-the-four-children-home',
  file: path.resolve('tests/fixtures/corpus/pages/en-opinion-italy.html'),
};
const BOTH = { url: 'https://www.meridianledger.example/world/asia/2021/04/24/uyghur-parents-respond', file: path.resolve('scripts/demo/demo-article.html') };

const KINDS = ['claim', 'answer', 'evidence', 'conduct'] as const;

interface Box {
  kind: string;
  family: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Open the sidebar on `url` and measure, unscrolled, every key line and the frame's viewport. */
async function measure(page: Page, extensionId: string, url: string): Promise<{ frame: Frame; lines: Box[]; viewport: { width: number; height: number }; headerBottom: number; scrollTop: number }> {
  await page.goto(url);
  const frame = await sidebarFrame(page, extensionId);
  await frame.locator('button.tab').click();
  await expect(frame.locator('section.key .key-line').first()).toBeVisible();
  // The frame renders at once; the host widens when the background has told the page it is open.
  await expect.poll(() => hostState(page)).toBe('open');
  await expect.poll(() => frame.evaluate(() => window.innerWidth)).toBeGreaterThan(300);
  const measured = await frame.evaluate(() => {
    const lines = [...document.querySelectorAll('section.key .key-line')].map((el) => {
      const r = el.getBoundingClientRect();
      const block = el.closest('.key-family') as HTMLElement;
      return { kind: el.className.replace('key-line key-', ''), family: block.dataset.family ?? 'shared', top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    });
    return {
      lines,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      headerBottom: document.querySelector('header.bar')!.getBoundingClientRect().bottom,
      scrollTop: document.querySelector('main')!.scrollTop,
    };
  });
  return { frame, ...measured };
}

/** Every family of the page has each of the four kinds of line, its own or shared by all families. */
function expectFourLines(lines: Box[], families: string[]) {
  for (const family of families) {
    const kinds = new Set(lines.filter((l) => l.family === family || l.family === 'shared').map((l) => l.kind));
    expect([...kinds].sort(), family).toEqual([...KINDS].sort());
  }
}

for (const [name, target, families] of [
  ['Mamutjan Abdurehim’s family', PAGES.family1, ['family-abdurehim']],
  ['Ablikim Mamtinin and Mihriban Kader’s family', FAMILY2, ['family-mamtinin-kader']],
  ['both families', BOTH, ['family-abdurehim', 'family-mamtinin-kader']],
] as const) {
  test(`${name}: the four key lines are on the first screen at 1280×900`, async ({ page, extension }) => {
    await extension.context.route(target.url, (route) => route.fulfill({ path: target.file, contentType: 'text/html' }));
    await page.setViewportSize({ width: 1280, height: 900 });
    const { frame, lines, viewport, scrollTop } = await measure(page, extension.extensionId, target.url);
    expect(scrollTop).toBe(0);
    expectFourLines(lines, [...families]);
    for (const l of lines) {
      expect(l.top, `${l.family} ${l.kind}`).toBeGreaterThanOrEqual(0);
      expect(l.bottom, `${l.family} ${l.kind}`).toBeLessThanOrEqual(viewport.height);
      expect(l.right, `${l.family} ${l.kind}`).toBeLessThanOrEqual(viewport.width);
    }
    // Each line's source is one click away, on the same first screen.
    const sources = frame.locator('section.key .key-line a.source');
    await expect(sources).toHaveCount(lines.length);
    for (let i = 0; i < lines.length; i++) await expect(sources.nth(i)).toHaveAttribute('href', /^https:\/\//);
  });
}

test('in a narrow window the key lines follow right after the header', async ({ page, extension }) => {
  await extension.context.route(BOTH.url, (route) => route.fulfill({ path: BOTH.file, contentType: 'text/html' }));
  await page.setViewportSize({ width: 360, height: 740 });
  const { frame, lines, viewport, headerBottom } = await measure(page, extension.extensionId, BOTH.url);
  // The frame takes the whole width.
  expect(viewport.width).toBe(360);
  expectFourLines(lines, ['family-abdurehim', 'family-mamtinin-kader']);
  // Between the header and the first line: the "Key context" heading and the family's name, nothing else.
  const first = lines[0]!;
  expect(first.top - headerBottom).toBeLessThan(80);
  expect(await frame.evaluate(() => document.querySelector('main')!.firstElementChild!.matches('section.key'))).toBe(true);
  // The first family's lines fit the first screen; the rest follow on scrolling.
  for (const l of lines.filter((x) => x.family === 'family-abdurehim')) expect(l.bottom).toBeLessThanOrEqual(viewport.height);
  for (const l of lines) expect(l.right).toBeLessThanOrEqual(viewport.width);
});

test('"Copy context" puts the summary on the clipboard and announces it', async ({ page, extension }) => {
  await extension.context.route(BOTH.url, (route) => route.fulfill({ path: BOTH.file, contentType: 'text/html' }));
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(BOTH.url);
  const frame = await sidebarFrame(page, extension.extensionId);
  await frame.locator('button.tab').click();
  await frame.getByRole('button', { name: 'Copy context' }).click();
  await expect(frame.getByRole('status')).toHaveText('Copied: a short summary with its sources, ready to paste.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("Mamutjan Abdurehim's family\n- The Chinese government said in its 2 April 2021 statement");
  expect(copied).toContain('Both families\n- CNN reported that the Chinese authorities gave no evidence');
  expect(copied).toContain('https://www.cnn.com/2021/04/23/china/xinjiang-uyghur-family-china-response-intl-hnk/index.html');
  expect(copied).not.toMatch(/<[a-z/]/i);
});

// Issue 17: the first screen in each of the six languages, in the direction its script needs.
for (const [locale, textLang, dir] of [
  ['en', 'en', 'ltr'],
  ['zh-CN', 'zh-Hans', 'ltr'],
  ['zh-TW', 'zh-Hant', 'ltr'],
  ['ug', 'ug-Arab', 'rtl'],
  ['it', 'it', 'ltr'],
  ['tr', 'tr', 'ltr'],
] as const) {
  test(`in ${locale}: the four key lines, in that language (${textLang}, ${dir}), on the first screen`, async ({ page, extension }) => {
    await extension.context.route(FAMILY2.url, (route) => route.fulfill({ path: FAMILY2.file, contentType: 'text/html' }));
    await extension.serviceWorker.evaluate((l) => chrome.storage.local.set({ settings: { locale: l } }), locale);
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      const { frame, lines, viewport } = await measure(page, extension.extensionId, FAMILY2.url);
      expectFourLines(lines, ['family-mamtinin-kader']);
      for (const l of lines) expect(l.bottom).toBeLessThanOrEqual(viewport.height);
      const shown = await frame.evaluate(() => ({
        dir: document.documentElement.dir,
        langs: [...document.querySelectorAll('section.key .key-line > span[lang]')].map((s) => s.getAttribute('lang')),
        note: !!document.querySelector('main > p.note'),
      }));
      expect(shown.dir).toBe(dir);
      // Every statement of the first screen is in the reader's language, none fell back to English.
      expect(shown.langs.length).toBeGreaterThanOrEqual(4);
      expect(new Set(shown.langs)).toEqual(new Set([textLang]));
      expect(shown.note).toBe(false);

      // The browser's side panel, for the same tab, says it in the same language and direction.
      const tabId = await extension.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
      const panel = await extension.context.newPage();
      try {
        await panel.goto(`chrome-extension://${extension.extensionId}/sidepanel.html?tab=${tabId}`);
        await expect(panel.locator('section.key .key-line').first()).toBeVisible();
        const inPanel = await panel.evaluate(() => ({
          dir: document.documentElement.dir,
          langs: [...document.querySelectorAll('section.key .key-line > span[lang]')].map((s) => s.getAttribute('lang')),
        }));
        expect(inPanel.dir).toBe(dir);
        expect(inPanel.langs.length).toBeGreaterThanOrEqual(4);
        expect(new Set(inPanel.langs)).toEqual(new Set([textLang]));
      } finally {
        await panel.close();
      }
    } finally {
      await extension.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });
}
