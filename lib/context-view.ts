/**
 * From the stored dataset and a detection to what the sidebar shows: per matched family, its people,
 * the claims about them (attributed), the answers, the evidence findings, reported conduct, events
 * and the sources behind each. Pure: no browser APIs, so it is tested directly.
 */
import type {
  Actor,
  Claim,
  Conduct,
  Dataset,
  EvidenceFinding,
  Event,
  Family,
  MediaItem,
  Person,
  Response,
  Source,
} from '../data/schema';

export type StoredDataset = Omit<Dataset, 'meta' | 'signals'>;

export interface FamilyView {
  family: Family;
  people: Person[];
  claims: Claim[];
  responses: Response[];
  findings: EvidenceFinding[];
  conduct: Conduct[];
  events: Event[];
  media: MediaItem[];
}

export interface ContextView {
  families: FamilyView[];
  /** Claims about the whole story (context for both families). */
  storyClaims: Claim[];
  sources: Map<string, Source>;
  /** Display names of claimants and respondents (actors and people). */
  speakers: Map<string, string>;
  recognised: Set<string>;
}

/**
 * Build the view. `familyIds` empty (a story-level match that names nobody) shows both families.
 */
export function buildContextView(data: StoredDataset, familyIds: string[], peopleIds: string[]): ContextView {
  const shown = familyIds.length ? data.families.filter((f) => familyIds.includes(f.id)) : data.families;
  const personFamily = new Map(data.people.map((p) => [p.id, p.familyId]));
  const familyOf = (ids: string[]) => new Set(ids.map((id) => personFamily.get(id) ?? id));

  const families = shown.map((family): FamilyView => {
    const people = data.people.filter((p) => p.familyId === family.id);
    const inFamily = (ids: string[]) => familyOf(ids).has(family.id);
    const claims = data.claims.filter((c) => c.about.length > 0 && inFamily(c.about));
    const claimIds = new Set(claims.map((c) => c.id));
    return {
      family,
      people,
      claims,
      responses: data.responses.filter((r) => r.respondsTo.some((id) => claimIds.has(id))),
      findings: data.findings.filter((f) => f.about.some((id) => claimIds.has(id))),
      conduct: data.conduct.filter((c) => inFamily(c.subjects)),
      events: data.events
        .filter((e) => e.familyId === family.id || (e.people.length > 0 && inFamily(e.people)))
        .sort((a, b) => a.date.value.localeCompare(b.date.value)),
      media: data.media.filter((m) => m.people.length > 0 && inFamily(m.people)),
    };
  });

  const speakers = new Map<string, string>();
  for (const a of data.actors as Actor[]) speakers.set(a.id, a.name);
  for (const p of data.people) speakers.set(p.id, p.displayName);

  return {
    families,
    storyClaims: data.claims.filter((c) => c.about.length === 0 || !data.people.some((p) => c.about.includes(p.id))),
    sources: new Map(data.sources.map((s) => [s.id, s])),
    speakers,
    recognised: new Set(peopleIds),
  };
}

/**
 * The display names of several speakers joined with " and " ("Mihriban Kader and Ablikim
 * Mamtinin"), in the order the record lists them: a joint statement is attributed to all who made it.
 */
export function speakerNames(speakers: ContextView['speakers'], ids: string[]): string {
  return ids.map((id) => speakers.get(id) ?? id).join(' and ');
}

/** Only http(s) links ever reach an href (a dataset or import could carry javascript:). */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
