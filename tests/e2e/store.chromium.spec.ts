/**
 * Store readiness in the real browser: the extension's pages work under the manifest's strict content
 * security policy (and that policy really refuses a network request), the options page opens the
 * packaged privacy policy, the manifest's strings and icons resolve, and the badge wears its colours.
 */
import type { Page } from '@playwright/test';
import { test, expect, sidebarFrame, PAGES, tabIdOf } from './fixtures';
import { BADGE_COLORS } from '../../extension/badge';

/** Console errors and CSP violations of a page and its frames, from now on. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test.describe('Chromium: store readiness', () => {
  test('sidebar, popup and options render under the strict CSP without a single error', async ({ page, extension }) => {
    const pageErrors = watchErrors(page);
    await page.goto(PAGES.family1.url);
    const frame = await sidebarFrame(page, extension.extensionId);
    await frame.locator('button.tab').click();
    await expect(frame.getByRole('heading', { name: 'What the family says' })).toBeVisible();
    // The sidebar's stylesheet applied: the tab and headings are laid out, not raw HTML.
    expect(await frame.locator('.sidebar').evaluate((el) => getComputedStyle(el).display)).not.toBe('inline');

    const tabId = await tabIdOf(extension.serviceWorker, PAGES.family1.url);
    const popup = await page.context().newPage();
    const popupErrors = watchErrors(popup);
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.getByRole('status')).toContainText('This page is about the story.');

    const options = await page.context().newPage();
    const optionsErrors = watchErrors(options);
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await expect(options.getByRole('button', { name: 'Export annotations' })).toBeVisible();
    await expect(options.getByLabel('Import annotations')).toBeAttached();

    expect([...pageErrors.filter((e) => /Content Security Policy|Refused/.test(e)), ...popupErrors, ...optionsErrors]).toEqual([]);
    await popup.close();
    await options.close();
  });

  test('the policy refuses any connection, and inline styles, on an extension page', async ({ page, extension }) => {
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    const csp = await page.evaluate(() => chrome.runtime.getManifest().content_security_policy);
    expect(csp).toMatchObject({ extension_pages: expect.stringContaining("connect-src 'none'") });
    const outcome = await page.evaluate(async () => {
      const violated = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
      );
      const request = await fetch('https://www.example.org/collect').then(
        () => 'sent',
        () => 'refused',
      );
      return { request, directive: await violated };
    });
    expect(outcome).toEqual({ request: 'refused', directive: 'connect-src' });
    // Nor does it take a style from a string: an injected <style> stays inert.
    const colour = await page.evaluate(async () => {
      const style = document.createElement('style');
      style.textContent = 'body { color: rgb(255, 0, 0) !important; }';
      document.head.append(style);
      await new Promise(requestAnimationFrame);
      return getComputedStyle(document.body).color;
    });
    expect(colour).not.toBe('rgb(255, 0, 0)');
  });

  test('the options page opens the packaged privacy policy', async ({ page, extension }) => {
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    const [policy] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: /^Privacy/ }).click()]);
    const errors = watchErrors(policy);
    await policy.waitForLoadState();
    expect(policy.url()).toBe(`chrome-extension://${extension.extensionId}/privacy.html`);
    await expect(policy.getByRole('heading', { level: 1 })).toHaveText('Backstory privacy policy');
    await expect(policy.getByRole('heading', { name: 'Removing everything' })).toBeVisible();
    // Its stylesheet (privacy.css) loaded under the policy: the text column is narrowed.
    expect(await policy.locator('main').evaluate((el) => getComputedStyle(el).maxWidth)).toBe('760px');
    expect(errors).toEqual([]);
    await policy.close();
  });

  test('the manifest strings come from the locales and the icons are packaged', async ({ page, extension }) => {
    const manifest = await extension.serviceWorker.evaluate(() => {
      const m = chrome.runtime.getManifest();
      return { name: m.name, description: m.description, title: m.action?.default_title, icons: m.icons, message: chrome.i18n.getMessage('extName') };
    });
    expect(manifest).toMatchObject({ name: 'Backstory', title: 'Backstory: context for this page', message: 'Backstory' });
    expect(manifest.description).toMatch(/^Sourced context beside coverage of two Uyghur families/);
    for (const [size, file] of Object.entries(manifest.icons ?? {})) {
      await page.goto(`chrome-extension://${extension.extensionId}/${file}`);
      expect(await page.locator('img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([Number(size), Number(size)]);
    }
  });

  test('the badge wears its colours on a page about the story', async ({ page, extension }) => {
    await page.goto(PAGES.family1.url);
    await sidebarFrame(page, extension.extensionId);
    const tabId = await tabIdOf(extension.serviceWorker, PAGES.family1.url);
    const colours = await extension.serviceWorker.evaluate(async (id) => ({
      background: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
      text: await chrome.action.getBadgeTextColor({ tabId: id }),
    }), tabId);
    const rgba = (hex: string) => [...[0, 2, 4].map((i) => Number.parseInt(hex.slice(1 + i, 3 + i), 16)), 255];
    expect(colours).toEqual({ background: rgba(BADGE_COLORS.background), text: rgba(BADGE_COLORS.text) });
  });
});
