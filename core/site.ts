/**
 * One way to name a site, for every part of Backstory: muting, the open-sidebar memory, URL rules for
 * known story URLs, annotation document keys and the every-page "annotated sites" filter.
 *
 * - A host is normalised by the URL parser (lower case, IDN to punycode, no port) without trailing dots.
 * - A site is the host's registrable domain, from the Public Suffix List through tldts (private
 *   suffixes included, so alice.github.io and bob.github.io are two sites), widened by SHARED_HOSTS
 *   for platforms the list does not name. IP addresses, single-label hosts (localhost) and bare public
 *   suffixes have no registrable domain: their site is the host itself.
 * - Tracking parameters are one documented list (TRACKING_PARAMS below).
 *
 * tldts is large: this module is for the background, extension pages and Node tools. Names are stored
 * already normalised, and the content script checks them with core/site-match.ts alone.
 */
import { parse } from 'tldts';

export { hostInSite, hostOfUrl, urlUnderPrefix, valueForHost } from './site-match';

/**
 * Platforms whose subdomains belong to different people but that the Public Suffix List (as shipped
 * in tldts 7.6) does not list: there a site is one subdomain (alice.substack.com), not the platform.
 */
const SHARED_HOSTS = new Set(['substack.com', 'medium.com', 'wordpress.com', 'tumblr.com', 'neocities.org', 'weebly.com', 'livejournal.com', 'glitch.me']);

/**
 * A host name as stored and compared everywhere: "WWW.Example.COM.:8080" -> "www.example.com",
 * "例子.中国" -> "xn--fsqu00a.xn--fiqs8s", "[::1]" stays "[::1]" (as location.hostname spells it).
 * @throws Error when `input` is not a host name (empty, a URL with a path, spaces...).
 */
export function normaliseHost(input: string): string {
  const trimmed = input.trim();
  let host: string | undefined;
  if (trimmed && !/[/?#@\s\\]/.test(trimmed)) {
    try {
      host = new URL(`http://${trimmed}`).hostname.replace(/\.+$/, '');
    } catch {
      host = undefined;
    }
  }
  if (!host) throw new Error(`Not a host name: ${JSON.stringify(input)}`);
  return host;
}

/** The registrable domain of a (normalised) host, or null for IP addresses, localhost and bare public suffixes. */
export function registrableDomain(host: string): string | null {
  const parsed = parse(host.replace(/^\[|\]$/g, ''), { allowPrivateDomains: true });
  if (parsed.isIp || !parsed.domain) return null;
  if (SHARED_HOSTS.has(parsed.domain)) {
    const below = parsed.subdomain?.split('.').pop();
    return below && below !== 'www' ? `${below}.${parsed.domain}` : parsed.domain;
  }
  return parsed.domain;
}

/** A host's site: its registrable domain, or the host itself when it has none ("edition.cnn.com" -> "cnn.com"). */
export function siteOfHost(host: string): string {
  const h = normaliseHost(host);
  return registrableDomain(h) ?? h;
}

/** The site of a page's URL; '' for URLs without a host (about:blank, file:, bad input). */
export function siteOfUrl(url: string): string {
  const host = hostOfUrlOrEmpty(url);
  return host ? siteOfHost(host) : '';
}

function hostOfUrlOrEmpty(url: string): string {
  try {
    return new URL(url).hostname.replace(/\.+$/, '');
  } catch {
    return '';
  }
}

/**
 * A URL rule's prefix as the content script compares it (core/site-match.ts `urlUnderPrefix`): the
 * host part becomes its site, all in lower case ("www.CNN.com/2021/x" -> "cnn.com/2021/x").
 * @throws Error when the prefix does not start with a host name.
 */
export function urlRulePrefix(prefix: string): string {
  const slash = prefix.indexOf('/');
  const host = slash < 0 ? prefix : prefix.slice(0, slash);
  const path = slash < 0 ? '' : prefix.slice(slash);
  return `${siteOfHost(host)}${path.toLowerCase()}`;
}

/** Host prefixes that name a variant of the same document's host (www., m., mobile., amp.). */
const HOST_VARIANTS = /^(?:www\d?|m|mobile|amp)\./;

/** Hosts that are another name of one host, after HOST_VARIANTS are stripped. */
export const HOST_ALIASES: Readonly<Record<string, string>> = { 'twitter.com': 'x.com' };

/**
 * The host part of an annotation document key: normalised, without a leading www./m./mobile./amp.
 * (as long as a registrable name is left), Twitter as X. Stored keys depend on it: change it only
 * with a migration of stored annotations.
 */
export function documentHost(host: string): string {
  let h = normaliseHost(host);
  while (HOST_VARIANTS.test(h) && h.split('.').length > 2) h = h.replace(HOST_VARIANTS, '');
  return HOST_ALIASES[h] ?? h;
}

/**
 * Query parameters that only track the visit (click ids, campaign tags, share markers), dropped from
 * document keys. Compared in lower case. One list, kept here rather than taken from a package: stored
 * document keys depend on it, so it changes only on purpose (a package update re-keying researchers'
 * documents would orphan their annotations). Sources: the click-id and campaign parameters the large
 * ad and mail platforms document (Google, Microsoft, Meta, Mailchimp, HubSpot, Marketo, Matomo).
 */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', 'ref', 'ref_src', 'ref_url', 'referrer', '_ga', '_gl', 'smid', 'cmpid',
  'ocid', 'mkt_tok', 'spm', 'share', 'via', '__twitter_impression', 'rss', 'taid', 'sr_share', 'amp',
]);
/** Parameter name prefixes of campaign tags (utm_source, pk_campaign, hsa_cam, oly_enc_id...). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_', 'pk_', 'hsa_', 'oly_'];
/** Parameters that do not change the document on some hosts (keyed by `documentHost`). */
const TRACKING_PER_HOST: Readonly<Record<string, readonly string[]>> = {
  'x.com': ['s', 't'],
  'youtube.com': ['t', 'si', 'feature', 'pp', 'ab_channel'],
};

/** Whether a query parameter only tracks the visit, on a host named by `documentHost`. */
export function isTrackingParam(name: string, value: string, host: string): boolean {
  const n = name.toLowerCase();
  if (TRACKING_PARAMS.has(n) || TRACKING_PER_HOST[host]?.includes(n)) return true;
  if (TRACKING_PREFIXES.some((p) => n.startsWith(p))) return true;
  return n === 'outputtype' && value.toLowerCase() === 'amp';
}
