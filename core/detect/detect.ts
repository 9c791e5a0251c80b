/**
 * Scoring: from pattern hits on a page to an explainable decision.
 *
 * Evidence levels (DESIGN.md, "Detection model"):
 * - strong: a family member's full name (given and family name side by side, either order, any known
 *   or rule-generated spelling); a known story URL; a known phrase marked strong;
 * - medium: a rare given name (Muhlise, Zumeryem...), which counts only when corroborated by story
 *   vocabulary (two categories) or by another member of the same family;
 * - weak: common given names, family names alone, places, theme words, outlets: they never match a
 *   page alone, and a common given name counts for a person only once the family is established;
 * - story: phrases and combinations of vocabulary that are about the story without naming anyone.
 */
import { Automaton, type Hit, type Scanner } from './automaton';
import { foldTableFromRuns } from '../text/fold';
import { urlUnderPrefix } from '../site-match';
import { type ContextCategory, type MatchIndex, type Term } from './match-index';

/** Where a piece of text came from, for "why am I seeing this" and the checker. */
export type TextOrigin = 'body' | 'title' | 'meta' | 'alt' | 'aria-label' | 'caption' | 'url';

/** What kind of evidence a signal is (code branches on this, never on the label's wording). */
export type SignalKind = 'name' | 'phrase' | 'url' | 'context' | 'story';

export interface Signal {
  kind: SignalKind;
  strength: 'strong' | 'medium' | 'weak' | 'story';
  /** What was found, as a reader would say it ("full name: Mamutjan Abdurehim"). */
  label: string;
  /** The page's own text that matched. */
  text: string;
  score: number;
  personId?: string;
  familyId?: string;
  origin: TextOrigin;
  /** Index of the segment where it was found (content script maps it back to a node). */
  segment: number;
}

export interface Detection {
  matched: boolean;
  score: number;
  families: string[];
  people: string[];
  signals: Signal[];
  /** One line: why the decision went the way it did. */
  reason: string;
}

export const SCORES = { strong: 10, medium: 4, weak: 1, story: 6 } as const;
/** A page matches at this score, and only with at least one strong, corroborated or story signal. */
export const THRESHOLD = 10;
/** A rare given name amid the story's reporting (see below): with its three context words, enough. */
const RARE_IN_REPORTING = 7;
/**
 * A page that names nobody is about the story when its vocabulary covers: the people (ethnonym),
 * the reporting (CNN, or the state media that answered it), the separation, and at least one of the
 * story's particulars (the accusations, the Italian appeal, the orphanage).
 */
const STORY_REQUIRED: ContextCategory[][] = [
  ['ethnonym'],
  ['outlet', 'state-media'],
  ['separation'],
  ['accusation', 'appeal', 'orphanage'],
];
/**
 * Context a full name needs to count: the people's own vocabulary (Uyghur, Xinjiang) or any two
 * categories of story vocabulary. A full name alone is the name of a person, not of this story:
 * another Mihriban Kader runs a bakery in Duisburg (tests/fixtures/corpus).
 */
const NAME_CONTEXT: ContextCategory[] = ['ethnonym', 'region'];

export interface Segment {
  text: string;
  origin: TextOrigin;
  /** True when this segment starts a new block (words do not run across). */
  block: boolean;
  /**
   * Text in page furniture (nav, aside, footer: links to other pages). Read, but never counted as
   * evidence of what this page is about.
   */
  furniture?: boolean;
}

interface PlacedHit {
  term: Term;
  termIndex: number;
  segment: number;
  /** Position in the folded stream of the whole page (start inclusive, end exclusive). */
  start: number;
  end: number;
  text: string;
}

/** A prepared detector: the automaton is built once per index. */
export class Detector {
  readonly automaton: Automaton;

  /** The fold table from the index (also used to find matched words back in the page). */
  readonly foldTable: Uint16Array;

