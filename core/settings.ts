/**
 * The reader's settings, in storage.local under one key: the content script reads them in the same
 * call as the match index (no service-worker wake-up), and dataset updates never touch them.
 * Parsed with zod/mini on every read; anything malformed falls back to the defaults field by field.
 */
import * as z from 'zod/mini';
import { hostInSite, hostOfUrl, valueForHost } from './site-match';

export const SETTINGS_KEY = 'settings';

export const Locale = z.enum(['auto', 'en', 'zh-CN', 'zh-TW', 'ug', 'it', 'tr']);
export type Locale = z.infer<typeof Locale>;

export const Settings = z.object({
  /** Paused everywhere from the popup: no detection, no sidebar. */
  paused: z._default(z.boolean(), false),
  /**
   * Sites (registrable domains, core/site.ts) where the reader muted Backstory: each covers its hosts
   * (cnn.com: www., edition., amp. ...). Entries stored before core/site.ts existed are host names less
   * "www."; core/muting.ts `migrateSettings` turns those that are not a site into exact hosts.
   */
  mutedSites: z._default(z.array(z.string()), []),
  /** Hosts muted exactly ("only edition.cnn.com"): normalised host names. */
  mutedHosts: z._default(z.array(z.string()), []),
  /** Whether the sidebar opens by itself, per site (registrable domain), as the reader last left it. */
  openBySite: z._default(z.record(z.string(), z.boolean()), {}),
  /** UI language: the browser's, or one of the six (core/locale.ts). */
  locale: z._default(Locale, 'auto'),
  /**
   * Beside a page written in one of the six languages, show the sidebar in the page's language (a
   * Chinese state-media page gets its context in Chinese); other pages keep `locale`.
   */
  followPage: z._default(z.boolean(), false),
  /**
   * Show context only in the browser's own side panel (Chrome's side panel, Firefox's sidebar): no
   * sidebar in the page; the notes at the story's posts stay, and "More context" opens the panel.
   */
  panelOnly: z._default(z.boolean(), false),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { paused: false, mutedSites: [], mutedHosts: [], openBySite: {}, locale: 'auto', followPage: false, panelOnly: false };

/** Parse stored settings; invalid or missing values become defaults (never throws). */
export function parseSettings(value: unknown): Settings {
  const whole = z.safeParse(Settings, value ?? {});
  if (whole.success) return whole.data;
  // Keep whatever fields are valid.
  const out: Settings = { ...DEFAULT_SETTINGS, openBySite: {}, mutedSites: [], mutedHosts: [] };
  if (value && typeof value === 'object') {
    for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
      const one = z.safeParse(Settings, { [key]: (value as Record<string, unknown>)[key] });
      if (one.success) (out as Record<string, unknown>)[key] = one.data[key];
    }
  }
  return out;
}

export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: SettingsArea): Promise<Settings> {
  return parseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Read-modify-write of the settings record. */
export async function updateSettings(area: SettingsArea, change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings(area));
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}

/**
 * What the content script needs from the settings, checked by hand: it runs on every page, and this
 * avoids building the zod schema there (and tldts: names are stored normalised, see core/site.ts).
 * Anything malformed reads as the default.
 */
export function pageSettings(value: unknown, url: string): { active: boolean; paused: boolean; open: boolean; panelOnly: boolean } {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const host = hostOfUrl(url);
  const paused = v.paused === true;
  const muted = isMutedHost(v.mutedSites, v.mutedHosts, host);
  const openBySite = v.openBySite && typeof v.openBySite === 'object' ? (v.openBySite as Record<string, unknown>) : {};
  return { active: !paused && !muted, paused, open: valueForHost(openBySite, host) === true, panelOnly: v.panelOnly === true };
}

/** Whether `host` is muted: under a muted site, or a muted exact host (stored values checked by hand). */
export function isMutedHost(sites: unknown, hosts: unknown, host: string): boolean {
  if (!host) return false;
  if (Array.isArray(sites) && sites.some((site) => typeof site === 'string' && hostInSite(host, site))) return true;
  return Array.isArray(hosts) && hosts.includes(host);
}
