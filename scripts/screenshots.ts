/**
 * `npm run screenshots`: regenerates, headless, from the built extension on the bundled demo article:
 * - the README's pictures (docs/screenshots/): the sidebar collapsed and open in light and dark, the
 *   popup, the options page, and the sidebar open in Chinese and in Uyghur (right to left, at the left);
 * - the store pictures (docs/store/): screenshots at the stores' 1280×800, and the 440×280 promo tile.
 */
import path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { build, openDemo, openSidebar } from './harness/demo';

const outDir = path.resolve('docs/screenshots');
const storeDir = path.resolve('docs/store');
mkdirSync(outDir, { recursive: true });
mkdirSync(storeDir, { recursive: true });
const save = (name: string) => path.join(outDir, name);
const saveStore = (name: string) => path.join(storeDir, name);
/** The stores' screenshot size (Chrome Web Store: 1280×800 or 640×400; AMO takes it as well). */
const STORE_VIEWPORT = { width: 1280, height: 800 };

/**
 * Store shots that other work will add, once the feature exists to be photographed. Each is to be
 * taken from the real extension, like those below; none is drawn or faked in the meantime.
 */
const LATER_STORE_SHOTS = [
  { file: 'store-post-note.png', shows: 'the note shown at a post (a social-media post about the story)' },
  { file: 'store-side-panel.png', shows: "the browser's own side panel (Chrome's sidePanel, Firefox's sidebar_action)" },
] as const;

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

console.log(`Screenshots in ${path.relative(process.cwd(), outDir)}/ and ${path.relative(process.cwd(), storeDir)}/`);
for (const shot of LATER_STORE_SHOTS) console.log(`not made yet: ${shot.file} (${shot.shows})`);

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
