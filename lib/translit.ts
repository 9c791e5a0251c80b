/**
 * Spelling variants of Uyghur names in Latin letters, generated from transliteration rules rather
 * than listed one by one.
 *
 * Real coverage spells the same name through different routes: Uyghur Latin (Muherrem), Turkish
 * (Muharrem, Mamutcan), English press by ear (Mukhlise), Pinyin-derived state-media renderings
 * (Muharram, Ablat), German (Jahja). Each rule below says which letters or letter groups stand in for
 * one another. A variant may differ from the known spelling in at most `maxEdits` places, which keeps
 * variants close to real spellings and away from unrelated words.
 *
 * Input and output are folded (lower case, no diacritics; see lib/fold.ts).
 */

/** Groups of spellings that transliteration routes swap for one another. */
const UNIT_ALTERNATIVES: Record<string, string[]> = {
  a: ['e'],
  e: ['a', 'i'],
  i: ['e', 'y'],
  o: ['u'],
  u: ['o'],
  h: ['kh', 'x'],
  kh: ['h', 'x'],
  x: ['h', 'kh', 'sh'],
  j: ['c', 'dj', 'dzh', 'zh'],
  c: ['j', 'ch'],
  ch: ['c', 'q'],
  q: ['k'],
  k: ['q'],
  sh: ['s', 'x', 'sch'],
  gh: ['g'],
  w: ['v'],
  v: ['w'],
  y: ['i', 'j'],
};

/** Letters written double in one route and single in another (Muherrem / Muherem). */
const DOUBLES = new Set(['r', 'l', 'm', 'n', 's', 't', 'd', 'b', 'k']);

const DIGRAPHS = ['dzh', 'sch', 'sh', 'ch', 'gh', 'kh', 'zh', 'dj'];

/** Split a folded word into units: digraphs first, then doubled consonants, then single letters. */
export function units(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; ) {
    const di = DIGRAPHS.find((d) => word.startsWith(d, i));
    if (di) {
      out.push(di);
      i += di.length;
      continue;
    }
    const c = word[i]!;
    if (DOUBLES.has(c) && word[i + 1] === c) {
      out.push(c + c);
      i += 2;
      continue;
    }
    out.push(c);
    i += 1;
  }
  return out;
}

function alternativesOf(unit: string, isLast: boolean): string[] {
  if (unit.length === 2 && unit[0] === unit[1] && DOUBLES.has(unit[0]!)) return [unit[0]!];
  const alts = UNIT_ALTERNATIVES[unit] ?? [];
  // Final -e is often written -a by state media and by ear (Muhlise / Muhlisa, Shehide / Shahida).
  if (isLast && unit === 'e') return [...new Set([...alts, 'a'])];
  return alts;
}

/**
 * All spellings of `word` within `maxEdits` unit substitutions (the word itself included), at most
 * `limit` of them, closest first. Words shorter than 4 letters get no variants: they are too easily
 * someone else's word.
 */
export function spellingVariants(word: string, maxEdits = 2, limit = 400): string[] {
  const w = word.toLowerCase();
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return [w];
  const u = units(w);
  const seen = new Set<string>([w]);
  let frontier: Array<{ parts: string[]; from: number }> = [{ parts: u, from: 0 }];
  for (let edit = 1; edit <= maxEdits && seen.size < limit; edit++) {
    const nextFrontier: typeof frontier = [];
    for (const { parts, from } of frontier) {
      for (let i = from; i < parts.length; i++) {
        // Only substitute units still as in the original (one edit per position).
        if (parts[i] !== u[i]) continue;
        for (const alt of alternativesOf(u[i]!, i === u.length - 1)) {
          const next = parts.slice();
          next[i] = alt;
          const s = next.join('');
          if (seen.has(s)) continue;
          seen.add(s);
          nextFrontier.push({ parts: next, from: i + 1 });
          if (seen.size >= limit) break;
        }
      }
    }
    frontier = nextFrontier;
  }
  return [...seen];
}
