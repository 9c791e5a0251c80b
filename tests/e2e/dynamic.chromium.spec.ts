/**
 * Feeds and single-page apps: a timeline that becomes about the story gets the sidebar then; a
 * single-page navigation away from the story removes it.
 */
import path from 'node:path';
import { test, expect, sidebarFrame, recordMutations, settledReport, HOST, PAGES } from './fixtures';

const TIMELINE = { url: 'https://x.com/home', file: path.resolve('tests/fixtures/corpus/feed/x-timeline.html') };

test.describe('Chromium: dynamic pages', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.context.route(TIMELINE.url, (route) => route.fulfill({ path: TIMELINE.file, contentType: 'text/html' }));
  });

  test('a feed that gains a post about the story gets the sidebar then, and not before', async ({ page, extension }) => {
    await recordMutations(page);
    await page.goto(TIMELINE.url);
    await page.evaluate(() => (window as unknown as { appendPosts: (n: number) => void }).appendPosts(60));
    // The detector has read the 60 new posts (in batches) and settled on "no match".
    // The detector has read the 60 new posts (with the first pass, or in batches after it) and settled.
    const report = await settledReport(page, extension.serviceWorker);
    expect(report.detection?.matched).toBe(false);
    await expect(page.locator(HOST)).toHaveCount(0);
    // Only the page's own appends: the extension changed nothing while the feed was unrelated.
    const mutations = await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
    expect(mutations.filter((m) => /BACKSTORY|STYLE/i.test(m))).toEqual([]);

    await page.evaluate(() => (window as unknown as { appendStoryPost: () => void }).appendStoryPost());
    await expect(page.locator(HOST)).toHaveCount(1, { timeout: 10_000 });
    const frame = await sidebarFrame(page, extension.extensionId);
    await frame.locator('button.tab').click();
    await expect(frame.getByRole('heading', { level: 2, name: /Ablikim Mamtinin and Mihriban Kader/ })).toBeVisible();
  });

  test('navigating within a single-page app away from the story removes the sidebar', async ({ page }) => {
    await page.goto(TIMELINE.url);
    await page.evaluate(() => (window as unknown as { appendStoryPost: () => void }).appendStoryPost());
    await expect(page.locator(HOST)).toHaveCount(1, { timeout: 10_000 });
    // The app swaps its content and pushes a new URL, as X does when opening another page.
    await page.evaluate(() => {
      for (const article of document.querySelectorAll('article')) article.remove();
      document.title = 'Settings / X';
      history.pushState({}, '', '/settings/account');
      const main = document.querySelector('main') ?? document.body;
      const p = document.createElement('p');
      p.textContent = 'Your account settings: password, language, notifications.';
      main.append(p);
    });
    await expect(page.locator(HOST)).toHaveCount(0, { timeout: 10_000 });
  });

  test('a hash route away from the story, whose view the page swaps in its hashchange handler, removes the sidebar', async ({ page, extension }) => {
    // Round 31's n02: the Navigation API tells of the new address before the page's hashchange handler
    // (a task queued behind it) shows what is there; the new address's first pass waits for the page.
    const url = 'https://news.example/app';
    await extension.context.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>News app</title></head><body><main id="view"><p>Mamutjan Abdurehim, a Uyghur father, told reporters in Adelaide that the claim was laughable.</p></main>
<script>addEventListener('hashchange', () => { document.getElementById('view').innerHTML = '<p>Ferry timetables change on Monday.</p>'; document.title = 'Ferries'; });</script></body></html>`,
      }),
    );
    await page.goto(url);
    await expect(page.locator(HOST)).toHaveCount(1, { timeout: 10_000 });
    await page.evaluate(() => (location.hash = '#/city/ferries'));
    await expect.poll(async () => (await settledReport(page, extension.serviceWorker)).detection?.matched, { timeout: 10_000 }).toBe(false);
    await expect(page.locator(HOST)).toHaveCount(0);
  });

  test('a page that replaces its whole document at the same address is a new page: the sidebar comes with the story and goes with it', async ({ page, extension }) => {
    const url = 'https://news.example/rewritten';
    const STORY = '<p>Mamutjan Abdurehim, a Uyghur father, told reporters in Adelaide that the claim was laughable.</p>';
    const OTHER = '<p>Tram works close the city loop this weekend.</p>';
    await extension.context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><title>News</title></head><body><p>Loading the news…</p></body></html>` }));
    await page.goto(url);
    expect((await settledReport(page, extension.serviceWorker)).detection?.matched).toBe(false);
    // document.open and write: a new root, at the same address (round 21's p03).
    await page.evaluate((body) => {
      document.open();
      document.write(`<!doctype html><html><head><title>World</title></head><body>${body}</body></html>`);
      document.close();
    }, STORY);
    await expect(page.locator(HOST)).toHaveCount(1, { timeout: 10_000 });
    // The root swapped for another page's: the story is gone, and the sidebar with it.
    await page.evaluate((body) => {
      const root = document.createElement('html');
      root.innerHTML = `<head><title>City</title></head><body>${body}</body>`;
      document.documentElement.replaceWith(root);
    }, OTHER);
    // (The host left with the old root; a page still about the story would get it back.)
    await expect.poll(async () => (await settledReport(page, extension.serviceWorker)).detection?.matched, { timeout: 10_000 }).toBe(false);
    await page.waitForTimeout(1_000);
    await expect(page.locator(HOST)).toHaveCount(0);
    // A new body holding the story again.
    await page.evaluate((body) => {
      const fresh = document.createElement('body');
      fresh.innerHTML = body;
      document.body.replaceWith(fresh);
    }, STORY);
    await expect(page.locator(HOST)).toHaveCount(1, { timeout: 10_000 });
  });
});

