/**
 * schema.org ClaimReview JSON-LD for every claim in the dataset.
 *
 * Backstory does not rate claims. Each review only records, in attributed words, what the sources
 * report about a claim: findings ("No evidence provided (CNN)"), responses ("denied by Mamutjan
 * Abdurehim"; a joint statement names everyone who made it: "denied by Mihriban Kader and Ablikim
 * Mamtinin") and what was reported about how the material carrying it was made ("clip described as
 * edited (reported by CNN)"). There is deliberately no `ratingValue`, `bestRating` or truth label.
 *
 * Plain TypeScript: no DOM or browser APIs, so it runs in scripts, tests and the background alike.
 */
import type { Actor, Claim, Dataset, MediaItem, Person, Source } from '../../core/dataset/schema';

type ConductKind = Dataset['conduct'][number]['kind'];
type FindingKind = Dataset['findings'][number]['kind'];

export interface JsonLdThing {
  '@type': 'Organization' | 'Person';
  name: string;
  description?: string;
}

export interface JsonLdCreativeWork {
  '@type': 'CreativeWork';
  headline: string;
  url?: string;
  datePublished?: string;
  publisher?: { '@type': 'Organization'; name: string };
}

export interface ClaimReviewJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  /** The dataset's claim id, so a review can be traced back to its record. */
  identifier: string;
  /** Our attributed paraphrase of the claim ("The Chinese government said ..."). */
  claimReviewed: string;
  inLanguage: string;
  itemReviewed: {
    '@type': 'Claim';
    author: JsonLdThing;
    datePublished?: string;
    /** Where the claim is reported: the claim's source. */
    appearance: JsonLdCreativeWork;
    /** The statement, interview or video that carried the claim, when the dataset records one. */
    firstAppearance?: JsonLdCreativeWork;
  };
  author: JsonLdThing;
  datePublished: string;
  reviewRating: {
    '@type': 'Rating';
    /** Attributed summary of findings and responses; never a verdict of our own. */
    alternateName: string;
    /** The attributed statements behind the summary. */
    ratingExplanation?: string;
  };
  url?: string;
}

export const REVIEWER_NAME = 'Backstory';

const FINDING_LABEL: Record<FindingKind, string> = {
  'no-evidence-provided': 'no evidence provided',
  'no-details-provided': 'no details provided',
};

const CONDUCT_LABEL: Record<ConductKind, string> = {
  coaching: 'speaker seen being coached',
  interrogation: 'interrogation reported',
  reprimand: 'reprimand reported',
  'orphanage-placement': 'orphanage placement reported',
  'travel-blocked': 'travel blocked',
  detention: 'detention reported',
  'state-media-appearance': 'aired on state media',
  'contact-lost': 'contact lost',
  editing: 'clip described as edited',
};

/** Only http(s) links ever leave this module. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/** "The Chinese government" -> "the Chinese government" when it is not at the start of a sentence. */
function midSentence(name: string): string {
  return name.replace(/^The\s/, 'the ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "A", "A and B", "A, B and C": a joint statement names every respondent. */
function joinNames(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

interface Speaker {
  type: 'Organization' | 'Person';
  /** Display name; minors are shown by first name only, as in the sidebar. */
  name: string;
}

function indexDataset(dataset: Dataset) {
  const actors = new Map<string, Actor>(dataset.actors.map((a) => [a.id, a]));
  const people = new Map<string, Person>(dataset.people.map((p) => [p.id, p]));
  const sources = new Map<string, Source>(dataset.sources.map((s) => [s.id, s]));
  const speaker = (id: string): Speaker => {
    const person = people.get(id);
    if (person) return { type: 'Person', name: person.displayName };
    const actor = actors.get(id);
    if (actor) return { type: actor.kind === 'official' ? 'Person' : 'Organization', name: actor.name };
    // parseDataset guarantees references resolve; fall back to the id rather than inventing a name.
    return { type: 'Organization', name: id };
  };
  return { actors, people, sources, speaker };
}

function sourceWork(source: Source): JsonLdCreativeWork {
  const url = safeUrl(source.url);
  return {
    '@type': 'CreativeWork',
    headline: source.title,
    ...(url ? { url } : {}),
    datePublished: source.date.value,
    publisher: { '@type': 'Organization', name: source.publisher },
  };
}

function mediaWork(media: MediaItem, outletName: string): JsonLdCreativeWork {
  return {
    '@type': 'CreativeWork',
    headline: media.title,
    ...(media.date ? { datePublished: media.date.value } : {}),
    publisher: { '@type': 'Organization', name: outletName },
  };
}

/** One ClaimReview per claim, in dataset order. */
export function toClaimReviews(dataset: Dataset): ClaimReviewJsonLd[] {
  const { actors, sources, speaker } = indexDataset(dataset);
  const reviewer: JsonLdThing = { '@type': 'Organization', name: REVIEWER_NAME, description: dataset.meta.title };

  return dataset.claims.map((claim: Claim): ClaimReviewJsonLd => {
    const claimant = speaker(claim.claimant);
    const source = sources.get(claim.sourceId);
    const findings = dataset.findings.filter((f) => f.about.includes(claim.id));
    const responses = dataset.responses.filter((r) => r.respondsTo.includes(claim.id));
    const carriers = dataset.media.filter((m) => m.claimIds.includes(claim.id));
    const conduct = unique(carriers.flatMap((m) => m.conductIds))
      .map((id) => dataset.conduct.find((c) => c.id === id))
      .filter((c) => c !== undefined);

    const parts = unique([
      ...findings.map((f) => `${FINDING_LABEL[f.kind]} (${speaker(f.reportedBy).name})`),
      ...unique(responses.map((r) => joinNames(r.respondents.map((id) => midSentence(speaker(id).name))))).map(
        (names) => `denied by ${names}`,
      ),
      ...conduct.map((c) => `${CONDUCT_LABEL[c.kind]} (reported by ${midSentence(speaker(c.reportedBy).name)})`),
    ]);
    const alternateName = capitalise(
      parts.length > 0
        ? parts.join('; ')
        : `attributed to ${midSentence(claimant.name)}; no finding or response recorded`,
    );
    const explanation = [...findings, ...responses, ...conduct].map((r) => r.statement).join(' ');

    const appearance: JsonLdCreativeWork = source
      ? sourceWork(source)
      : { '@type': 'CreativeWork', headline: claim.sourceId };
    const carrier = carriers[0];
    const firstAppearance = carrier
      ? mediaWork(carrier, actors.get(carrier.outlet)?.name ?? carrier.outlet)
      : undefined;
    const datePublished = claim.date?.value ?? carrier?.date?.value ?? source?.date.value;
    const url = safeUrl(source?.url);

    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: claim.id,
      claimReviewed: claim.statement,
      inLanguage: 'en',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': claimant.type, name: claimant.name },
        ...(datePublished ? { datePublished } : {}),
        appearance,
        ...(firstAppearance ? { firstAppearance } : {}),
      },
      author: reviewer,
      datePublished: dataset.meta.dataAsOf,
      reviewRating: {
        '@type': 'Rating',
        alternateName,
        ...(explanation ? { ratingExplanation: explanation } : {}),
      },
      ...(url ? { url } : {}),
    };
  });
}
