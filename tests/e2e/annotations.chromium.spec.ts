/**
 * Annotations end to end, in Chromium with the built extension: select text on an article that is
 * not about the story, annotate it (the flow the context menu and the keyboard command start), save a
 * note; come back to the page after its markup changed (v2) and find the note anchored and
 * highlighted; come back after the passage was removed and find it listed as orphaned; then manage it
 * on the options page (search, export, re-import, a malformed import, delete and undo); import a
 * Hypothesis export there and find its notes highlighted on their page.
 *
 * The tests run in order and share the worker's browser (and so its IndexedDB).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { test, expect, sidebarFrame, FIXTURES, PAGES, HOST } from './fixtures';

const ARTICLE = 'https://www.lakeshore-ledger.example/science/2024/03/12/river-restoration';
const QUOTE = 'the river rebuilt its gravel beds in a single season';
const NOTE = 'Single-season recovery claim; check the monitoring report.';
const VERSIONS = {
  v1: readFileSync(path.join(FIXTURES, 'annotate-article.html'), 'utf8'),
  v2: readFileSync(path.join(FIXTURES, 'annotate-article-v2.html'), 'utf8'),
  // The passage is gone: the quoted paragraph was cut.
  gone: readFileSync(path.join(FIXTURES, 'annotate-article-v2.html'), 'utf8').replace(/<blockquote>[\s\S]*?<\/blockquote>/, ''),
};

test.describe.configure({ mode: 'serial' });

// The browser is shared by every spec file the worker runs: leave no site marked as annotated, or the
// annotator would mount its sidebar on those pages in later files (the detection specs' "left exactly as
// it was" pages among them).
test.afterAll(async ({ extension }) => {
  await extension.serviceWorker.evaluate(() => chrome.storage.local.remove('annotatedSites'));
});

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** axe-core in a frame or page (as tests/e2e/a11y.chromium.spec.ts runs it). */
async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(axeSource);
  const result = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Serve the article at one URL, its content switched by `version`. */
async function serveArticle(page: Page, version: keyof typeof VERSIONS) {
  await page.route(/^https:\/\/www\.lakeshore-ledger\.example\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: VERSIONS[version] }),
  );
}

/** The text of each range the page's highlight registry holds (the page can read it, as can we). */
function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights.values()].flatMap((h) =>
      [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString().replace(/\s+/g, ' ');
      }),
    ),
  );
}

