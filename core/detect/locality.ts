/**
 * One locality's judgement (core/detect/decide.ts cuts a page into localities: each post or article
 * when it has several, else the whole page): its hits sorted by kind, paired only within WINDOW
 * characters, and what the rules of core/detect/rules.ts make of them, with a signal for each.
 */
import type { ContextCategory, PlacedHit, RuleId, Signal, Strength } from './evidence';
import type { DetectorIndex } from './match-index';
import { NAME_MIN_WEIGHT, PASSAGE, SPREAD_WINDOWS, VOCABULARY_RATIO, WINDOW } from './limits';
import { isCjk, isHangul, isKatakana, needsBoundaries } from '../text/fold';

/** One family member named at one place: a name-part hit, or a full name. */
interface Mention {
  personId: string;
  familyId: string;
  hit: PlacedHit;
  weight: number;
  rare: boolean;
  parent: boolean;
  part: 'given' | 'family';
}

interface FullName {
  personId: string;
  familyId: string;
  first: PlacedHit;
  second: PlacedHit;
  weight: number;
  /** Whether the given name is a rare one (lexicon.ts `RARE_GIVEN_NAMES`). */
  rare: boolean;
}

/**
 * Other people's names (lexicon.ts `OTHER_NAMES`, distinct) within a passage of a whole name that make
 * it one of a list of people: a roster, an honour roll, a county's list of households.
 */
const ROSTER_NAMES = 3;

/** Vocabulary every page on the region has (the people's and the region's names): it lends confidence, and is not the story's own words (`storyWords`). */
const EVERYONES: ReadonlySet<ContextCategory> = new Set<ContextCategory>(['ethnonym', 'region']);
/** A reunion and the holiday it is told with: a clause or two apart (folded characters). */
const HOLIDAY_SPAN = 80;

