/**
 * UI text in six languages (core/locale.ts chooses which; browser.i18n cannot be overridden per
 * extension, hence this module). One catalog per language in this folder, English the source of the
 * keys. Extension pages only: the content script never imports this (it needs no UI text: even the
 * collapsed tab is drawn by the sidebar page, in its frame).
 *
 * Dataset text is not here: where it has no translation it stays in English, and the sidebar says so.
 */
import { localeDir, type UiLocale } from '../locale';
import { en, type Catalog, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { ug } from './ug';
import { it } from './it';
import { tr } from './tr';

export type { MessageKey } from './en';
export { LOCALE_NAMES, UI_LOCALES, localeDir, matchLocale, resolveLocale, type LocaleSetting, type UiLocale } from '../locale';

export const CATALOGS: Record<UiLocale, Catalog> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, ug, it, tr };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** First strong isolate and pop directional isolate: the plain-text `<bdi>`. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * The messages of `locale`, with `{name}` parameters filled. A key missing from a catalog reads in
 * English (the tests keep every catalog complete). In a right-to-left language each parameter is
 * isolated (FSI...PDI), so a Latin site name, a date or a number inside an Arabic-script sentence
 * keeps its own order and does not reorder the words around it.
 */
export function translator(locale: UiLocale): Translate {
  const catalog = CATALOGS[locale] ?? en;
  const isolate = localeDir(locale) === 'rtl';
  return (key, params) => {
    const text = catalog[key] || en[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      if (!(name in params)) return m;
      const value = String(params[name]);
      return isolate ? FSI + value + PDI : value;
    });
  };
}
