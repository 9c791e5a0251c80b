/**
 * The document key: one string per document, however the reader reached it, so an annotation made on
 * `https://www.cnn.com/x/?utm_source=tw#top` is found again on `http://cnn.com/x` or on its AMP copy.
 *
 * No zod, no DOM, but tldts (through core/site.ts): computed by the background, never in the content
 * script, which sends its URL and canonical link instead.
 *
 * Rules, in order (each is a table in this file, tested in tests/unit/annotations-io.test.ts):
 * 1. Only http(s) URLs are normalised; any other URL is returned trimmed and without its fragment.
 * 2. AMP caches are unwrapped: `https://www-cnn-com.cdn.ampproject.org/c/s/www.cnn.com/a` and
 *    `https://www.google.com/amp/s/www.cnn.com/a` both stand for `https://www.cnn.com/a`.
 * 3. The scheme is dropped (http and https are the same document); the host is lower-cased and loses
 *    a leading `www.`, `m.`, `mobile.` or `amp.`; `twitter.com` is `x.com`; `youtu.be/ID` is
 *    `youtube.com/watch?v=ID`.
 * 4. The fragment goes; tracking parameters go (core/site.ts `isTrackingParam`: one list, plus `s`/`t`
 *    on x.com, `t`/`si`/`feature` on YouTube); AMP markers go (`amp`, `amp=1`, `outputType=amp`, a last path segment `amp`,
 *    `.amp.html` -> `.html`); the remaining parameters are sorted.
 * 5. Trailing slashes go (the root path becomes empty).
 *
 * Host and site names come from core/site.ts (`documentHost`, `siteOfHost`), as everywhere else.
 *
 * A `<link rel=canonical>` is preferred when it is *same-site* (see `sameSite`): a page may say which
 * of its own site's URLs it is, never claim another site's document (a page on evil.example saying
 * "I am cnn.com/story" would otherwise be shown the researcher's notes for that story).
 */
import { HOST_ALIASES, documentHost, isTrackingParam, siteOfHost } from '../site';

/** A host's site (registrable domain), for filtering by site: core/site.ts. */
export { siteOfHost };

/**
 * Whether `canonical` may stand for the page at `page`: both http(s), on the same site (registrable
 * domain; on platforms such as github.io or substack.com, the same user's subdomain).
 */
export function sameSite(page: string, canonical: string): boolean {
  const a = parseHttp(page);
  const b = parseHttp(canonical);
  if (!a || !b) return false;
  return siteOfHost(unwrapAmpCache(a).hostname) === siteOfHost(b.hostname);
}

function parseHttp(url: string): URL | undefined {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/** `*.cdn.ampproject.org/c/s/HOST/PATH` and `google.*\/amp/s/HOST/PATH` stand for `https://HOST/PATH`. */
function unwrapAmpCache(u: URL): URL {
  const host = u.hostname.toLowerCase();
  let rest: string | undefined;
  if (host.endsWith('.cdn.ampproject.org')) rest = u.pathname.match(/^\/[cv]\/(?:s\/)?(.+)$/)?.[1];
  else if (/^(?:www\.)?google\.[a-z.]+$/.test(host)) rest = u.pathname.match(/^\/amp\/(?:s\/)?(.+)$/)?.[1];
  if (!rest) return u;
  return parseHttp(`https://${rest}${u.search}`) ?? u;
}

/**
 * The key under which a document's annotations are stored and found.
 *
 * @param url the page's URL (location.href)
 * @param canonical the page's `<link rel=canonical>` href, if any; used only when same-site
 * @returns e.g. `cnn.com/2021/04/23/china/story` (no scheme, no `www.`, no tracking, no fragment)
 */
export function documentKey(url: string, canonical?: string | null): string {
  const page = parseHttp(url);
  if (!page) return url.trim().replace(/#.*$/, '');
  const chosen = canonical && sameSite(url, canonical) ? parseHttp(canonical)! : page;
  return keyOf(unwrapAmpCache(chosen));
}

function keyOf(u: URL): string {
  let host = documentHost(u.hostname);
  let path = u.pathname;
  const params = [...u.searchParams.entries()];
  if (host === 'youtu.be' && path.length > 1) {
    params.push(['v', path.slice(1).split('/')[0]!]);
    host = 'youtube.com';
    path = '/watch';
  }
  const kept = params.filter(([name, value]) => !isTrackingParam(name, value, host));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  path = path.replace(/\.amp\.html$/i, '.html').replace(/\/amp\/?$/i, '/').replace(/\/+$/, '');
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  return `${host}${port}${path}${query}`;
}

/** The site part of a document key ("cnn.com/a/b" -> "cnn.com"), for filtering by site; '' for keys without a host. */
export function siteOfKey(key: string): string {
  // `host[:port]` then a path, query or the end; a key kept as given (about:, file:) has no host.
  const host = /^(\[[0-9a-f:.]+\]|[^/?#:[\]]+)(?::\d+)?(?:[/?#]|$)/i.exec(key)?.[1];
  try {
    return host ? siteOfHost(host) : '';
  } catch {
    return '';
  }
}

/**
 * The sites of document keys, for the every-page filter (annotated-sites.ts): each key's site, and the
 * sites whose pages are keyed under it (twitter.com under x.com, youtu.be under youtube.com), each
 * once, sorted. Keys without a host (not http) add nothing: the annotator reaches them through the
 * Annotate request only.
 */
export function annotatedSites(keys: Iterable<string>): string[] {
  const sites = new Set<string>();
  for (const key of keys) {
    const site = siteOfKey(key);
    if (!site) continue;
    sites.add(site);
    for (const [alias, host] of Object.entries({ ...HOST_ALIASES, 'youtu.be': 'youtube.com' })) if (host === site) sites.add(alias);
  }
  return [...sites].sort();
}

// Try: https://edition.cnn.com/2021/04/23/china/xinjiang-uyghur-family-separation-intl-hnk/index.html?utm_source=twCNNi
