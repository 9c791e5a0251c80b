import { describe, it, expect } from 'vitest';
import raw from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { REVIEWER_NAME, toClaimReviews, type ClaimReviewJsonLd } from '../../scripts/claim-review/claim-review';

const dataset = parseDataset(raw);
const reviews = toClaimReviews(dataset);
const byId = new Map(reviews.map((r) => [r.identifier, r]));

/** Every string value at a key named "url", anywhere in a JSON value. */
function urlsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key === 'url' && typeof v === 'string' ? [v] : urlsIn(v)));
  }
  return [];
}

describe('toClaimReviews', () => {
  it('exports every claim exactly once, in dataset order', () => {
    expect(reviews.map((r) => r.identifier)).toEqual(dataset.claims.map((c) => c.id));
  });

  it.each(dataset.claims.map((c) => [c.id, c] as const))('%s is a schema.org ClaimReview', (id, claim) => {
    const review = byId.get(id) as ClaimReviewJsonLd;
    expect(review['@context']).toBe('https://schema.org');
    expect(review['@type']).toBe('ClaimReview');
    expect(review.claimReviewed).toBe(claim.statement);
    expect(review.itemReviewed['@type']).toBe('Claim');
    expect(review.itemReviewed.appearance['@type']).toBe('CreativeWork');
    expect(review.itemReviewed.appearance.headline.length).toBeGreaterThan(0);
    expect(review.author).toMatchObject({ '@type': 'Organization', name: REVIEWER_NAME });
    expect(review.datePublished).toBe(dataset.meta.dataAsOf);
    expect(review.reviewRating['@type']).toBe('Rating');
    expect(review.reviewRating.alternateName.length).toBeGreaterThan(0);
  });

  it.each(dataset.claims.map((c) => [c.id, c.claimant] as const))(
    '%s is attributed to its claimant (%s) by name and type',
    (id, claimant) => {
      const author = byId.get(id)?.itemReviewed.author;
      const person = dataset.people.find((p) => p.id === claimant);
      const actor = dataset.actors.find((a) => a.id === claimant);
      if (person) {
        // Minors appear by first name only, exactly as in the sidebar.
        expect(author).toEqual({ '@type': 'Person', name: person.displayName });
      } else {
        expect(actor).toBeDefined();
        expect(author?.name).toBe(actor?.name);
        expect(author?.['@type']).toBe(actor?.kind === 'official' ? 'Person' : 'Organization');
      }
    },
  );

  it('never names a minor by more than a first name', () => {
    const minors = dataset.people.filter((p) => p.minor);
    for (const review of reviews) {
      const author = review.itemReviewed.author;
      const minor = minors.find((m) => author.name.startsWith(m.displayName));
      if (minor) expect(author.name).toBe(minor.displayName);
    }
  });

  it('gives no truth rating of its own', () => {
    for (const review of reviews) {
      const rating = review.reviewRating as Record<string, unknown>;
      expect(rating).not.toHaveProperty('ratingValue');
      expect(rating).not.toHaveProperty('bestRating');
      expect(rating).not.toHaveProperty('worstRating');
      expect(review.reviewRating.alternateName).not.toMatch(/\b(true|false|misleading|correct|incorrect)\b/i);
    }
  });

  it('summarises findings and denials in attributed words', () => {
    expect(byId.get('claim-muherrem-sentenced')?.reviewRating.alternateName).toBe(
      'No evidence provided (CNN); no details provided (CNN); denied by Mamutjan Abdurehim',
    );
    expect(byId.get('claim-mihriban-ablikim-terrorist')?.reviewRating.alternateName).toBe(
      'No evidence provided (CNN); denied by Mihriban Kader and Ablikim Mamtinin',
    );
    expect(byId.get('claim-us-genocide')?.reviewRating.alternateName).toBe('Denied by the Chinese government');
    expect(byId.get('claim-zumeryem-abandoned')?.reviewRating.alternateName).toBe(
      'Clip described as edited (reported by CNN)',
    );
    // Each finding's and response's attributed statement is carried in the explanation.
    expect(byId.get('claim-muherrem-sentenced')?.reviewRating.ratingExplanation).toContain(
      'CNN reported that the Chinese authorities gave no evidence',
    );
  });

  it('records where a claim first appeared when the dataset knows the carrier', () => {
    expect(byId.get('claim-mihriban-ablikim-terrorist')?.itemReviewed.firstAppearance).toMatchObject({
      headline: 'One-page statement sent to CNN',
      publisher: { name: 'The Chinese government' },
    });
    expect(byId.get('claim-muhlise-cgtn-happy')?.itemReviewed.firstAppearance?.publisher?.name).toBe('CGTN');
    expect(byId.get('claim-distefano-visas')?.itemReviewed).not.toHaveProperty('firstAppearance');
  });

  it('links only http(s) URLs, and only those the sources give', () => {
    const known = new Set(dataset.sources.flatMap((s) => (s.url ? [s.url] : [])));
    const urls = urlsIn(reviews);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^https?:\/\//);
      expect(known).toContain(url);
    }
    // A claim known only from an unpublished source gets no link.
    const cgtn = byId.get('claim-cgtn-muherrem-arrested-2019');
    expect(cgtn).not.toHaveProperty('url');
    expect(cgtn?.itemReviewed.appearance).not.toHaveProperty('url');
  });

  it('drops a URL that is not http(s) even if it slipped past validation', () => {
    const tampered = structuredClone(dataset);
    const source = tampered.sources.find((s) => s.id === 'cnn-2021-04-23');
    if (!source) throw new Error('missing source');
    source.url = 'javascript:alert(1)';
    const urls = urlsIn(toClaimReviews(tampered));
    for (const url of urls) expect(url).toMatch(/^https?:\/\//);
    expect(urls).not.toContain('javascript:alert(1)');
  });

  it('survives a JSON round trip unchanged', () => {
    const json = JSON.stringify(reviews);
    expect(JSON.parse(json)).toEqual(reviews);
    expect(json).not.toContain('undefined');
  });

  it('uses dates no more precise than the data (YYYY, YYYY-MM or YYYY-MM-DD)', () => {
    for (const review of reviews) {
      const date = review.itemReviewed.datePublished;
      if (date !== undefined) expect(date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    expect(byId.get('claim-muherrem-sentenced')?.itemReviewed.datePublished).toBe('2021-04-02');
  });
});
