/**
 * The browser's own side panel, the one surface no page can cover or imitate: Chrome's side panel
 * (`side_panel`, the `sidePanel` permission) and Firefox's sidebar (`sidebar_action`). Both open only
 * from a user gesture, so callers call `openSidePanel` synchronously inside a click handler (the popup,
 * the context menu, the in-page sidebar's button, a note's "More context"), before any await.
 */

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/** The browser's side-panel API, whichever this browser has (read from the extension's globals). */
function api(): { chrome?: ChromeSidePanel; firefox?: FirefoxSidebarAction } {
  const g = globalThis as { chrome?: { sidePanel?: ChromeSidePanel }; browser?: { sidebarAction?: FirefoxSidebarAction } };
  // Firefox also defines `chrome`, without sidePanel; Chrome has no `sidebarAction`.
  return { chrome: g.chrome?.sidePanel, firefox: g.browser?.sidebarAction };
}

/** Whether this browser has a side panel Backstory can open. */
export function hasSidePanel(): boolean {
  const { chrome, firefox } = api();
  return !!chrome || !!firefox;
}

/**
 * Open the side panel for `tabId` (Chrome: the panel of that tab's window, showing that tab's context;
 * Firefox: the window's sidebar). Call it synchronously in a user-gesture handler; resolves false if
 * the browser refused (no gesture, no API).
 */
export function openSidePanel(tabId: number): Promise<boolean> {
  const { chrome, firefox } = api();
  try {
    const opening = chrome ? chrome.open({ tabId }) : firefox ? firefox.open() : undefined;
    if (!opening) return Promise.resolve(false);
    return opening.then(
      () => true,
      (error: unknown) => (console.warn('Backstory could not open the side panel:', error), false),
    );
  } catch (error) {
    console.warn('Backstory could not open the side panel:', error);
    return Promise.resolve(false);
  }
}
