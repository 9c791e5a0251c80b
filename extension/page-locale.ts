/**
 * The language of an extension page (sidebar, popup, options, side panel): the reader's setting, the
 * browser's languages and, beside a page when the reader chose to follow it, the page's own `lang`
 * (the content script passes it in the sidebar's URL, `?lang=`). Sets `lang` and `dir` on the root,
 * so Uyghur mirrors the whole page.
 */
import type { Settings } from '../core/settings';
import { localeDir, pageLanguageParam, resolveLocale, type UiLocale } from '../core/locale';

/** The page language from an extension page's URL, if the content script gave one. */
export function pageLanguageFrom(url: string): string | undefined {
  return pageLanguageParam(new URL(url).searchParams.get('lang'));
}

/**
 * The interface language of an extension page. `pageLanguage` counts only when the reader turned on
 * "follow the page" (pages without a page around them, such as options, pass none).
 */
export function pageLocale(settings: Pick<Settings, 'locale' | 'followPage'>, browserLanguages: readonly string[], pageLanguage?: string): UiLocale {
  return resolveLocale(settings.locale, browserLanguages, settings.followPage ? pageLanguage : undefined);
}

/** `lang` and `dir` on the document root: the whole page reads in, and runs the way of, `locale`. */
export function applyLocale(root: HTMLElement, locale: UiLocale): void {
  root.lang = locale;
  root.dir = localeDir(locale);
}
