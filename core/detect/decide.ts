/**
 * From a page's hits to an explainable decision: the rules of core/detect/rules.ts, run in their
 * table's order over one shared record of what the page holds. Each rule adds signals; the decision
 * adds them up.
 */
import type { ContextCategory, Detection, PlacedHit, Segment, Signal, Strength, TextOrigin } from './evidence';
import { urlKey, type MatchIndex } from './match-index';
import { NAME_CONTEXT, RARE_IN_REPORTING, RULES, SCORES, STORY_REQUIRED, THRESHOLD, type RuleId } from './rules';

interface FullName {
  personId: string;
  familyId: string;
  first: PlacedHit;
  second: PlacedHit;
}

/** What the rules share about one page while deciding it. */
class PageEvidence {
  readonly signals: Signal[] = [];
  /** Hits outside page furniture (nav, aside, footer): the only ones that count. */
  readonly hits: PlacedHit[];
  readonly ignored: number;
  readonly nameHits: PlacedHit[];
  /** Story vocabulary: the first hit of each category. */
  readonly categories = new Map<ContextCategory, PlacedHit>();
  /** People recognised, at the strongest evidence found for each. */
  readonly recognised = new Map<string, Strength>();
  /** Given + family name pairs, with the people they name (corroborated or not, until full-name runs). */
  readonly fullNames: FullName[];
  readonly fullNamePeople = new Set<string>();
  readonly families = new Set<string>();

  constructor(
    readonly index: MatchIndex,
    allHits: readonly PlacedHit[],
    private readonly segments: readonly Segment[],
    readonly url: string | undefined,
  ) {
    this.hits = allHits.filter((h) => !segments[h.segment]?.furniture);
    this.ignored = allHits.length - this.hits.length;
    this.nameHits = this.hits.filter((h) => h.term.kind === 'name-part');
    for (const h of this.hits) {
      if (h.term.kind === 'context' && !this.categories.has(h.term.category!)) this.categories.set(h.term.category!, h);
    }
    this.fullNames = this.pairNames();
  }

  origin(segment: number): TextOrigin {
    return this.segments[segment]?.origin ?? 'body';
  }

  recognise(personId: string, strength: Strength): void {
    const prev = this.recognised.get(personId);
    if (!prev || SCORES[strength] > SCORES[prev]) this.recognised.set(personId, strength);
  }

  nameOf(personId: string): string {
    return this.index.people[personId]?.name ?? personId;
  }

  /**
   * Full names: a given-name hit right next to a family-name hit of the same person, in either order,
   * with nothing but whitespace, invisibles or inline markup between (the padded patterns share their
   * one space). Linear in the hits (a page may repeat a name thousands of times): family-name hits by
   * their start and end positions, looked up from each given-name hit.
   */
  private pairNames(): FullName[] {
    const familyAt = new Map<number, PlacedHit[]>();
    for (const b of this.nameHits) {
      if (b.term.part !== 'family') continue;
      for (const key of [b.start, -b.end]) {
        const list = familyAt.get(key);
        if (list) list.push(b);
        else familyAt.set(key, [b]);
      }
    }
    const pairs: FullName[] = [];
    for (const a of this.nameHits) {
      if (a.term.part !== 'given' || this.fullNamePeople.has(a.term.personId!)) continue;
      // Given name first: the family name starts on the given name's trailing space (a.end - 1);
      // family name first: it ends just after the given name's leading space (a.start + 1).
      const candidates = [...(familyAt.get(a.end - 1) ?? []), ...(familyAt.get(-(a.start + 1)) ?? [])];
      const b = candidates.find((h) => h.term.personId === a.term.personId);
      if (!b) continue;
      this.fullNamePeople.add(a.term.personId!);
      const [first, second] = a.start <= b.start ? [a, b] : [b, a];
      pairs.push({ personId: a.term.personId!, familyId: a.term.familyId!, first, second });
    }
    return pairs;
  }
}

type RuleStep = (page: PageEvidence) => void;

