/**
 * The bundled demo: the built extension in Chromium on a demo article served at a realistic URL.
 * Shared by `npm start` and `npm run screenshots`.
 */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Frame, Page } from '@playwright/test';
import { launchChromium, servePages, waitForIndex, type Launched } from './chromium';

export const DEMO_URL = 'https://www.meridianledger.example/world/asia/2021/04/24/uyghur-parents-respond';
export const DEMO_FILE = path.resolve('scripts/demo/demo-article.html');

/** Build the Chromium extension (a second or two). */
export function build(browser: 'chrome' | 'firefox' = 'chrome'): void {
  execFileSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { stdio: 'inherit' });
}

export interface Demo extends Launched {
  page: Page;
  sidebar: Frame;
}

/** Open the demo page and wait for the sidebar frame to render its collapsed tab. */
export async function openDemo(options: {
  headless: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** The interface language setting (core/locale.ts), stored before the page opens. */
  locale?: string;
}): Promise<Demo> {
  const launched = await launchChromium({ headless: options.headless, ...(options.viewport ? { viewport: options.viewport } : {}) });
  await servePages(launched.context, [{ url: DEMO_URL, file: DEMO_FILE }]);
  await waitForIndex(launched.serviceWorker);
  if (options.locale) await launched.serviceWorker.evaluate((locale) => chrome.storage.local.set({ settings: { locale } }), options.locale);
  const page = launched.context.pages()[0] ?? (await launched.context.newPage());
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  await page.goto(DEMO_URL);
  const sidebar = await sidebarOf(page, launched.extensionId);
  await sidebar.waitForSelector('button.tab', { timeout: 10_000 });
  return { ...launched, page, sidebar };
}

/** The extension-origin sidebar frame of a page. */
export async function sidebarOf(page: Page, extensionId: string, timeoutMs = 10_000): Promise<Frame> {
  const prefix = `chrome-extension://${extensionId}/sidebar.html`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`No Backstory sidebar on ${page.url()} after ${timeoutMs} ms`);
}

/** Open the sidebar from its collapsed tab, as a reader would. */
export async function openSidebar(demo: { page: Page; sidebar: Frame }): Promise<void> {
  await demo.sidebar.click('button.tab');
  await demo.sidebar.waitForSelector('.sidebar');
  // Open once the frame itself has widened past the collapsed tab (44 px); the in-page host element
  // is not looked at, its tag name and attributes are not fixed (see scripts/check/sidebar-frame.ts).
  await demo.sidebar.waitForFunction(() => innerWidth > 120);
}
