/**
 * The ninth blind probe (tests/fixtures/corpus/probe/round9): pages that deliver their text as modern
 * sites do (rendered by script after a while, appended to feeds, swapped in by single-page apps,
 * changed in place, inside components defined later, in frames given new documents, in captions the
 * page shows), written without the project's rules. Each page's content is all in place within 3 s
 * of its load. Every page about the story gets the sidebar; no look-alike ever does, however long it
 * is watched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, settledReport, HOST } from './fixtures';

const DIR = path.resolve('tests/fixtures/corpus/probe/round9');
const manifest = (kind: string) => JSON.parse(readFileSync(path.join(DIR, kind, 'manifest.json'), 'utf8')) as Array<{ file: string; kind: string }>;

/** After a look-alike's content is all in place (3 s), how long it is watched for a late match. */
const WATCH_MS = 2_000;

for (const kind of ['pos', 'neg'] as const) {
  test.describe(`Chromium: the behaviour probe, ${kind === 'pos' ? 'pages about the story' : 'look-alikes'}`, () => {
    for (const { file, kind: how } of manifest(kind)) {
      test(`${file}: ${how}`, async ({ page, extension }) => {
        const url = `https://probe.example/round9/${kind}/${file}`;
        await extension.context.route(url, (route) => route.fulfill({ path: path.join(DIR, kind, file), contentType: 'text/html' }));
        await page.goto(url);
        if (kind === 'pos') {
          await expect(page.locator(HOST)).toHaveCount(1, { timeout: 15_000 });
        } else {
          await page.waitForTimeout(3_000 + WATCH_MS);
          const report = await settledReport(page, extension.serviceWorker);
          expect(report.detection?.matched, report.detection?.reason).toBe(false);
          await expect(page.locator(HOST)).toHaveCount(0);
        }
      });
    }
  });
}
