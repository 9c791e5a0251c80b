/**
 * The every-page half of the site normaliser (core/site.ts): the checks the content script makes
 * against names that were already normalised elsewhere. No dependency, no table: on every page the
 * content script pays for each byte here, so the registrable domain (tldts, about 40 KB) is computed
 * by the background, popup and options when a name is stored, never here.
 *
 * Stored names come in two kinds:
 * - a site (registrable domain, "cnn.com"): covers the host itself and every host under it;
 * - an exact host ("edition.cnn.com"): covers that host only.
 */

/** A page's host as the stored names spell it: lower case, no trailing dot, IDN in punycode (the URL parser's form). */
export function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.+$/, '');
  } catch {
    return '';
  }
}

/** Whether `host` is `site` or a host under it ("edition.cnn.com" under "cnn.com"; never "notcnn.com"). */
export function hostInSite(host: string, site: string): boolean {
  return site !== '' && (host === site || host.endsWith(`.${site}`));
}

/**
 * The value stored for the site of `host` in a record keyed by registrable domains, found without
 * knowing where the domain starts: the most specific key that `host` falls under wins (so a key
 * stored for an exact host, as older versions did, still reads as it did).
 */
export function valueForHost<T>(record: Readonly<Record<string, T>>, host: string): T | undefined {
  for (let h = host; h; h = h.slice(h.indexOf('.') + 1 || h.length)) {
    if (Object.hasOwn(record, h)) return record[h];
  }
  return undefined;
}

/**
 * Whether a URL is a known story URL or under one. `prefix` is "site/path" with the site a
 * registrable domain (normalised by `urlRulePrefix` in core/site.ts when the index is built): any
 * host of that site with a path starting with `path` matches (www., edition., amp. ...), compared
 * in lower case.
 */
export function urlUnderPrefix(prefix: string, url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const slash = prefix.indexOf('/');
  const site = slash < 0 ? prefix : prefix.slice(0, slash);
  const path = slash < 0 ? '/' : prefix.slice(slash);
  return hostInSite(u.hostname.toLowerCase().replace(/\.+$/, ''), site) && u.pathname.toLowerCase().startsWith(path);
}
