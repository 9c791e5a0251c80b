/**
 * The document key: one string per document, however the reader reached it, so an annotation made on
 * `https://www.cnn.com/x/?utm_source=tw#top` is found again on `http://cnn.com/x` or on its AMP copy.
 *
 * No zod, no DOM: the content script can import this cheaply.
 *
 * Rules, in order (each is a table in this file, tested in tests/unit/annotations-io.test.ts):
 * 1. Only http(s) URLs are normalised; any other URL is returned trimmed and without its fragment.
 * 2. AMP caches are unwrapped: `https://www-cnn-com.cdn.ampproject.org/c/s/www.cnn.com/a` and
 *    `https://www.google.com/amp/s/www.cnn.com/a` both stand for `https://www.cnn.com/a`.
 * 3. The scheme is dropped (http and https are the same document); the host is lower-cased and loses
 *    a leading `www.`, `m.`, `mobile.` or `amp.`; `twitter.com` is `x.com`; `youtu.be/ID` is
 *    `youtube.com/watch?v=ID`.
 * 4. The fragment goes; tracking parameters go (TRACKING below, plus `s`/`t` on x.com, `t`/`si`/`feature`
 *    on YouTube); AMP markers go (`amp`, `amp=1`, `outputType=amp`, a last path segment `amp`,
 *    `.amp.html` -> `.html`); the remaining parameters are sorted.
 * 5. Trailing slashes go (the root path becomes empty).
 *
 * A `<link rel=canonical>` is preferred when it is *same-site* (see `sameSite`): a page may say which
 * of its own site's URLs it is, never claim another site's document (a page on evil.example saying
 * "I am cnn.com/story" would otherwise be shown the researcher's notes for that story).
 */

/** Query parameters that only track the visit. */
const TRACKING = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', 'ref', 'ref_src', 'ref_url', 'referrer', '_ga', '_gl', 'smid', 'cmpid',
  'ocid', 'mkt_tok', 'spm', 'share', 'via', '__twitter_impression', 'rss', 'taid', 'sr_share', 'amp',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'hsa_', 'oly_'];

/** Extra parameters that do not change the document on some hosts (host after normalisation). */
const PER_HOST: Record<string, string[]> = {
  'x.com': ['s', 't'],
  'youtube.com': ['t', 'si', 'feature', 'pp', 'ab_channel'],
};

/** Host prefixes that name a variant of the same site. */
const HOST_VARIANTS = /^(?:www\d?|m|mobile|amp)\./;

/**
 * Hosts where different subdomains belong to different people: a page there must match the
 * canonical host exactly.
 */
const MULTI_TENANT = [
  'github.io', 'blogspot.com', 'wordpress.com', 'substack.com', 'medium.com', 'tumblr.com', 'netlify.app',
  'vercel.app', 'pages.dev', 'herokuapp.com', 'web.app', 'firebaseapp.com', 'neocities.org', 'wixsite.com',
  'weebly.com', 'livejournal.com', 'appspot.com', 'glitch.me', 'gitlab.io', 'translate.goog',
];

/** Second-level labels under a country code that are not registrable on their own (co.uk, com.au...). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'or', 'ne', 'go', 'gob', 'nic', 'ltd', 'plc']);

/** Normalise a host: lower case, no `www.`/`m.`/`amp.`, Twitter is X. */
function normaliseHost(host: string): string {
  let h = host.toLowerCase().replace(/\.$/, '');
  while (HOST_VARIANTS.test(h) && h.split('.').length > 2) h = h.replace(HOST_VARIANTS, '');
  if (h === 'twitter.com') h = 'x.com';
  return h;
}

/** Approximate registrable domain ("site"): the last two labels, three under co.uk-like suffixes. */
export function siteOfHost(host: string): string {
  const h = normaliseHost(host);
  const tenant = MULTI_TENANT.find((t) => h === t || h.endsWith(`.${t}`));
  if (tenant) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const n = labels.length;
  const take = labels[n - 1]!.length === 2 && SECOND_LEVEL.has(labels[n - 2]!) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * Whether `canonical` may stand for the page at `page`: both http(s), on the same site (same
 * approximate registrable domain; on multi-tenant hosts such as github.io, the very same host).
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
  let host = normaliseHost(u.hostname);
  let path = u.pathname;
  const params = [...u.searchParams.entries()];
  if (host === 'youtu.be' && path.length > 1) {
    params.push(['v', path.slice(1).split('/')[0]!]);
    host = 'youtube.com';
    path = '/watch';
  }
  const perHost = PER_HOST[host] ?? [];
  const kept = params.filter(([name, value]) => {
    const n = name.toLowerCase();
    if (TRACKING.has(n) || perHost.includes(n)) return false;
    if (TRACKING_PREFIXES.some((p) => n.startsWith(p))) return false;
    if (n === 'outputtype' && value.toLowerCase() === 'amp') return false;
    return true;
  });
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  path = path.replace(/\.amp\.html$/i, '.html').replace(/\/amp\/?$/i, '/').replace(/\/+$/, '');
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  return `${host}${port}${path}${query}`;
}

/** The site part of a document key ("cnn.com/a/b" -> "cnn.com"), for filtering by site. */
export function siteOfKey(key: string): string {
  const host = key.split(/[/?]/)[0] ?? key;
  return siteOfHost(host.replace(/:\d+$/, ''));
}

// Try: https://edition.cnn.com/2021/04/23/china/xinjiang-uyghur-family-separation-intl-hnk/index.html?utm_source=twCNNi
