/**
 * Muting and the open-sidebar memory, on the names of core/site.ts: for the background, popup and
 * options (tldts). The content script only reads what this stores (core/settings.ts `pageSettings`).
 */
import { isMutedHost, type Settings } from './settings';
import { hostInSite, hostOfUrl, registrableDomain, siteOfUrl, valueForHost } from './site';

/** What a reader mutes: a whole site (registrable domain) or one exact host. */
export type MuteEntry = { scope: 'site'; name: string } | { scope: 'host'; name: string };

/**
 * How a reader may mute the page at `url`: the whole site, or only this host. `site` is null where
 * there is no site to speak of (IP addresses, localhost); null for a URL without a host.
 */
export function muteChoices(url: string): { host: string; site: string | null } | null {
  const host = hostOfUrl(url);
  return host ? { host, site: registrableDomain(host) } : null;
}

/**
 * The mute entry for what a reader typed in the options ("https://edition.cnn.com/x", "Edition.CNN.com"):
 * its site, or only its host. A host with no site (an IP address, localhost) is muted as a host.
 * @throws Error naming the input when it is not a host name or an http(s) address.
 */
export function muteEntryFor(input: string, scope: MuteEntry['scope']): MuteEntry {
  const text = input.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  const choices = text && /^https?:\/\//i.test(url) && !/[\s@]/.test(text) ? muteChoices(url) : null;
  if (!choices) throw new Error(`Not a site or page address: ${JSON.stringify(input)}`);
  return scope === 'site' && choices.site ? { scope, name: choices.site } : { scope: 'host', name: choices.host };
}

/** Whether the page at `url` is muted. */
export function isMuted(settings: Settings, url: string): boolean {
  return isMutedHost(settings.mutedSites, settings.mutedHosts, hostOfUrl(url));
}

/** The entries that mute the page at `url` (what "Unmute" removes), sites first. */
export function mutingEntries(settings: Settings, url: string): MuteEntry[] {
  const host = hostOfUrl(url);
  if (!host) return [];
  return [
    ...settings.mutedSites.filter((site) => hostInSite(host, site)).map((name): MuteEntry => ({ scope: 'site', name })),
    ...settings.mutedHosts.filter((h) => h === host).map((name): MuteEntry => ({ scope: 'host', name })),
  ];
}

/** Settings with `entry` muted (each entry once). */
export function mute(settings: Settings, entry: MuteEntry): Settings {
  const key = entry.scope === 'site' ? 'mutedSites' : 'mutedHosts';
  return { ...settings, [key]: [...new Set([...settings[key], entry.name])] };
}

/** Settings without `entry`. */
export function unmute(settings: Settings, entry: MuteEntry): Settings {
  const key = entry.scope === 'site' ? 'mutedSites' : 'mutedHosts';
  return { ...settings, [key]: settings[key].filter((name) => name !== entry.name) };
}

/** Settings with every entry that mutes the page at `url` removed. */
export function unmuteUrl(settings: Settings, url: string): Settings {
  return mutingEntries(settings, url).reduce(unmute, settings);
}

/** Whether the sidebar opens by itself on the page at `url`, as the reader last left it on that site. */
export function openOnUrl(settings: Settings, url: string): boolean {
  return valueForHost(settings.openBySite, hostOfUrl(url)) ?? false;
}

/** Settings remembering the sidebar's open state for the site of `url`. */
export function rememberOpen(settings: Settings, url: string, open: boolean): Settings {
  const site = siteOfUrl(url);
  return site ? { ...settings, openBySite: { ...settings.openBySite, [site]: open } } : settings;
}

/**
 * Settings stored before sites were registrable domains keyed everything by the host less "www.".
 * - A muted entry that is itself a site (cnn.com, from www.cnn.com or cnn.com) stays a site, and now
 *   covers all its hosts: that is what muting "the site" meant, and why www. was dropped.
 * - A muted entry below a site (edition.cnn.com) becomes an exact host: the reader muted that host,
 *   and widening it to all of cnn.com would silence pages they never chose to silence.
 * - An open-state key becomes its site's (the most specific key wins where two meet).
 * Idempotent: what it returns migrates to itself, so it runs on every install and startup.
 */
export function migrateSettings(settings: Settings): Settings {
  const mutedSites: string[] = [];
  const mutedHosts = [...settings.mutedHosts];
  for (const entry of settings.mutedSites) {
    const name = entry.trim().toLowerCase().replace(/\.+$/, '');
    if (!name) continue;
    const site = registrableDomain(name);
    if (site === null || site === name) mutedSites.push(name);
    else mutedHosts.push(name);
  }
  const openBySite: Record<string, boolean> = {};
  const keys = Object.keys(settings.openBySite).sort((a, b) => a.split('.').length - b.split('.').length);
  for (const key of keys) openBySite[registrableDomain(key) ?? key] = settings.openBySite[key]!;
  return { ...settings, mutedSites: [...new Set(mutedSites)], mutedHosts: [...new Set(mutedHosts)], openBySite };
}
