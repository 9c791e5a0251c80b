/**
 * Debian's Chromium headless with NO extension, launched with the same flags as `launchChromium`:
 * the baseline the benchmarks compare against (long tasks a page makes on its own).
 * Pages are served with `servePages` from ./chromium as usual.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_PATH, QUIET_ARGS, assertBrowser } from './chromium';

export interface PlainOptions {
  headless?: boolean;
  args?: string[];
  viewport?: { width: number; height: number };
}

export async function launchPlainChromium(options: PlainOptions = {}): Promise<BrowserContext> {
  assertBrowser(CHROMIUM_PATH, 'sudo apt-get install -y chromium');
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      '--disable-extensions',
      ...QUIET_ARGS,
      ...(options.args ?? []),
    ],
  });
}
