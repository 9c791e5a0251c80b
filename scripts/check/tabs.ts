/**
 * Tabs reused across pages. Opening a tab and learning its id costs more than navigating an open
 * one, so each of the `concurrency` workers keeps its tab and navigates it from page to page; a tab
 * that saw a transient protocol error (or closed) is dropped and replaced by a fresh one.
 *
 * The extension has no "tabs" permission, so a tab's id is learnt when it is created: the one id
 * that was not there before, found under a lock so that two workers cannot swap ids. The id then
 * survives navigations, redirects and pushState.
 */

/** Serialises async sections (tab creation), so "the new tab id" is unambiguous. */
export class Lock {
  private tail = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }
}

export interface Tab<P> {
  page: P;
  tabId: number;
}

export interface TabDriver<P> {
  newPage(): Promise<P>;
  closePage(page: P): Promise<void>;
  isClosed(page: P): boolean;
  /** Ids of every tab the extension can see. */
  tabIds(): Promise<number[]>;
}

export class TabPool<P> {
  private readonly free: Tab<P>[] = [];
  private readonly known = new Set<number>();
  private readonly lock = new Lock();

  constructor(private readonly driver: TabDriver<P>) {}

  /** Call once before the first page: tabs open now are not ours. */
  async init(): Promise<void> {
    for (const id of await this.driver.tabIds()) this.known.add(id);
  }

  async acquire(): Promise<Tab<P>> {
    while (this.free.length) {
      const tab = this.free.pop()!;
      if (!this.driver.isClosed(tab.page)) return tab;
    }
    return this.lock.run(async () => {
      const page = await this.driver.newPage();
      for (let attempt = 0; attempt < 100; attempt++) {
        const fresh = (await this.driver.tabIds()).filter((id) => !this.known.has(id));
        if (fresh.length === 1) {
          this.known.add(fresh[0]!);
          return { page, tabId: fresh[0]! };
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      await this.driver.closePage(page).catch(() => undefined);
      throw new Error('could not find the tab id of a new page');
    });
  }

  /** Give a tab back for the next page, or close it when it is no longer to be trusted. */
  async release(tab: Tab<P>, healthy: boolean): Promise<void> {
    if (healthy && !this.driver.isClosed(tab.page)) this.free.push(tab);
    else await this.driver.closePage(tab.page).catch(() => undefined);
  }
}

/** Runs a self-contained function where the tabs API is (Chromium's service worker, a Firefox extension tab). */
export type InExtension = <R, A>(fn: (arg: A) => Promise<R>, arg: A) => Promise<R>;

/**
 * The page's settled report (`awaitSettledReport`, until `deadline`, a performance.now() time); with
 * `watchMs`, the page is then left to run that long (a feed's later posts, an article its script
 * renders after a delay) and its report is taken again once settled.
 */
export async function settledReport(
  inExtension: InExtension,
  { tabId, watchMs, deadline, pollMs }: { tabId: number; watchMs: number; deadline: number; pollMs: number },
): Promise<unknown> {
  const ask = () => inExtension(awaitSettledReport, { tabId, deadline: Date.now() + (deadline - performance.now()), pollMs });
  const first = await ask();
  if (watchMs <= 0) return first;
  await new Promise((r) => setTimeout(r, Math.min(watchMs, Math.max(0, deadline - performance.now()))));
  return (await ask()) ?? first;
}

/**
 * Runs inside an extension context that has the tabs API (Chromium's service worker, a Firefox
 * extension tab): asks the page's content script for its report until it has settled (decided, no
 * added text still queued, and on a match the sidebar mounted) or the deadline (epoch ms) passes.
 * One round trip from Node per page instead of one per poll. Self-contained: it is serialised.
 */
export async function awaitSettledReport({ tabId, deadline, pollMs }: { tabId: number; deadline: number; pollMs: number }): Promise<unknown> {
  const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? (globalThis as unknown as { chrome: typeof chrome }).chrome;
  type Answer = { status?: string; settled?: boolean; sidebarMounted?: boolean; panelOnly?: boolean; detection?: { matched?: boolean } };
  let last: Answer | undefined;
  while (Date.now() < deadline) {
    const answer = (await api.tabs.sendMessage(tabId, { type: 'get-detection' }, { frameId: 0 }).catch(() => undefined)) as Answer | undefined;
    if (answer) last = answer;
    if (answer?.status === 'no-index') break;
    if (answer?.status === 'done' && answer.settled !== false && (!answer.detection?.matched || answer.sidebarMounted || answer.panelOnly)) break;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return last;
}
