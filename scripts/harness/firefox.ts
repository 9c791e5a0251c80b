/**
 * Launch Debian's Firefox ESR headless through puppeteer-core over WebDriver BiDi, install the built
 * Firefox extension, and serve local pages at their real URLs by request interception.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page as PuppeteerPage, type Frame } from 'puppeteer-core';
import { SetupError, assertBrowser, contentType, siblingFile, type Page } from './chromium';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = path.resolve('.output/firefox-mv3');

export interface LaunchedFirefox {
  browser: Browser;
  extensionId: string;
}

export async function launchFirefox(options: { extensionPath?: string; headless?: boolean } = {}): Promise<LaunchedFirefox> {
  const extensionPath = options.extensionPath ?? FIREFOX_BUILD;
  assertBrowser(FIREFOX_PATH, 'sudo apt-get install -y firefox-esr');
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new SetupError(`No built Firefox extension at ${extensionPath}. Build it with: npm run build:firefox`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      // No network on these machines: keep Firefox from phoning home.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      // Temporary installs of MV3 add-ons get their host permissions without a prompt.
      'extensions.originControls.grantByDefault': true,
    },
  });
  const extensionId = await browser.installExtension(extensionPath);
  return { browser, extensionId };
}

/**
 * Serve pages at their URLs on a puppeteer page; anything else gets an empty 404. With `baseDir`,
 * files next to a served file (a .vtt caption track, an image) are served at the matching relative
 * URL, as `servePages` does in Chromium.
 */
export async function servePagesFirefox(page: PuppeteerPage, pages: Page[], baseDir?: string): Promise<void> {
  const byUrl = new Map(pages.map((p) => [withoutHash(p.url), p]));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // A request can be cancelled before it is answered (the tab navigated on): answering it then
    // rejects with "no such request", which is no one's error.
    const settle = (answer: Promise<void>) => void answer.catch(() => undefined);
    const url = request.url();
    if (!/^https?:/.test(url)) return settle(request.continue());
    const entry = byUrl.get(withoutHash(url));
    if (entry) {
      const body = entry.html ?? readFileSync(entry.file!, 'utf8');
      return settle(request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    }
    const local = baseDir ? siblingFile(byUrl.values(), url) : undefined;
    if (local) return settle(request.respond({ status: 200, body: readFileSync(local), contentType: contentType(local) }));
    return settle(request.respond({ status: 404, body: '' }));
  });
}

function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/**
 * The sidebar frame (moz-extension:// origin) of a page, once rendered. Over BiDi a child frame's
 * reported URL can lag behind its navigation, so the frame's own location is asked instead.
 */
export async function firefoxSidebarFrame(page: PuppeteerPage, timeoutMs = 10_000): Promise<Frame> {
  return firefoxExtensionFrame(page, 'sidebar.html', timeoutMs);
}

/** The frame of one of the extension's pages (sidebar.html, note.html...) in a page, once it is there. */
export async function firefoxExtensionFrame(page: PuppeteerPage, file: string, timeoutMs = 10_000, index = 0): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found: Frame[] = [];
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${file}`) found.push(frame);
    }
    if (found.length > index) return found[index]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No ${file} frame on ${page.url()} after ${timeoutMs} ms`);
}