/** The index of the first hit of `sorted` (by start) that starts at `at` or later (binary search). */
function firstFrom<T extends { start: number }>(sorted: readonly T[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first hit of `sorted` (by start) within `span` of `at`, by binary search: pages repeat names thousands of times. */
function nearest<T extends { start: number }>(sorted: readonly T[], at: number, span = WINDOW): T | undefined {
  const hit = sorted[firstFrom(sorted, at - span)];
  return hit && hit.start <= at + span ? hit : undefined;
}

/** The hits of a sorted list within `span` of `at` (a slice: found by binary search, not by a scan). */
function windowOf<T extends { start: number }>(sorted: readonly T[], at: number, span = WINDOW): readonly T[] {
  return sorted.slice(firstFrom(sorted, at - span), firstFrom(sorted, at + span + 1));
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
export const SCORE = { decisive: 10, supporting: 2, context: 1 } as const;

/**
 * How far apart (in folded positions) one name part ends and the next begins when they are one name:
 * Latin patterns are padded with a space, so adjacent words share it (offset -1); Chinese characters
 * are not, and a name's parts may be joined by nothing, a space, or a dot (·, ・, .), which the scanner
 * reads as punctuation, one position wider (offsets 0 to 2). Katakana and hangul name parts are joined
 * the same ways (・, ＝, ·, a space or nothing).
 */
function joinOffsets(hit: PlacedHit): readonly number[] {
  const lead = hit.text.charCodeAt(0);
  // A word open at its end (katakana, hangul, Uyghur: core/text/fold.ts `needsBoundaries`) ends before the break.
  return isCjk(lead) || isKatakana(lead) || isHangul(lead) || !needsBoundaries(hit.text).end ? [-1, 0, 1, 2] : [-1];
}

/**
 * An event's elements that are its locality's vocabulary: where its cues stretch over many windows
 * (SPREAD_WINDOWS), an element other than an anchor found all over that stretch (once a window on
 * average) and many times as often as the event's rarest anchor (VOCABULARY_RATIO) is what the text is
 * made of (a word list, a tag cloud, generated text), and it adds nothing to the count of elements
 * in any one window. It still says what it says there (a telling word, a detail that backs one): a
 * long feature on the Uyghurs that tells the consulate once keeps "Uyghur" as the word that tells it,
 * and the window its other elements, which come about as often as its anchors.
 */
export function vocabularyOf(cues: readonly PlacedHit[], anchors: readonly string[]): ReadonlySet<string> {
  const stretch = cues.length > 0 ? cues[cues.length - 1]!.start - cues[0]!.start : 0;
  if (stretch < SPREAD_WINDOWS * WINDOW) return NONE;
  const count = new Map<string, number>();
  for (const c of cues) count.set(c.term.elementId!, (count.get(c.term.elementId!) ?? 0) + 1);
  const rarest = Math.min(...anchors.map((a) => count.get(a) ?? Infinity));
  if (rarest === Infinity) return NONE;
  return new Set([...count].filter(([el, n]) => !anchors.includes(el) && n * WINDOW >= stretch && n >= VOCABULARY_RATIO * rarest).map(([el]) => el));
}
const NONE: ReadonlySet<string> = new Set();

/** A word and the initial after it ("Muharrem K."): a capital and a full stop, then no letter; from a word's first letter only. */
const INITIALLED = /(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]*)\s+(\p{Lu})\.(?!\p{L})/gu;
/** A word as the folded text has it, near enough for Latin names: lower case, no marks. */
const plain = (word: string) => word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/**
 * Whether a window's telling elements (`EventElement.telling`) and the details that back them
 * (`backs`) tell the event: at least one telling, and `minTelling` distinct elements of either kind.
 */
function tellingEnough(telling: { readonly size: number; has(element: string): boolean }, backing: Iterable<string>, minTelling = 1): boolean {
  if (telling.size === 0) return false;
  let n = telling.size;
  for (const el of backing) if (!telling.has(el)) n++;
  return n >= minTelling;
}

/** What one locality holds, and what the rules make of it. */
export class Locality {
  readonly names: Mention[] = [];
  readonly shared: PlacedHit[] = [];
  readonly places: PlacedHit[] = [];
  readonly cues: PlacedHit[] = [];
  readonly phrases: PlacedHit[] = [];
  /** Common names that are no member's (lexicon.ts `OTHER_NAMES`): after a member's given name, someone else's. */
  readonly otherNames: PlacedHit[] = [];
  /** Hometowns in Xinjiang that are neither family's (lexicon.ts `OTHER_HOMETOWNS`). */
  readonly otherPlaces: PlacedHit[] = [];
  /** Words of someone held where she is (lexicon.ts `HELD`). */
  private readonly held: PlacedHit[] = [];
  /** Per family, whether a parent of it is told held at her place (`heldThere`). */
  private readonly heldBy = new Map<string, boolean>();
  /** Per segment, its words followed by an initial (`initialsIn`). */
  private readonly initialsBySegment = new Map<number, Map<string, string[]>>();
  /** Given-name mentions joined to someone else's surname (`foreignSurnamed`). */
  private readonly surnamed: Set<Mention>;
  readonly context = new Map<ContextCategory, PlacedHit>();
  readonly signals: Signal[] = [];
  readonly recognised = new Map<string, Strength>();
  readonly families = new Set<string>();
  /** Families an event or a page-wide phrase points to: the page's when no name says which. */
  private readonly eventFamilies = new Set<string>();
  carrier = -1;
  /** Specific mentions (a parent, a rare name) by person, in page order; places, cues and phrases by family. */
  private readonly specificBy = new Map<string, PlacedHit[]>();
  private readonly placesBy = new Map<string, PlacedHit[]>();
  private readonly specificPlacesBy = new Map<string, PlacedHit[]>();
  private readonly cuesBy = new Map<string, PlacedHit[]>();

  constructor(
    private readonly index: DetectorIndex,
    hits: readonly PlacedHit[],
    private readonly origin: (segment: number) => Signal['origin'],
    private readonly knownUrl: { strong: boolean; familyId?: string } | undefined,
    /**
     * The supporting and context signals already given on this page (rule and label): each is given
     * once a page, by the first locality that has it. A page of many articles on the region would
     * otherwise explain itself with thousands of "the family's place: Kashgar".
     */
    private readonly given: Set<string>,
    /** The block (run of text, such as a paragraph, a cell, a list item) a segment is in: its first segment. */
    private readonly blockOf: (segment: number) => number = (segment) => segment,
    /** A segment's text as the page has it, with the ends of its neighbours in the same run (`initialled`). */
    private readonly textOf: (segment: number) => string | undefined = () => undefined,
  ) {
    // "CNN" inside another newsroom's name (CNN Türk: lexicon.ts `OTHER_OUTLETS`) is not the outlet,
    // neither as the story's vocabulary nor as an event's cue.
    const outlets = hits.filter((h) => h.term.kind === 'other-outlet');
    const inOutlet = (h: PlacedHit) => outlets.some((o) => o.start <= h.start && h.end <= o.end);
    // A reunion beside a holiday (回家过年和家人团聚, reunited for Eid) is the holiday's: not the story's
    // vocabulary, nor confidence in anything. Beside: within a clause or two (HOLIDAY_SPAN), as a
    // homecoming is told with its holiday; a page's other holidays are not this reunion's.
    const holidays = hits.filter((h) => h.term.kind === 'holiday');
    const besideHoliday = (h: PlacedHit) => nearest(holidays, h.start, HOLIDAY_SPAN) !== undefined;
    for (const h of hits) {
      const t = h.term;
      if (outlets.length && (t.kind === 'context' || t.kind === 'event-cue') && inOutlet(h)) continue;
      if (holidays.length && t.kind === 'context' && t.category === 'reunion' && besideHoliday(h)) continue;
      if (t.kind === 'name-part') {
        if (t.shared) this.shared.push(h);
        else if ((t.weight ?? 1) >= NAME_MIN_WEIGHT) this.names.push(this.mention(h, t.personId!, t.part!));
      } else if (t.kind === 'place') this.places.push(h);
      else if (t.kind === 'event-cue') this.cues.push(h);
      else if (t.kind === 'phrase') this.phrases.push(h);
      else if (t.kind === 'context' && !this.context.has(t.category!)) this.context.set(t.category!, h);
      else if (t.kind === 'other-name') this.otherNames.push(h);
      else if (t.kind === 'other-place') this.otherPlaces.push(h);
      else if (t.kind === 'held') this.held.push(h);
    }
    // Hits arrive in page order, so every list below is sorted by position. A member's given name joined
    // to a surname that is not that member's is someone else's whole name (`foreignSurnamed`): it
    // vouches for nobody.
    this.surnamed = this.foreignSurnamed();
    for (const m of this.names) if ((m.rare || m.parent) && !this.surnamed.has(m)) push(this.specificBy, m.personId, m.hit);
    for (const p of this.places) {
      for (const f of p.term.familyIds!) {
        push(this.placesBy, f, p);
        if (p.term.specific) push(this.specificPlacesBy, f, p);
      }
    }
    // An event corroborates a name only through its anchors (the elements specific to it): a generic
    // element such as "Uyghur" is anyone's.
    for (const c of this.cues) if (c.term.anchor) for (const f of c.term.familyIds!) push(this.cuesBy, f, c);
  }

  /** True the first time a page gives this supporting signal (`given`). */
  private once(key: string): boolean {
    if (this.given.has(key)) return false;
    this.given.add(key);
    return true;
  }

  private mention(h: PlacedHit, personId: string, part: 'given' | 'family'): Mention {
    const person = this.index.people[personId]!;
    return { personId, familyId: person.familyId, hit: h, weight: h.term.weight ?? 1, rare: !!h.term.rare, parent: !!person.parent, part };
  }

  private signal(rule: RuleId, kind: Signal['kind'], hit: PlacedHit | undefined, fields: Partial<Signal> & { label: string; score: number }): Signal {
    const s: Signal = {
      kind,
      rule,
      strength: fields.decisive ? 'strong' : kind === 'context' ? 'weak' : 'medium',
      text: hit ? hit.text : '',
      origin: hit ? this.origin(hit.segment) : 'url',
      segment: hit ? hit.segment : -1,
      ...fields,
    };
    this.signals.push(s);
    return s;
  }

  private recognise(personId: string, strength: Strength): void {
    const prev = this.recognised.get(personId);
    const rank = { strong: 3, story: 2, medium: 1, weak: 0 } as const;
    if (!prev || rank[strength] > rank[prev]) this.recognised.set(personId, strength);
  }

  /**
   * A decisive rule fired at `hit`: it establishes `familyIds` (a name's family); `unless` are the
   * families an event or a page-wide phrase concerns, which count only where no name says which.
   */
  private decided(familyIds: Iterable<string>, hit: PlacedHit | undefined, unless: Iterable<string> = []): void {
    for (const f of familyIds) this.families.add(f);
    for (const f of unless) this.eventFamilies.add(f);
    if (hit && (this.carrier < 0 || hit.segment < this.carrier)) this.carrier = hit.segment;
  }

  private nameOf(personId: string): string {
    return this.index.people[personId]?.name ?? personId;
  }

  /**
   * Whether a parent of `family` is told held at a place of hers (Muherrem, Kashgar: `Term.heldOf`):
   * words of custody within a passage of her given name, and the place within a window of it. A couple
   * of those names who run a shop in Kashgar, or whose wedding is held there, are not held.
   */
  private heldThere(family: string): boolean {
    let held = this.heldBy.get(family);
    if (held === undefined) {
      // Once per family: each of her mentions with custody words near, and such a place near it.
      const places = this.places.filter((p) => p.term.heldOf?.some((personId) => this.index.people[personId]?.familyId === family));
      held =
        places.length > 0 &&
        this.names.some(
          (m) =>
            m.familyId === family &&
            m.part === 'given' &&
            places.some((p) => p.term.heldOf!.includes(m.personId)) &&
            !this.surnamed.has(m) &&
            nearest(this.held, m.hit.start, PASSAGE) !== undefined &&
            nearest(places, m.hit.start) !== undefined,
        );
      this.heldBy.set(family, held);
    }
    return held;
  }

  /** Whether the whole name at `at` is one of a list: ROSTER_NAMES distinct other names within a passage. */
  private inRoster(at: number): boolean {
    const list = this.otherNames;
    const labels = new Set<string>();
    for (let i = firstFrom(list, at - PASSAGE); i < list.length && list[i]!.start <= at + PASSAGE; i++) {
      labels.add(list[i]!.term.label);
      if (labels.size >= ROSTER_NAMES) return true;
    }
    return false;
  }

  /** Given and family name of one person side by side (a shared part may stand for either person). */
  private fullNames(): FullName[] {
    const parts: Array<{ personId: string; part: 'given' | 'family'; hit: PlacedHit; weight: number; rare: boolean }> = [];
    for (const m of this.names) parts.push({ personId: m.personId, part: m.part, hit: m.hit, weight: m.weight, rare: m.rare });
    for (const h of this.shared) for (const [personId, part] of h.term.shared!) parts.push({ personId, part, hit: h, weight: h.term.weight ?? 1, rare: false });
    // Family parts by where they start and end, so each given part looks up its neighbour at once.
    const byStart = new Map<number, typeof parts>();
    const byEnd = new Map<number, typeof parts>();
    for (const p of parts) {
      if (p.part !== 'family') continue;
      push(byStart, p.hit.start, p);
      push(byEnd, p.hit.end, p);
    }
    const out: FullName[] = [];
    const seen = new Set<string>();
    for (const g of parts) {
      if (g.part !== 'given') continue;
      const offsets = joinOffsets(g.hit);
      const candidates = [
        ...offsets.flatMap((o) => byStart.get(g.hit.end + o) ?? []),
        ...offsets.flatMap((o) => byEnd.get(g.hit.start - o) ?? []),
      ];
      const f = candidates.find((c) => c.personId === g.personId && c.hit !== g.hit);
      if (!f) continue;
      const key = `${g.personId}:${g.hit.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const [first, second] = g.hit.start <= f.hit.start ? [g.hit, f.hit] : [f.hit, g.hit];
      out.push({ personId: g.personId, familyId: this.index.people[g.personId]!.familyId, first, second, weight: Math.min(g.weight, f.weight), rare: g.rare });
    }
    return out;
  }

  /** The given-name mentions followed at once by a family name part none of whose owners is that person. */
  private foreignSurnamed(): Set<Mention> {
    const owners = new Map<number, Set<string>>();
    const add = (start: number, personId: string) => {
      const set = owners.get(start) ?? new Set<string>();
      set.add(personId);
      owners.set(start, set);
    };
    for (const m of this.names) if (m.part === 'family') add(m.hit.start, m.personId);
    for (const h of this.shared) for (const [personId, part] of h.term.shared!) if (part === 'family') add(h.start, personId);
    // Another person's name (Tursun, Abdulla): no member's at all.
    for (const h of this.otherNames) add(h.start, '');
    const out = new Set<Mention>();
    const someoneElse = new Set<string>();
    const own = new Set<string>();
    for (const m of this.names) {
      if (m.part !== 'given') continue;
      // (A name of two words is found from its first letter, not from the break before it: Uzbek's
      // To‘xti, whose quote is a break, read as "to xti".)
      const next = [...joinOffsets(m.hit), 0].flatMap((o) => [...(owners.get(m.hit.end + o) ?? [])]);
      if (next.includes(m.personId)) own.add(m.personId);
      else if (next.length) {
        out.add(m);
        someoneElse.add(m.personId);
      } else if (this.initialled(m)) out.add(m);
    }
    // Once a locality has named someone else so ("Abulikemu Tuerxun, a farmer"), the given name alone
    // is that person further on ("Abulikemu says"), unless the member is named in full there too.
    for (const m of this.names) if (m.part === 'given' && someoneElse.has(m.personId) && !own.has(m.personId)) out.add(m);
    return out;
  }

  /**
   * Whether a given name is followed by an initial that is none of its family's names' ("Muharrem K.",
   * a commenter's name below another family's story): a surname cut short, someone else's whole name.
   * Only that mention: the name elsewhere is still the member's. Read in the page's own text (the
   * folded text has no capitals and no full stops), by the word: Latin letters only.
   */
  private initialled(m: Mention): boolean {
    const initials = this.initialsIn(m.hit.segment).get(m.hit.text);
    if (!initials) return false;
    const own = this.index.people[m.personId]?.initials ?? [];
    return initials.some((i) => !own.includes(i));
  }

  /** The words of a segment followed by an initial, and their initials (read once a segment). */
  private initialsIn(segment: number): Map<string, string[]> {
    let found = this.initialsBySegment.get(segment);
    if (found) return found;
    found = new Map();
    for (const [, word, initial] of this.textOf(segment)?.matchAll(INITIALLED) ?? []) {
      const key = plain(word!);
      found.set(key, [...(found.get(key) ?? []), plain(initial!)]);
    }
    this.initialsBySegment.set(segment, found);
    return found;
  }

  /**
   * Specific corroboration of a name of `familyId` at `hit`: what else of that family is near.
   * `places`: which of the family's places count: none; its own (Payzawat); those and the ones a
   * whole diaspora does not share (Adelaide); or all of them (Kashgar, Australia, Italy too).
   * `members`: whether another member's name counts, or only the names of these people (named in
   * full); without the story's own words, fewer do (see `judge`).
   */
  private corroboration(
    familyId: string,
    personId: string,
    hit: PlacedHit,
    places: 'none' | 'own' | 'narrow' | 'all',
    members: boolean | { has(personId: string): boolean } = true,
    sameBlock = false,
  ): string | undefined {
    // Another member counts when named specifically: a parent, a rare name (a common child's name such
    // as Yahya or Muhammad is anyone's); with `sameBlock`, only in the same run of text (a sentence
    // or paragraph, links in it included; not another cell, row or item of a list).
    if (members) for (const [other, hits] of this.specificBy) {
      if (other === personId || this.index.people[other]?.familyId !== familyId) continue;
      if (members !== true && !members.has(other)) continue;
      const near = sameBlock ? windowOf(hits, hit.start, PASSAGE).some((h) => this.blockOf(h.segment) === this.blockOf(hit.segment)) : nearest(hits, hit.start);
      if (near) return `another member: ${this.nameOf(other)}`;
    }
    const candidates = places === 'none' ? [] : ((places === 'own' ? this.specificPlacesBy : this.placesBy).get(familyId) ?? []);
    const place = nearest(places === 'narrow' ? candidates.filter((p) => !p.term.wide) : candidates, hit.start);
    if (place) return `the family’s place: ${place.term.label}`;
    // An event's anchors corroborate when two of one event are near: one alone is often a place or a
    // word of any news ("Shanghai", "CNN", "press conference"), even one that tells its event apart
    // within a telling of it (CNN, for the 2 April statement). And for an event that a telling must
    // tell apart (records.ts `EventElement.telling`), one of its telling words is near too: two
    // anchors of the 2 April statement are "the Chinese government" and "CNN", which any state
    // rebuttal of any CNN interview holds.
    const around = windowOf(this.cuesBy.get(familyId) ?? [], hit.start);
    const anchorsOf = new Map<string, Set<string>>();
    for (const c of around) {
      const set = anchorsOf.get(c.term.eventId!) ?? new Set<string>();
      set.add(c.term.elementId!);
      anchorsOf.set(c.term.eventId!, set);
    }
    // (As many as the event asks for, `minTelling`, details that back them included: `tellingEnough`.)
    const tellingBy = new Map<string, Set<string>>();
    const backingBy = new Map<string, Set<string>>();
    for (const c of windowOf(this.cues, hit.start)) {
      const by = c.term.telling ? tellingBy : c.term.backs ? backingBy : undefined;
      if (!by) continue;
      const set = by.get(c.term.eventId!) ?? new Set<string>();
      by.set(c.term.eventId!, set.add(c.term.elementId!));
    }
    // (The name is itself one detail that sets the event apart: one fewer is asked of the window.)
    const told = (eventId: string) =>
      tellingEnough(tellingBy.get(eventId) ?? NONE, backingBy.get(eventId) ?? NONE, Math.max(1, (this.index.events[eventId]?.minTelling ?? 1) - 1));
    const cue = around.find((c) => anchorsOf.get(c.term.eventId!)!.size >= 2 && (!this.index.events[c.term.eventId!]?.telling || told(c.term.eventId!)));
    if (cue) return `an element of ${this.index.events[cue.term.eventId!]?.label ?? cue.term.eventId}: ${cue.term.label}`;
    const phrase = windowOf(this.phrases, hit.start).find((p) => !p.term.familyId || p.term.familyId === familyId);
    if (phrase) return `a known phrase: ${phrase.term.label}`;
    if (this.knownUrl) return 'a known story URL';
    return undefined;
  }

  judge(): void {
    const generic = this.context.size;
    const storyWords = [...this.context.keys()].filter((c) => !EVERYONES.has(c)).length;
    // Confidence for the weaker rules: the story's vocabulary, or one of a family's places nearby; one a
    // whole diaspora shares (Kashgar, Australia, Italy: lexicon.ts `wide`) only for the two parents
    // named together (a Turkish thread weighing Mihriban and Şehide as baby names from Italy is not).
    const confident = (familyId: string, wide = false) => generic > 0 || this.places.some((p) => p.term.familyIds!.includes(familyId) && (wide || !p.term.wide));
    // Known phrases: strong ones decide; the others support.
    for (const p of this.phrases) {
      const strong = p.term.strength === 'strong';
      const families = p.term.familyId ? [p.term.familyId] : Object.keys(this.index.families);
      this.signal('known-phrase', 'phrase', p, {
        label: `known phrase: ${p.term.label}`,
        score: strong ? SCORE.decisive : SCORE.supporting,
        decisive: strong,
        ...(p.term.familyId ? { familyId: p.term.familyId } : {}),
      });
      if (strong) this.decided(p.term.familyId ? families : [], p, families);
    }

    // Events told without names: a window of cues holding every anchor and enough elements.
    const cuesOf = new Map<string, PlacedHit[]>();
    for (const c of this.cues) push(cuesOf, c.term.eventId!, c);
    for (const [eventId, cues] of cuesOf) {
      const event = this.index.events[eventId];
      if (!event) continue;
      const vocabulary = vocabularyOf(cues, event.anchors);
      const count = new Map<string, number>();
      // The telling cues in the window, and those that back them, by element (`EventSignal.minTelling`
      // elements, one of them telling).
      const telling = new Map<string, number>();
      const backing = new Map<string, number>();
      const change = (map: Map<string, number>, el: string, by: number) => {
        const n = (map.get(el) ?? 0) + by;
        if (n === 0) map.delete(el);
        else map.set(el, n);
      };
      let from = 0;
      for (let to = 0; to < cues.length; to++) {
        const el = cues[to]!.term.elementId!;
        change(count, el, 1);
        if (cues[to]!.term.telling) change(telling, el, 1);
        if (cues[to]!.term.backs) change(backing, el, 1);
        while (cues[to]!.start - cues[from]!.start > WINDOW) {
          const out = cues[from++]!.term;
          if (out.telling) change(telling, out.elementId!, -1);
          if (out.backs) change(backing, out.elementId!, -1);
          change(count, out.elementId!, -1);
        }
        // Every anchor and the event's minimum of elements; or, with one anchor unsaid (never the key
        // anchor, which the prefilter opens on; none where the event asks for every one, records.ts
        // `EventSignal.everyAnchor`), one element more. And where the event marks what only it has
        // (records.ts `EventElement.telling`), one of those, or as many as it asks for (`minTelling`).
        // The page's vocabulary (`vocabularyOf`) is not counted among the elements.
        const missing = event.anchors.filter((a) => !count.has(a)).length;
        const told = !event.telling || tellingEnough(telling, backing.keys(), event.minTelling);
        let elements = count.size;
        for (const v of vocabulary) if (count.has(v)) elements--;
        if (count.has(event.key) && missing <= (event.everyAnchor ? 0 : 1) && elements >= event.minElements + missing && told) {
          const inWindow = cues.slice(from, to + 1);
          const labels = [...new Set(inWindow.map((c) => c.term.label))];
          this.signal('event', 'event', inWindow[0], {
            label: `${event.label}: ${labels.join(', ')}`,
            text: [...new Set(inWindow.map((c) => c.text))].join(', '),
            score: SCORE.decisive,
            decisive: true,
            eventId,
          });
          this.decided([], inWindow[0], event.familyIds);
          break;
        }
      }
    }

    // Full names, corroborated: one signal per person, at its first corroborated occurrence.
    const named = new Set<PlacedHit>();
    const fullBy = new Map<string, FullName[]>();
    for (const n of this.fullNames()) {
      if (n.weight < NAME_MIN_WEIGHT) continue;
      named.add(n.first).add(n.second);
      push(fullBy, n.personId, n);
    }
    for (const [personId, occurrences] of fullBy) {
      let why: string | undefined;
      let n = occurrences[0]!;
      for (const o of occurrences) {
        // A broad place corroborates a full name beside the story's own words (its outlets, the
        // separation, the accusations). Adelaide does with less: the Uyghurs' or the region's name, or
        // another member of the family named (his daughter Muhlise beside the father's whole name).
        // Not alone, even for a rare given name: a page with the father's whole name beside Adelaide
        // and nothing else of his family or the Uyghurs is someone else's (a Kashgar knife maker's page
        // that mentions an Adelaide tourist; an Adelaide under-15 futsal final's scorer). Kashgar and
        // the countries (`wide` places) need the story's own words: a whole diaspora comes from Kashgar
        // or lives in Italy, and so may a namesake (a chef from Kashgar called Mamutjan Abdurehim in
        // Almaty, a ceramicist called Mihriban Kader showing Kashgar's tiles in Izmir and then in
        // Italy, a Uyghur student called Mamutjan Abdurehim in Perth).
        const kin = () => [...this.specificBy.keys()].some((other) => other !== personId && this.index.people[other]?.familyId === o.familyId);
        // A whole name of common parts among other people's names, without the story's own words, is
        // one of a list of people (a county's list of poverty-relief households with a 米热班·卡迪尔
        // among an 阿布力克木·吐尔逊 and a 马木提·艾买提; an honour roll): the family's places are the
        // list's, not the family's (a county of 400,000 has many a Mihriban Kadir).
        // (Distinct names: one person quoted three times is not a list.) Nor does another member named
        // in full in another of the list's cells or rows: two entries of a list are no family (round
        // 66's n06, a Jiashi township's welfare roll with an 阿布力克木·买买提依民 of 67 and a
        // 米热班·卡迪尔 of 71, rows apart); in one run of text they may be a couple ("Mihriban Kader and
        // Ablikim Mamtinin say their children…").
        const listed = storyWords === 0 && !o.rare && this.inRoster(o.first.start);
        const places = storyWords > 0 ? 'all' : listed ? 'none' : generic > 0 || kin() ? 'narrow' : 'own';
        // Another member vouches for a whole name beside the story's own words; without them, only
        // when named in full too (Ablikim Mamtinin and Mihriban Kader): a given name beside a whole
        // name is a family's usual company (a genealogy thread tracing a Mamutjan Abdurehim born in
        // 1868, with "three Muherrems" in a family tree; an exam list with a Mihriban Kader and an
        // Ablikim Tursun).
        why = this.corroboration(o.familyId, personId, o.first, places, storyWords > 0 || fullBy, listed);
        if (why) {
          n = o;
          break;
        }
      }
      this.signal('full-name', 'name', n.first, {
        label: `full name: ${this.nameOf(personId)}${why ? ` (${why})` : ' (nothing specific to the family near it: another person of that name?)'}`,
        text: `${n.first.text} ${n.second.text}`,
        score: why ? SCORE.decisive * n.weight : 0,
        decisive: !!why,
        personId,
        familyId: n.familyId,
      });
      if (why) {
        this.recognise(personId, 'strong');
        this.decided([n.familyId], n.first);
      }
    }

    // Rare given names, corroborated: one signal per person.
    const rareBy = new Map<string, Mention[]>();
    for (const m of this.names) if (m.rare && !named.has(m.hit) && !this.recognised.has(m.personId) && !this.surnamed.has(m)) push(rareBy, m.personId, m);
    for (const [personId, mentions] of rareBy) {
      const familyId = mentions[0]!.familyId;
      let why: string | undefined;
      let m = mentions[0]!;
      if (confident(familyId)) {
        for (const o of mentions) {
          // The family's own place (Payzawat) with the story's own words: a guesthouse keeper there
          // may be called Zumeryem too.
          // Another member's name neither, there: two given names of one family are, without the
          // story, two people of a community where both names are common (an Adelaide futsal team's
          // captain Mamutjan and its coach Muharrem). The parents named together have their own rule.
          why = this.corroboration(familyId, personId, o.hit, storyWords > 0 ? 'own' : 'none', storyWords > 0);
          // A broad place (Kashgar) with the story's own vocabulary (its outlets, the separation, the
          // accusations): not the people's or the region's names, which every Kashgar page has.
          // Not beside another hometown in Xinjiang (Hotan, Aksu): a daughter Muhlise whose grandparents
          // are in Hotan, in an asylum decision in Adelaide, is another family's child.
          if (!why && storyWords > 0 && !nearest(this.otherPlaces, o.hit.start)) {
            const place = nearest(this.placesBy.get(familyId) ?? [], o.hit.start);
            if (place) why = `the family’s place: ${place.term.label}, with the story’s vocabulary`;
          }
          if (why) {
            m = o;
            break;
          }
        }
      }
      this.signal('rare-given-name', 'name', m.hit, {
        label: `rare given name: ${this.nameOf(personId)}${why ? ` (${why})` : ' (not corroborated)'}`,
        score: why ? SCORE.decisive * m.weight : 0,
        decisive: !!why,
        personId,
        familyId,
      });
      if (why) {
        this.recognise(personId, 'medium');
        this.decided([familyId], m.hit);
      }
    }

    // Two members of one family in one passage (the parents' given names together): per pair of people.
    // A given name followed at once by a family name that is not that person's is someone else's whole
    // name (Ablikim Qadir, a musician in Almaty, is not Ablikim Mamtinin), and does not count.
    const surnamed = this.surnamed;
    const givenBy = new Map<string, PlacedHit[]>();
    for (const m of this.names) if (m.part === 'given' && !surnamed.has(m)) push(givenBy, m.personId, m.hit);
    const paired = new Set<string>();
    for (const [a, hitsA] of givenBy) {
      const personA = this.index.people[a]!;
      const rareA = hitsA.some((h) => h.term.rare);
      if (!(personA.parent || rareA) || !confident(personA.familyId, true)) continue;
      // Two common names (Ablikim and Mihriban, 阿布力克木 and 米热班) need the story's own words or a
      // place of this family alone (Italy, not Kashgar, which both families and every Uyghur seller
      // there share): a page about a Kashgar shop may name two such people.
      const ownPlace = this.places.some((p) => p.term.familyIds!.length === 1 && p.term.familyIds![0] === personA.familyId);
      // Where the parents are (Italy for the Kader couple; Adelaide or Australia for Mamutjan and
      // Muherrem; Kashgar with her held there: `heldThere`), or the children's county with the children told there (a child's rare name, or
      // an anchor of the family's events: the four children): a couple called 阿布力克木 and 米热班 at home
      // in Jiashi, Kashgar, for the new year are other people.
      // Asked only where the story's own words are missing.
      const family = personA.familyId;
      const parentsPlace = () =>
        this.places.some((p) => p.term.parentsOf?.includes(family)) || this.heldThere(family) ||
        (this.places.some((p) => p.term.specific && p.term.familyIds!.includes(family)) &&
          ((this.cuesBy.get(family)?.length ?? 0) > 0 || this.names.some((m) => m.familyId === family && m.rare && !m.parent && !this.surnamed.has(m))));
      // Both of the family's places: where its parents are (Italy) and its own (Payzawat, where the
      // children are). With them, a parent and a child by given names are the family as its story
      // tells it, even a child's common name (Ablikim, his son Yehya in a children's home in Peyziwat,
      // the parents in Italy: round 71's p05); a namesake's page has one of those places, not both.
      // Both within a window of the names (a cotton feature with Italy in its first paragraph and
      // Jiashi in a source line far below is not a telling of them).
      const parentsPlaces = this.places.filter((p) => p.term.parentsOf?.includes(family));
      const ownPlaces = this.places.filter((p) => p.term.specific && p.term.familyIds!.includes(family));
      const bothPlaces = personA.parent && parentsPlaces.length > 0 && ownPlaces.length > 0;
      const bothNear = (at: PlacedHit) => !!nearest(parentsPlaces, at.start) && !!nearest(ownPlaces, at.start);
      for (const [b, hitsB] of givenBy) {
        if (b === a || this.index.people[b]?.familyId !== personA.familyId || paired.has([a, b].sort().join())) continue;
        // Both named specifically: a parent or a rare name (Ablikim and Muhammad are anyone's pair),
        // or a parent and a child where the family's two places are told (`bothPlaces`).
        const rareB = hitsB.some((h) => h.term.rare);
        const parents = personA.parent && !!this.index.people[b]?.parent;
        const childThere = bothPlaces && !this.index.people[b]?.parent;
        if (!this.index.people[b]?.parent && !rareB && !childThere) continue;
        if (!rareA && !rareB && storyWords === 0 && !ownPlace) continue;
        if (!parents && !childThere && !confident(personA.familyId)) continue;
        // Without the story's own words, only the parents' given names together, and beside a place
        // of their family where they are (`parentsPlace`): a child's with a sibling's or a parent's
        // are a Uyghur family's usual company (a wedding notice in Istanbul for a Zumeryem, whose sister is Shehide, with a guest
        // called Mihriban), and the Uyghurs' or the region's name is every page on Uyghur names' (an
        // encyclopaedia's examples: Mamutjan, Muherrem, Mihriban...).
        if (storyWords === 0 && !(parents && parentsPlace()) && !childThere) continue;
        const at = hitsA.find((h) => nearest(hitsB, h.start, PASSAGE) && (!childThere || rareB || storyWords > 0 || bothNear(h)));
        if (!at) continue;
        const other = nearest(hitsB, at.start, PASSAGE)!;
        paired.add([a, b].sort().join());
        if (this.recognised.has(a) && this.recognised.has(b)) continue;
        this.signal('members-together', 'name', at, {
          label: `two members named together: ${this.nameOf(a)} and ${this.nameOf(b)}`,
          text: `${at.text} … ${other.text}`,
          score: SCORE.decisive * Math.min(at.term.weight ?? 1, other.term.weight ?? 1),
          decisive: true,
          personId: a,
          familyId: personA.familyId,
        });
        this.recognise(a, 'medium');
        this.recognise(b, 'medium');
        this.decided([personA.familyId], at);
      }
    }

    // Supporting evidence, for the explanation: places, other given names of established families.
    for (const p of this.places) {
      if (this.once(`family-place ${p.term.label}`)) this.signal('family-place', 'place', p, { label: `the family’s place: ${p.term.label}`, score: SCORE.supporting });
    }
    const seenWeak = new Set<string>();
    for (const m of this.names) {
      if (m.part !== 'given' || this.recognised.has(m.personId) || seenWeak.has(m.personId) || !this.families.has(m.familyId)) continue;
      seenWeak.add(m.personId);
      this.signal('given-name-in-family', 'name', m.hit, {
        label: `given name in an established family: ${this.nameOf(m.personId)}`,
        score: SCORE.supporting,
        personId: m.personId,
        familyId: m.familyId,
      });
      this.recognise(m.personId, 'weak');
    }
    for (const [category, h] of this.context) {
      const label = `${category}: ${h.term.label}`;
      if (this.once(`vocabulary ${label}`)) this.signal('vocabulary', 'context', h, { label, score: SCORE.context });
    }
    if (this.families.size === 0) for (const f of this.eventFamilies) this.families.add(f);
  }
}
