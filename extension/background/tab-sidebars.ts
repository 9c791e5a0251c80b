/**
 * The background is the one place that opens, collapses or dismisses a tab's sidebar (from the sidebar
 * itself, the popup, the keyboard shortcut or a note's "More context"), keeps each tab's detection
 * state and sets its badge, and gives the notes at the story's posts their line.
 */
import { browser } from 'wxt/browser';
import type { ContextResponse, NoteView, TabState } from '../../core/messages/records';
import { familyNote } from '../../core/dataset/family-note';
import type { BackgroundToContent } from '../../core/messages/to-content';
import { loadSettings, updateSettings, type Settings } from '../../core/settings';
import { openOnUrl, rememberOpen } from '../../core/muting';
import { openStore, readDataset } from '../store';
import { BADGE_COLORS, badgeTitle } from '../badge';
import { translator } from '../../core/i18n';
import { pageLocale } from '../page-locale';
import type { tabStates } from '../tab-state';


export type TabStates = ReturnType<typeof tabStates>;

export function tabSidebars(states: TabStates) {
  const relay = (tabId: number, message: BackgroundToContent) => browser.tabs.sendMessage(tabId, message, { frameId: 0 });

  /**
   * Open or collapse a tab's sidebar (`open`, or a function of whether it is open now), and remember
   * the choice for the site. All of it is one change of the tab's state: the page's host is told, then
   * the site's choice and the state are written. So a decision that lands meanwhile (which opens the
   * sidebar as the site is remembered) sees the choice, the frame's question after the host resizes
   * it is answered with the new state, and a page that cannot be told (its content script gone)
   * leaves the state and the site's choice as they were, and rejects.
   */
  async function setOpen(tabId: number, open: boolean | ((isOpen: boolean) => boolean)): Promise<boolean> {
    let changed = false;
    await states.update(tabId, async (s) => {
      if (!s) return s;
      const next = typeof open === 'function' ? open(s.open) : open;
      await relay(tabId, { type: 'set-open', open: next });
      await updateSettings(browser.storage.local, (settings) => rememberOpen(settings, s.url, next));
      changed = true;
      return { ...s, open: next };
    });
    return changed;
  }

  return {
    setOpen,

    /** A content script's decision: the tab's state and badge follow it. */
    async onDetection(tabId: number, url: string, detection: TabState['detection']): Promise<true | { open: boolean }> {
      if (!detection.matched) {
        let matchedBefore = false;
        await states.update(tabId, (before) => {
          matchedBefore = before !== undefined;
          return undefined;
        });
        await browser.action.setBadgeText({ tabId, text: '' });
        // A page of a single-page site that stops matching: the manifest's title again, in the same language.
        if (matchedBefore) {
          const locale = pageLocale(await loadSettings(browser.storage.local), navigator.languages);
          await browser.action.setTitle({ tabId, title: badgeTitle(translator(locale), -1) });
        }
        return true;
      }
      // The page's sidebar starts as the reader keeps it on the site (content/watch/page-ui.ts), and so
      // does the tab's state: the settings are read in turn with the tab's other changes.
      let settings: Settings | undefined;
      const state = (await states.update(tabId, async () => {
        settings = await loadSettings(browser.storage.local);
        return { url, detection, open: openOnUrl(settings, url) };
      }))!;
      const count = detection.people.length;
      await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '✓' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS.background });
      await browser.action.setBadgeTextColor?.({ tabId, color: BADGE_COLORS.text });
      // The tooltip is browser chrome, not beside the page: the setting and the browser's language.
      await browser.action.setTitle({ tabId, title: badgeTitle(translator(pageLocale(settings!, navigator.languages)), count) });
      return { open: state.open };
    },

    /**
     * The page hides the sidebar (content/host-visibility.ts): the badge turns to "!" and its tooltip
     * says so, until the page shows it again (then the count comes back).
     */
    async onHidden(tabId: number, hidden: string | null): Promise<boolean> {
      const state = await states.get(tabId);
      if (!state) return false;
      const count = state.detection.people.length;
      await browser.action.setBadgeText({ tabId, text: hidden ? '!' : count > 0 ? String(count) : '✓' });
      const t = translator(pageLocale(await loadSettings(browser.storage.local), navigator.languages));
      await browser.action.setTitle({ tabId, title: hidden ? t('popup.hidden') : badgeTitle(t, count) });
      return true;
    },

    async dismiss(tabId: number): Promise<boolean> {
      await states.set(tabId, undefined);
      await relay(tabId, { type: 'dismiss' });
      return true;
    },

    /** Whether the sidebar frame is visible (IntersectionObserver v2), relayed from the frame to the page's checks. */
    async frameVisibility(tabId: number, visible: boolean): Promise<boolean> {
      await relay(tabId, { type: 'frame-visibility', visible }).catch(() => undefined);
      return true;
    },

    /** "Show on the page", relayed from the sidebar to the page. */
    async jump(tabId: number, signal: number): Promise<boolean> {
      await relay(tabId, { type: 'jump', signal });
      return true;
    },

    /**
     * A note's line for `familyId`, on a tab whose detection names that family (a note on any other
     * tab, or for another family, gets nothing).
     */
    async noteFor(tabId: number, familyId: string): Promise<NoteView | undefined> {
      const state = await states.get(tabId);
      if (!state?.detection.matched || !state.detection.families.includes(familyId)) return undefined;
      const db = await openStore();
      try {
        const note = familyNote(await readDataset(db), familyId);
        if (!note) return undefined;
        const { panelOnly } = await loadSettings(browser.storage.local);
        return { tabId, ...note, panelOnly };
      } finally {
        db.close();
      }
    },

    /**
     * A note's "More context": the sidebar (or the side panel, which the note opened itself) shows
     * that family. In the page, the sidebar opens; either way the tab state names the family to show.
     */
    async moreContext(tabId: number, familyId: string): Promise<boolean> {
      const { panelOnly } = await loadSettings(browser.storage.local);
      let named = false;
      await states.update(tabId, (s) => {
        named = !!s?.detection.families.includes(familyId);
        return named ? { ...s!, open: panelOnly ? s!.open : true, focus: familyId } : s;
      });
      if (!named) return false;
      if (!panelOnly) await relay(tabId, { type: 'set-open', open: true });
      return true;
    },

    /** The tab's state and the stored dataset, read in the extension's own origin. */
    async contextFor(tabId: number): Promise<ContextResponse | undefined> {
      const state = await states.get(tabId);
      if (!state) return undefined;
      const db = await openStore();
      try {
        const { meta, ...data } = await readDataset(db);
        return { tabId, state, data, ...(meta ? { meta: { version: meta.version, dataAsOf: meta.dataAsOf, hash: meta.hash } } : {}) };
      } finally {
        db.close();
      }
    },

    /** The keyboard shortcut: open or collapse the active tab's sidebar. */
    async toggleActive(): Promise<void> {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      // Toggled in the change itself: two presses in a row are two toggles.
      await setOpen(tab.id, (isOpen) => !isOpen);
    },
  };
}
