/**
 * The background's part in the notes: a note gets its family's line only on a tab whose detection
 * names that family; "More context" opens the tab's sidebar at the family, or (only in the side panel)
 * leaves the page alone and names the family for the panel; a tab's state under changes that arrive
 * together (each made in turn, none lost). On fake-indexeddb and WXT's fake browser.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import raw from '../../data/dataset.json';
import { openStore } from '../../extension/store';
import { installDataset } from '../../extension/install';
import { tabStates } from '../../extension/tab-state';
import { tabSidebars } from '../../extension/background/tab-sidebars';
import type { DetectionSummary } from '../../core/messages/records';

const detection: DetectionSummary = {
  matched: true,
  score: 20,
  families: ['family-mamtinin-kader'],
  people: ['mihriban-kader', 'ablikim-mamtinin'],
  signals: [],
  reason: 'matched',
  detectMs: 1,
};

beforeAll(async () => {
  const db = await openStore();
  await installDataset(db, raw, fakeBrowser.storage.local);
  db.close();
});

let relayed: unknown[];
beforeEach(async () => {
  await fakeBrowser.storage.session.clear();
  await fakeBrowser.storage.local.remove('settings');
  relayed = [];
  vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (_tab: number, message: unknown) => void relayed.push(message));
});

function setup() {
  const states = tabStates(fakeBrowser.storage.session);
  return { states, sidebars: tabSidebars(states) };
}

describe('notes in the background', () => {
  it('gives a note its family’s line only on a tab whose detection names that family', async () => {
    const { states, sidebars } = setup();
    await states.set(7, { url: 'https://x.com/a/status/1', detection, open: false });
    const note = await sidebars.noteFor(7, 'family-mamtinin-kader');
    expect(note).toMatchObject({ tabId: 7, familyId: 'family-mamtinin-kader', panelOnly: false });
    expect(note!.lines[0]).toMatch(/^Mihriban and Ablikim said in a statement/);
    // Another family, or a tab with no detection: nothing.
    expect(await sidebars.noteFor(7, 'family-abdurehim')).toBeUndefined();
    expect(await sidebars.noteFor(8, 'family-mamtinin-kader')).toBeUndefined();
  });

  it('“More context” opens the sidebar at the family', async () => {
    const { states, sidebars } = setup();
    await states.set(7, { url: 'https://x.com/a/status/1', detection, open: false });
    expect(await sidebars.moreContext(7, 'family-mamtinin-kader')).toBe(true);
    expect(await states.get(7)).toMatchObject({ open: true, focus: 'family-mamtinin-kader' });
    expect(relayed).toEqual([{ type: 'set-open', open: true }]);
    // Not for a family the page is not about.
    expect(await sidebars.moreContext(7, 'family-abdurehim')).toBe(false);
  });

  it('only in the side panel: the page is left alone, and the family is named for the panel', async () => {
    await fakeBrowser.storage.local.set({ settings: { panelOnly: true } });
    const { states, sidebars } = setup();
    await states.set(7, { url: 'https://x.com/a/status/1', detection, open: false });
    expect((await sidebars.noteFor(7, 'family-mamtinin-kader'))!.panelOnly).toBe(true);
    await sidebars.moreContext(7, 'family-mamtinin-kader');
    expect(await states.get(7)).toMatchObject({ open: false, focus: 'family-mamtinin-kader' });
    expect(relayed).toEqual([]);
  });
});

describe('a tab’s state under changes that arrive together', () => {
  const url = 'https://www.example.com/news/uyghur-parents';

  it('a click on the sidebar’s tab is not undone by the frame’s load time recorded at the same moment', async () => {
    const { states, sidebars } = setup();
    await states.set(7, { url, detection, open: false });
    await Promise.all([sidebars.setOpen(7, true), states.update(7, (s) => (s ? { ...s, sidebarMs: 42 } : s))]);
    expect(await states.get(7)).toMatchObject({ open: true, sidebarMs: 42 });
    expect(relayed).toEqual([{ type: 'set-open', open: true }]);
  });

  it('a decision that lands while the reader opens the sidebar keeps it open, as the site is now remembered', async () => {
    const { states, sidebars } = setup();
    await states.set(7, { url, detection, open: false });
    const more = { ...detection, people: [...detection.people, 'extra-person'] };
    await Promise.all([sidebars.setOpen(7, true), sidebars.onDetection(7, url, more)]);
    expect(await states.get(7)).toMatchObject({ open: true, detection: { people: more.people } });
  });

  it('a page that cannot be told (its content script gone) keeps the state and the site’s choice as they were', async () => {
    const { states, sidebars } = setup();
    await states.set(7, { url, detection, open: false });
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    await expect(sidebars.setOpen(7, true)).rejects.toThrow('Receiving end does not exist.');
    expect(await states.get(7)).toMatchObject({ open: false });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toBeUndefined();
  });

  it('two presses of the shortcut in a row are two toggles', async () => {
    const { states, sidebars } = setup();
    await states.set(7, { url, detection, open: false });
    vi.spyOn(browser.tabs, 'query').mockImplementation((async () => [{ id: 7 }]) as never);
    await Promise.all([sidebars.toggleActive(), sidebars.toggleActive()]);
    expect(await states.get(7)).toMatchObject({ open: false });
    expect(relayed).toEqual([{ type: 'set-open', open: true }, { type: 'set-open', open: false }]);
  });

  it('changes to one tab are made in the order they arrive, and one that fails does not stop the next', async () => {
    const { states } = setup();
    await states.set(7, { url, detection, open: false });
    const order: string[] = [];
    const failing = states.update(7, async () => {
      order.push('first');
      throw new Error('storage refused');
    });
    const second = states.update(7, (s) => (order.push('second'), s && { ...s, open: true }));
    await expect(failing).rejects.toThrow('storage refused');
    await second;
    expect(order).toEqual(['first', 'second']);
    expect(await states.get(7)).toMatchObject({ open: true });
  });
});
