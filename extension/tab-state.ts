/**
 * Per-tab detection state, kept in storage.session so it survives the service worker being stopped
 * (MV3) and is gone when the browser closes.
 */
import type { TabState } from '../core/messages/records';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function tabStates(area: SessionArea) {
  const key = (tabId: number) => `tab:${tabId}`;
  const get = async (tabId: number): Promise<TabState | undefined> =>
    (await area.get(key(tabId)))[key(tabId)] as TabState | undefined;
  const set = async (tabId: number, state: TabState | undefined): Promise<void> => {
    if (state) await area.set({ [key(tabId)]: state });
    else await area.remove(key(tabId));
  };
  return {
    get,
    set,
    async update(tabId: number, change: (s: TabState | undefined) => TabState | undefined): Promise<void> {
      await set(tabId, change(await get(tabId)));
    },
  };
}
