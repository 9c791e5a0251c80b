/**
 * The options' muted-sites list as a reader uses it: each entry says which choice was made (the whole
 * site or one host), the reader can mute what they type with either scope, and a bad address is said.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { SettingsPanel } from '../../components/SettingsPanel';
import { translator } from '../../core/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { useContainer } from '../support/ui';

let container: HTMLElement;
let changes: Settings[];
useContainer((el) => (container = el));
beforeEach(() => {
  changes = [];
});

function show(settings: Settings) {
  render(<SettingsPanel t={translator('en')} settings={settings} onChange={(next) => changes.push(next)} />, container);
}
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
const input = () => container.querySelector<HTMLInputElement>('input[name="mute-site"]')!;

describe('muted sites in the options', () => {
  it('lists each entry with its scope, and unmutes one', () => {
    show({ ...DEFAULT_SETTINGS, mutedSites: ['cnn.com'], mutedHosts: ['news.bbc.co.uk'] });
    const items = [...container.querySelectorAll('.muted-sites li')].map((li) => li.firstChild?.textContent);
    expect(items).toEqual(['All of cnn.com', 'Only news.bbc.co.uk']);
    button('Unmute Only news.bbc.co.uk').click();
    expect(changes.at(-1)).toMatchObject({ mutedSites: ['cnn.com'], mutedHosts: [] });
  });

  it.each([
    ['Mute the whole site', { mutedSites: ['cnn.com'], mutedHosts: [] }],
    ['Mute this host only', { mutedSites: [], mutedHosts: ['edition.cnn.com'] }],
  ])('"%s" on a typed address', (name, expected) => {
    show(DEFAULT_SETTINGS);
    input().value = 'https://edition.cnn.com/2021/04/23/china/x';
    button(name).click();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject(expected);
    expect(input().value).toBe('');
  });

  it('says when what was typed is not a site, and changes nothing', async () => {
    show(DEFAULT_SETTINGS);
    input().value = 'not a site';
    button('Mute the whole site').click();
    await new Promise((r) => setTimeout(r, 0));
    expect(changes).toEqual([]);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Not a site or page address: not a site');
  });
});

describe('language in the options', () => {
  it('offers the browser\'s language and the six, each named in itself and marked with its language', () => {
    show(DEFAULT_SETTINGS);
    const options = [...container.querySelectorAll('select option')].map((o) => [o.getAttribute('value'), o.textContent, o.getAttribute('lang')]);
    expect(options).toEqual([
      ['auto', 'Browser language', null],
      ['en', 'English', 'en'],
      ['zh-CN', '简体中文', 'zh-CN'],
      ['zh-TW', '繁體中文', 'zh-TW'],
      ['ug', 'ئۇيغۇرچە', 'ug'],
      ['it', 'Italiano', 'it'],
      ['tr', 'Türkçe', 'tr'],
    ]);
  });

  it('turns following the page\'s language on and off', () => {
    show(DEFAULT_SETTINGS);
    const box = [...container.querySelectorAll('label')].find((l) => l.textContent?.includes('use the page’s language'))!.querySelector('input')!;
    expect(box.checked).toBe(false);
    box.click();
    expect(changes.at(-1)).toMatchObject({ followPage: true, locale: 'auto' });
  });
});

describe('context only in the side panel', () => {
  it('is a labelled checkbox that turns the setting on and off', () => {
    show(DEFAULT_SETTINGS);
    const box = [...container.querySelectorAll('label')].find((l) => l.textContent?.includes('only in the side panel'))!.querySelector('input')!;
    expect(box.checked).toBe(false);
    box.click();
    expect(changes.at(-1)).toMatchObject({ panelOnly: true });
    show({ ...DEFAULT_SETTINGS, panelOnly: true });
    expect(box.checked).toBe(true);
  });
});
