/**
 * Where the sidebar goes and which language it is told the page is in (issue 17). The frame's page
 * gets the page's `<html lang>` in its URL (`?lang=`), for the reader who chose to follow the page's
 * language; the host sits at the edge the interface language starts from: the right, or the left in
 * Uyghur (right to left). Only core/locale.ts is imported: no catalog is bundled into the page.
 */
import { localeDir, pageLanguageParam, pageUiLocale } from '../core/locale';

export type SidebarSide = 'left' | 'right';

export interface SidebarPlacement {
  /** The sidebar page's URL, with `?lang=` when the page declares a usable language. */
  url: string;
  side: SidebarSide;
}

/** A note's page for `familyId`, with the page's language (`&lang=`) as the sidebar's has it. */
export function noteUrl(baseUrl: string, familyId: string, doc: Document): string {
  const lang = pageLanguageParam(doc.documentElement?.lang);
  return `${baseUrl}?family=${encodeURIComponent(familyId)}${lang ? `&lang=${encodeURIComponent(lang)}` : ''}`;
}

/**
 * `storedSettings`: the raw `settings` record from storage.local (checked by hand); `doc`: the page.
 */
export function sidebarPlacement(baseUrl: string, storedSettings: unknown, doc: Document, browserLanguages: readonly string[]): SidebarPlacement {
  const lang = pageLanguageParam(doc.documentElement?.lang);
  const locale = pageUiLocale(storedSettings, browserLanguages, lang ?? '');
  return {
    url: lang ? `${baseUrl}?lang=${encodeURIComponent(lang)}` : baseUrl,
    side: localeDir(locale) === 'rtl' ? 'left' : 'right',
  };
}