const STEPS: Record<RuleId, RuleStep> = {
  'known-url'(page) {
    if (!page.url) return;
    const key = urlKey(page.url);
    for (const rule of page.index.urls) {
      if (!key.startsWith(rule.prefix)) continue;
      page.signals.push({
        kind: 'url',
        strength: rule.strength,
        label: `known story URL: ${rule.label}`,
        text: page.url,
        score: SCORES[rule.strength],
        ...(rule.familyId ? { familyId: rule.familyId } : {}),
        origin: 'url',
        segment: -1,
      });
    }
  },

  'known-phrase'(page) {
    const seen = new Set<number>();
    for (const h of page.hits) {
      if (h.term.kind !== 'phrase' || seen.has(h.termIndex)) continue;
      seen.add(h.termIndex);
      page.signals.push({
        kind: 'phrase',
        strength: h.term.strength,
        label: `known phrase: ${h.term.label}`,
        text: h.text,
        score: SCORES[h.term.strength],
        ...(h.term.familyId ? { familyId: h.term.familyId } : {}),
        origin: page.origin(h.segment),
        segment: h.segment,
      });
    }
  },

  vocabulary(page) {
    for (const [category, h] of page.categories) {
      page.signals.push({ kind: 'context', strength: 'weak', label: `${category}: ${h.term.label}`, text: h.text, score: SCORES.weak, origin: page.origin(h.segment), segment: h.segment });
    }
  },

  'story-vocabulary'(page) {
    const { categories } = page;
    if (!STORY_REQUIRED.every((anyOf) => anyOf.some((c) => categories.has(c)))) return;
    page.signals.push({
      kind: 'story',
      strength: 'story',
      label: `story vocabulary in ${categories.size} categories (${[...categories.keys()].join(', ')})`,
      text: [...categories.values()].map((h) => h.text).join(', '),
      score: SCORES.story,
      origin: 'body',
      segment: [...categories.values()][0]!.segment,
    });
  },

  'full-name'(page) {
    const { categories, index } = page;
    const pageContext = NAME_CONTEXT.some((c) => categories.has(c)) || categories.size >= 2;
    const knownSource = page.signals.some((s) => s.origin === 'url' || (s.kind === 'phrase' && s.score > 0));
    const rarePeople = new Set(page.nameHits.filter((h) => h.term.rare).map((h) => h.term.personId!));
    for (const n of page.fullNames) {
      const otherMember = [...page.fullNamePeople, ...rarePeople].some((p) => p !== n.personId && index.people[p]?.familyId === n.familyId);
      const corroborated = pageContext || knownSource || otherMember;
      page.signals.push({
        kind: 'name',
        strength: 'strong',
        label: `full name: ${page.nameOf(n.personId)}${corroborated ? '' : ' (no story context: another person of that name?)'}`,
        text: `${n.first.text} ${n.second.text}`,
        score: corroborated ? SCORES.strong : 0,
        personId: n.personId,
        familyId: n.familyId,
        origin: page.origin(n.first.segment),
        segment: n.first.segment,
      });
      if (corroborated) page.recognise(n.personId, 'strong');
      else page.fullNamePeople.delete(n.personId);
    }
  },

  'rare-given-name'(page) {
    const { categories, index } = page;
    const familiesStrong = new Set([...page.fullNamePeople].map((p) => index.people[p]?.familyId).filter((f): f is string => !!f));
    const seen = new Set<string>();
    for (const h of page.nameHits) {
      const personId = h.term.personId!;
      if (!h.term.rare || page.fullNamePeople.has(personId) || seen.has(personId)) continue;
      seen.add(personId);
      const otherMembers = page.nameHits.some((o) => o.term.familyId === h.term.familyId && o.term.personId !== personId && o.term.rare);
      const corroborated = categories.size >= 2 || otherMembers || familiesStrong.has(h.term.familyId!);
      // Inside the story's own reporting (CNN, or the state media that answered it, plus two more
      // kinds of story vocabulary) a rare given name is nearly as telling as a full name.
      const inReporting = (categories.has('outlet') || categories.has('state-media')) && categories.size >= 3;
      page.signals.push({
        kind: 'name',
        strength: 'medium',
        label: `rare given name${inReporting ? ' in the story’s reporting' : ''}: ${page.nameOf(personId)}${corroborated ? '' : ' (not corroborated)'}`,
        text: h.text,
        score: !corroborated ? 0 : inReporting ? RARE_IN_REPORTING : SCORES.medium,
        personId,
        familyId: h.term.familyId!,
        origin: page.origin(h.segment),
        segment: h.segment,
      });
      if (corroborated) page.recognise(personId, 'medium');
    }
    // Families established by strong or corroborated medium evidence, or by a strong family-level signal.
    for (const personId of page.recognised.keys()) {
      const f = index.people[personId]?.familyId;
      if (f) page.families.add(f);
    }
    const strongFamilySignal = page.signals.some((s) => s.familyId && s.strength === 'strong' && !s.personId);
    for (const s of page.signals) if (strongFamilySignal && s.familyId && !s.personId) page.families.add(s.familyId);
  },

  'given-name-in-family'(page) {
    const seen = new Set<string>();
    for (const h of page.nameHits) {
      const personId = h.term.personId!;
      if (h.term.part !== 'given' || page.recognised.has(personId) || seen.has(personId) || !page.families.has(h.term.familyId!)) continue;
      seen.add(personId);
      page.signals.push({
        kind: 'name',
        strength: 'weak',
        label: `given name in an established family: ${page.nameOf(personId)}`,
        text: h.text,
        score: SCORES.weak,
        personId,
        familyId: h.term.familyId!,
        origin: page.origin(h.segment),
        segment: h.segment,
      });
      page.recognise(personId, 'weak');
    }
  },
};

/** Decide over a page's hits (`url` enables the URL rules). */
export function decide(index: MatchIndex, allHits: readonly PlacedHit[], segments: readonly Segment[], url?: string): Detection {
  const page = new PageEvidence(index, allHits, segments, url);
  for (const rule of RULES) STEPS[rule.id](page);

  const { signals } = page;
  const decisive = signals.filter((s) => s.strength !== 'weak' && s.score > 0);
  const score = signals.reduce((sum, s) => sum + s.score, 0);
  const matched = decisive.length > 0 && score >= THRESHOLD;
  const furnitureNote = page.ignored > 0 ? `; ${page.ignored} hit(s) in page furniture (nav, aside, footer) not counted` : '';
  const reason =
    (matched
      ? `matched: ${decisive.map((s) => s.label).join('; ')} (score ${score})`
      : decisive.length === 0
        ? `no match: no strong, corroborated or story-level signal (score ${score})`
        : `no match: score ${score} is under ${THRESHOLD}`) + furnitureNote;
  return {
    matched,
    score,
    families: matched ? [...page.families] : [],
    people: matched ? [...page.recognised.keys()] : [],
    signals,
    reason,
  };
}
