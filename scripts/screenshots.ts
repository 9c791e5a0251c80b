/**
 * `npm run screenshots`: regenerates, headless, from the built extension on the bundled demo article:
 * - the README's pictures (docs/screenshots/): the sidebar collapsed and open in light and dark, the
 *   popup, the options page, the note at a post, the side panel, and the sidebar open in Chinese and in
 *   Uyghur (right to left, at the left);
 * - the store pictures (docs/store/): screenshots at the stores' 1280×800, and the 440×280 promo tile.
 *
 * The browser's own side panel is browser UI, which a headless screenshot of a tab does not include:
 * its pictures are the side panel's page (sidepanel.html, the very page the panel shows, for the same
 * tab) rendered at the panel's size in a tab, and, for the store, set beside the page at 1280×800.
 */
import path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { build, openDemo, openSidebar } from './harness/demo';
import { launchChromium, servePages, waitForIndex } from './harness/chromium';

const outDir = path.resolve('docs/screenshots');
const storeDir = path.resolve('docs/store');
mkdirSync(outDir, { recursive: true });
mkdirSync(storeDir, { recursive: true });
const save = (name: string) => path.join(outDir, name);
const saveStore = (name: string) => path.join(storeDir, name);
/** The stores' screenshot size (Chrome Web Store: 1280×800 or 640×400; AMO takes it as well). */
const STORE_VIEWPORT = { width: 1280, height: 800 };

/** A social thread with one post about the story (a fictional site, served at a realistic URL). */
const POST_URL = 'https://commons-social.example/@hr_desk/posts/1389000000000000001';
const POST_FILE = path.resolve('scripts/demo/demo-post.html');
/** Chrome's side panel is about 400 px wide by default. */
const PANEL_WIDTH = 400;

build();

for (const colorScheme of ['light', 'dark'] as const) {
  const demo = await openDemo({ headless: true, colorScheme, viewport: STORE_VIEWPORT });
  await demo.page.screenshot({ path: save(`sidebar-collapsed-${colorScheme}.png`) });
  await openSidebar(demo);
  await demo.page.screenshot({ path: save(`sidebar-open-${colorScheme}.png`) });

  if (colorScheme === 'light') {
    // Store: the sidebar open beside an article, at the stores' size (the demo's viewport).
    await demo.page.screenshot({ path: saveStore('store-sidebar-article.png') });

    // The popup for the demo tab, at the toolbar popup's size.
    const tabId = await demo.serviceWorker.evaluate(async () => {
      const states = await chrome.storage.session.get(null);
      return Number(Object.keys(states)[0]!.slice('tab:'.length));
    });
    const popup = await demo.context.newPage();
    await popup.setViewportSize({ width: 340, height: 520 });
    await popup.goto(`chrome-extension://${demo.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('status').waitFor();
    await popup.screenshot({ path: save('popup.png'), fullPage: true });

    const options = await demo.context.newPage();
    await options.setViewportSize({ width: 1000, height: 760 });
    await options.goto(`chrome-extension://${demo.extensionId}/options.html`);
    await options.getByRole('heading', { level: 1 }).waitFor();
    await options.waitForTimeout(300);
    await options.screenshot({ path: save('options.png') });

    // Store: the options page holding a researcher's annotations, imported as a reader would import
    // a backup (scripts/store/sample-annotations.jsonld: three notes on the demo article).
    await options.setViewportSize(STORE_VIEWPORT);
    await options.getByLabel('Import annotations').setInputFiles(path.resolve('scripts/store/sample-annotations.jsonld'));
    await options.getByText('Import done: 3 added').waitFor();
    await options.locator('li.annotation').nth(2).waitFor();
    // Scrolled to the annotations, so that all three show with their notes, tags and pages.
    await options.getByRole('heading', { name: 'Annotations', exact: true }).evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 24));
    await options.screenshot({ path: saveStore('store-options-annotations.png') });
  }
  await demo.context.close();
  console.log(`saved the ${colorScheme} screenshots`);
}

// The sidebar in Simplified Chinese and in Uyghur (mirrored, at the left edge), beside the same article.
for (const locale of ['zh-CN', 'ug'] as const) {
  const demo = await openDemo({ headless: true, viewport: STORE_VIEWPORT, locale });
  await openSidebar(demo);
  await demo.page.screenshot({ path: save(`sidebar-open-${locale}.png`) });
  await demo.context.close();
  console.log(`saved the ${locale} screenshot`);
}