/**
 * Text that arrives where the page's observer does not look (content/watch/late.ts): a component the
 * page defines later, a frame given a new document, an open shadow root an app fills later. Each page
 * first settles on "no match"; then the story arrives, and the sidebar with it.
 */
test.describe('Chromium: text that arrives inside components and frames', () => {
  const STORY = 'Mamutjan Abdurehim, a Uyghur father, told reporters in Adelaide that the claim was laughable.';
  /** A player whose caption track (not shown until the page says so) tells the story. */
  const PLAYER = `<video controls><track kind="captions" srclang="en" label="English" src="data:text/vtt,${encodeURIComponent(`WEBVTT\n\n00:00.000 --> 00:05.000\n${STORY}\n`)}"></video>`;
  const CASES: Array<[string, string, string]> = [
    [
      'a component defined later attaches a shadow root holding the story',
      '<story-card></story-card>',
      `customElements.define('story-card', class extends HTMLElement { connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p>${STORY}</p>'; } });`,
    ],
    ['a frame is given a new document holding the story', '<iframe srcdoc="<p>Weather: sunny.</p>"></iframe>', `document.querySelector('iframe').srcdoc = '<p>${STORY}</p>';`],
    // Round 31's p01. (Whether its document has loaded when the added node is read depends on timing;
    // the case where it loads after that read and before its load is listened for is
    // tests/unit/late-watch.test.ts.)
    [
      'a frame appended with its srcdoc already set holds the story',
      '<main id="main"></main>',
      `const f = document.createElement('iframe'); f.srcdoc = '<p>${STORY}</p>'; document.getElementById('main').append(f);`,
    ],
    [
      'a video page with nothing of the story shows captions that tell it',
      `<video controls><track kind="captions" srclang="en" label="English" src="data:text/vtt,${encodeURIComponent(`WEBVTT\n\n00:00.000 --> 00:05.000\n${STORY}\n`)}"></video><p>World video: the latest report.</p>`,
      `document.querySelector('video').textTracks[0].mode = 'showing';`,
    ],
    // Round 37's p04: a player's captions live in a track it made itself (hls.js, Shaka and the like), with
    // no <track> element; they are read when it adds the track and when its cues change.
    [
      'a player makes its own caption track and fills it with cues that tell the story',
      '<video controls></video><p>World video: the latest report.</p>',
      `const t = document.querySelector('video').addTextTrack('captions', 'English', 'en'); t.mode = 'hidden'; t.addCue(new VTTCue(0, 5, '${STORY}'));`,
    ],
    // Round 60's p03: cue by cue on a timer, on a video that does not play: no event tells of them.
    [
      'a player adds cues to its own caption track one by one while nothing plays, the story in a later one',
      '<video controls></video><p>World video: the latest report.</p>',
      `const t = document.querySelector('video').addTextTrack('captions', 'English', 'en'); t.mode = 'showing'; const parts = ['Tonight: a report from Australia.', 'Weather next.', '${STORY}']; let i = 0; const id = setInterval(() => { t.addCue(new VTTCue(i * 5, i * 5 + 5, parts[i])); if (++i >= parts.length) clearInterval(id); }, 250);`,
    ],
    [
      'a player replaces its own caption track’s cues with ones that tell the story',
      `<video controls></video><p>World video: the latest report.</p><script>const t = document.querySelector('video').addTextTrack('captions', 'English', 'en'); t.mode = 'showing'; t.addCue(new VTTCue(0, 5, 'Sunny skies over the coast today.'));</script>`,
      `history.pushState({}, '', '?v=2'); const t = document.querySelector('video').textTracks[0]; while (t.cues.length) t.removeCue(t.cues[0]); t.addCue(new VTTCue(0, 5, '${STORY}'));`,
    ],
    // Players a query of the document does not reach: a component's own shadow root, a frame.
    [
      'a player component defined later keeps its video in its open shadow root and shows captions that tell the story',
      '<media-box></media-box>',
      `customElements.define('media-box', class extends HTMLElement { connectedCallback() { const root = this.attachShadow({ mode: 'open' }); root.innerHTML = ${JSON.stringify(PLAYER)}; root.querySelector('video').textTracks[0].mode = 'showing'; } });`,
    ],
    // On the story's topic, a track the page does not show is loaded for Backstory (switched to
    // 'hidden', read, put back), inside the component's shadow root too.
    [
      'on a page about the Uyghurs, a player component defined later has a caption track it does not show, which tells the story',
      '<p>Uyghur families abroad: a video report.</p><hidden-cc></hidden-cc>',
      `customElements.define('hidden-cc', class extends HTMLElement { connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(PLAYER)}; } });`,
    ],
    [
      'a frame is given a player whose captions tell the story',
      '<iframe srcdoc="<p>Weather: sunny.</p>"></iframe>',
      `const d = document.querySelector('iframe').contentDocument; d.body.insertAdjacentHTML('beforeend', ${JSON.stringify(PLAYER)}); d.querySelector('video').textTracks[0].mode = 'showing';`,
    ],
    // The same in closed shadow roots (content/dom-text.ts `shadowOf`): the page keeps its root to
    // itself, but the reader sees what it renders.
    [
      'a component defined later attaches a closed shadow root holding the story',
      '<story-card></story-card>',
      `customElements.define('story-card', class extends HTMLElement { connectedCallback() { this.attachShadow({ mode: 'closed' }).innerHTML = '<p>${STORY}</p>'; } });`,
    ],
    [
      'a player component defined later keeps its video in its closed shadow root and shows captions that tell the story',
      '<media-box></media-box>',
      `customElements.define('media-box', class extends HTMLElement { connectedCallback() { const root = this.attachShadow({ mode: 'closed' }); root.innerHTML = ${JSON.stringify(PLAYER)}; root.querySelector('video').textTracks[0].mode = 'showing'; } });`,
    ],
    [
      'an app adds the story inside its closed shadow root',
      `<div id="app"></div><script>window.appRoot = document.getElementById('app').attachShadow({ mode: 'closed' }); window.appRoot.innerHTML = '<main><p>Loading…</p></main>';</script>`,
      `const p = document.createElement('p'); p.textContent = '${STORY}'; window.appRoot.querySelector('main').append(p);`,
    ],
    [
      'an app adds the story inside its open shadow root',
      `<div id="app"></div><script>document.getElementById('app').attachShadow({ mode: 'open' }).innerHTML = '<main><p>Loading…</p></main>';</script>`,
      `const p = document.createElement('p'); p.textContent = '${STORY}'; document.getElementById('app').shadowRoot.querySelector('main').append(p);`,
    ],
  ];
  for (const [name, html, script] of CASES) {
    test(name, async ({ page, extension }) => {
      const url = `https://news.example/late/${encodeURIComponent(name)}`;
      await extension.context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><title>Media monitor</title></head><body><p>Media monitor: today's state TV.</p>${html}</body></html>` }));
      await page.goto(url);
      expect((await settledReport(page, extension.serviceWorker)).detection?.matched).toBe(false);
      await page.evaluate(script);
      await expect(page.locator(HOST)).toHaveCount(1, { timeout: 10_000 });
      expect((await settledReport(page, extension.serviceWorker)).detection?.people).toContain('mamutjan-abdurehim');
    });
  }
});

