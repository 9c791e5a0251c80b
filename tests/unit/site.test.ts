/**
 * One way to name a site (core/site.ts, core/site-match.ts) and what is built on it: muting with the
 * reader's choice of scope, the open-sidebar memory, settings migration, URL rules.
 */
import { describe, expect, it } from 'vitest';
import { hostInSite, hostOfUrl, normaliseHost, registrableDomain, siteOfHost, siteOfUrl, urlRulePrefix, urlUnderPrefix, valueForHost, isTrackingParam, documentHost } from '../../core/site';
import { isMuted, migrateSettings, mute, muteChoices, muteEntryFor, mutingEntries, openOnUrl, rememberOpen, unmute, unmuteUrl } from '../../core/muting';
import { DEFAULT_SETTINGS, pageSettings, type Settings } from '../../core/settings';
import { matchesUrlRule } from '../../core/detect/match-index';
import { siteOfKey } from '../../core/annotations/document-key';

const settings = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('host names and sites', () => {
  it.each([
    // [as typed or read, normalised host, site]
    ['www.cnn.com', 'www.cnn.com', 'cnn.com'],
    ['edition.cnn.com', 'edition.cnn.com', 'cnn.com'],
    ['WWW.CNN.COM', 'www.cnn.com', 'cnn.com'],
    ['cnn.com.', 'cnn.com', 'cnn.com'],
    ['edition.cnn.com:8443', 'edition.cnn.com', 'cnn.com'],
    ['news.bbc.co.uk', 'news.bbc.co.uk', 'bbc.co.uk'],
    ['www.news.com.au', 'www.news.com.au', 'news.com.au'],
    ['www.southerncrossdaily.com.au', 'www.southerncrossdaily.com.au', 'southerncrossdaily.com.au'],
    ['a.b.c.example.co.jp', 'a.b.c.example.co.jp', 'example.co.jp'],
    ['alice.github.io', 'alice.github.io', 'alice.github.io'],
    ['blog.alice.github.io', 'blog.alice.github.io', 'alice.github.io'],
    ['bob.substack.com', 'bob.substack.com', 'bob.substack.com'],
    ['www.substack.com', 'www.substack.com', 'substack.com'],
    ['localhost', 'localhost', 'localhost'],
    ['localhost:5173', 'localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1', '127.0.0.1'],
    ['192.168.1.20:8080', '192.168.1.20', '192.168.1.20'],
    ['[::1]', '[::1]', '[::1]'],
    ['[2001:DB8::1]:443', '[2001:db8::1]', '[2001:db8::1]'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s', 'xn--fsqu00a.xn--fiqs8s'],
    ['www.bücher.de', 'www.xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['co.uk', 'co.uk', 'co.uk'],
  ])('%s: host %s, site %s', (input, host, site) => {
    expect(normaliseHost(input)).toBe(host);
    expect(siteOfHost(input)).toBe(site);
    // The content script's cheap check agrees with tldts: a host is under its own site.
    expect(hostInSite(host, site)).toBe(true);
  });

  it.each([[''], ['   '], ['cnn.com/path'], ['a b.com'], ['user@cnn.com'], ['http://cnn.com']])('rejects %j with a clear error', (input) => {
    expect(() => normaliseHost(input)).toThrow(/Not a host name/);
  });

  it.each([
    ['127.0.0.1', null],
    ['localhost', null],
    ['co.uk', null],
    ['edition.cnn.com', 'cnn.com'],
  ])('registrableDomain(%s) = %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));

  it.each([
    ['edition.cnn.com', 'cnn.com', true],
    ['cnn.com', 'cnn.com', true],
    ['notcnn.com', 'cnn.com', false],
    ['cnn.com.evil.example', 'cnn.com', false],
    ['cnn.com', '', false],
  ])('hostInSite(%s, %s) = %s', (host, site, expected) => expect(hostInSite(host, site)).toBe(expected));

  it.each([
    ['https://WWW.CNN.com./a?b#c', 'www.cnn.com', 'cnn.com'],
    ['http://localhost:3000/x', 'localhost', 'localhost'],
    ['https://例子.中国/', 'xn--fsqu00a.xn--fiqs8s', 'xn--fsqu00a.xn--fiqs8s'],
    ['about:blank', '', ''],
    ['not a url', '', ''],
  ])('%s: host %j, site %j', (url, host, site) => {
    expect(hostOfUrl(url)).toBe(host);
    expect(siteOfUrl(url)).toBe(site);
  });

  it.each([
    ['www.cnn.com', 'cnn.com'],
    ['m.bbc.co.uk', 'bbc.co.uk'],
    ['mobile.twitter.com', 'x.com'],
    ['amp.cnn.com', 'cnn.com'],
    ['www.com', 'www.com'],
  ])('documentHost(%s) = %s', (host, expected) => expect(documentHost(host)).toBe(expected));

  it.each([
    ['utm_source', 'x', 'cnn.com', true],
    ['UTM_Campaign', 'x', 'cnn.com', true],
    ['fbclid', 'x', 'cnn.com', true],
    ['outputType', 'amp', 'cnn.com', true],
    ['outputType', 'html', 'cnn.com', false],
    ['t', '30', 'youtube.com', true],
    ['t', '30', 'cnn.com', false],
    ['v', 'abc', 'youtube.com', false],
    ['id', '1', 'cnn.com', false],
  ])('isTrackingParam(%s=%s on %s) = %s', (name, value, host, expected) => expect(isTrackingParam(name, value, host)).toBe(expected));

  it('reads a record keyed by sites for any host, the most specific key first', () => {
    expect(valueForHost({ 'cnn.com': 1 }, 'a.b.edition.cnn.com')).toBe(1);
    expect(valueForHost({ 'cnn.com': 1, 'edition.cnn.com': 2 }, 'edition.cnn.com')).toBe(2);
    expect(valueForHost({ 'cnn.com': 1 }, 'notcnn.com')).toBeUndefined();
    expect(valueForHost({ 'cnn.com': 1 }, '')).toBeUndefined();
    expect(valueForHost({}, 'toString')).toBeUndefined();
  });
});

describe('URL rules for known story URLs', () => {
  it.each([
    ['cnn.com/2021/04/23/china/x', 'cnn.com/2021/04/23/china/x'],
    ['www.CNN.com/2021/04/23/China/X', 'cnn.com/2021/04/23/china/x'],
    ['edition.cnn.com/2021', 'cnn.com/2021'],
    ['news.bbc.co.uk/news/world', 'bbc.co.uk/news/world'],
  ])('urlRulePrefix(%s) = %s', (prefix, expected) => expect(urlRulePrefix(prefix)).toBe(expected));

  it('rejects a prefix without a host', () => expect(() => urlRulePrefix('/2021/x')).toThrow(/Not a host name/));

  it.each([
    ['cnn.com/2021/04/23/china/x', 'https://edition.cnn.com/2021/04/23/china/x/index.html?utm_source=t', true],
    ['cnn.com/2021/04/23/china/x', 'https://www.cnn.com/2021/04/23/China/X', true],
    ['cnn.com/2021/04/23/china/x', 'https://amp.cnn.com/2021/04/23/china/x', true],
    ['cnn.com/2021/04/23/china/x', 'https://CNN.COM./2021/04/23/china/x', true],
    ['cnn.com/2021/04/23/china/x', 'https://notcnn.com/2021/04/23/china/x', false],
    ['cnn.com/2021/04/23/china/x', 'https://cnn.com.evil.example/2021/04/23/china/x', false],
    ['cnn.com/2021/04/23/china/x', 'https://www.cnn.com/2021/04/23/china/y', false],
    ['cnn.com/2021/04/23/china/x', 'not a url', false],
  ])('rule %s on %s: %s', (prefix, url, expected) => {
    expect(urlUnderPrefix(prefix, url)).toBe(expected);
    expect(matchesUrlRule([{ prefix, label: prefix, strength: 'strong' }], url)).toBe(expected);
  });
});

describe('muting a site or a host', () => {
  it.each([
    ['https://www.cnn.com/a', { host: 'www.cnn.com', site: 'cnn.com' }],
    ['https://cnn.com/a', { host: 'cnn.com', site: 'cnn.com' }],
    ['https://www.southerncrossdaily.com.au/a', { host: 'www.southerncrossdaily.com.au', site: 'southerncrossdaily.com.au' }],
    ['http://localhost:8080/', { host: 'localhost', site: null }],
    ['http://10.0.0.1/', { host: '10.0.0.1', site: null }],
    ['about:blank', null],
  ])('the choices on %s', (url, choices) => expect(muteChoices(url)).toEqual(choices));

  it.each([
    // [entry muted, page, muted there]
    [{ scope: 'site', name: 'cnn.com' }, 'https://edition.cnn.com/a', true],
    [{ scope: 'site', name: 'cnn.com' }, 'https://www.cnn.com/a', true],
    [{ scope: 'site', name: 'cnn.com' }, 'https://cnn.com/a', true],
    [{ scope: 'site', name: 'cnn.com' }, 'https://cnn.co.jp/a', false],
    [{ scope: 'host', name: 'edition.cnn.com' }, 'https://edition.cnn.com/a', true],
    [{ scope: 'host', name: 'edition.cnn.com' }, 'https://www.cnn.com/a', false],
    [{ scope: 'host', name: 'www.cnn.com' }, 'https://cnn.com/a', false],
  ] as const)('muting %j: %s muted %s, in the popup and in the content script alike', (entry, url, expected) => {
    const s = mute(DEFAULT_SETTINGS, entry);
    expect(isMuted(s, url)).toBe(expected);
    expect(pageSettings(s, url).active).toBe(!expected);
    expect(isMuted(unmute(s, entry), url)).toBe(false);
  });

  it('unmuting a page removes every entry that covers it, and only those', () => {
    const s = settings({ mutedSites: ['cnn.com', 'bbc.co.uk'], mutedHosts: ['edition.cnn.com', 'www.theguardian.com'] });
    expect(mutingEntries(s, 'https://edition.cnn.com/a')).toEqual([
      { scope: 'site', name: 'cnn.com' },
      { scope: 'host', name: 'edition.cnn.com' },
    ]);
    expect(unmuteUrl(s, 'https://edition.cnn.com/a')).toMatchObject({ mutedSites: ['bbc.co.uk'], mutedHosts: ['www.theguardian.com'] });
  });

  it('muting twice keeps one entry', () => {
    const entry = { scope: 'site', name: 'cnn.com' } as const;
    expect(mute(mute(DEFAULT_SETTINGS, entry), entry).mutedSites).toEqual(['cnn.com']);
  });

  it('remembers the open state per site', () => {
    const s = rememberOpen(DEFAULT_SETTINGS, 'https://edition.cnn.com/a', true);
    expect(s.openBySite).toEqual({ 'cnn.com': true });
    expect(openOnUrl(s, 'https://www.cnn.com/b')).toBe(true);
    expect(pageSettings(s, 'https://amp.cnn.com/b').open).toBe(true);
    expect(openOnUrl(s, 'https://www.bbc.co.uk/b')).toBe(false);
    expect(rememberOpen(DEFAULT_SETTINGS, 'about:blank', true)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings stored before sites were registrable domains', () => {
  it.each([
    // [old mutedSites (host less "www."), migrated sites, migrated exact hosts]
    [['cnn.com'], ['cnn.com'], []],
    [['edition.cnn.com'], [], ['edition.cnn.com']],
    [['bbc.co.uk', 'news.bbc.co.uk'], ['bbc.co.uk'], ['news.bbc.co.uk']],
    [['alice.github.io'], ['alice.github.io'], []],
    [['localhost', '127.0.0.1'], ['localhost', '127.0.0.1'], []],
    [['CNN.com.', 'cnn.com', ''], ['cnn.com'], []],
  ])('mutedSites %j -> sites %j, hosts %j', (old, sites, hosts) => {
    const migrated = migrateSettings(settings({ mutedSites: old }));
    expect(migrated.mutedSites).toEqual(sites);
    expect(migrated.mutedHosts).toEqual(hosts);
    expect(migrateSettings(migrated)).toEqual(migrated);
  });

  it('keeps muting every page the old entries muted', () => {
    const old = settings({ mutedSites: ['cnn.com', 'edition.bbc.co.uk'] });
    const migrated = migrateSettings(old);
    for (const url of ['https://www.cnn.com/a', 'https://cnn.com/a', 'https://edition.bbc.co.uk/a']) {
      expect(pageSettings(old, url).active).toBe(false);
      expect(pageSettings(migrated, url).active).toBe(false);
    }
    // what changes: the whole site is muted now, as the reader meant by muting www.cnn.com
    expect(pageSettings(migrated, 'https://edition.cnn.com/a').active).toBe(false);
    expect(pageSettings(migrated, 'https://www.bbc.co.uk/a').active).toBe(true);
  });

  it('moves open-state keys to their site, the more specific key winning', () => {
    const migrated = migrateSettings(settings({ openBySite: { 'edition.cnn.com': false, 'cnn.com': true, 'x.com': true } }));
    expect(migrated.openBySite).toEqual({ 'cnn.com': false, 'x.com': true });
    expect(migrateSettings(migrated)).toEqual(migrated);
  });
});

describe('the site of a document key', () => {
  it.each([
    ['edition.cnn.com/a', 'cnn.com'],
    ['bbc.co.uk?x=1', 'bbc.co.uk'],
    ['localhost:8080/x', 'localhost'],
    ['[::1]:8080/x', '[::1]'],
    ['about:blank', ''],
    ['file:///home/r/a.html', ''],
    ['', ''],
  ])('siteOfKey(%j) = %j', (key, site) => expect(siteOfKey(key)).toBe(site));
});

describe('muting what a reader types in the options', () => {
  it.each([
    ['https://edition.cnn.com/2021/x?y#z', 'site', { scope: 'site', name: 'cnn.com' }],
    ['https://edition.cnn.com/2021/x?y#z', 'host', { scope: 'host', name: 'edition.cnn.com' }],
    ['  Edition.CNN.com. ', 'host', { scope: 'host', name: 'edition.cnn.com' }],
    ['news.bbc.co.uk/news', 'site', { scope: 'site', name: 'bbc.co.uk' }],
    ['localhost:8080', 'site', { scope: 'host', name: 'localhost' }],
    ['http://192.168.0.1/', 'site', { scope: 'host', name: '192.168.0.1' }],
    ['例子.中国', 'site', { scope: 'site', name: 'xn--fsqu00a.xn--fiqs8s' }],
  ] as const)('%j as %s -> %j', (input, scope, entry) => expect(muteEntryFor(input, scope)).toEqual(entry));

  it.each([[''], ['   '], ['not a site'], ['javascript:alert(1)'], ['ftp://cnn.com/'], ['mailto:a@cnn.com'], ['user@cnn.com'], ['https://']])('rejects %j, naming it', (input) => {
    expect(() => muteEntryFor(input, 'site')).toThrow(`Not a site or page address: ${JSON.stringify(input)}`);
  });
});

describe('the content script and the popup read a page\'s host alike', () => {
  it.each([['https://CNN.com../a'], ['https://edition.cnn.com./a'], ['http://[::1]:8080/'], ['https://例子.中国/'], ['https://www.news.com.au:443/x']])('%s', (url) => {
    const choices = muteChoices(url)!;
    expect(hostOfUrl(url)).toBe(choices.host);
    expect(pageSettings(mute(DEFAULT_SETTINGS, { scope: 'host', name: choices.host }), url).active).toBe(false);
  });
});