// Store: the 440×280 promo tile, a plain page drawn with the icon's own drawing and one line of text.
{
  const demo = await openDemo({ headless: true, viewport: { width: 440, height: 280 } });
  const tile = await demo.context.newPage();
  await tile.setViewportSize({ width: 440, height: 280 });
  await tile.setContent(promoTileHtml(readFileSync(path.resolve('assets/icon.svg'), 'utf8')));
  await tile.screenshot({ path: saveStore('promo-440x280.png') });
  await demo.context.close();
  console.log('saved the promo tile');
}

// The note at a post, and the side panel ("only in the side panel": no sidebar in the page).
{
  const launched = await launchChromium({ viewport: STORE_VIEWPORT });
  await servePages(launched.context, [{ url: POST_URL, file: POST_FILE }]);
  await waitForIndex(launched.serviceWorker);
  const page = launched.context.pages()[0] ?? (await launched.context.newPage());
  await page.goto(POST_URL);
  const notePrefix = `chrome-extension://${launched.extensionId}/note.html`;
  const noteFrame = async () => {
    for (let i = 0; i < 100; i++) {
      const frame = page.frames().find((f) => f.url().startsWith(notePrefix));
      if (frame) return frame;
      await page.waitForTimeout(100);
    }
    throw new Error('No note at the post');
  };
  await (await noteFrame()).locator('button.more').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: saveStore('store-post-note.png') });
  await page.screenshot({ path: save('note-post.png'), clip: { x: 190, y: 50, width: 900, height: 690 } });

  await launched.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { panelOnly: true } }));
  await page.setViewportSize({ width: STORE_VIEWPORT.width - PANEL_WIDTH, height: STORE_VIEWPORT.height });
  await page.reload();
  await (await noteFrame()).locator('button.more').waitFor();
  const tabId = await launched.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  const panel = await launched.context.newPage();
  await panel.setViewportSize({ width: PANEL_WIDTH, height: STORE_VIEWPORT.height });
  await panel.goto(`chrome-extension://${launched.extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.locator('.sidebar').waitFor();
  await panel.waitForTimeout(300);
  const panelShot = await panel.screenshot({ path: save('side-panel.png') });
  await page.bringToFront();
  await page.waitForTimeout(300);
  const pageShot = await page.screenshot();
  // The store picture: the page and the panel side by side, as Chrome lays them out.
  const composite = await launched.context.newPage();
  await composite.setViewportSize(STORE_VIEWPORT);
  await composite.setContent(sideBySideHtml(pageShot, panelShot));
  await composite.screenshot({ path: saveStore('store-side-panel.png') });
  await launched.context.close();
  console.log('saved the note and side panel screenshots');
}

console.log(`Screenshots in ${path.relative(process.cwd(), outDir)}/ and ${path.relative(process.cwd(), storeDir)}/`);

/** Two screenshots side by side at the store size: the page, then the side panel with its edge. */
function sideBySideHtml(page: Buffer, panel: Buffer): string {
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
    html, body { margin: 0; width: ${STORE_VIEWPORT.width}px; height: ${STORE_VIEWPORT.height}px; overflow: hidden; display: flex; }
    img { display: block; height: ${STORE_VIEWPORT.height}px; }
    img + img { border-left: 1px solid #c7c7c7; box-sizing: border-box; }
  </style></head><body><img src="${src(page)}" alt=""><img src="${src(panel)}" alt=""></body></html>`;
}

/** The promo tile: the icon and the name on the icon's navy, with the extension's one-line purpose. */
function promoTileHtml(iconSvg: string): string {
  const icon = `data:image/svg+xml;base64,${Buffer.from(iconSvg).toString('base64')}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
    html, body { margin: 0; width: 440px; height: 280px; overflow: hidden; }
    body { background: #1f3b57; color: #ffffff; font-family: system-ui, 'DejaVu Sans', sans-serif; display: flex; flex-direction: column; justify-content: center; padding: 0 36px; box-sizing: border-box; }
    .name { display: flex; align-items: center; gap: 18px; }
    img { width: 84px; height: 84px; }
    h1 { font-size: 42px; font-weight: 700; margin: 0; letter-spacing: 0.01em; }
    p { font-size: 19px; line-height: 1.35; margin: 22px 0 0; color: #e8eef4; }
    .rule { width: 56px; height: 5px; background: #f2b544; margin-top: 20px; border-radius: 3px; }
  </style></head><body>
    <div class="name"><img src="${icon}" alt=""><h1>Backstory</h1></div>
    <div class="rule"></div>
    <p>Sourced context beside coverage of two separated Uyghur families</p>
  </body></html>`;
}
