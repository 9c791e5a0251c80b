/**
 * A note: an extension page the content script frames right after the post or video that carries
 * the story (content/note-host.ts), so the page can neither read nor restyle it. It asks the
 * background for its family's line (`get-note`: only for a family this tab's detection names) and
 * renders it; "More context" opens the in-page sidebar at that family, or, when the reader shows
 * context only in the side panel, the browser's side panel, opened right here in the click (it
 * needs the user's gesture). It listens to no window messages.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ContextNote } from '../../components/ContextNote';
import { NoteView } from '../../core/messages/records';
import type { NoteToBackground } from '../../core/messages/to-background';
import { parseMessage } from '../../core/messages/to-content';
import { loadSettings } from '../../core/settings';
import { translator } from '../../core/i18n';
import { datasetLocale, translatedText } from '../../core/dataset/localize';
import { applyLocale, pageLanguageFrom, pageLocale } from '../../extension/page-locale';
import { loadTranslations } from '../../extension/sidebar/translations';
import { hasSidePanel, openSidePanel } from '../../extension/side-panel';

const send = (message: NoteToBackground) => browser.runtime.sendMessage(message);

async function start() {
  const familyId = new URLSearchParams(location.search).get('family') ?? '';
  const [settings, reply] = await Promise.all([loadSettings(browser.storage.local), send({ type: 'get-note', familyId })]);
  // The interface language, and the page's when the reader follows it (the content script passes it,
  // `&lang=`); Uyghur mirrors the note.
  const locale = pageLocale(settings, navigator.languages, pageLanguageFrom(location.href));
  applyLocale(document.documentElement, locale);
  const note = parseMessage(NoteView, reply);
  const app = document.getElementById('app')!;
  if (!note) return;
  const t = translator(locale);
  // The dataset's statements in the reader's language (the translations are this page's to load).
  const textLocale = datasetLocale(locale);
  const translations = await loadTranslations(textLocale).catch(() => undefined);
  const lines = note.lines.map((text, i) => translatedText(note.paths[i] ?? '', text, translations, textLocale));
  const label = translatedText(note.labelPath, note.label, translations, textLocale).text;
  const onMore = (event: MouseEvent) => {
    // Only the reader's own click (a page cannot click inside this frame, but say so anyway).
    if (!event.isTrusted) return;
    // The side panel opens only from a user gesture: call it before anything awaits. Firefox gives
    // extension frames in web pages no sidebarAction: the background is asked to open it there.
    const here = note.panelOnly && hasSidePanel();
    if (here) void openSidePanel(note.tabId);
    void send({ type: 'more-context', familyId: note.familyId, openPanel: note.panelOnly && !here }).then((reply: unknown) => {
      // The browser would not open its sidebar from here (Firefox: only from its own controls).
      if ((reply as { opened?: unknown } | undefined)?.opened === false) draw(true);
    });
  };
  const draw = (panelHint: boolean) =>
    render(<ContextNote t={t} label={label} lines={lines} onMore={onMore} panelHint={panelHint} />, app);
  draw(false);
}

void start();
