/**
 * The one place where the checker touches extension UI in a page, for screenshots only: it opens the
 * sidebar as a reader would, by clicking the collapsed tab inside the extension's own sidebar frame.
 *
 * It never looks at the in-page host element (its tag name and attributes are the extension's
 * private business and will stop being fixed, so pages cannot fingerprint it). The frame is found by
 * its own location (the extension's sidebar.html), and "open" is read from inside the frame: the open
 * sidebar is rendered (`.sidebar`) and the frame's viewport has widened beyond the collapsed tab.
 * Decisions never come from here: they come from the content script's `get-detection` report.
 */

/** The little both Playwright's and puppeteer's frames can do. */
export interface FrameLike {
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
}

const SIDEBAR_URL = /^(chrome|moz)-extension:\/\/[^/]+\/sidebar\.html/;

/** The sidebar frame among a page's frames. Over BiDi a frame's reported URL can lag, so it is asked. */
export async function findSidebarFrame(frames: readonly FrameLike[]): Promise<FrameLike | undefined> {
  for (const frame of frames) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (SIDEBAR_URL.test(href)) return frame;
  }
  return undefined;
}

/** The frame's location, e.g. to learn the extension's base URL in Firefox (its UUID is per profile). */
export async function sidebarHref(frames: readonly FrameLike[]): Promise<string | undefined> {
  const frame = await findSidebarFrame(frames);
  return frame?.evaluate(() => location.href);
}

async function poll<T>(deadline: number, what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`${what} within the timeout`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Open the sidebar from its collapsed tab and wait until it is drawn open. */
export async function openSidebarForScreenshot(frames: () => readonly FrameLike[], timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  const frame = await poll(deadline, 'no sidebar frame', () => findSidebarFrame(frames()));
  await poll(deadline, 'no collapsed tab to click in the sidebar frame', () =>
    frame.evaluate(() => {
      const tab = document.querySelector<HTMLButtonElement>('button.tab');
      tab?.click();
      return !!tab || !!document.querySelector('.sidebar');
    }),
  );
  await poll(deadline, 'the sidebar did not open', () =>
    // 120 px: wider than the collapsed tab (44 px), narrower than the open sidebar (380 px or the viewport).
    frame.evaluate(() => !!document.querySelector('.sidebar') && innerWidth > 120),
  );
}
