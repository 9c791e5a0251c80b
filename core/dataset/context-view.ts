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
} from './schema';
import { ENGLISH_TEXT, type ViewText } from './localize';

export { textPath, type ViewText } from './localize';

export type StoredDataset = Omit<Dataset, 'meta' | 'signals'>;

export interface FamilyView {
  family: Family;
  people: Person[];
  /** "Muherrem: wife of Mamutjan Abdurehim" lines, per person id. */
  relations: Map<string, string[]>;
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
  /** Actor id -> kind, to tell government claims from others'. */
  actorKinds: Map<string, Actor['kind']>;
  /** Media items this page is (or carries), when the detection says so. */
  mediaOnPage: MediaItem[];
  /** The sources cited anywhere in the view, for the sources list. */
  citedSources: Source[];
  /** The language of each text in the view (core/dataset/localize.ts): English unless localized. */
  text: ViewText;
}

/** Parents first, then children, then the wider family. */
const ROLE_ORDER = ['father', 'mother', 'daughter', 'son', 'child', 'grandfather', 'grandmother'];

/**
 * Build the view. `familyIds` empty (a story-level match that names nobody) shows both families.
 * For another language, pass the records localizeDataset() returned and `viewText()` of the result.
 */
export function buildContextView(
  data: StoredDataset,
  familyIds: string[],
  peopleIds: string[],
  page: { url?: string; phrases?: string[] } = {},
  text: ViewText = ENGLISH_TEXT,
): ContextView {
  const shown = familyIds.length ? data.families.filter((f) => familyIds.includes(f.id)) : data.families;
  const personFamily = new Map(data.people.map((p) => [p.id, p.familyId]));
  const familyOf = (ids: string[]) => new Set(ids.map((id) => personFamily.get(id) ?? id));

  const families = shown.map((family): FamilyView => {
    const people = data.people
      .filter((p) => p.familyId === family.id)
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
    const inFamily = (ids: string[]) => familyOf(ids).has(family.id);
    const claims = data.claims.filter((c) => c.about.length > 0 && inFamily(c.about));
    const claimIds = new Set(claims.map((c) => c.id));
    // Names as they read inside a phrase ("child of the children's grandfather").
    const names = new Map(people.map((p) => [p.id, p.displayName.replace(/^The /, 'the ')]));
    const relations = new Map<string, string[]>();
    for (const r of data.relationships) {
      // Spouses and parents say who is who; grandparent and sibling links follow from them.
      if (!names.has(r.from) || !names.has(r.to) || (r.type !== 'spouse' && r.type !== 'parent-of')) continue;
      relations.set(r.from, [...(relations.get(r.from) ?? []), text.relation(r.type, true, names.get(r.to)!)]);
      relations.set(r.to, [...(relations.get(r.to) ?? []), text.relation(r.type, false, names.get(r.from)!)]);
    }
    return {
      family,
      people,
      relations,
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

  const recognised = new Set(peopleIds);
  const storyClaims = data.claims.filter((c) => c.about.length === 0 || !data.people.some((p) => c.about.includes(p.id)));
  const mediaOnPage = data.media.filter((m) => isMediaOnPage(m, data.actors as Actor[], recognised, page));
  const cited = new Set<string>();
  for (const f of families) {
    for (const list of [f.claims, f.responses, f.findings, f.conduct, f.events, f.media]) for (const r of list) cited.add(r.sourceId);
    for (const p of f.people) for (const id of p.sourceIds) cited.add(id);
  }
  for (const c of storyClaims) cited.add(c.sourceId);
  return {
    families,
    actorKinds: new Map((data.actors as Actor[]).map((a) => [a.id, a.kind])),
    mediaOnPage,
    citedSources: data.sources.filter((s) => cited.has(s.id)).sort((a, b) => a.date.value.localeCompare(b.date.value)),
    storyClaims: data.claims.filter((c) => c.about.length === 0 || !data.people.some((p) => c.about.includes(p.id))),
    sources: new Map(data.sources.map((s) => [s.id, s])),
    speakers,
    recognised,
    text,
  };
}

/** Where each outlet publishes: a page there that names a person in the item may be the item. */
const OUTLET_HOSTS: Record<string, RegExp> = {
  twitter: /(^|\.)(x|twitter)\.com$/,
  cgtn: /(^|\.)(cgtn\.com|youtube\.com)$/,
  'china-radio-international': /(^|\.)cri\.cn$/,
};

/**
 * A known media item is "on the page" when the page carries its title (a phrase signal), or when the
 * page is on the platform that published it and names someone who appears in it.
 */
function isMediaOnPage(m: MediaItem, actors: Actor[], recognised: Set<string>, page: { url?: string; phrases?: string[] }): boolean {
  // Phrases arrive folded by the matcher (lower case, punctuation as spaces): compare words only.
  const words = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const title = words(m.title);
  if (page.phrases?.some((p) => words(p) === title)) return true;
  if (!page.url || !m.people.some((p) => recognised.has(p))) return false;
  const host = (() => {
    try {
      return new URL(page.url).hostname;
    } catch {
      return '';
    }
  })();
  const rule = OUTLET_HOSTS[m.outlet];
  return !!rule && rule.test(host) && actors.some((a) => a.id === m.outlet) && (m.kind === 'social-video' || m.kind === 'tv-interview');
}

/**
 * The display names of several speakers joined with " and " ("Mihriban Kader and Ablikim
 * Mamtinin"), in the order the record lists them: a joint statement is attributed to all who made it.
 * A localized view passes its own word (`view.text.and`).
 */
export function speakerNames(speakers: ContextView['speakers'], ids: string[], and = ' and '): string {
  return ids.map((id) => speakers.get(id) ?? id).join(and);
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