  /** `foldTable`: the index's fold table, if the caller has expanded it already. */
  constructor(readonly index: MatchIndex, foldTable?: Uint16Array) {
    this.foldTable = foldTable ?? foldTableFromRuns(index.fold);
    this.automaton = new Automaton(index.automaton, this.foldTable);
  }

  /** Scan segments and decide. `url` enables URL rules. */
  detect(segments: readonly Segment[], url?: string): Detection {
    const session = this.session();
    session.add(segments);
    return session.decide(url);
  }

  /** All term hits, with positions in the folded stream. */
  scan(segments: readonly Segment[]): PlacedHit[] {
    const session = this.session();
    session.add(segments);
    return session.hits();
  }

  /**
   * An incremental scan for pages that grow (feeds, single-page apps): text is fed as it appears,
   * each piece scanned once; a decision over everything seen so far is cheap (it works on the hits).
   */
  session(): DetectionSession {
    return new DetectionSession(this);
  }
}

export class DetectionSession {
  /** Every segment fed so far, in order; hits refer to them by index. */
  readonly segments: Segment[] = [];
  private readonly raw: Hit[] = [];
  private readonly placed: PlacedHit[] = [];
  private readonly scanner: Scanner;

  constructor(private readonly detector: Detector) {
    this.scanner = detector.automaton.scanner((h) => this.raw.push(h));
  }

  /** Feed more text. Segments after the first call start a new block: added text is its own run. */
  add(segments: readonly Segment[]): void {
    const first = this.segments.length === 0;
    segments.forEach((s, k) => {
      const i = this.segments.push(s) - 1;
      if (s.block || (k === 0 && !first)) this.scanner.boundary();
      this.scanner.feed(s.text, i);
    });
  }

  /** Pattern hits so far: a batch that adds none cannot change the decision. */
  get hitCount(): number {
    return this.raw.length;
  }

  /** Characters fed so far (for budgets and benchmarks). */
  get length(): number {
    return this.segments.reduce((n, s) => n + s.text.length, 0);
  }

  hits(): PlacedHit[] {
    // A word at the very end only completes once a break follows it.
    this.scanner.boundary();
    const { index, automaton } = this.detector;
    for (let k = this.placed.length; k < this.raw.length; k++) {
      const h = this.raw[k]!;
      const [text, termIndex] = index.patterns[h.pattern]!;
      const length = automaton.lengths[h.pattern]!;
      this.placed.push({ term: index.terms[termIndex]!, termIndex, segment: h.segment, start: h.pos - length, end: h.pos, text });
    }
    return this.placed;
  }

  decide(url?: string): Detection {
    return decide(this.detector.index, this.hits(), this.segments, url);
  }
}

