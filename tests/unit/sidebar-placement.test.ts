/**
 * Where the sidebar sits and what it is told about the page (issue 17): at the right edge, or the
 * left in a right-to-left interface; the page's declared language passed on only when it is a
 * language tag (the page is untrusted).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sidebarPlacement } from '../../content/sidebar-placement';

const BASE = 'chrome-extension://abc/sidebar.html';
afterEach(() => document.documentElement.removeAttribute('lang'));

describe('sidebarPlacement', () => {
  it.each([
    // stored settings, page lang, browser languages -> url, side
    [undefined, 'en', ['en-US'], `${BASE}?lang=en`, 'right'],
    [{ locale: 'ug' }, 'en', ['en-US'], `${BASE}?lang=en`, 'left'],
    [undefined, 'zh', ['ug-CN'], `${BASE}?lang=zh`, 'left'],
    // following the page: a Chinese page gets a left-to-right sidebar even for a Uyghur reader...
    [{ locale: 'ug', followPage: true }, 'zh-CN', ['en'], `${BASE}?lang=zh-CN`, 'right'],
    // ...and a Uyghur page a right-to-left one
    [{ locale: 'it', followPage: true }, 'ug', ['it'], `${BASE}?lang=ug`, 'left'],
    // no lang, or something that is not a language tag: nothing passed on
    [{ locale: 'ug' }, '', ['en'], BASE, 'left'],
    [undefined, 'en"><script>', ['en'], BASE, 'right'],
  ] as const)('settings %j, page lang %j, browser %j', (stored, lang, langs, url, side) => {
    if (lang) document.documentElement.setAttribute('lang', lang);
    expect(sidebarPlacement(BASE, stored, document, langs)).toEqual({ url, side });
  });
});
