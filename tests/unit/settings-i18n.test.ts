import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, loadSettings, pageSettings, parseSettings, updateSettings } from '../../core/settings';
import * as OpenCC from 'opencc-js';
import { CATALOGS, UI_LOCALES, localeDir, matchLocale, resolveLocale, translator, type MessageKey } from '../../core/i18n';
import { en } from '../../core/i18n/en';
import { pageLanguageParam, pageUiLocale } from '../../core/locale';
import { pageLanguageFrom, pageLocale } from '../../extension/page-locale';

describe('settings', () => {
  it('defaults when nothing is stored', async () => {
    fakeBrowser.reset();
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields of a damaged record and defaults the rest', () => {
    expect(parseSettings({ paused: 'yes', mutedSites: ['example.com'], locale: 'fr', followPage: 1 })).toEqual({
      ...DEFAULT_SETTINGS,
      mutedSites: ['example.com'],
    });
  });

  it('updates by read-modify-write without losing other fields', async () => {
    fakeBrowser.reset();
    await updateSettings(fakeBrowser.storage.local, (s) => ({ ...s, mutedSites: ['x.com'] }));
    await updateSettings(fakeBrowser.storage.local, (s) => ({ ...s, openBySite: { 'cnn.com': true } }));
    expect(await loadSettings(fakeBrowser.storage.local)).toMatchObject({ mutedSites: ['x.com'], openBySite: { 'cnn.com': true } });
  });

});

const SAME_AS_ENGLISH = new Set(['tr options.searchSite']);

describe('catalogs', () => {
  const keys = Object.keys(en).sort();
  const translated = UI_LOCALES.filter((l) => l !== 'en');

  it('are the six interface languages, each with a catalog', () => {
    expect([...UI_LOCALES].sort()).toEqual(['en', 'it', 'tr', 'ug', 'zh-CN', 'zh-TW']);
    expect(Object.keys(CATALOGS).sort()).toEqual([...UI_LOCALES].sort());
  });

  it.each(UI_LOCALES)('%s has every English key, none empty, none extra', (locale) => {
    const catalog = CATALOGS[locale] as Record<string, string>;
    expect(Object.keys(catalog).sort()).toEqual(keys);
    for (const key of keys) expect(catalog[key]!.trim(), `${locale} ${key}`).not.toBe('');
  });

  it.each(translated)('%s keeps every parameter of the English message, and translates it', (locale) => {
    const names = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys as MessageKey[]) {
      expect(names(CATALOGS[locale][key]), `${locale} ${key}`).toEqual(names(en[key]));
      // The brand name stays as it is, and a word the language shares with English ("site" in Turkish).
      if (key !== 'app.name' && !SAME_AS_ENGLISH.has(`${locale} ${key}`)) expect(CATALOGS[locale][key], `${locale} ${key}`).not.toBe(en[key]);
    }
  });

  it('Uyghur is in Arabic script; Simplified and Traditional Chinese each without the other\'s characters', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    for (const key of keys as MessageKey[]) {
      // Beside names that are not translated (the brand, the browser, a key combination) and
      // parameters, every letter is Arabic script.
      const letters = CATALOGS.ug[key].replace(/Backstory|Firefox|Alt\+Shift\+\w|\{\w+\}/g, '').replace(/[^\p{L}]/gu, '');
      expect(letters, key).toMatch(/^[\u0600-\u06FF]*$/);
      expect(toSimplified(CATALOGS['zh-CN'][key]), key).toBe(CATALOGS['zh-CN'][key]);
      expect(toTraditional(CATALOGS['zh-TW'][key]), key).toBe(CATALOGS['zh-TW'][key]);
    }
  });

  it('zh-TW uses Taiwan words, not mainland ones', () => {
    const text = Object.values(CATALOGS['zh-TW']).join('');
    for (const mainland of ['信息', '文件', '加载', '保存', '导出', '視頻', '默認', '報道']) expect(text).not.toContain(mainland);
  });
});

