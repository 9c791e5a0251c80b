/**
 * Accessibility: axe-core finds no violations in the sidebar (collapsed and open, light and dark),
 * the popup and the options page, in each of the six interface languages; its first screen of key
 * lines (in each of the six languages, light and dark, with the "Copied" confirmation shown); and the
 * sidebar works from the keyboard.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { test, expect, sidebarFrame, PAGES } from './fixtures';
import { UI_LOCALES } from '../../core/locale';
import { translator } from '../../core/i18n';
import { TEXT_LANG, datasetLocale } from '../../core/dataset/localize';

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** Run axe inside a frame (extension pages' CSP blocks injected script tags; evaluate is not subject to it). */
async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(axeSource);
  const result = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const locale of UI_LOCALES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`sidebar has no axe violations, collapsed and open (${locale}, ${colorScheme})`, async ({ page, extension }) => {
      await extension.serviceWorker.evaluate((l) => chrome.storage.local.set({ settings: { locale: l } }), locale);
      await page.emulateMedia({ colorScheme });
      await page.goto(PAGES.family1.url);
      const frame = await sidebarFrame(page, extension.extensionId);
      await expect(frame.locator('button.tab')).toBeVisible();
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await axeViolations(frame)).toEqual([]);
      await frame.locator('button.tab').click();
      await expect(frame.locator('.sidebar')).toBeVisible();
      expect(await axeViolations(frame)).toEqual([]);
    });
  }
}

const BOTH = { url: 'https://www.meridianledger.example/world/asia/2021/04/24/uyghur-parents-respond', file: path.resolve('scripts/demo/demo-article.html') };

for (const locale of UI_LOCALES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the key context first screen has no axe violations (${locale}, ${colorScheme})`, async ({ page, extension }) => {
      await extension.context.route(BOTH.url, (route) => route.fulfill({ path: BOTH.file, contentType: 'text/html' }));
      // The UI language, as the reader sets it in the options.
      await extension.serviceWorker.evaluate((l) => chrome.storage.local.set({ settings: { locale: l } }), locale);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(BOTH.url);
      const frame = await sidebarFrame(page, extension.extensionId);
      await frame.locator('button.tab').click();
      await expect(frame.locator('section.key .key-line').first()).toBeInViewport();
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe(locale);
      await frame.getByRole('button', { name: translator(locale)('sidebar.copy') }).click();
      await expect(frame.getByRole('status')).not.toBeEmpty();
      expect(await axeViolations(frame)).toEqual([]);
    });
  }
}

test('the sidebar works from the keyboard, and focus moves on open and close', async ({ page, extension }) => {
  await page.goto(PAGES.family1.url);
  const frame = await sidebarFrame(page, extension.extensionId);
  const tab = frame.locator('button.tab');
  await tab.focus();
  await page.keyboard.press('Enter');
  await expect(frame.locator('.sidebar')).toBeVisible();
  // Focus moved into the panel (in the effect after the panel renders: polled, not read once).
  await expect.poll(() => frame.evaluate(() => document.activeElement?.closest('.sidebar') !== null)).toBe(true);
  const collapse = frame.getByRole('button', { name: 'Collapse the sidebar' });
  await collapse.focus();
  await page.keyboard.press('Enter');
  await expect(frame.locator('button.tab')).toBeVisible();
  await expect.poll(() => frame.evaluate(() => document.activeElement?.classList.contains('tab'))).toBe(true);
});

for (const locale of UI_LOCALES) {
  test(`popup and options have no axe violations (${locale})`, async ({ page, extension }) => {
    await extension.serviceWorker.evaluate((l) => chrome.storage.local.set({ settings: { locale: l } }), locale);
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await expect(page.getByRole('heading', { name: 'Backstory' }).first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await expect(page.getByRole('heading', { name: 'Backstory' }).first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ug' ? 'rtl' : 'ltr');
    expect(await axeViolations(page)).toEqual([]);
  });
}

const LATE_POST = { url: 'https://x.com/hr_desk/status/1389000000000000001', file: 'tests/fixtures/pages/x-status-late.html' };

for (const locale of UI_LOCALES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the note at a post and the side panel page have no axe violations (${locale}, ${colorScheme})`, async ({ page, extension }) => {
      await extension.context.route(LATE_POST.url, (route) => route.fulfill({ path: LATE_POST.file, contentType: 'text/html' }));
      await extension.serviceWorker.evaluate((l) => chrome.storage.local.set({ settings: { locale: l } }), locale);
      await page.emulateMedia({ colorScheme });
      await page.goto(LATE_POST.url);
      // note.html loads from its use_dynamic_url address (a per-session id), not the extension id's.
      const isNote = (url: string) => /^chrome-extension:\/\/[^/]+\/note\.html/.test(url);
      await expect.poll(() => page.frames().some((f) => isNote(f.url())), { timeout: 10_000 }).toBe(true);
      const note = page.frames().find((f) => isNote(f.url()))!;
      await expect(note.locator('button.more')).toHaveText(translator(locale)('note.more'));
      expect(await note.evaluate(() => document.documentElement.lang)).toBe(locale);
      // Its statements in the reader's language (the dataset's translations), marked so.
      expect(await note.evaluate(() => [...document.querySelectorAll('.note-line span[lang]')].map((s) => s.getAttribute('lang')))).toEqual(
        [TEXT_LANG[datasetLocale(locale)], TEXT_LANG[datasetLocale(locale)]],
      );
      expect(await axeViolations(note)).toEqual([]);

      // The side panel's page, for this tab, at the panel's size (a panel of its own is not a page axe can open).
      const tabId = await extension.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
      const panel = await extension.context.newPage();
      await panel.setViewportSize({ width: 400, height: 800 });
      await panel.emulateMedia({ colorScheme });
      await panel.goto(`chrome-extension://${extension.extensionId}/sidepanel.html?tab=${tabId}`);
      await expect(panel.locator('#family-family-mamtinin-kader')).toBeVisible();
      expect(await axeViolations(panel)).toEqual([]);
      // And with nothing to show (a tab that is not about the story).
      await panel.goto(`chrome-extension://${extension.extensionId}/sidepanel.html?tab=999999`);
      await expect(panel.locator('.panel-empty')).toBeVisible();
      expect(await axeViolations(panel)).toEqual([]);
      await panel.close();
    });
  }
}
