/**
 * `npm run screenshots`: regenerates the README's pictures, headless, from the built extension on
 * the bundled demo article: the sidebar collapsed and open, in light and dark colour schemes.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { build, openDemo, openSidebar } from './harness/demo';

const outDir = path.resolve('docs/screenshots');
mkdirSync(outDir, { recursive: true });
build();

for (const colorScheme of ['light', 'dark'] as const) {
  const demo = await openDemo({ headless: true, colorScheme, viewport: { width: 1280, height: 800 } });
  await demo.page.screenshot({ path: path.join(outDir, `sidebar-collapsed-${colorScheme}.png`) });
  await openSidebar(demo);
  await demo.page.screenshot({ path: path.join(outDir, `sidebar-open-${colorScheme}.png`) });
  await demo.context.close();
  console.log(`saved sidebar-collapsed-${colorScheme}.png, sidebar-open-${colorScheme}.png`);
}
console.log(`Screenshots in ${path.relative(process.cwd(), outDir)}/`);
