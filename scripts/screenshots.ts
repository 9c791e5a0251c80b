/**
 * `npm run screenshots`: regenerates the README's pictures, headless, from the built extension on
 * the bundled demo article: the sidebar collapsed and open in light and dark, the popup, and the
 * options page.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { build, openDemo, openSidebar } from './harness/demo';

const outDir = path.resolve('docs/screenshots');
mkdirSync(outDir, { recursive: true });
const save = (name: string) => path.join(outDir, name);
build();

for (const colorScheme of ['light', 'dark'] as const) {
  const demo = await openDemo({ headless: true, colorScheme, viewport: { width: 1280, height: 800 } });
  await demo.page.screenshot({ path: save(`sidebar-collapsed-${colorScheme}.png`) });
  await openSidebar(demo);
  await demo.page.screenshot({ path: save(`sidebar-open-${colorScheme}.png`) });

  if (colorScheme === 'light') {
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
  }
  await demo.context.close();
  console.log(`saved the ${colorScheme} screenshots`);
}
console.log(`Screenshots in ${path.relative(process.cwd(), outDir)}/`);
