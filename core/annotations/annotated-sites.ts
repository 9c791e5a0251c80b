/**
 * The every-page filter for annotations: the sites (registrable domains, core/site.ts) of the
 * annotated documents, a short list that the background keeps in storage.local. The detector reads it
 * in the same storage.local.get as the match index, and only on a page of a listed site (or an AMP
 * cache copy) loads the annotation code, which then asks the background for that page's annotations
 * (the background computes the exact document key, with the canonical link).
 *
 * The filter may say "maybe" wrongly (another page of an annotated site): that costs one lazy import
 * and one message, never a DOM change. It must never say "no" to a page that has annotations: a
 * canonical link may move the key to another host of the same site (edition.cnn.com -> cnn.com),
 * which the site still covers; a key's host may be an alias of the page's (x.com for twitter.com,
 * youtube.com for youtu.be), so aliases are listed too.
 *
 * The list is computed in the background (`annotatedSites` in document-key.ts, with tldts); this file
 * is the content script's side, with the dependency-free core/site-match.ts only.
 */
import { hostInSite, hostOfUrl } from '../site-match';

export const ANNOTATED_SITES_KEY = 'annotatedSites';

/** The `type` of background -> content messages the detector hands to the lazily loaded annotator. */
export const ANNOTATOR_MESSAGE = 'annotations';

/** Whether the page at `url` may have annotations, given the stored sites (a host under one of them, or an AMP cache copy). */
export function mayHaveAnnotations(sites: unknown, url: string): boolean {
  if (!Array.isArray(sites) || sites.length === 0) return false;
  const host = hostOfUrl(url);
  if (sites.some((site) => typeof site === 'string' && hostInSite(host, site))) return true;
  return /\.cdn\.ampproject\.org$/.test(host) || /^\/amp\//.test(new URL(url).pathname);
}
