/**
 * Nothing to probe (SECURITY.md): a page that is not about the story cannot tell that Backstory is
 * installed, even knowing its extension id. It cannot load any of its files at their static URLs, and
 * Backstory changes nothing it can read: DOM, styles, the highlight registry, events, messages.
 */
import { test, expect, settledReport, domSnapshot, recordMutations, PAGES } from './fixtures';

/** Every file a page might try: the framed page, the lazily imported chunks, the manifest, icons, the content script. */
const FILES = ['sidebar.html', 'chunk-detector.js', 'chunk-ui.js', 'chunk-annotator.js', 'manifest.json', 'icons/16.png', 'icons/128.png', 'content-scripts/content.js', 'api-guard.js', 'popup.html', 'options.html'];

test.describe('Chromium: nothing to probe', () => {
  test('a page that knows the extension id loads none of its files, by fetch, <script>, <img> or <iframe>', async ({ page, extension }) => {
    await page.goto(PAGES.unrelated.url);
    await settledReport(page, extension.serviceWorker);
    const results = await page.evaluate(
      async ({ id, files }) => {
        const base = `chrome-extension://${id}/`;
        const viaFetch = (f: string) =>
          fetch(base + f).then(
            (r) => `fetch ${f}: ${r.status}`,
            () => null,
          );
        const viaElement = (tag: 'script' | 'img', f: string) =>
          new Promise<string | null>((resolve) => {
            const el = document.createElement(tag);
            el.onload = () => resolve(`${tag} ${f}: loaded`);
            el.onerror = () => resolve(null);
            el.src = base + f;
            document.head.append(el);
          });
        const answered = await Promise.all(files.flatMap((f) => [viaFetch(f), viaElement('script', f), viaElement('img', f)]));
        return answered.filter((a) => a !== null);
      },
      { id: extension.extensionId, files: FILES },
    );
    expect(results).toEqual([]);
    // A frame of sidebar.html at its static URL is refused (Chromium shows its own error page instead).
    const frameUrl = `chrome-extension://${extension.extensionId}/sidebar.html`;
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, frameUrl);
    await page.waitForTimeout(500);
    const frame = page.frames().find((f) => f.url() === frameUrl);
    const rendered = frame ? await frame.evaluate(() => !!document.querySelector('#app, .sidebar, script[src]')).catch(() => false) : false;
    expect(rendered).toBe(false);
  });

  test('a page not about the story sees no change: DOM, style sheets, highlights, events, messages, timing entries', async ({ page, extension }) => {
    await recordMutations(page);
    await page.addInitScript((id) => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      addEventListener('message', (e) => seen.push(`message ${JSON.stringify(e.data)}`), true);
      // WXT's own context would announce each content script with events named after the extension id.
      for (const name of ['content-script-started', 'locationchange']) {
        for (const target of [window, document]) target.addEventListener(`${id}:content:wxt:${name}`, () => seen.push(`event ${name}`), true);
      }
      (window as unknown as { __before: unknown }).__before = {
        highlights: typeof CSS.highlights === 'undefined' ? 0 : CSS.highlights.size,
      };
    }, extension.extensionId);
    await page.goto(PAGES.unrelated.url);
    const before = await domSnapshot(page);
    const report = await settledReport(page, extension.serviceWorker);
    expect(report.detection?.matched).toBe(false);
    // A single-page navigation too (the content script watches for them).
    await page.evaluate(() => history.pushState({}, '', location.pathname + '?next=1'));
    await page.waitForTimeout(1200);
    const after = await page.evaluate(() => ({
      seen: (window as unknown as { __seen: string[] }).__seen,
      mutations: (window as unknown as { __mutations: string[] }).__mutations,
      highlights: CSS.highlights.size,
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      extensionEntries: performance.getEntriesByType('resource').filter((e) => !e.name.startsWith('http')).map((e) => e.name),
      customElements: [...document.querySelectorAll('*')].filter((e) => e.localName.includes('-')).length,
    }));
    expect(after).toEqual({ seen: [], mutations: [], highlights: 0, sheets: 0, adopted: 0, extensionEntries: [], customElements: 0 });
    expect(await domSnapshot(page)).toBe(before);
  });
});