test('annotate a selection, then find it anchored after the page changed, and orphaned when the passage is gone', async ({ page, extension }) => {
  await serveArticle(page, 'v1');
  await page.goto(`${ARTICLE}?utm_source=newsletter&utm_medium=email`);
  // Select the quote, as a reader would with the mouse.
  const selected = await page.evaluate((quote) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(quote);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + quote.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    }
    return '';
  }, QUOTE);
  expect(selected).toBe(QUOTE);
  // No sidebar on a page that is not about the story, until the reader annotates.
  await expect(page.locator(HOST)).toHaveCount(0);

  // What the keyboard command runs (and the context menu item, for its tab).
  await page.bringToFront();
  const started = await extension.serviceWorker.evaluate(() =>
    (globalThis as unknown as Record<symbol, () => Promise<boolean>>)[Symbol.for('backstory.annotate-active-tab')]!(),
  );
  expect(started).toBe(true);

  const frame = await sidebarFrame(page, extension.extensionId);
  const form = frame.getByRole('form', { name: 'Annotate' });
  await expect(form).toBeVisible();
  await expect(form.locator('blockquote')).toHaveText(`“${QUOTE}”`);
  expect(await axeViolations(frame)).toEqual([]);
  await form.getByLabel('Note').fill(NOTE);
  await form.getByLabel('Tags (separated by commas)').fill('ecology, claims to check');
  await form.getByLabel('Linked people').selectOption([]);
  await form.getByRole('button', { name: 'Save annotation' }).click();
  await expect(form).toHaveCount(0);
  const item = frame.locator('li.annotation');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(NOTE);
  await expect(item).toHaveAttribute('data-status', 'anchored');
  await expect.poll(() => highlightedTexts(page)).toEqual([QUOTE]);

  // v2: other markup, a paragraph before, reflowed white space, a word changed in the context.
  await page.unroute(/lakeshore-ledger/);
  await serveArticle(page, 'v2');
  await page.goto(`${ARTICLE}/#top`);
  const frame2 = await sidebarFrame(page, extension.extensionId);
  const tab = frame2.getByRole('button', { name: /Annotations: 1 on this page/ });
  await expect(tab).toBeVisible();
  await expect.poll(() => highlightedTexts(page)).toEqual([QUOTE]);
  await tab.click();
  const item2 = frame2.locator('li.annotation');
  await expect(item2).toHaveAttribute('data-status', 'anchored');
  await expect(item2).toContainText(NOTE);
  await expect(item2.locator('.status')).toHaveText('anchored');
  // The story's sections are not shown on a page that is not about it.
  await expect(frame2.getByRole('heading', { name: 'Sources' })).toHaveCount(0);

  // The passage is gone: listed as orphaned, nothing highlighted, nothing dropped.
  await page.unroute(/lakeshore-ledger/);
  await serveArticle(page, 'gone');
  await page.goto(ARTICLE);
  const frame3 = await sidebarFrame(page, extension.extensionId);
  // The sidebar stays open on this site, as the reader left it.
  const item3 = frame3.locator('li.annotation');
  await expect(item3).toHaveAttribute('data-status', 'orphaned');
  await expect(item3).toContainText(NOTE);
  await expect(item3).toContainText(QUOTE);
  expect(await axeViolations(frame3)).toEqual([]);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
});

