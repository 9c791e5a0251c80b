/**
 * Every message the background receives, routed by sender: only this extension's own contexts reach
 * onMessage (no externally_connectable), each kind of sender may send only its own messages, and
 * every message is parsed (core/messages/to-background.ts) before anything acts on it.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  AnnotatorToBackground,
  ContentToBackground,
  NoteToBackground,
  PanelToBackground,
  PopupToBackground,
  SidebarAnnotationsToBackground,
  SidebarToBackground,
} from '../../core/messages/to-background';
import { parseMessage } from '../../core/messages/to-content';
import type { annotationService } from '../annotation-service';
import { openSidePanel } from '../side-panel';
import type { TabStates, tabSidebars } from './tab-sidebars';

export interface RouterDeps {
  states: TabStates;
  sidebars: ReturnType<typeof tabSidebars>;
  annotations: ReturnType<typeof annotationService>;
}

/**
 * A sender that is one of our own pages (by path). The host is not compared: the sidebar is framed
 * from its `use_dynamic_url` address (chrome-extension://<per-session id>/sidebar.html, wxt.config.ts),
 * not the extension id's; the scheme is, so no web page passes, and the caller has checked
 * `sender.id` (only this extension's contexts).
 */
export function isExtensionPage(sender: Pick<Browser.runtime.MessageSender, 'url'>, pagePath: string): boolean {
  if (!sender.url) return false;
  const url = URL.parse(sender.url);
  return !!url && url.protocol === new URL(browser.runtime.getURL('/')).protocol && url.pathname === pagePath;
}

export function routeMessage({ states, sidebars, annotations }: RouterDeps) {
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const tabId = sender.tab?.id;

    // The popup (as the toolbar popup, or opened as a page of its own) is recognised by its URL.
    if (isExtensionPage(sender, '/popup.html')) {
      const fromPopup = parseMessage(PopupToBackground, message);
      if (fromPopup?.type === 'set-open') return sidebars.setOpen(fromPopup.tabId, fromPopup.open);
      if (fromPopup?.type === 'dismiss') return sidebars.dismiss(fromPopup.tabId);
      return undefined;
    }
    // The browser's side panel: a page of its own (no tab), about the tab it names (the active one).
    if (isExtensionPage(sender, '/sidepanel.html')) {
      const fromPanel = parseMessage(PanelToBackground, message);
      if (fromPanel?.type === 'panel-context') return sidebars.contextFor(fromPanel.tabId);
      if (fromPanel?.type === 'jump') return sidebars.jump(fromPanel.tabId, fromPanel.signal);
      return undefined;
    }
    if (tabId === undefined) return undefined;

    // A note: our frame after the post or video that carries the story, in this tab.
    if (sender.frameId !== 0 && isExtensionPage(sender, '/note.html')) {
      const fromNote = parseMessage(NoteToBackground, message);
      if (fromNote?.type === 'get-note') return sidebars.noteFor(tabId, fromNote.familyId);
      if (fromNote?.type === 'more-context') {
        // Synchronously, while the browser may still count the reader's click as this call's gesture
        // (Firefox does not: it answers { opened: false }, and the note tells the reader the way).
        const opening = fromNote.openPanel ? openSidePanel(tabId) : Promise.resolve(true);
        return Promise.all([opening, sidebars.moreContext(tabId, fromNote.familyId)]).then(([opened]) => ({ opened }));
      }
      return undefined;
    }

    if (sender.frameId === 0) {
      const fromContent = parseMessage(ContentToBackground, message);
      if (fromContent?.type === 'detection') return sidebars.onDetection(tabId, fromContent.url, fromContent.detection);
      if (fromContent?.type === 'sidebar-mounted') return states.update(tabId, (s) => (s ? { ...s, sidebarMs: fromContent.ms } : s)).then(() => true);
      if (fromContent?.type === 'sidebar-hidden') return sidebars.onHidden(tabId, fromContent.hidden);
      const fromAnnotator = parseMessage(AnnotatorToBackground, message);
      if (fromAnnotator?.type === 'annotations-page') return annotations.pageLoaded(tabId, fromAnnotator);
      if (fromAnnotator?.type === 'annotation-statuses') return annotations.statusesReported(tabId, fromAnnotator);
      return undefined;
    }

    if (!isExtensionPage(sender, '/sidebar.html')) return undefined;
    const fromSidebar = parseMessage(SidebarToBackground, message);
    if (fromSidebar?.type === 'get-tab-state') return states.get(tabId);
    if (fromSidebar?.type === 'get-context') return sidebars.contextFor(tabId);
    if (fromSidebar?.type === 'set-open') return sidebars.setOpen(tabId, fromSidebar.open);
    if (fromSidebar?.type === 'dismiss') return sidebars.dismiss(tabId);
    if (fromSidebar?.type === 'jump') return sidebars.jump(tabId, fromSidebar.signal);
    if (fromSidebar?.type === 'frame-visibility') return sidebars.frameVisibility(tabId, fromSidebar.visible);
    const fromSidebarAnnotations = parseMessage(SidebarAnnotationsToBackground, message);
    if (fromSidebarAnnotations) return annotations.fromSidebar(tabId, fromSidebarAnnotations);
    return undefined;
  };
}