describe('resolveLocale', () => {
  it.each([
    // the browser's languages, in the reader's order: the first of the six wins
    ['auto', ['zh-CN', 'en'], undefined, 'zh-CN'],
    ['auto', ['zh-Hans-CN'], undefined, 'zh-CN'],
    ['auto', ['zh'], undefined, 'zh-CN'],
    ['auto', ['zh-TW'], undefined, 'zh-TW'],
    ['auto', ['zh-HK', 'en'], undefined, 'zh-TW'],
    ['auto', ['zh-Hant'], undefined, 'zh-TW'],
    ['auto', ['ug-CN'], undefined, 'ug'],
    ['auto', ['ug-Latn'], undefined, 'en'],
    ['auto', ['it-IT'], undefined, 'it'],
    ['auto', ['de-CH', 'it-CH'], undefined, 'it'],
    ['auto', ['tr'], undefined, 'tr'],
    ['auto', ['en-GB'], undefined, 'en'],
    ['auto', ['fr-FR', 'de'], undefined, 'en'],
    ['auto', [], undefined, 'en'],
    // the setting overrides the browser
    ['en', ['zh-CN'], undefined, 'en'],
    ['zh-CN', ['en-US'], undefined, 'zh-CN'],
    ['ug', ['en-US'], undefined, 'ug'],
    ['tr', ['it'], undefined, 'tr'],
    // the page's language, where given (the reader follows the page), overrides both
    ['en', ['en-US'], 'zh-CN', 'zh-CN'],
    ['auto', ['it'], 'zh-Hant-TW', 'zh-TW'],
    ['ug', ['en'], 'zh_HK', 'zh-TW'],
    ['auto', ['en'], 'ug', 'ug'],
    ['auto', ['en'], 'TR', 'tr'],
    // ...unless it is none of the six, or not given at all
    ['it', ['en'], 'fr', 'it'],
    ['auto', ['tr'], 'ja', 'tr'],
    ['auto', ['tr'], '', 'tr'],
  ] as const)('setting %s, browser %j, page %s: %s', (setting, langs, page, expected) => {
    expect(resolveLocale(setting, langs, page)).toBe(expected);
  });

  it('follows the page only where the reader chose to', () => {
    expect(pageLocale({ locale: 'en', followPage: false }, ['en'], 'zh-CN')).toBe('en');
    expect(pageLocale({ locale: 'en', followPage: true }, ['en'], 'zh-CN')).toBe('zh-CN');
    expect(pageLocale({ locale: 'auto', followPage: true }, ['it'], undefined)).toBe('it');
  });

  it('reads the page language from the sidebar URL, refusing anything that is not a language tag', () => {
    expect(pageLanguageFrom('chrome-extension://x/sidebar.html?lang=zh-Hans-CN')).toBe('zh-Hans-CN');
    expect(pageLanguageFrom('chrome-extension://x/sidebar.html')).toBeUndefined();
    for (const bad of ['<b>', 'zh-CN"', 'a'.repeat(40), 'en us', '']) expect(pageLanguageParam(bad), bad).toBeUndefined();
  });

  it.each([
    [undefined, 'en', 'en'],
    [{ locale: 'ug' }, 'zh-CN', 'ug'],
    [{ locale: 'ug', followPage: true }, 'zh-CN', 'zh-CN'],
    [{ locale: 'ug', followPage: 'yes' }, 'zh-CN', 'ug'],
    [{ locale: 'klingon', followPage: true }, 'fr', 'en'],
  ])('the content script reads %j beside a page in %s as %s (no zod)', (stored, page, expected) => {
    expect(pageUiLocale(stored, ['en-US'], page)).toBe(expected);
  });

  it('maps tags of every form', () => {
    expect(['zh-SG', 'cmn-Hans', 'zh-MO', 'yue', 'ug-Arab-CN', 'it-CH', 'tr-CY', 'en-IN', 'pt', undefined].map((t) => matchLocale(t))).toEqual([
      'zh-CN', 'zh-CN', 'zh-TW', 'zh-TW', 'ug', 'it', 'tr', 'en', undefined, undefined,
    ]);
  });
});

