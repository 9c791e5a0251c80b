/**
 * Playwright fixtures: one Chromium with the extension per test file, pages served at real URLs.
 */
import { test as base, expect, type BrowserContext, type Frame, type Page, type Worker } from '@playwright/test';
import path from 'node:path';
import { launchChromium, servePages, waitForIndex, type Page as ServedPage } from '../../scripts/harness/chromium';
import type { DetectionReport } from '../../core/messages/records';

export const FIXTURES = path.resolve('tests/fixtures/pages');

export const PAGES = {
  family1: {
    url: 'https://www.southerncrossdaily.com.au/world/asia/2021/04/26/adelaide-father-uyghur-family',
    file: path.join(FIXTURES, 'family-abdurehim-article.html'),
  },
  unrelated: {
    url: 'https://www.riversideherald.example/local/2024/05/02/cycle-lanes',
    file: path.join(FIXTURES, 'unrelated-article.html'),
  },
  otherFamily: {
    url: 'https://www.bosphorusreview.example/world/2021/05/10/uyghur-father-istanbul',
    file: path.join(FIXTURES, 'other-family-article.html'),
  },
  /** An article a component renders into a closed shadow root (content/dom-text.ts `shadowOf`). */
  closedShadow: {
    url: 'https://www.meridianpost.example/world/2021/04/27/adelaide-father-waits',
    file: path.join(FIXTURES, 'closed-shadow-article.html'),
  },
} satisfies Record<string, ServedPage>;

interface Fixtures {
  page: Page;
}
interface WorkerFixtures {
  extension: { context: BrowserContext; extensionId: string; serviceWorker: Worker };
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  extension: [
    async ({}, use) => {
      const launched = await launchChromium();
      await servePages(launched.context, Object.values(PAGES), FIXTURES);
      await waitForIndex(launched.serviceWorker);
      await use(launched);
      await launched.context.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ extension }, use) => {
    // Each test starts from default settings (the open/collapsed choice is remembered per site).
    await extension.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    const page = await extension.context.newPage();
    await use(page);
    await page.close();
  },
});

export { expect };

/**
 * Backstory's host element in a page. Its tag name is random per page load and it carries no
 * attribute (content/host-element.ts): it is the element under <html> that is neither head nor body.
 */
export const HOST = 'html > :not(head):not(body)';
/**
 * Backstory's notes at posts: hosts with random custom-element names inside the body (the fixture
 * pages define no custom elements of their own).
 */
export const NOTE = "xpath=//body//*[contains(local-name(), '-')]";

/** Whether the host is open (a panel beside the page) or collapsed (a 44-pixel tab), by its width. */
export async function hostState(page: Page): Promise<'open' | 'collapsed' | 'absent'> {
  const box = await page.locator(HOST).boundingBox().catch(() => null);
  return !box ? 'absent' : box.width > 44 ? 'open' : 'collapsed';
}

/**
 * Whether a frame's URL is the sidebar page. sidebar.html is a web-accessible resource with
 * `use_dynamic_url`: it loads from chrome-extension://<a per-session random id>/, not the extension id.
 */
export function isSidebarUrl(url: string): boolean {
  return /^chrome-extension:\/\/[^/]+\/sidebar\.html/.test(url);
}

/** The sidebar iframe of a page (an extension-origin frame), once it has rendered. */
export async function sidebarFrame(page: Page, _extensionId?: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => isSidebarUrl(f.url())), { timeout: 10_000 }).toBe(true);
  return page.frames().find((f) => isSidebarUrl(f.url()))!;
}

/** A serialisation of the page's DOM, to compare before and after the extension had its chance. */
export function domSnapshot(page: Page): Promise<string> {
  return page.evaluate(() => {
    const walk = (n: Node): string => {
      if (n.nodeType === 3) return JSON.stringify((n as Text).data);
      if (n.nodeType !== 1) return '';
      const el = n as Element;
      const attrs = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
      const shadow = el.shadowRoot ? '#shadow' : '';
      return `<${el.tagName}${attrs ? ' ' + attrs : ''}${shadow}>${[...el.childNodes].map(walk).join('')}</${el.tagName}>`;
    };
    return walk(document.documentElement) + `|sheets:${document.styleSheets.length}|adopted:${document.adoptedStyleSheets.length}`;
  });
}

/**
 * Record every DOM mutation from the very start of the next navigation (attributes, nodes, text,
 * anywhere in the document), into window.__mutations.
 */