test.describe('Chromium: a page opened before the index is stored', () => {
  test('waits for the index (as just after install) and then decides: the sidebar appears', async ({ page, extension }) => {
    const { serviceWorker } = extension;
    // As in the seconds after install: the prefilter's record, the events' elements and the index are
    // not in storage. The background notices they are gone and rebuilds them from the bundled dataset
    // (watchIndex); a page
    // opened meanwhile waits for them (content/watch/records.ts) and decides when they are back.
    const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(['matchEvents', 'matchGate', 'matchIndex']));
    expect(Object.keys(stored).sort()).toEqual(['matchEvents', 'matchGate', 'matchIndex']);
    try {
      await serviceWorker.evaluate(() => chrome.storage.local.remove(['matchEvents', 'matchGate', 'matchIndex']));
      await page.goto(PAGES.family1.url);
      await expect(page.locator(HOST)).toHaveCount(1, { timeout: 15_000 });
      await sidebarFrame(page, extension.extensionId);
      const back = await serviceWorker.evaluate(() => chrome.storage.local.get(['matchEvents', 'matchGate', 'matchIndex']));
      expect(Object.keys(back).sort()).toEqual(['matchEvents', 'matchGate', 'matchIndex']);
    } finally {
      // Whatever happened, the next tests find the index where it belongs.
      await serviceWorker.evaluate((records) => chrome.storage.local.set(records), stored);
    }
  });
});