test('options page: list, search, export and re-import, a malformed import, delete and undo', async ({ page, extension }) => {
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const list = page.locator('li.annotation');
  await expect(list).toHaveCount(1);
  await expect(list).toContainText(NOTE);
  expect(await axeViolations(page)).toEqual([]);

  const search = page.getByLabel('Search text');
  await search.fill('monitoring report');
  await expect(list).toHaveCount(1);
  await search.fill('no such words');
  await expect(list).toHaveCount(0);
  await expect(page.getByText('No annotations match.')).toBeVisible();
  await search.fill('');
  await page.getByLabel('Tag', { exact: true }).fill('ecology');
  await expect(list).toHaveCount(1);
  await page.getByLabel('Tag', { exact: true }).fill('');
  await page.getByLabel('Site').fill('cnn.com');
  await expect(list).toHaveCount(0);
  await page.getByLabel('Site').fill('lakeshore-ledger.example');
  await expect(list).toHaveCount(1);

  // Export JSON-LD, then import the very same file: nothing added, nothing changed.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export annotations' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^backstory-annotations-\d{4}-\d{2}-\d{2}\.jsonld$/);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ type: 'AnnotationCollection', total: 1 });
  const importInput = page.getByLabel('Import annotations');
  await importInput.setInputFiles({ name: 'backup.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(exported) });
  await expect(page.getByRole('status')).toHaveText('Import done: 0 added, 0 updated, 1 unchanged, 0 conflicts.');

  // A malformed file: every problem named (item, field, why), nothing imported.
  const bad = JSON.parse(exported) as { first: { items: Array<Record<string, unknown>> } };
  const good = structuredClone(bad.first.items[0]!);
  bad.first.items.push({ ...good, id: 'urn:x:broken', target: { source: 'javascript:alert(1)' } });
  bad.first.items.push({ ...good, id: 'urn:x:fancy', target: { source: ARTICLE, selector: [{ type: 'FancySelector' }] } });
  await importInput.setInputFiles({ name: 'bad.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(bad)) });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was imported.');
  expect(await axeViolations(page)).toEqual([]);
  await expect(alert.locator('li')).toHaveText([/^item 1 \(id "urn:x:broken"\), field target(\.source)?: .*http\(s\) URL/, /^item 2 \(id "urn:x:fancy"\), field target\.selector\[0\]\.type: .*FancySelector/]);
  await expect(list).toHaveCount(1);
  await expect(page.getByText('1 of 1 annotations')).toBeVisible();

  // Delete, then Undo.
  await list.getByRole('button', { name: /^Delete/ }).click();
  await expect(list).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Annotation deleted.');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toHaveText('Annotation restored.');
  await expect(list).toHaveCount(1);
  await expect(list).toContainText(NOTE);

  // Edit the note.
  await list.getByRole('button', { name: /^Edit/ }).click();
  await list.getByLabel('Note').fill(`${NOTE} Report checked.`);
  await list.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Annotation saved.');
  await expect(list).toContainText('Report checked.');
});

test('a Hypothesis export imported on the options page: its notes are highlighted on their page, replies and page notes listed', async ({ page, extension }) => {
  const hypothesis = readFileSync(path.resolve('tests/fixtures/hypothesis/client-export.json'));
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const list = page.locator('li.annotation');
  await expect(list).toHaveCount(1);
  await page.getByLabel('Import annotations').setInputFiles({ name: 'hypothesis-export.json', mimeType: 'application/json', buffer: hypothesis });
  await expect(page.getByRole('status')).toHaveText('Import done: 6 added, 0 updated, 0 unchanged, 0 conflicts.');
  await expect(list).toHaveCount(7);
  // The author and the reply are shown with the note.
  await expect(list.filter({ hasText: 'The minutes list the bakery and the two pharmacies.' })).toContainText('by Jun Ito · a reply');
  await expect(list.filter({ hasText: 'Which shops?' })).toContainText('by mira_k');

  // The page of five of them (two quotes, a reply, a reply to it, a page note); the sixth is on CNN.
  await page.goto(PAGES.unrelated.url);
  await expect
    .poll(() => highlightedTexts(page).then((texts) => texts.sort()))
    .toEqual(['Shop owners asked for deliveries to be kept open in the mornings.', 'The council voted eight to three on Tuesday to build protected cycle lanes along the high street.']);
  const frame = await sidebarFrame(page, extension.extensionId);
  await frame.getByRole('button', { name: /Annotations: 5 on this page/ }).click();
  const items = frame.locator('li.annotation');
  await expect(items).toHaveCount(5);
  await expect(items.filter({ hasText: 'Vote count matches' })).toHaveAttribute('data-status', 'anchored');
  await expect(items.filter({ hasText: 'Which shops?' })).toHaveAttribute('data-status', 'anchored');
  await expect(items.filter({ hasText: 'follow up in September' })).toHaveAttribute('data-status', 'page');
});

test('a large import shows its progress and can be cancelled, leaving every annotation as it was', async ({ page, extension }) => {
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const list = page.locator('li.annotation');
  await expect(list).toHaveCount(7);
  const before = await list.allTextContents();
  const count = 40_000;
  const items = Array.from({ length: count }, (_, i) => ({
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: 'Annotation',
    created: '2024-05-01T10:00:00Z',
    body: [{ type: 'TextualBody', value: `Bulk note ${i}`, purpose: 'commenting' }],
    target: { source: `https://www.riversideherald.example/archive/${i % 500}`, selector: [{ type: 'TextQuoteSelector', exact: `passage ${i}` }] },
  }));
  const file = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: count, first: { type: 'AnnotationPage', items } });
  await page.getByLabel('Import annotations').setInputFiles({ name: 'bulk.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(file) });

  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  // Cancel once saving has begun, so the batches already written must be taken back.
  await expect(progress).toHaveAttribute('aria-valuetext', /^Saving annotations: [1-9]\d* of 40000$/, { timeout: 30_000 });
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('status')).toHaveText('Import cancelled: nothing was changed.', { timeout: 30_000 });
  await expect(progress).toHaveCount(0);
  await expect(list).toHaveCount(7);
  expect(await list.allTextContents()).toEqual(before);
  await page.reload();
  await expect(list).toHaveCount(7);
});
