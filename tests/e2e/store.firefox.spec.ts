/**
 * The extension's pages under the manifest's strict content security policy in Firefox ESR: the
 * sidebar, the options page and the packaged privacy policy render with their stylesheets, and the
 * policy refuses a connection (told by its own violation event, not by the lack of a network).
 */
import { test, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox, servePagesFirefox, firefoxSidebarFrame } from '../../scripts/harness/firefox';
import { PAGES } from './fixtures';

let browser: Browser;
let origin: string;

test.beforeAll(async () => {
  ({ browser } = await launchFirefox());
  // The sidebar's frame tells the extension's moz-extension:// origin (a per-profile UUID). The
  // background installs the dataset on first run, so the first page may come before it is ready.
  for (let attempt = 0; !origin && attempt < 4; attempt++) {
    const page = await browser.newPage();
    await servePagesFirefox(page, Object.values(PAGES));
    await page.goto(PAGES.family1.url, { waitUntil: 'load' });
    const frame = await firefoxSidebarFrame(page, 5_000).catch(() => undefined);
    if (frame) origin = await frame.evaluate(() => location.origin);
    await page.close();
  }
  if (!origin) throw new Error('No sidebar appeared on the matching page');
});
test.afterAll(async () => {
  await browser?.close();
});

/**
 * The page of the next tab to open at `url`. Over BiDi a new tab's reported URL can stay at
 * about:blank after it navigated, so each new tab's own location is asked instead.
 */
async function nextPage(url: string, before: Set<unknown>): Promise<Page> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) {
        await page.waitForFunction(() => document.readyState === 'complete');
        return page;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No tab opened at ${url}`);
}

/**
 * The options page. WebDriver BiDi may not navigate a tab to a moz-extension:// URL, so it is opened
 * from a link inside the sidebar (an extension page itself).
 */
async function openOptions(): Promise<Page> {
  const page = await browser.newPage();
  await servePagesFirefox(page, Object.values(PAGES));
  await page.goto(PAGES.family1.url, { waitUntil: 'load' });
  const frame = await firefoxSidebarFrame(page);
  // Extension frames inside a web page get no tabs or runtime.openOptionsPage in Firefox, so the test
  // adds a plain link to the sidebar's document and clicks it, as a reader would click one.
  await frame.evaluate(() => {
    const a = document.createElement('a');
    Object.assign(a, { href: '/options.html', target: '_blank', id: 'test-open-options', textContent: 'options' });
    Object.assign(a.style, { position: 'fixed', top: '0', left: '0', zIndex: '9999' });
    document.body.append(a);
  });
  const before = new Set<unknown>(await browser.pages());
  await (await frame.$('#test-open-options'))!.click();
  const options = await nextPage(`${origin}/options.html`, before);
  await page.close();
  return options;
}

test('Firefox: the sidebar renders styled under the policy', async () => {
  const page = await browser.newPage();
  await servePagesFirefox(page, Object.values(PAGES));
  await page.goto(PAGES.family1.url, { waitUntil: 'load' });
  const frame = await firefoxSidebarFrame(page);
  await frame.waitForSelector('button.tab');
  // Its stylesheet applied: the collapsed tab is the sidebar's styled button, not a bare one.
  expect(await frame.$eval('button.tab', (el) => getComputedStyle(el).cursor)).toBe('pointer');
  await page.close();
});

test('Firefox: options and the privacy policy load their styles, and the policy refuses connections', async () => {
  const options = await openOptions();
  await options.waitForSelector('h1');
  expect(await options.$eval('main', (el) => getComputedStyle(el).maxWidth)).toBe('880px');
  // The machine may have no network at all, so the refusal is told by the policy's own event.
  const outcome = await options.evaluate(async () => {
    const violated = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
    );
    const request = await fetch('https://www.example.org/collect').then(() => 'sent', () => 'refused');
    return { request, directive: await violated };
  });
  expect(outcome).toEqual({ request: 'refused', directive: 'connect-src' });

  // The policy page, in the same tab (a tab the options page opens is not reported over BiDi; the
  // link itself is clicked in tests/e2e/store.chromium.spec.ts).
  const href = await options.$eval('a[href="/privacy.html"]', (a) => (a as HTMLAnchorElement).href);
  expect(href).toBe(`${origin}/privacy.html`);
  await options.evaluate((url) => void location.assign(url), href);
  const privacy = options;
  await privacy.waitForFunction((url) => location.href === url && document.readyState === 'complete', {}, href);
  expect(await privacy.$eval('h1', (el) => el.textContent)).toBe('Backstory privacy policy');
  expect(await privacy.$eval('main', (el) => getComputedStyle(el).maxWidth)).toBe('760px');
  await privacy.close();
});
