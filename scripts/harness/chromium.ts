/**
 * Launch Debian's Chromium headless with the built extension loaded, and serve local pages at the
 * URLs they would have on the web (request routing: no network, URL rules still apply).
 * Used by the e2e tests, `npm start`, the checker and the benchmarks.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_BUILD = path.resolve('.output/chrome-mv3');

/**
 * Flags for every Chromium the harness starts. These machines have no network: keep Chromium from
 * trying to reach Google's services. As root, Chromium needs --no-sandbox.
 */
export const QUIET_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export class SetupError extends Error {
  override name = 'SetupError';
}

export interface LaunchOptions {
  extensionPath?: string;
  headless?: boolean;
  /** Extra browser arguments. */
  args?: string[];
  /** Other unpacked extensions to load beside Backstory (a test's helper). */
  alsoLoad?: string[];
  viewport?: { width: number; height: number };
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

export function assertBrowser(executable: string, install: string): void {
  if (!existsSync(executable)) {
    throw new SetupError(`No browser at ${executable}. Install it with: ${install} (or set the path in the environment).`);
  }
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Launched> {
  const extensionPath = options.extensionPath ?? CHROME_BUILD;
  assertBrowser(CHROMIUM_PATH, 'sudo apt-get install -y chromium');
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new SetupError(`No built extension at ${extensionPath}. Build it with: npm run build`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${[extensionPath, ...(options.alsoLoad ?? [])].join(',')}`,
      `--load-extension=${[extensionPath, ...(options.alsoLoad ?? [])].join(',')}`,
      ...QUIET_ARGS,
      ...(options.args ?? []),
    ],
  });
  // Backstory's worker (background.js), not a helper extension's.
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  const serviceWorker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}

/** Wait until the background has installed the dataset and written the match index. */
export async function waitForIndex(serviceWorker: Worker, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await serviceWorker.evaluate(async () => {
      const got = await chrome.storage.local.get('matchIndex');
      return !!got.matchIndex;
    });
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The extension did not install its match index in time.');
}

export interface Page {
  url: string;
  /** File to serve, or literal HTML. */
  file?: string;
  html?: string;
}

/**
 * Serve pages at their URLs. Only http(s) requests are routed (a '**' route would also catch the
 * extension's own chrome-extension:// requests and the sidebar would never render). Requests for
 * anything not listed get an empty 404, so nothing reaches the network.
 */
export async function servePages(context: BrowserContext, pages: Page[], baseDir?: string): Promise<void> {
  const byUrl = new Map(pages.map((p) => [normalise(p.url), p]));
  await context.route(/^https?:\/\//, async (route) => {
    const url = normalise(route.request().url());
    const page = byUrl.get(url);
    if (page) {
      const body = page.html ?? readFileSync(page.file!, 'utf8');
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    }
    const local = baseDir ? siblingFile(byUrl.values(), url) : undefined;
    if (local) return route.fulfill({ status: 200, body: readFileSync(local), contentType: contentType(local) });
    return route.fulfill({ status: 404, body: '' });
  });
}

/** A sub-resource next to a served file (a .vtt caption track, an image), if it exists on disk. */
export function siblingFile(pages: Iterable<Page>, url: string): string | undefined {
  for (const p of pages) {
    if (!p.file) continue;
    const dir = new URL('.', p.url).href;
    if (!url.startsWith(dir)) continue;
    const local = path.join(path.dirname(p.file), decodeURIComponent(new URL(url).pathname.slice(new URL(dir).pathname.length)));
    if (existsSync(local)) return local;
  }
  return undefined;
}

function normalise(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

export function contentType(file: string): string {
  if (file.endsWith('.vtt')) return 'text/vtt';
  if (file.endsWith('.png')) return 'image/png';
  if (file.endsWith('.jpg')) return 'image/jpeg';
  if (file.endsWith('.svg')) return 'image/svg+xml';
  return 'application/octet-stream';
}
