/**
 * The note at a post in the reader's language (issue 17): its statements are the dataset's
 * translations where they are current (English, marked so, where one is missing or stale), its page
 * is told the page's language like the sidebar's, and in Uyghur it reads right to left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import raw from '../../data/dataset.json';
import zhCN from '../../data/translations/zh-CN.json';
import ug from '../../data/translations/ug.json';
import { parseDataset } from '../../core/dataset/schema';
import { familyNote } from '../../core/dataset/family-note';
import { translatedText, type Translations } from '../../core/dataset/localize';
import { translator } from '../../core/i18n';
import { ContextNote } from '../../components/ContextNote';
import { noteUrl } from '../../content/sidebar-placement';

const dataset = parseDataset(raw);
const note = familyNote(dataset, 'family-mamtinin-kader')!;

afterEach(() => document.body.replaceChildren());

describe('the note in the reader’s language', () => {
  it('shows each line as the dataset translates it, marked with that language', () => {
    const lines = note.lines.map((text, i) => translatedText(note.paths[i]!, text, zhCN as Translations, 'zh-CN'));
    expect(lines.map((l) => l.lang)).toEqual(['zh-Hans', 'zh-Hans']);
    expect(lines[1]!.text).toBe((zhCN as Translations)['findings/finding-no-evidence/statement']!.text);
    // Still attributed: CNN is named in the Chinese line.
    expect(lines[1]!.text).toContain('CNN');
    const app = document.createElement('div');
    document.body.append(app);
    render(<ContextNote t={translator('zh-CN')} label={note.label} lines={lines} onMore={() => undefined} />, app);
    const spans = [...app.querySelectorAll('.note-line span[lang]')];
    expect(spans.map((s) => s.getAttribute('lang'))).toEqual(['zh-Hans', 'zh-Hans']);
    expect(app.querySelector('button.more')!.textContent).toBe('更多背景');
  });

  it('falls back to English, marked so, where the translation is stale or missing, and in English', () => {
    const stale: Translations = { [note.paths[0]!]: { text: '旧的译文', source: '0000000000' } };
    expect(translatedText(note.paths[0]!, note.lines[0]!, stale, 'zh-CN')).toEqual({ text: note.lines[0], lang: 'en' });
    expect(translatedText(note.paths[0]!, note.lines[0]!, undefined, 'it')).toEqual({ text: note.lines[0], lang: 'en' });
    expect(translatedText(note.paths[0]!, note.lines[0]!, ug as Translations, 'en')).toEqual({ text: note.lines[0], lang: 'en' });
    expect(translatedText(note.paths[0]!, note.lines[0]!, ug as Translations, 'ug').lang).toBe('ug-Arab');
  });

  it('tells the note’s page the page’s language, as the sidebar’s', () => {
    document.documentElement.lang = 'zh-Hans';
    try {
      expect(noteUrl('chrome-extension://x/note.html', 'family-abdurehim', document)).toBe('chrome-extension://x/note.html?family=family-abdurehim&lang=zh-Hans');
      document.documentElement.lang = '';
      expect(noteUrl('chrome-extension://x/note.html', 'family-abdurehim', document)).toBe('chrome-extension://x/note.html?family=family-abdurehim');
    } finally {
      document.documentElement.lang = '';
    }
  });
});
