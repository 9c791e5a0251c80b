/**
 * The same matching and non-matching pages in Firefox ESR, driven by puppeteer-core over WebDriver
 * BiDi with the built Firefox extension installed.
 */
import { test, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox, servePagesFirefox, firefoxSidebarFrame } from '../../scripts/harness/firefox';
import path from 'node:path';
import { PAGES, FIXTURES } from './fixtures';

const HOSTILE = { url: 'https://news.totally-normal.example/2021/04/25/adelaide-father-answers', file: path.join(FIXTURES, 'hostile-article.html') };
const TIMELINE = { url: 'https://x.com/home', file: path.resolve('tests/fixtures/corpus/feed/x-timeline.html') };

let browser: Browser;

test.beforeAll(async () => {
  ({ browser } = await launchFirefox());
});
test.afterAll(async () => {
  await browser?.close();
});

async function openPage(url: string, recordMutations = false): Promise<Page> {
  const page = await browser.newPage();
  await servePagesFirefox(page, [...Object.values(PAGES), HOSTILE, TIMELINE]);
  if (recordMutations) {
    await page.evaluateOnNewDocument(() => {
      const log: string[] = [];
      (window as unknown as { __mutations: string[] }).__mutations = log;
      const observer = new MutationObserver((records) => {
        for (const r of records) log.push(`${r.type}:${r.target.nodeName}:${[...r.addedNodes].map((n) => n.nodeName).join(',')}`);
      });
      document.addEventListener(
        'DOMContentLoaded',
        () => observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true }),
        { once: true },
      );
    });
  }
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** The background installs the dataset on first run; the first page may come before it is ready. */
async function openMatchingPage(url: string): Promise<Page> {
  for (let attempt = 0; ; attempt++) {
    const page = await openPage(url);
    const mounted = await page
      .waitForFunction(() => document.querySelector('html > :not(head):not(body)') !== null, { timeout: 5_000 })
      .then(() => true, () => false);
    if (mounted || attempt >= 3) return page;
    await page.close();
  }
}

test('Firefox: a page naming a family member gets the sidebar with sourced context', async () => {
  const page = await openMatchingPage(PAGES.family1.url);
  expect(await page.evaluate(() => document.querySelectorAll('html > :not(head):not(body)').length)).toBe(1);
  expect(await page.evaluate(() => document.querySelector('html > :not(head):not(body)')!.shadowRoot)).toBeNull();

  const frame = await firefoxSidebarFrame(page);
  const tab = await frame.waitForSelector('button.tab', { timeout: 10_000 });
  expect(await tab!.evaluate((b) => b.textContent)).toMatch(/Context: \d+ people in this story/);
  await tab!.click();
  await frame.waitForSelector('.sidebar', { timeout: 10_000 });
  const text = (await frame.evaluate(() => document.body.textContent)) ?? '';
  expect(text).toContain("Mamutjan Abdurehim's family");
  expect(text).toContain('What the Chinese government claims');
  expect(text).toContain('The Chinese government said');
  expect(text).toContain('What the family says');
  expect(text).toContain('laughable');
  expect(text).toContain('Evidence');
  expect(text).not.toContain('Ablikim Mamtinin and Mihriban Kader');
  const href = await frame.evaluate(() => document.querySelector('.claims a.source')?.getAttribute('href'));
  expect(href).toMatch(/^https:\/\/www\.cnn\.com\//);
  // Open: the host is the panel's width (its state is a style inside the closed shadow root, not an attribute).
  expect(await page.evaluate(() => document.querySelector('html > :not(head):not(body)')!.getBoundingClientRect().width)).toBeGreaterThan(44);
  await page.close();
});

for (const [name, entry] of [
  ['an unrelated page', PAGES.unrelated],
  ['a page about another separated Uyghur family', PAGES.otherFamily],
] as const) {
  test(`Firefox: ${name} is left exactly as it was`, async () => {
    // Make sure the extension is ready (a matching page mounts), so "nothing happened" means something.
    await (await openMatchingPage(PAGES.family1.url)).close();
    const page = await openPage(entry.url, true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('html > :not(head):not(body)').length)).toBe(0);
    expect(page.frames()).toHaveLength(1);
    await page.close();
  });
}

test('Firefox: a hostile page can neither reach, hide nor restyle the sidebar', async () => {
  const page = await openMatchingPage(HOSTILE.url);
  const frame = await firefoxSidebarFrame(page);
  await frame.waitForSelector('button.tab', { timeout: 10_000 });
  const attack = await page.evaluate(() => {
    const host = document.querySelector('html > :not(head):not(body)') as HTMLElement;
    host.setAttribute('style', 'display:none!important;width:0!important');
    const box = host.getBoundingClientRect();
    return {
      captured: (window as unknown as { __attack: { shadowRoots: string[] } }).__attack.shadowRoots,
      shadowRoot: host.shadowRoot === null,
      reachableFrames: window.frames.length,
      width: box.width,
    };
  });
  expect(attack).toEqual({ captured: [], shadowRoot: true, reachableFrames: 0, width: 44 });
  const color = await frame.evaluate(() => getComputedStyle(document.querySelector('button.tab')!).color);
  expect(color).not.toBe('rgb(255, 0, 0)');
  await page.close();
});

test('Firefox: an article rendered inside a closed shadow root gets the sidebar', async () => {
  const page = await openMatchingPage(PAGES.closedShadow.url);
  // The page's own view: its article's root is closed, so a page script (or a content script reading
  // `shadowRoot`) sees nothing of the story.
  expect(await page.evaluate(() => document.querySelector('mp-article')!.shadowRoot)).toBeNull();
  expect(await page.evaluate(() => document.querySelectorAll('html > :not(head):not(body)').length)).toBe(1);
  await page.close();
});

test('Firefox: a feed that gains a post about the story gets the sidebar then', async () => {
  await (await openMatchingPage(PAGES.family1.url)).close();
  const page = await openPage(TIMELINE.url);
  await page.evaluate(() => (window as unknown as { appendPosts: (n: number) => void }).appendPosts(40));
  await new Promise((r) => setTimeout(r, 1500));
  expect(await page.evaluate(() => document.querySelectorAll('html > :not(head):not(body)').length)).toBe(0);
  await page.evaluate(() => (window as unknown as { appendStoryPost: () => void }).appendStoryPost());
  await page.waitForFunction(() => document.querySelector('html > :not(head):not(body)') !== null, { timeout: 10_000 });
  await page.close();
});
