/**
 * From the stored dataset and a detection to what the sidebar shows: per matched family, its key
 * context (four lines, chosen by the rules of `keyContext`), its people, the claims about them
 * (attributed), the answers, the evidence findings, reported conduct, events and the sources behind
 * each. Every record appears once in the whole view: the key lines first, then each family in order,
 * then the background to both families. Pure: no browser APIs, so it is tested directly.
 */
import type {
  Actor,
  Claim,
  Conduct,
  EvidenceFinding,
  Event,
  Family,
  MediaItem,
  Person,
  Response,
  Source,
  StoredDataset,
} from './schema';
import { ENGLISH_TEXT, textPath, type ViewText } from './localize';

export { textPath, type ViewText } from './localize';

export type { StoredDataset } from './schema';

/**
 * The four lines a reader sees first for a family, each one click from its source: what the Chinese
 * government claimed (and when), what the parents answered, the finding that no evidence was given,
 * and the conduct CNN reported (coaching and interrogation). A slot is empty when the dataset has
 * nothing for it.
 */
export interface KeyContext {
  claim?: Claim;
  response?: Response;
  finding?: EvidenceFinding;
  /** Coaching and interrogation when reported for the family; else its children's state-media appearance. */
  conduct: Conduct[];
}

export interface FamilyView {
  family: Family;
  key: KeyContext;
  /**
   * True when the key finding is the same record as an earlier family's (one finding about all the
   * parents): it is shown once, with the first family.
   */
  findingShared: boolean;
  people: Person[];
  /** "husband of Muherrem", "father of Muhlise and Hikmet" phrases, per person id. */
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
  /** Events of the story as a whole (not of one family), in date order. */
  storyEvents: Event[];
  sources: Map<string, Source>;
  /** Display names of claimants and respondents (actors and people). */
  speakers: Map<string, string>;
  /**
   * People the detector recognised on the page: every rule that recognises a person does so from
   * one of the person's names in the page's text, so these are the people "named on this page".
   */
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

/** How a person of each role is named in a relation, as a reader would say it. */
const ROLE_WORDS: Record<string, { spouse: string; parent: string; child: string; sibling: string; grandparent: string }> = {
  father: { spouse: 'husband', parent: 'father', child: 'son', sibling: 'brother', grandparent: 'grandfather' },
  mother: { spouse: 'wife', parent: 'mother', child: 'daughter', sibling: 'sister', grandparent: 'grandmother' },
  daughter: { spouse: 'wife', parent: 'mother', child: 'daughter', sibling: 'sister', grandparent: 'grandmother' },
  son: { spouse: 'husband', parent: 'father', child: 'son', sibling: 'brother', grandparent: 'grandfather' },
  grandfather: { spouse: 'husband', parent: 'father', child: 'son', sibling: 'brother', grandparent: 'grandfather' },
  grandmother: { spouse: 'wife', parent: 'mother', child: 'daughter', sibling: 'sister', grandparent: 'grandmother' },
};
const NEUTRAL_WORDS = { spouse: 'spouse', parent: 'parent', child: 'child', sibling: 'sibling', grandparent: 'grandparent' };

/** Roles that are described by their parents ("daughter of ..."); adults are described downward. */
const CHILD_ROLES = new Set(['daughter', 'son', 'child']);

/** "A", "A and B", "A, B and C". */
function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Relations as a reader says them, one phrase per kind: "husband of Muherrem", "father of Muhlise
 * and Hikmet", "grandfather of Muhlise and Hikmet", "daughter of Mamutjan Abdurehim and Muherrem",
 * "sister of Hikmet". Adults are described by their spouse, children and grandchildren; children by
 * their parents and siblings. A parent is never described as the child of someone ("son of the
 * children's grandfather"): the grandfather's own line says it.
 */
export function relationPhrases(people: Person[], relationships: StoredDataset['relationships']): Map<string, string[]> {
  const byId = new Map(people.map((p) => [p.id, p]));
  // Names as they read inside a phrase ("father of the children's grandfather" never arises, but a
  // name that starts with "The" reads in lower case).
  const name = (id: string) => byId.get(id)!.displayName.replace(/^The /, 'the ');
  const words = (id: string) => ROLE_WORDS[byId.get(id)!.role] ?? NEUTRAL_WORDS;
  const links = new Map<string, Map<string, string[]>>();
  const add = (who: string, word: string, other: string) => {
    const mine = links.get(who) ?? new Map<string, string[]>();
    links.set(who, mine);
    const list = mine.get(word) ?? [];
    if (!list.includes(other)) list.push(other);
    mine.set(word, list);
  };
  for (const r of relationships) {
    if (!byId.has(r.from) || !byId.has(r.to)) continue;
    const childTo = CHILD_ROLES.has(byId.get(r.to)!.role);
    if (r.type === 'spouse' || r.type === 'sibling') {
      const kind = r.type === 'spouse' ? 'spouse' : 'sibling';
      add(r.from, `${words(r.from)[kind]} of`, r.to);
      add(r.to, `${words(r.to)[kind]} of`, r.from);
    } else if (r.type === 'parent-of') {
      add(r.from, `${words(r.from).parent} of`, r.to);
      if (childTo) add(r.to, `${words(r.to).child} of`, r.from);
    } else if (r.type === 'grandparent-of') {
      add(r.from, `${words(r.from).grandparent} of`, r.to);
    }
  }
  const out = new Map<string, string[]>();
  for (const [who, mine] of links) {
    out.set(
      who,
      [...mine].map(([word, others]) => `${word} ${joinNames(others.map(name))}`),
    );
  }
  return out;
}

/**
 * Date order for partial dates: by year, then month, then day, a missing part counting as before
 * the first (a period sorts at its start). So "2021" (some time in 2021) comes before "Mar 2021",
 * which comes before "15 Mar 2021"; records with the same date are ordered by id (byDate). A partial
 * date is always shown as precisely as it is known ("2021", "Mar 2021"), never as a day.
 */
export function compareDates(a: string, b: string): number {
  const parts = (v: string) => v.split('-').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Events by date; the same date by id, so the order never depends on how storage returned them. */
function byDate(a: Event, b: Event): number {
  return compareDates(a.date.value, b.date.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * An event and a conduct record tell the same happening when they come from the same source, concern
 * the same people, and either the source dates both to the same month or day ("Mamutjan said he lost
 * contact with Muherrem in April 2017") or they say it in nearly the same words (SAME_WORDS of the
 * shorter one's words in the longer). A shared year alone is too coarse: the children's
 * interrogation and their photo with the sign are both "2021", and told in different words.
 */
function sameHappening(e: Event, c: Conduct): boolean {
  if (c.sourceId !== e.sourceId || !c.subjects.some((id) => e.people.includes(id))) return false;
  if (c.date && c.date.value === e.date.value && e.date.precision !== 'year') return true;
  return wordOverlap(e.statement, c.statement) >= SAME_WORDS;
}

/** Share of the shorter statement's content words found in the longer (0 to 1). */
export function wordOverlap(a: string, b: string): number {
  const words = (x: string) => new Set((x.toLowerCase().match(/\p{L}[\p{L}\p{N}']*/gu) ?? []).filter((w) => w.length > 2 && !STOP_WORDS.has(w)));
  const [x, y] = [words(a), words(b)];
  const small = x.size <= y.size ? x : y;
  const large = small === x ? y : x;
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/** Measured on the dataset: retellings score 0.86 and above, distinct records of one family 0.67 and below. */
const SAME_WORDS = 0.8;
const STOP_WORDS = new Set(
  'the and that her his its was for with had has she they their them been being from this which who whom there after before said says reported'.split(' '),
);

/** Conduct kinds that answer "the coaching and interrogation CNN reported", in the order shown. */
const KEY_CONDUCT = ['coaching', 'interrogation'];
/** When a family has none of those: how state media put its children on screen. */
const KEY_CONDUCT_FALLBACK = ['state-media-appearance'];

/** Accusations from the gravest: a terrorist group or a prison sentence before views or desertion. */
const TOPIC_GRAVITY = ['terrorism', 'conviction', 'extremism', 'abandonment'];
const gravity = (c: Claim) => {
  const i = TOPIC_GRAVITY.indexOf(c.topic);
  return i < 0 ? TOPIC_GRAVITY.length : i;
};

/**
 * The key lines of a family, by rule (no editorial field needed). The records arrive in whatever
 * order storage gives them (IndexedDB returns them by id), so every choice ends on the id and never
 * depends on that order.
 * - claim: among the Chinese government's dated claims about the family, the gravest accusation
 *   (TOPIC_GRAVITY); among equals, the one the parents answered most often.
 * - response: among the answers made by the family's parents only, one that answers that claim and
 *   the most of the government's claims about the family (a denial of them all before an answer to
 *   one point).
 * - finding: CNN's "no evidence was provided" finding about any of those claims.
 * - conduct: what was reported (by an outlet, not a party) as coaching and interrogation of the
 *   family's members; a family with none gets its children's state-media appearance.
 */
export function keyContext(
  data: StoredDataset,
  familyId: string,
  claims: Claim[],
  responses: Response[],
  findings: EvidenceFinding[],
  conduct: Conduct[],
): KeyContext {
  const kinds = new Map((data.actors as Actor[]).map((a) => [a.id, a.kind]));
  const parents = new Set(data.people.filter((p) => p.familyId === familyId && (p.role === 'father' || p.role === 'mother')).map((p) => p.id));
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const government = byId(claims.filter((c) => c.claimant === 'prc-government' && c.date));
  const governmentIds = new Set(government.map((c) => c.id));
  const byParents = byId(responses).filter((r) => r.respondents.length > 0 && r.respondents.every((id) => parents.has(id)));
  const answered = (c: Claim) => byParents.filter((r) => r.respondsTo.includes(c.id)).length;
  const claim = pickMax(government, (c) => -gravity(c) * 1000 + answered(c));
  const covers = (r: Response) => r.respondsTo.filter((id) => governmentIds.has(id)).length;
  const response = pickMax(
    byParents.filter((r) => !claim || r.respondsTo.includes(claim.id)),
    covers,
  );
  const finding = byId(findings).find((f) => f.kind === 'no-evidence-provided' && f.about.some((id) => governmentIds.has(id)));
  const reported = byId(conduct).filter((c) => kinds.get(c.reportedBy) === 'news-outlet');
  const pick = (order: string[]) => order.flatMap((k) => reported.filter((c) => c.kind === k).slice(0, 1));
  const chosen = pick(KEY_CONDUCT);
  return { claim, response, finding, conduct: chosen.length ? chosen : pick(KEY_CONDUCT_FALLBACK) };
}

/** The first record with the highest score. */
function pickMax<T>(items: T[], score: (x: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const x of items) {
    const s = score(x);
    if (s > bestScore) [best, bestScore] = [x, s];
  }
  return best;
}

/**
 * Relations in another language than English (core/dataset/localize.ts `relation`): each spouse and
 * parent link, named by the other person's role ("配偶：穆哈拉姆"), which needs no gendered word.
 */
function localizedRelations(people: Person[], relationships: StoredDataset['relationships'], text: ViewText): Map<string, string[]> {
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  const out = new Map<string, string[]>();
  for (const r of relationships) {
    if (!names.has(r.from) || !names.has(r.to) || (r.type !== 'spouse' && r.type !== 'parent-of')) continue;
    out.set(r.from, [...(out.get(r.from) ?? []), text.relation(r.type, true, names.get(r.to)!)]);
    out.set(r.to, [...(out.get(r.to) ?? []), text.relation(r.type, false, names.get(r.from)!)]);
  }
  return out;
}

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
  const familyIdSet = new Set(data.families.map((f) => f.id));
  /** Claims about a family: about one of its people, or about the family itself. */
  const aboutAFamily = (c: Claim) => [...familyOf(c.about)].some((id) => familyIdSet.has(id));

  /** An event's family: its own, else the one family of all its people; none for the story's events. */
  const familyOfEvent = (e: Event): string | undefined => {
    if (e.familyId) return e.familyId;
    const families = familyOf(e.people);
    return families.size === 1 ? [...families][0] : undefined;
  };

  const drafts = shown.map((family) => {
    const people = data.people
      .filter((p) => p.familyId === family.id)
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
    const inFamily = (ids: string[]) => familyOf(ids).has(family.id);
    const claims = data.claims.filter((c) => c.about.length > 0 && inFamily(c.about));
    const claimIds = new Set(claims.map((c) => c.id));
    const responses = data.responses.filter((r) => r.respondsTo.some((id) => claimIds.has(id)));
    const findings = data.findings.filter((f) => f.about.some((id) => claimIds.has(id)));
    const conduct = data.conduct.filter((c) => inFamily(c.subjects));
    return {
      family,
      people,
      claims,
      responses,
      findings,
      conduct,
      key: keyContext(data, family.id, claims, responses, findings, conduct),
      events: data.events.filter((e) => familyOfEvent(e) === family.id).sort(byDate),
      media: data.media.filter((m) => m.people.length > 0 && inFamily(m.people)),
    };
  });

  // Every record once: the key lines of all families come first on screen, then each family's
  // sections in order; a record shared by two families is listed with the first.
  const seen = new Set<string>();
  const once = <T extends { id: string }>(list: T[]) =>
    list.filter((r) => {
      if (seen.has(r.id)) return false;
      seen.add(r.id);
      return true;
    });
  const findingShared: boolean[] = [];
  for (const d of drafts) {
    findingShared.push(!!d.key.finding && seen.has(d.key.finding.id));
    once([d.key.claim, d.key.response, d.key.finding, ...d.key.conduct].filter((r) => !!r));
  }
  const families = drafts.map((d, i): FamilyView => {
    // A timeline event and a conduct record that tell the same happening are shown once: the key
    // line when it is one, else the timeline entry.
    const retold = d.events.flatMap((e) => d.conduct.filter((c) => sameHappening(e, c)).map((c) => [e, c] as const));
    for (const [e, c] of retold) seen.add(seen.has(c.id) ? e.id : c.id);
    return {
      family: d.family,
      key: d.key,
      findingShared: findingShared[i]!,
      people: d.people,
      relations: text.locale === 'en' ? relationPhrases(d.people, data.relationships) : localizedRelations(d.people, data.relationships, text),
      claims: once(d.claims),
      responses: once(d.responses),
      findings: once(d.findings),
      conduct: once(d.conduct),
      events: once(d.events),
      media: d.media,
    };
  });

  const speakers = new Map<string, string>();
  for (const a of data.actors as Actor[]) speakers.set(a.id, a.name);
  for (const p of data.people) speakers.set(p.id, p.displayName);

  const recognised = new Set(peopleIds);
  // Background to both families: claims about no family (the Italian minister's statements about
  // the second family are that family's, and are listed there only).
  const storyClaims = once(data.claims.filter((c) => !aboutAFamily(c)));
  // The story's own events (CNN's questions and reports, the 2 April statement to all the parents),
  // in date order.
  const storyEvents = once(data.events.filter((e) => familyOfEvent(e) === undefined).sort(byDate));
  // A media item's title is matched as the page writes it: in English, whatever the reader's language.
  const mediaOnPage = data.media.filter((m) => isMediaOnPage({ ...m, title: text.english(textPath('media', m.id, 'title')) ?? m.title }, data.actors as Actor[], recognised, page));
  const cited = new Set<string>();
  for (const f of families) {
    const key = [f.key.claim, f.key.response, f.key.finding, ...f.key.conduct].filter((r) => !!r);
    for (const list of [key, f.claims, f.responses, f.findings, f.conduct, f.events, f.media]) for (const r of list) cited.add(r.sourceId);
    for (const p of f.people) for (const id of p.sourceIds) cited.add(id);
  }
  for (const r of [...storyClaims, ...storyEvents]) cited.add(r.sourceId);
  return {
    families,
    actorKinds: new Map((data.actors as Actor[]).map((a) => [a.id, a.kind])),
    mediaOnPage,
    citedSources: data.sources.filter((s) => cited.has(s.id)).sort((a, b) => compareDates(a.date.value, b.date.value)),
    storyClaims,
    storyEvents,
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
