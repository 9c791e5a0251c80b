/**
 * From a page's hits to an explainable decision, by the rules of core/detect/rules.ts. The page is
 * cut into localities (each post or article when it has several, else the whole page) and each is
 * judged on its own, so a feed never adds up evidence across unrelated posts; inside a locality,
 * evidence pairs only within WINDOW characters (core/detect/locality.ts).
 */
import type { Detection, PlacedHit, Segment, Signal, Strength } from './evidence';
import type { DetectorIndex } from './match-index';
import { urlUnderPrefix } from '../site-match';
import { Locality, SCORE, push } from './locality';

/** Hits (or segments) `decideSteps` sorts out between pauses. */
const STEP_HITS = 4096;

/**
 * A thread's counter at the start or the end of a post's block of prose: "… (1/3)", "2/3 …", "（1/2）",
 * "【1/2】", "…。1/2", "🧵 1/5 …", "… 2/ #Uyghur", full-width digits too. An author who splits one
 * telling over numbered posts means them to be read together. Not after a digit, a slash or a point
 * (a date's "2021/3/26", a score's "3.1/5"). A hashtag's characters exclude what may follow it, so the
 * expression cannot backtrack over a crafted tail.
 */
const COUNTER_END = /(?<![\p{L}\p{N}/.,:])([(（[【])?(\d{1,2}) ?\/ ?(\d{1,2})?[)）\]】]?(?:[\s.。!！…]|\p{Extended_Pictographic}|\uFE0F|#[^\s#.。!！…\p{Extended_Pictographic}\uFE0F]+)*$/u;
const COUNTER_START = /^(?:\s|\p{Extended_Pictographic}|\uFE0F)*([(（[【])?(\d{1,2}) ?\/ ?(\d{1,2})?(?:[)）\]】]|\s)/u;
/** At most this many posts in a numbered thread (a larger "n" is a date or a score, not a count). */
const THREAD_POSTS = 25;
/** Characters of a block kept at each end to look for a counter. */
const COUNTER_EDGE = 48;
/**
 * Characters of prose a block must hold besides its counter, unless the counter is bracketed: a bare
 * "3/12" is a date in a time line, "（1/2）" after an emoji drawn as an image a post's own count.
 */
const COUNTER_PROSE = 12;

/** Whether a slash (or a full-width one) is within COUNTER_EDGE code units of a text's start or end. */
function slashNear(text: string, end: boolean): boolean {
  for (let i = 0, n = Math.min(text.length, COUNTER_EDGE); i < n; i++) {
    const c = text.charCodeAt(end ? text.length - 1 - i : i);
    if (c === 0x2f || c === 0xff0f) return true;
  }
  return false;
}

/** Full-width digits and slash as ASCII (a Japanese or Chinese post's "１/２", "１／２"). */
const halfWidth = (s: string) => s.replace(/[\uff10-\uff19\uff0f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The counter (k, n; n 0 when the author gave none: "2/") a block's text starts or ends with, if any. */
function threadCounter(head: string, tail: string, length: number): [number, number] | undefined {
  const m = COUNTER_END.exec(halfWidth(tail)) ?? COUNTER_START.exec(halfWidth(head));
  if (!m || (!m[1] && length - m[0].length < COUNTER_PROSE)) return undefined;
  const k = Number(m[2]);
  const n = m[3] === undefined ? 0 : Number(m[3]);
  return k >= 1 && k <= THREAD_POSTS && (n === 0 || (k <= n && n >= 2 && n <= THREAD_POSTS)) ? [k, n] : undefined;
}

/**
 * The posts of numbered threads: items next to each other in the order they were read whose counters
 * step by one, one way (1/3, 2/3, 3/3; or newest first, as profiles list them: 3/3, 2/3, 1/3), from or
 * to the thread's first post, and all of it where the author gave its length (two threads' posts, or
 * the days of a month in posts' time lines, 1/3 then 2/3, are not one), are one locality; the run's
 * first item stands for all. Posts merely next to each other never are: a feed's posts stay apart.
 */
function threads(order: readonly number[], counters: ReadonlyMap<number, [number, number]>): Map<number, number> {
  const first = new Map<number, number>();
  let run: number[] = [];
  let step = 0;
  const close = () => {
    const ks = run.map((item) => counters.get(item)![0]);
    const n = counters.get(run[0]!)?.[1] ?? 0;
    const whole = n === 0 || run.length === n;
    if (run.length >= 2 && whole && (ks[0] === 1 || ks[ks.length - 1] === 1)) for (const item of run.slice(1)) first.set(item, run[0]!);
    run = [];
    step = 0;
  };
  for (const item of order) {
    const b = counters.get(item);
    const a = run.length > 0 ? counters.get(run[run.length - 1]!) : undefined;
    const d = a && b && b[1] === a[1] ? b[0] - a[0] : 0;
    if (a && !((d === 1 || d === -1) && (step === 0 || d === step))) close();
    else if (a) step = d;
    if (b) run.push(item);
    else close();
  }
  close();
  return first;
}

/** Decide over a page's hits (`url` enables the URL rules). */
export function decide(index: DetectorIndex, allHits: readonly PlacedHit[], segments: readonly Segment[], url?: string): Detection {
  const steps = decideSteps(index, allHits, segments, url);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `decide` a locality at a time: the generator pauses after each locality it has judged (and every
 * few thousand hits while it sorts them into localities), so a caller can spread a page of many
 * articles over several slices of idle time (content/watch/full-pass.ts). It decides over the hits
 * and segments there were when it started.
 */
export function* decideSteps(index: DetectorIndex, allHits: readonly PlacedHit[], segments: readonly Segment[], url?: string): Generator<void, Detection, void> {
  // A pause every STEP_HITS hits while they are sorted out, too: a large page has tens of thousands.
  const hits: PlacedHit[] = [];
  const total = allHits.length;
  const read = segments.length;
  for (let k = 0; k < total; k++) {
    const h = allHits[k]!;
    if (!segments[h.segment]?.furniture) hits.push(h);
    if (k % STEP_HITS === STEP_HITS - 1) yield;
  }
  const ignored = total - hits.length;
  const origin = (segment: number) => segments[segment]?.origin ?? 'body';

  const signals: Signal[] = [];
  const families = new Set<string>();
  const recognised = new Map<string, Strength>();
  const carriers: number[] = [];

  let knownUrl: { strong: boolean; familyId?: string } | undefined;
  if (url) {
    for (const rule of index.urls) {
      if (!urlUnderPrefix(rule.prefix, url)) continue;
      const strong = rule.strength === 'strong';
      knownUrl = { strong, ...(rule.familyId ? { familyId: rule.familyId } : {}) };
      signals.push({
        kind: 'url',
        rule: 'known-url',
        decisive: strong,
        strength: strong ? 'strong' : 'medium',
        label: `known story URL: ${rule.label}`,
        text: url,
        score: strong ? SCORE.decisive : SCORE.supporting,
        ...(rule.familyId ? { familyId: rule.familyId } : {}),
        origin: 'url',
        segment: -1,
      });
      if (strong) for (const f of rule.familyId ? [rule.familyId] : Object.keys(index.families)) families.add(f);
    }
  }

  // Localities: each item (post, article) when the page has several, else the whole page; the posts
  // of a thread its author numbered are one (`threads`).
  const items = new Set<number>();
  /** Each item's thread counter (k/n), where one of its blocks of prose starts or ends with one. */
  const counters = new Map<number, [number, number]>();
  // The block being read (body segments run on until the next block starts): its item, its first and
  // last segments and its length. Its ends are put together only where a slash is near them, so a
  // page's blocks cost a look at their ends, not a string each.
  let blockItem: number | undefined;
  let first = -1;
  let last = -1;
  let length = 0;
  const endBlock = () => {
    if (blockItem === undefined || counters.has(blockItem)) return;
    const a = segments[first]!.text;
    const z = segments[last]!.text;
    if (a.length >= COUNTER_EDGE && z.length >= COUNTER_EDGE && !slashNear(a, false) && !slashNear(z, true)) return;
    let head = '';
    let tail = '';
    for (let k = first; k <= last && head.length < COUNTER_EDGE; k++) if (segments[k]!.origin === 'body') head += segments[k]!.text.slice(0, COUNTER_EDGE - head.length);
    for (let k = last; k >= first && tail.length < COUNTER_EDGE; k--) if (segments[k]!.origin === 'body') tail = segments[k]!.text.slice(-(COUNTER_EDGE - tail.length)) + tail;
    const counter = threadCounter(head, tail, length);
    if (counter) counters.set(blockItem, counter);
  };
  // Each segment's block: the first segment of the run of text it is in.
  const blocks = new Int32Array(read);
  const blockOf = (segment: number) => blocks[segment] ?? segment;
  for (let k = 0; k < read; k++) {
    const { item, text, block, origin: from } = segments[k]!;
    blocks[k] = block || k === 0 ? k : blocks[k - 1]!;
    if (item !== undefined) items.add(item);
    // A label, alt text or caption neither ends a post's block of prose nor joins it.
    if (from === 'body') {
      if (block) {
        endBlock();
        blockItem = item;
        first = k;
        length = 0;
      }
      last = k;
      length += text.length;
    }
    if (k % STEP_HITS === STEP_HITS - 1) yield;
  }
  endBlock();
  const thread = threads([...items], counters);
  const localityOf = (h: PlacedHit) => {
    if (items.size < 2) return 0;
    const item = segments[h.segment]?.item ?? -1;
    return thread.get(item) ?? item;
  };
  const groups = new Map<number, PlacedHit[]>();
  for (let k = 0; k < hits.length; k++) {
    push(groups, localityOf(hits[k]!), hits[k]!);
    if (k % STEP_HITS === STEP_HITS - 1) yield;
  }
  const given = new Set<string>();
  for (const group of groups.values()) {
    const locality = new Locality(index, group, origin, knownUrl, given, blockOf, (segment) => {
      const here = segments[segment];
      if (!here) return undefined;
      // A name and its initial in two segments of one run of text ("<b>Muharrem</b> K.", where the hit
      // may be placed in either): the end of the one before and the start of the one after too.
      const before = segments[segment - 1];
      const after = segments[segment + 1];
      return (before && !here.block ? before.text.slice(-40) : '') + here.text + (after && !after.block ? after.text.slice(0, 8) : '');
    });
    locality.judge();
    signals.push(...locality.signals);
    for (const f of locality.families) families.add(f);
    for (const [p, s] of locality.recognised) if (!recognised.has(p) || s === 'strong') recognised.set(p, s);
    if (locality.carrier >= 0) carriers.push(locality.carrier);
    yield;
  }

  const decisive = signals.filter((s) => s.decisive);
  const matched = decisive.length > 0;
  const score = Math.round(signals.reduce((sum, s) => sum + s.score, 0));
  const furnitureNote = ignored > 0 ? `; ${ignored} hit(s) in page furniture (nav, aside, footer) not counted` : '';
  const candidates = signals.filter((s) => s.kind === 'name' || s.kind === 'place').map((s) => s.label);
  const reason =
    (matched
      ? `matched: ${decisive.map((s) => `${s.rule}: ${s.label}`).join('; ')}`
      : candidates.length > 0
        ? `no match: nothing specific to the families corroborates what was found (${candidates.slice(0, 3).join('; ')})`
        : signals.length > 0
          ? `no match: only the story’s generic vocabulary (${signals.map((s) => s.label).slice(0, 4).join('; ')}), which never decides`
          : 'no match: nothing of the story on the page') + furnitureNote;

  return {
    matched,
    score,
    families: matched ? [...families] : [],
    people: matched ? [...recognised.keys()] : [],
    signals,
    reason,
    carriers: matched ? [...new Set(carriers)].sort((a, b) => a - b) : [],
  };
}