function decide(index: MatchIndex, allHits: PlacedHit[], segments: readonly Segment[], url?: string): Detection {
  const signals: Signal[] = [];
  const hits = allHits.filter((h) => !segments[h.segment]?.furniture);
  const ignored = allHits.length - hits.length;
  const origin = (seg: number): TextOrigin => segments[seg]?.origin ?? 'body';
  const recognised = new Map<string, Signal['strength']>();
  const recognise = (personId: string, strength: Signal['strength']) => {
    const prev = recognised.get(personId);
    if (!prev || SCORES[strength] > SCORES[prev]) recognised.set(personId, strength);
  };

  // Strong: full names (a given-name hit right next to a family-name hit of the same person, in
  // either order, with nothing but whitespace, invisibles or inline markup between: the padded
  // patterns share their one space). Their corroboration is settled below, once context is known.
  const nameHits = hits.filter((h) => h.term.kind === 'name-part');
  const fullNames: Array<{ personId: string; familyId: string; first: PlacedHit; second: PlacedHit }> = [];
  const fullNamePeople = new Set<string>();
  // Linear in the hits (a page may repeat a name thousands of times): family-name hits by their
  // start and end positions, looked up from each given-name hit.
  const familyAt = new Map<number, PlacedHit[]>();
  for (const b of nameHits) {
    if (b.term.part !== 'family') continue;
    for (const key of [b.start, -b.end]) {
      const list = familyAt.get(key);
      if (list) list.push(b);
      else familyAt.set(key, [b]);
    }
  }
  for (const a of nameHits) {
    if (a.term.part !== 'given' || fullNamePeople.has(a.term.personId!)) continue;
    // Given name first: the family name starts on the given name's trailing space (a.end - 1);
    // family name first: it ends just after the given name's leading space (a.start + 1).
    const candidates = [...(familyAt.get(a.end - 1) ?? []), ...(familyAt.get(-(a.start + 1)) ?? [])];
    const b = candidates.find((h) => h.term.personId === a.term.personId);
    if (!b) continue;
    const personId = a.term.personId!;
    fullNamePeople.add(personId);
    const [first, second] = a.start <= b.start ? [a, b] : [b, a];
    fullNames.push({ personId, familyId: a.term.familyId!, first, second });
  }

  // URL rules.
  if (url) {
    for (const rule of index.urls) {
      if (!urlUnderPrefix(rule.prefix, url)) continue;
      signals.push({
        kind: 'url',
        strength: rule.strength,
        label: `known story URL: ${rule.label}`,
        text: url,
        score: SCORES[rule.strength],
        ...(rule.familyId ? { familyId: rule.familyId } : {}),
        origin: 'url',
        segment: -1,
      });
    }
  }

  // Known phrases.
  const seenPhrases = new Set<number>();
  for (const h of hits) {
    if (h.term.kind !== 'phrase' || seenPhrases.has(h.termIndex)) continue;
    seenPhrases.add(h.termIndex);
    signals.push({
      kind: 'phrase',
      strength: h.term.strength,
      label: `known phrase: ${h.term.label}`,
      text: h.text,
      score: SCORES[h.term.strength],
      ...(h.term.familyId ? { familyId: h.term.familyId } : {}),
      origin: origin(h.segment),
      segment: h.segment,
    });
  }

  // Story vocabulary, by category (each category counts once).
  const categories = new Map<ContextCategory, PlacedHit>();
  for (const h of hits) {
    if (h.term.kind === 'context' && !categories.has(h.term.category!)) categories.set(h.term.category!, h);
  }
  for (const [category, h] of categories) {
    signals.push({
      kind: 'context',
      strength: 'weak',
      label: `${category}: ${h.term.label}`,
      text: h.text,
      score: SCORES.weak,
      origin: origin(h.segment),
      segment: h.segment,
    });
  }
  if (STORY_REQUIRED.every((anyOf) => anyOf.some((c) => categories.has(c)))) {
    signals.push({
      kind: 'story',
      strength: 'story',
      label: `story vocabulary in ${categories.size} categories (${[...categories.keys()].join(', ')})`,
      text: [...categories.values()].map((h) => h.text).join(', '),
      score: SCORES.story,
      origin: 'body',
      segment: [...categories.values()][0]!.segment,
    });
  }

  // Full names count when the page has the people's context (NAME_CONTEXT or two categories), a
  // known URL or phrase, or a second member of the family named in full or by a rare given name.
  const pageContext = NAME_CONTEXT.some((c) => categories.has(c)) || categories.size >= 2;
  const knownSource = signals.some((s) => s.origin === 'url' || (s.kind === 'phrase' && s.score > 0));
  const rarePeople = new Set(nameHits.filter((h) => h.term.rare).map((h) => h.term.personId!));
  for (const n of fullNames) {
    const otherMember = [...fullNamePeople, ...rarePeople].some(
      (p) => p !== n.personId && index.people[p]?.familyId === n.familyId,
    );
    const corroborated = pageContext || knownSource || otherMember;
    signals.push({
      kind: 'name',
      strength: 'strong',
      label: `full name: ${index.people[n.personId]?.name ?? n.personId}${corroborated ? '' : ' (no story context: another person of that name?)'}`,
      text: `${n.first.text} ${n.second.text}`,
      score: corroborated ? SCORES.strong : 0,
      personId: n.personId,
      familyId: n.familyId,
      origin: origin(n.first.segment),
      segment: n.first.segment,
    });
    if (corroborated) recognise(n.personId, 'strong');
    else fullNamePeople.delete(n.personId);
  }

  // Medium: rare given names, corroborated by story vocabulary or by another member of the family.
  const familiesStrong = new Set(
    [...fullNamePeople].map((p) => index.people[p]?.familyId).filter((f): f is string => !!f),
  );
  const rareHits = nameHits.filter((h) => h.term.rare && !fullNamePeople.has(h.term.personId!));
  const seenRare = new Set<string>();
  for (const h of rareHits) {
    const personId = h.term.personId!;
    if (seenRare.has(personId)) continue;
    seenRare.add(personId);
    const otherMembers = new Set(
      nameHits
        .filter((o) => o.term.familyId === h.term.familyId && o.term.personId !== personId && o.term.rare)
        .map((o) => o.term.personId),
    );
    const corroborated = categories.size >= 2 || otherMembers.size > 0 || familiesStrong.has(h.term.familyId!);
    // Inside the story's own reporting (CNN, or the state media that answered it, plus two more
    // kinds of story vocabulary) a rare given name is nearly as telling as a full name: state-media
    // rebuttals name the child alone ("Muhlisa refutes CNN...").
    const inReporting = (categories.has('outlet') || categories.has('state-media')) && categories.size >= 3;
    signals.push({
      kind: 'name',
      strength: 'medium',
      label: `rare given name${inReporting ? ' in the story’s reporting' : ''}: ${index.people[personId]?.name ?? personId}${corroborated ? '' : ' (not corroborated)'}`,
      text: h.text,
      score: !corroborated ? 0 : inReporting ? RARE_IN_REPORTING : SCORES.medium,
      personId,
      familyId: h.term.familyId!,
      origin: origin(h.segment),
      segment: h.segment,
    });
    if (corroborated) recognise(personId, 'medium');
  }

  // Families established by strong or corroborated medium evidence.
  const families = new Set<string>();
  for (const personId of recognised.keys()) {
    const f = index.people[personId]?.familyId;
    if (f) families.add(f);
  }
  const strongFamilySignal = signals.some((s) => s.familyId && s.strength === 'strong' && !s.personId);
  for (const s of signals) if (strongFamilySignal && s.familyId && !s.personId) families.add(s.familyId);

  // Weak: other name parts count for a person once the family is established.
  const seenWeak = new Set<string>();
  for (const h of nameHits) {
    const personId = h.term.personId!;
    if (recognised.has(personId) || seenWeak.has(personId) || !families.has(h.term.familyId!)) continue;
    if (h.term.part !== 'given') continue;
    seenWeak.add(personId);
    signals.push({
      kind: 'name',
      strength: 'weak',
      label: `given name in an established family: ${index.people[personId]?.name ?? personId}`,
      text: h.text,
      score: SCORES.weak,
      personId,
      familyId: h.term.familyId!,
      origin: origin(h.segment),
      segment: h.segment,
    });
    recognise(personId, 'weak');
  }

  const decisive = signals.filter((s) => s.strength !== 'weak' && s.score > 0);
  const score = signals.reduce((sum, s) => sum + s.score, 0);
  const matched = decisive.length > 0 && score >= THRESHOLD;
  const furnitureNote = ignored > 0 ? `; ${ignored} hit(s) in page furniture (nav, aside, footer) not counted` : '';
  const reason =
    (matched
      ? `matched: ${decisive.map((s) => s.label).join('; ')} (score ${score})`
      : decisive.length === 0
        ? `no match: no strong, corroborated or story-level signal (score ${score})`
        : `no match: score ${score} is under ${THRESHOLD}`) + furnitureNote;

  return {
    matched,
    score,
    families: matched ? [...families] : [],
    people: matched ? [...recognised.keys()] : [],
    signals,
    reason,
  };
}
