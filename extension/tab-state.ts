/**
 * Per-tab detection state, kept in storage.session so it survives the service worker being stopped
 * (MV3) and is gone when the browser closes.
 *
 * Several messages change a tab's state at once (the content script's decision, its sidebar mounted,
 * the reader opening the sidebar from the frame, the popup or a note), and each change reads the state
 * before it writes it. Changes to one tab are therefore made one after another, in the order they
 * arrive: two interleaved read-then-write changes would let the later write drop the earlier one's
 * effect (a click on the sidebar's tab undone by a record of the frame's load time, say).
 */
import type { TabState } from '../core/messages/records';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function tabStates(area: SessionArea) {
  const key = (tabId: number) => `tab:${tabId}`;
  const read = async (tabId: number): Promise<TabState | undefined> =>
    (await area.get(key(tabId)))[key(tabId)] as TabState | undefined;
  const write = async (tabId: number, state: TabState | undefined): Promise<void> => {
    if (state) await area.set({ [key(tabId)]: state });
    else await area.remove(key(tabId));
  };
  /** Each tab's last queued change (the chain's end); removed once the chain has run out. */
  const queues = new Map<number, Promise<unknown>>();
  const queued = <T>(tabId: number, run: () => Promise<T>): Promise<T> => {
    const before = queues.get(tabId) ?? Promise.resolve();
    const result = before.then(run, run);
    const end = result.catch(() => undefined);
    queues.set(tabId, end);
    void end.then(() => {
      if (queues.get(tabId) === end) queues.delete(tabId);
    });
    return result;
  };
  /**
   * Change a tab's state: `change` gets the state as it is after every change queued before it, and
   * returns the new one (undefined forgets the tab). Resolves to what was stored.
   */
  const update = (tabId: number, change: (s: TabState | undefined) => TabState | undefined | Promise<TabState | undefined>) =>
    queued(tabId, async () => {
      const before = await read(tabId);
      const next = await change(before);
      // A change that keeps the state as it was writes nothing (no storage event for the frames).
      if (next !== before) await write(tabId, next);
      return next;
    });
  return {
    /** The tab's state once the changes queued so far have been made. */
    get: (tabId: number): Promise<TabState | undefined> => queued(tabId, () => read(tabId)),
    set: (tabId: number, state: TabState | undefined): Promise<void> => update(tabId, () => state).then(() => undefined),
    update,
  };
}
