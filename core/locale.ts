/**
 * Which of the six interface languages to use, and which way it runs. No catalogs here: the content
 * script imports this to place the sidebar on the right side of the page (left in Uyghur) and stays
 * small; the catalogs are in core/i18n/, for extension pages only.
 *
 * The order of choice: the page's language, when the reader asked to follow it and it is one of the
 * six; else the reader's setting; else the first of the browser's languages that is one of the six;
 * else English.
 */

/** The interface languages, English first (the source of every message and the fallback). */
export const UI_LOCALES = ['en', 'zh-CN', 'zh-TW', 'ug', 'it', 'tr'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** Each language named in itself, for the language menu (each option carries its own `lang`). */
export const LOCALE_NAMES: Record<UiLocale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  ug: 'ئۇيغۇرچە',
  it: 'Italiano',
  tr: 'Türkçe',
};

/** The stored setting: the browser's language, or one of the six. */
export type LocaleSetting = 'auto' | UiLocale;

/**
 * The interface language for a BCP 47 tag (a browser language, a page's `<html lang>`), or undefined
 * when it is none of the six. Chinese goes by script first (zh-Hant, zh-Hans), then by region:
 * Taiwan, Hong Kong and Macau write Traditional characters; plain "zh", the mainland and Singapore
 * Simplified. Uyghur in Latin or Cyrillic script (ug-Latn, ug-Cyrl) is not our Arabic-script catalog.
 */
export function matchLocale(tag: string | null | undefined): UiLocale | undefined {
  const parts = (tag ?? '').trim().replace(/_/g, '-').toLowerCase().split('-').filter(Boolean);
  const [language, ...rest] = parts;
  switch (language) {
    case 'en':
      return 'en';
    case 'it':
      return 'it';
    case 'tr':
      return 'tr';
    case 'ug':
      return rest.includes('latn') || rest.includes('cyrl') ? undefined : 'ug';
    case 'zh':
    case 'cmn':
    case 'yue': {
      if (rest.includes('hant')) return 'zh-TW';
      if (rest.includes('hans')) return 'zh-CN';
      if (rest.some((r) => r === 'tw' || r === 'hk' || r === 'mo')) return 'zh-TW';
      return language === 'yue' ? 'zh-TW' : 'zh-CN';
    }
    default:
      return undefined;
  }
}

/**
 * The interface language. `pageLanguage` is the page's `<html lang>`, given only where the reader
 * chose to follow the page (the sidebar beside it); a page in none of the six languages falls through
 * to the setting and the browser's languages.
 */
export function resolveLocale(setting: LocaleSetting, browserLanguages: readonly string[], pageLanguage?: string): UiLocale {
  const fromPage = pageLanguage === undefined ? undefined : matchLocale(pageLanguage);
  if (fromPage) return fromPage;
  if (setting !== 'auto' && (UI_LOCALES as readonly string[]).includes(setting)) return setting;
  for (const lang of browserLanguages) {
    const found = matchLocale(lang);
    if (found) return found;
  }
  return 'en';
}

/** Uyghur is written right to left; the other five left to right. */
export function localeDir(locale: UiLocale): 'rtl' | 'ltr' {
  return locale === 'ug' ? 'rtl' : 'ltr';
}

/**
 * The page's language as the sidebar page receives it in its URL (`?lang=`): what a page declares is
 * untrusted, so only a short tag of letters, digits and hyphens passes; anything else reads as none.
 */
export function pageLanguageParam(value: string | null | undefined): string | undefined {
  const tag = (value ?? '').trim();
  return /^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8}){0,6}$/.test(tag) ? tag : undefined;
}

/**
 * The content script's view of the language settings, checked by hand (no zod in the page): the
 * interface language beside this page, to place the sidebar on the side its text starts from.
 */
export function pageUiLocale(storedSettings: unknown, browserLanguages: readonly string[], pageLanguage: string): UiLocale {
  const v = (storedSettings && typeof storedSettings === 'object' ? storedSettings : {}) as Record<string, unknown>;
  const setting = typeof v.locale === 'string' && (UI_LOCALES as readonly string[]).includes(v.locale) ? (v.locale as UiLocale) : 'auto';
  return resolveLocale(setting, browserLanguages, v.followPage === true ? pageLanguage : undefined);
}
