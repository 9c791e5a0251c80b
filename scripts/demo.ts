/**
 * `npm start`: builds the extension, then opens Chromium with it on the bundled demo article.
 * With a display, the browser stays open for you to explore (close it to end). Without one, it runs
 * headless, saves a screenshot with the sidebar open and prints what the extension found.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { build, openDemo, openSidebar } from './harness/demo';
import { SetupError } from './harness/chromium';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const screenshot = path.resolve('.output/demo.png');

try {
  build();
  const demo = await openDemo({ headless });
  await openSidebar(demo);
  const report = await demo.serviceWorker.evaluate(async () => {
    const states = await chrome.storage.session.get(null);
    return Object.values(states)[0] as {
      url: string;
      detection: { people: string[]; families: string[]; reason: string; detectMs: number; signals: Array<{ strength: string; label: string; text: string; score: number }> };
      sidebarMs?: number;
    };
  });
  console.log(`\nBackstory on ${report.url}`);
  console.log(`  ${report.detection.reason}`);
  console.log(`  families: ${report.detection.families.join(', ')}`);
  console.log(`  people:   ${report.detection.people.join(', ')}`);
  console.log(`  decided in ${report.detection.detectMs.toFixed(1)} ms; sidebar mounted after ${report.sidebarMs?.toFixed(1) ?? '?'} ms`);
  for (const s of report.detection.signals.filter((x) => x.score > 0)) {
    console.log(`  [${s.strength}] ${s.label}  "${s.text}"  +${s.score}`);
  }
  if (headless) {
    mkdirSync(path.dirname(screenshot), { recursive: true });
    await demo.page.screenshot({ path: screenshot });
    console.log(`\nNo display: ran headless. Screenshot with the sidebar open: ${screenshot}`);
    await demo.context.close();
  } else {
    console.log('\nThe browser stays open; close it to finish.');
    await new Promise<void>((resolve) => demo.context.on('close', () => resolve()));
  }
} catch (error) {
  if (error instanceof SetupError) {
    console.error(error.message);
    process.exitCode = 2;
  } else throw error;
}