export async function recordMutations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __mutations: string[] }).__mutations = log;
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target.nodeType === 1 ? (r.target as Element).tagName : r.target.nodeName;
        log.push(`${r.type}:${target}:${r.attributeName ?? ''}:${[...r.addedNodes].map((n) => n.nodeName).join(',')}`);
      }
    });
    const start = () => observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    // Observe once the parser is done, so the page's own construction is not counted.
    document.addEventListener('DOMContentLoaded', start, { once: true });
  });
}

/**
 * The detector's own report for `page`, once it has settled (decided, with no added text or captions
 * still due): asked of the content script through the service worker, as the checker does. A test
 * that asserts "nothing happened" waits for this first, so a content script that crashed or never ran
 * fails the test instead of passing it.
 */
/**
 * The tab id of an open page, from the background's per-tab state (no "tabs" permission to query by
 * URL). A closed tab's state may outlive it (an earlier test's page at the same URL): only a tab that
 * still exists counts, the active one first.
 */
export function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  return serviceWorker.evaluate(async (u) => {
    const states = await chrome.storage.session.get(null);
    const ids = Object.keys(states)
      .filter((k) => k.startsWith('tab:') && (states[k] as { url?: string }).url === u)
      .map((k) => Number(k.slice('tab:'.length)));
    const open = (await Promise.all(ids.map((id) => chrome.tabs.get(id).catch(() => undefined)))).filter((t) => t !== undefined);
    const tab = open.find((t) => t.active) ?? open.at(-1);
    if (!tab) throw new Error(`no open tab with a stored state for ${u}`);
    return tab.id!;
  }, url);
}

export async function settledReport(page: Page, serviceWorker: Worker, timeout = 10_000): Promise<DetectionReport> {
  await page.bringToFront();
  const deadline = Date.now() + timeout;
  let last: DetectionReport | undefined;
  while (Date.now() < deadline) {
    last = (await serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id === undefined ? undefined : chrome.tabs.sendMessage(tab.id, { type: 'get-detection' }, { frameId: 0 }).catch(() => undefined);
    })) as DetectionReport | undefined;
    // Muted and paused pages are final at once; a page being read is final once settled.
    // The active tab's report, once it is this page's (not a tab the previous test left behind).
    const ours = last?.url === page.url();
    if (last && ours && (last.status === 'muted' || last.status === 'paused' || (last.status === 'done' && last.settled === true))) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`the detector did not settle within ${timeout} ms (last report: ${JSON.stringify(last)})`);
}

interface DomNode {
  nodeName: string;
  attributes?: string[];
  frameId?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The iframes in the page's DOM, closed shadow roots included (read over the DevTools protocol). */
export async function framesInDom(page: Page): Promise<{ src: string; frameId: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found: { src: string; frameId: string }[] = [];
    const walk = (node: DomNode): void => {
      if (node.nodeName === 'IFRAME') {
        // The attributes come as a flat list: name, value, name, value.
        const attributes = node.attributes ?? [];
        let src = '';
        for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === 'src') src = attributes[i + 1] ?? '';
        found.push({ src, frameId: node.frameId ?? '' });
      }
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
    };
    walk(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

/**
 * Click the collapsed sidebar's tab and wait for the host to open. If it does not, the error says what
 * each side saw: the sidebar frames Playwright lists (with the state the panel shows), the iframes in
 * the page's DOM, and the tab states the background keeps.
 */
export async function openByTab(page: Page, frame: Frame, serviceWorker: Worker): Promise<void> {
  await frame.locator('button.tab').click();
  try {
    await expect.poll(() => hostState(page)).toBe('open');
  } catch (error) {
    const listed = await Promise.all(
      page
        .frames()
        .filter((f) => isSidebarUrl(f.url()))
        .map(async (f) => ({
          clicked: f === frame,
          detached: f.isDetached(),
          shows: await f.evaluate(() => document.documentElement.dataset.state ?? '').catch((e: unknown) => `unreadable: ${String(e).slice(0, 60)}`),
        })),
    );
    const inDom = await framesInDom(page).catch(() => []);
    const states = await serviceWorker.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith('tab:'))
        .map(([key, value]) => ({ key, open: (value as { open?: boolean }).open, url: String((value as { url?: string }).url).slice(0, 60) }));
    });
    throw new Error(`${String(error)}
sidebar frames listed: ${JSON.stringify(listed)}
iframes in the DOM: ${JSON.stringify(inDom)}
tab states: ${JSON.stringify(states)}`);
  }
}
