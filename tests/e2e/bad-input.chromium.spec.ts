/**
 * Bad inputs, in the real browser with the built extension, through the checker as a tester runs it:
 * every page must end in the right decision within the checker's per-page timeout. Pages are
 * generated into a temporary folder: 10 MB of prose with and without the story, 100,000 nodes, a
 * 10,000-deep DOM, and names disguised with invisible characters, homoglyphs and markup.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CheckReport } from '../../scripts/check/report-schema';

test.describe.configure({ timeout: 240_000 });

const PROSE = 'Notes from the allotment: we planted beans, watered the seedlings and waited for the rain to come. ';
const STORY =
  '<p>Mamutjan Abdurehim, a Uyghur father in Adelaide, has not seen his wife Muherrem Ablet and their children since 2017.</p>';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** About 10 MB of text in paragraphs inside sections. */
function tenMegabytes(): string {
  const section = `<section>${`<p>${PROSE.repeat(10)}</p>`.repeat(50)}</section>`;
  return section.repeat(Math.ceil(10_000_000 / (PROSE.length * 500)));
}

const PAGES: Record<string, { html: string; match: boolean }> = {
  'ten-megabytes-unrelated.html': { html: page('Allotment diary', tenMegabytes()), match: false },
  'ten-megabytes-story-at-the-end.html': { html: page('Allotment diary', tenMegabytes() + STORY), match: true },
  'hundred-thousand-nodes.html': {
    html: page('Seed list', `<ul>${'<li>beans</li>'.repeat(50_000)}</ul>${STORY}`),
    match: true,
  },
  'ten-thousand-deep.html': { html: page('Nested', `${'<div>x '.repeat(10_000)}${STORY}${'</div>'.repeat(10_000)}`), match: true },
  'disguised-names.html': {
    // Zero-width space and soft hyphen inside names, Cyrillic а and е, a name split across markup.
    html: page(
      'A father waits',
      '<p>M\u200bamutjan Abdu\u00adrehim, a Uyghur father, speaks of his wife Muh<b>errem</b> Ablеt ' +
        '(Cyrillic е) and of Muhlisе; <i>Mamut</i>jan has not seen them since 2017.</p>',
    ),
    match: true,
  },
};

test('each bad input ends in the right decision, in Chromium with the extension', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-bad-input-'));
  const expectations: Record<string, { match: boolean; people?: string[] }> = {};
  for (const [name, { html, match }] of Object.entries(PAGES)) {
    writeFileSync(path.join(dir, name), html);
    expectations[path.join(dir, name)] = match ? { match, people: ['mamutjan-abdurehim'] } : { match };
  }
  writeFileSync(path.join(dir, 'expect.json'), JSON.stringify(expectations));
  const json = path.join(dir, 'report.json');
  const files = Object.keys(PAGES).map((n) => path.join(dir, n));
  const run = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      'npx',
      ['tsx', 'scripts/check.ts', '--no-build', '--timeout', '60000', '--expect', path.join(dir, 'expect.json'), '--json', json, ...files],
      { timeout: 230_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout }),
    );
  });
  const report = CheckReport.parse(JSON.parse(readFileSync(json, 'utf8')));
  const failed = report.pages.filter((p) => !p.expectation?.passed).map((p) => `${p.page}: ${p.expectation?.differences.join('; ')} (${p.reason})`);
  expect(failed, run.stdout).toEqual([]);
  expect(run.code).toBe(0);
  // The unrelated 10 MB page is settled by the prefilter alone.
  const unrelated = report.pages.find((p) => p.page.endsWith('ten-megabytes-unrelated.html'))!;
  expect(unrelated.reason).toContain('prefilter');
});