describe('translator', () => {
  it('fills parameters', () => {
    expect(translator('en')('tab.summary.many', { n: 3 })).toBe('Context: 3 people in this story');
    expect(translator('zh-CN')('tab.summary.many', { n: 3 })).toBe('背景：本报道涉及 3 人');
    expect(translator('it')('tab.summary.many', { n: 3 })).toBe('Contesto: 3 persone in questa notizia');
  });

  it('isolates parameters inside right-to-left sentences, so a Latin site name keeps its place', () => {
    expect(translator('ug')('popup.mute', { site: 'cnn.com' })).toBe('\u2068cnn.com\u2069 دا تاقاش');
    expect(translator('tr')('popup.mute', { site: 'cnn.com' })).toBe('cnn.com sitesinde sessize al');
  });

  it.each([
    ['en', 'ltr'],
    ['zh-CN', 'ltr'],
    ['zh-TW', 'ltr'],
    ['ug', 'rtl'],
    ['it', 'ltr'],
    ['tr', 'ltr'],
  ] as const)('%s runs %s', (locale, dir) => expect(localeDir(locale)).toBe(dir));
});

describe('pageSettings (the content script reads settings without zod)', () => {
  it.each([
    [undefined, 'https://www.cnn.com/a', { active: true, paused: false, open: false }],
    [{ paused: true }, 'https://www.cnn.com/a', { active: false, paused: true, open: false }],
    [{ mutedSites: ['cnn.com'] }, 'https://www.cnn.com/a', { active: false, paused: false, open: false }],
    [{ mutedSites: ['cnn.com'] }, 'https://x.com/a', { active: true, paused: false, open: false }],
    [{ openBySite: { 'cnn.com': true } }, 'https://www.cnn.com/a', { active: true, paused: false, open: true }],
    [{ paused: 'yes', mutedSites: 'cnn.com', openBySite: [true] }, 'https://www.cnn.com/a', { active: true, paused: false, open: false }],
    // a muted site covers all its hosts, and no other site ending in the same letters
    [{ mutedSites: ['cnn.com'] }, 'https://edition.cnn.com/a', { active: false, paused: false, open: false }],
    [{ mutedSites: ['cnn.com'] }, 'https://AMP.CNN.COM./a', { active: false, paused: false, open: false }],
    [{ mutedSites: ['cnn.com'] }, 'https://notcnn.com/a', { active: true, paused: false, open: false }],
    [{ mutedSites: ['bbc.co.uk'] }, 'https://news.bbc.co.uk/a', { active: false, paused: false, open: false }],
    [{ mutedSites: ['bbc.co.uk'] }, 'https://www.theguardian.co.uk/a', { active: true, paused: false, open: false }],
    // an exact host covers that host alone
    [{ mutedHosts: ['edition.cnn.com'] }, 'https://edition.cnn.com:8443/a', { active: false, paused: false, open: false }],
    [{ mutedHosts: ['edition.cnn.com'] }, 'https://www.cnn.com/a', { active: true, paused: false, open: false }],
    [{ mutedHosts: ['edition.cnn.com'] }, 'https://us.edition.cnn.com/a', { active: true, paused: false, open: false }],
    [{ mutedHosts: ['127.0.0.1'] }, 'http://127.0.0.1:5173/', { active: false, paused: false, open: false }],
    [{ mutedHosts: ['xn--fsqu00a.xn--fiqs8s'] }, 'https://例子.中国/a', { active: false, paused: false, open: false }],
    // the open state is kept per site; a key kept for one host (older versions) still reads for that host
    [{ openBySite: { 'cnn.com': true } }, 'https://edition.cnn.com/a', { active: true, paused: false, open: true }],
    [{ openBySite: { 'cnn.com': true, 'edition.cnn.com': false } }, 'https://edition.cnn.com/a', { active: true, paused: false, open: false }],
    [{ openBySite: { 'cnn.com': true } }, 'https://notcnn.com/a', { active: true, paused: false, open: false }],
    // context only in the browser's side panel: a boolean true, nothing else
    [{ panelOnly: true }, 'https://x.com/a', { active: true, paused: false, open: false, panelOnly: true }],
    [{ panelOnly: 'yes' }, 'https://x.com/a', { active: true, paused: false, open: false, panelOnly: false }],
  ])('%j on %s', (value, url, expected) => expect(pageSettings(value, url)).toEqual({ panelOnly: false, ...expected }));
});
