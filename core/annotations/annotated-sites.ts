/**
 * The every-page filter for annotations: a compact list of "site tags" (the last two labels of each
 * annotated document key's host) that the background keeps in storage.local. The detector reads it in
 * the same storage.local.get as the match index, and only on a page whose site is listed (or an AMP
 * cache copy) loads the annotation code, which then computes the exact document key (with the
 * canonical link) and asks the background for that page's annotations.
 *
 * The filter may say "maybe" wrongly (another page of an annotated site, any `.co.uk` page once a
 * `.co.uk` page is annotated): that costs one lazy import and one message, never a DOM change. It
 * must never say "no" to a page that has annotations: a canonical link may move the key to another
 * host of the same site (edition.cnn.com -> cnn.com), which the last two labels still cover.
 *
 * Tiny and dependency-free on purpose: it is part of the code every page pays for.
 */

export const ANNOTATED_SITES_KEY = 'annotatedSites';

/** The `type` of background -> content messages the detector hands to the lazily loaded annotator. */
export const ANNOTATOR_MESSAGE = 'annotations';

/** The last two labels of a host, lower case ("edition.cnn.com" -> "cnn.com"). */
export function siteTag(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').split('.').slice(-2).join('.');
}

/** Site tags of document keys (`host[:port]/path?query`), each once, sorted. */
export function annotatedSites(keys: Iterable<string>): string[] {
  const tags = new Set<string>();
  for (const key of keys) tags.add(siteTag(key.split(/[/?:]/)[0] ?? key));
  return [...tags].sort();
}

/** Whether the page at `url` may have annotations, given the stored site tags. */
export function mayHaveAnnotations(sites: unknown, url: string): boolean {
  if (!Array.isArray(sites) || sites.length === 0) return false;
  const u = new URL(url);
  return sites.includes(siteTag(u.hostname)) || /\.cdn\.ampproject\.org$/.test(u.hostname) || /^\/amp\//.test(u.pathname);
}
