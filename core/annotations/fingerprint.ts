/**
 * Fingerprints of what a researcher wrote and where (body and target), kept in `revisions` so an
 * import can tell an edit of a stored annotation from a parallel change (merge.ts).
 */
// canonicalize: RFC 8785 JSON canonicalisation (sorted keys, fixed number and string forms).
import canonicalize from 'canonicalize';

/** A lone surrogate (broken UTF-16, possible in page text and imported JSON), which RFC 8785 refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** RFC 8785 canonical JSON, so equal content gives equal text whatever the key order. */
function canonical(value: unknown): string {
  try {
    return canonicalize(value) ?? '';
  } catch (error) {
    if (!/lone surrogate/i.test(String(error))) throw error;
    // Only that text is mended (as U+FFFD), here only: the record keeps what it was given.
    const mended = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\uFFFD') : v));
    return canonicalize(JSON.parse(mended)) ?? '';
  }
}

/** cyrb53 (public domain): a fast 53-bit string hash as 14 hex digits; plenty to tell versions of one note apart. */
export function fingerprintText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** What a fingerprint covers: an annotation's bodies and target (model.ts's record has both). */
export interface Fingerprinted {
  body: readonly unknown[];
  target: unknown;
}

/** A fingerprint of what a researcher wrote and where: body and target (not dates, not id). */
export function contentFingerprint(a: Fingerprinted): string {
  // Body order carries no meaning (W3C bodies are a set), so it does not change the fingerprint.
  const body = a.body.map(canonical).sort();
  return fingerprintText(canonical({ body, target: a.target }));
}
