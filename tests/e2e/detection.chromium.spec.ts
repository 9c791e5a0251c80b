import { test, expect, settledReport, sidebarFrame, domSnapshot, recordMutations, PAGES, HOST, hostState } from './fixtures';

test.describe('Chromium: detection and the sidebar', () => {
  test('a page naming a family member gets the sidebar with sourced context', async ({ page, extension }) => {
    await page.goto(PAGES.family1.url);
    const host = page.locator(HOST);
    await expect(host).toHaveCount(1);
    // The host's shadow root is closed: the page sees the element but not inside it.
    expect(await host.evaluate((el) => el.shadowRoot)).toBeNull();

    const frame = await sidebarFrame(page, extension.extensionId);
    const tab = frame.getByRole('button', { name: /Context: \d+ people in this story/ });
    await expect(tab).toBeVisible();
    await tab.click();

    await expect(frame.getByRole('heading', { name: "Mamutjan Abdurehim's family" })).toBeVisible();
    await expect(frame.locator('.people')).toContainText('Mamutjan Abdurehim');
    await expect(frame.locator('.people')).toContainText('Muhlise');
    // The key lines first: the claim, the answer, the finding that no evidence was given.
    await expect(frame.locator('.key-claim')).toContainText('The Chinese government said');
    await expect(frame.locator('.key-answer')).toContainText('Mamutjan denied');
    await expect(frame.locator('.key-evidence')).toContainText('no evidence');
    await expect(frame.getByRole('heading', { name: 'What the Chinese government claims' })).toBeVisible();
    await expect(frame.locator('.claims')).toContainText('The Chinese government');
    await expect(frame.getByRole('heading', { name: 'What the family says' })).toBeVisible();
    await expect(frame.locator('.responses')).toContainText('laughable');
    await expect(frame.getByRole('heading', { name: 'Evidence', exact: true })).toBeVisible();
    await expect(frame.locator('.findings')).toContainText('no further details');
    // Every claim is one click from its source.
    const source = frame.locator('.claims a.source').first();
    await expect(source).toHaveAttribute('href', /^https:\/\/www\.cnn\.com\//);
    await expect(frame.locator('footer')).toContainText(/Dataset \d+\.\d+\.\d+ · data as of/);
    // The other family is not shown on a page about this one.
    await expect(frame.getByRole('heading', { name: /Ablikim Mamtinin and Mihriban Kader/ })).toHaveCount(0);
    // Open, the host takes the height of the window beside the page.
    await expect.poll(() => hostState(page)).toBe('open');
  });

  test('an article rendered inside a closed shadow root gets the sidebar', async ({ page, extension }) => {
    await page.goto(PAGES.closedShadow.url);
    // The page's own view: the article's root is closed, so `shadowRoot` (the page's, and a content
    // script's) shows nothing of the story; the extension asks the browser for it (content/dom-text.ts).
    expect(await page.locator('mp-article').evaluate((el) => el.shadowRoot)).toBeNull();
    await expect(page.locator(HOST)).toHaveCount(1);
    const report = await settledReport(page, extension.serviceWorker);
    expect(report.detection?.people).toEqual(expect.arrayContaining(['mamutjan-abdurehim', 'muherrem-ablet']));
  });

  test('a closed shadow root on a mount point holding white space, and closed roots in posts read as those posts', async ({ page, extension }) => {
    const STORY = 'Mamutjan Abdurehim, a Uyghur father in Adelaide, says his wife Muherrem Ablet was detained in Kashgar.';
    const url = (name: string) => `https://news.example/2021/04/27/${name}`;
    const bodies = [
      'CNNのデビッド・カルバー記者らの取材班が3月に新疆を訪れた時の話。カシュガルへの着陸前に機内の窓のシェードを下ろすよう言われ、地上ではずっと尾行がついていたそうです。',
      '今日は雨でした。散歩は中止。',
      'イタリアに住むウイグル人夫婦の4人の子どもがいる孤児院は、当局に訪問を認められず。2番目の子とはWeChatのビデオ通話で話せたが、画面の外から何を言うか指示する声が聞こえたといいます。',
    ];
    const pages: Record<string, string> = {
      // A server template's mount point: white space and a comment inside, the app's view in a closed root.
      mount: `<div id="app">\n  <!-- app -->\n</div><script>document.getElementById('app').attachShadow({ mode: 'closed' }).innerHTML = '<main><p>${STORY}</p></main>';</script>`,
      // Three users' posts whose bodies are components with closed roots; CNN's trip is told across the first and the third.
      feed: `<main>${bodies.map((t, i) => `<article><div><a href="/u${i}">user${i}</a></div><post-body data-t="${t}"></post-body></article>`).join('')}</main><script>customElements.define('post-body', class extends HTMLElement { connectedCallback() { this.attachShadow({ mode: 'closed' }).innerHTML = '<div lang="ja">' + this.dataset.t + '</div>'; } });</script>`,
    };
    for (const [name, body] of Object.entries(pages)) {
      await extension.context.route(url(name), (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><meta charset="utf-8"><title>Page</title></head><body>${body}</body></html>` }));
    }
    await page.goto(url('mount'));
    await expect(page.locator(HOST)).toHaveCount(1);
    await page.goto(url('feed'));
    const report = await settledReport(page, extension.serviceWorker);
    expect(report.detection?.matched, report.detection?.reason).toBe(false);
    await expect(page.locator(HOST)).toHaveCount(0);
  });

  test('SVG and MathML elements with hyphenated names (font-face, annotation-xml) do not stop the page being read', async ({ page, extension }) => {
    // Their names look like custom elements', but no shadow root can be asked of them: Chromium's
    // chrome.dom throws on an element that is not HTML, which once left such a page undecided.
    const url = 'https://news.example/2021/04/27/svg-and-math';
    await extension.context.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Report</title></head><body>
<svg width="10" height="10"><font-face font-family="x"></font-face><missing-glyph></missing-glyph></svg>
<math><semantics><mi>x</mi><annotation-xml encoding="text/html"></annotation-xml></semantics></math>
<p>Mamutjan Abdurehim, a Uyghur father in Adelaide, says his wife Muherrem Ablet was detained in Kashgar.</p></body></html>`,
      }),
    );
    await page.goto(url);
    await expect(page.locator(HOST)).toHaveCount(1);
    expect((await settledReport(page, extension.serviceWorker)).detection?.people).toContain('mamutjan-abdurehim');
  });

  test('the badge counts the people recognised', async ({ page, extension }) => {
    await page.goto(PAGES.family1.url);
    await sidebarFrame(page, extension.extensionId);
    // Find the tab through the background's own per-tab state (no "tabs" permission to query by URL).
    const badge = await extension.serviceWorker.evaluate(async (url) => {
      const states = await chrome.storage.session.get(null);
      const key = Object.keys(states).find((k) => (states[k] as { url: string }).url === url);
      return chrome.action.getBadgeText({ tabId: Number(key!.slice('tab:'.length)) });
    }, PAGES.family1.url);
    expect(Number(badge)).toBeGreaterThanOrEqual(3);
  });

  for (const [name, entry] of [
    ['an unrelated page', PAGES.unrelated],
    ['a page about another separated Uyghur family', PAGES.otherFamily],
  ] as const) {
    test(`${name} is left exactly as it was`, async ({ page, extension }) => {
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await recordMutations(page);
      await page.goto(entry.url);
      const before = await domSnapshot(page);
      // The detector has read the page and decided: no match, nothing left to do.
      const report = await settledReport(page, extension.serviceWorker);
      expect(report.status).toBe('done');
      expect(report.detection?.matched).toBe(false);
      expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([]);
      expect(await domSnapshot(page)).toBe(before);
      await expect(page.locator(HOST)).toHaveCount(0);
      expect(page.frames()).toHaveLength(1);
      // No request leaves the browser: the page's own, and at most the extension's own full-pass code
      // (chunk-detector.js, from the extension package) where the prefilter opened on a name.
      expect(requests.filter((r) => !r.startsWith('chrome-extension://'))).toEqual([entry.url]);
      expect(requests.filter((r) => r.startsWith('chrome-extension://') && !r.endsWith('/chunk-detector.js'))).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

/**
 * Storage that changes while a page is still loading. In Chromium the content script's first read
 * begins at document_start (content/api-guard.js) and is taken at document_idle: what changed in
 * between must count. The page holds its parser for 2.5 s, as a slow page does.
 */
test.describe('Chromium: storage changing while a page loads', () => {
  const SLOW_URL = 'https://slow.test-daily.example/2021/04/25/adelaide-father';
  const slowPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An Adelaide father answers Beijing</title>
<script>const t = Date.now(); while (Date.now() - t < 2500) {}</script></head>
<body><article><h1>An Adelaide father answers Beijing's accusations</h1>
<p>Mamutjan Abdurehim says he has not seen his wife Muherrem or his daughter Muhlise in years, and calls the government's claims about him absurd.</p>
<p>He told reporters that his children were placed in a state boarding school after their mother was detained.</p></article></body></html>`;

  test.beforeEach(async ({ extension }) => {
    await extension.context.route(SLOW_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: slowPage }));
  });

  test('paused while the page loads: the page gets nothing', async ({ page, extension }) => {
    const pause = (paused: boolean) =>
      extension.serviceWorker.evaluate(async (p) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings as object), paused: p } });
      }, paused);
    try {
      const loading = page.goto(SLOW_URL);
      await page.waitForTimeout(800);
      await pause(true);
      await loading;
      const report = await settledReport(page, extension.serviceWorker);
      expect(report.status).toBe('paused');
      await expect(page.locator(HOST)).toHaveCount(0);
    } finally {
      await pause(false);
    }
  });

  test('the index stored again while the page loads: the page decides without waiting', async ({ page, extension }) => {
    // The background writes the index again when its record is gone (an update under way).
    await extension.serviceWorker.evaluate(() => chrome.storage.local.remove('matchGate'));
    await page.goto(SLOW_URL);
    await expect(page.locator(HOST)).toHaveCount(1, { timeout: 8_000 });
    const report = await settledReport(page, extension.serviceWorker);
    expect(report.detection?.matched).toBe(true);
  });
});

