/**
 * Fuzzing matching (core/detect/detect.ts, with the index built from the bundled dataset) and
 * anchoring (core/annotations/anchoring.ts). See docs/fuzzing.md.
 *
 * Matching: a family member's full name put anywhere in random prose (Latin, CJK, Arabic, any Unicode
 * around it) is found as that person's full name; the same prose without it is not; no text throws.
 * Anchoring: after random edits around (or inside) a quoted passage, `anchor` finds text equal to the
 * quote, or (fuzzy) within the edits it allows of it, or returns null: never a range over unrelated text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import dataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector, type Segment } from '../../core/detect/detect';
import { anchor, describe as describeRange } from '../../core/annotations/anchoring';
import { FUZZ_TIMEOUT, fuzzParams } from './fuzz-options';

const parsed = parseDataset(dataset);
const detector = new Detector(buildMatchIndex(parsed, 'fuzz'));

/** Every full name the dataset attests (given and family name), with its person. */
const FULL_NAMES = parsed.people.flatMap((p) => p.names.filter((n) => n.script === 'Latn' && n.text.trim().includes(' ')).map((n) => ({ personId: p.id, text: n.text })));
/** Every word of every name: random prose must not contain them, or "removed" would not mean absent. */
const NAME_WORDS = new Set(parsed.people.flatMap((p) => p.names.flatMap((n) => n.text.toLowerCase().split(/\s+/))));

const LATIN_WORDS = ['the', 'family', 'said', 'news', 'video', 'report', 'Italy', 'Adelaide', 'school', 'children', 'father', 'mother', 'letter', 'März', 'Çocuk', 'niño', 'école', 'O’Brien', 'e-mail', 'A4', '2021'];
const cjkWord = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 });
const arabicWord = fc.string({ unit: fc.integer({ min: 0x0621, max: 0x064a }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 });
const latinWord = fc.oneof(fc.constantFrom(...LATIN_WORDS), fc.stringMatching(/^[a-zA-Z]{1,10}$/));
const anyWord = fc.string({ unit: 'binary', minLength: 1, maxLength: 6 });
const word = fc
  .oneof({ weight: 3, arbitrary: latinWord }, { weight: 2, arbitrary: cjkWord }, { weight: 2, arbitrary: arabicWord }, { weight: 1, arbitrary: anyWord })
  .filter((w) => !w.toLowerCase().split(/\s+/).some((part) => NAME_WORDS.has(part)));
/** What may stand between words and around a name: white space, punctuation of several scripts, invisibles. */
const gap = fc.constantFrom(' ', '  ', '\n', '\u00a0', ', ', '. ', ' (', ') ', ' "', '" ', '، ', '。', '，', '、', '：', ' — ', ' \u200b');
const prose = fc.array(fc.tuple(word, gap), { maxLength: 40 }).map((parts) => parts.map(([w, g]) => w + g));
/** The name as a page may print it: as attested, upper or lower case, words apart by any white space. */
const nameOnPage = fc
  .tuple(fc.constantFrom(...FULL_NAMES), fc.constantFrom('as-is', 'upper', 'lower'), fc.constantFrom(' ', '  ', '\n', '\u00a0', ' \u200b', '\t'))
  .map(([name, casing, space]) => {
    const text = casing === 'upper' ? name.text.toUpperCase() : casing === 'lower' ? name.text.toLowerCase() : name.text;
    return { personId: name.personId, text: text.split(' ').join(space) };
  });

const segmentsOf = (text: string): Segment[] => [{ text, origin: 'body', block: true }];
const fullNameOf = (text: string, personId: string) =>
  detector.detect(segmentsOf(text)).signals.some((s) => s.kind === 'name' && s.label.startsWith('full name') && s.personId === personId);

describe('fuzz: matching', () => {
  it(
    'finds a full name put anywhere in random prose, and not once it is taken out',
    () => {
      fc.assert(
        fc.property(prose, nameOnPage, fc.nat(), fc.tuple(gap, gap), (words, name, at, [before, after]) => {
          const i = words.length === 0 ? 0 : at % (words.length + 1);
          const head = words.slice(0, i).join('');
          const tail = words.slice(i).join('');
          const withName = `${head}${before}${name.text}${after}${tail}`;
          expect(fullNameOf(withName, name.personId), withName).toBe(true);
          expect(fullNameOf(`${head}${before}${after}${tail}`, name.personId)).toBe(false);
        }),
        fuzzParams(400),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'never throws on random text, in one segment or many',
    () => {
      const anyText = fc.string({ unit: 'binary', maxLength: 400 });
      fc.assert(
        fc.property(fc.array(fc.oneof(anyText, prose.map((w) => w.join(''))), { minLength: 1, maxLength: 6 }), fc.boolean(), (texts, block) => {
          const d = detector.detect(texts.map((text) => ({ text, origin: 'body', block })), 'https://example.org/a');
          expect(typeof d.matched).toBe('boolean');
        }),
        fuzzParams(400),
      );
    },
    FUZZ_TIMEOUT,
  );
});

/** Levenshtein distance (small strings only: quotes of a few hundred characters). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Text from a small alphabet, so quotes recur and near-copies are common (the hard case for telling
 * occurrences apart), with white space of several kinds.
 */
const smallText = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', ' ', ' ', '\n', '\u00a0', '.', 'é', '维'), minLength: 1, maxLength: 300 });
/** One edit: insert text at a point, or delete a span (positions as fractions, fitted to the text). */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(smallText, fc.string({ maxLength: 20 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
);

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number };

/** Apply edits to the text around the quote only (`inside` false), or anywhere. */
function applyEdits(before: string, quote: string, after: string, edits: readonly Edit[], inside: boolean) {
  let text = before + quote + after;
  let qStart = before.length;
  let qEnd = qStart + quote.length;
  for (const e of edits) {
    let at = Math.floor(e.at * (text.length + 1));
    if (!inside && at > qStart && at < qEnd) at = e.at < 0.5 ? qStart : qEnd; // keep out of the quote
    if (e.kind === 'insert') {
      text = text.slice(0, at) + e.text + text.slice(at);
      if (at <= qStart) qStart += e.text.length;
      if (at < qEnd || (at === qEnd && inside)) qEnd += e.text.length;
    } else {
      let end = Math.min(text.length, at + e.length);
      if (!inside && at < qEnd && end > qStart) end = Math.min(end, qStart); // do not reach into the quote
      if (end <= at) continue;
      text = text.slice(0, at) + text.slice(end);
      const cut = (p: number) => (p <= at ? p : p >= end ? p - (end - at) : at);
      qStart = cut(qStart);
      qEnd = cut(qEnd);
    }
  }
  return { text, quoteStillThere: text.slice(qStart, qEnd) === quote };
}

const passage = fc
  .tuple(smallText, smallText, smallText)
  .filter(([, quote]) => quote.trim().length > 0)
  .map(([before, quote, after]) => ({ before, quote, after }));

describe('fuzz: anchoring', () => {
  it(
    'after edits around a quote, finds text equal to it (the quote is still there to find)',
    () => {
      fc.assert(
        fc.property(passage, fc.array(edit, { maxLength: 6 }), ({ before, quote, after }, edits) => {
          const selectors = describeRange(before + quote + after, { start: before.length, end: before.length + quote.length });
          const { text, quoteStillThere } = applyEdits(before, quote, after, edits, false);
          expect(quoteStillThere).toBe(true);
          const found = anchor(text, selectors);
          expect(found).not.toBeNull();
          expect(squash(text.slice(found!.start, found!.end))).toBe(squash(quote));
        }),
        fuzzParams(600),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'after edits anywhere, finds text equal or close to the quote, or says orphaned: never unrelated text',
    () => {
      fc.assert(
        fc.property(passage, fc.array(edit, { minLength: 1, maxLength: 6 }), ({ before, quote, after }, edits) => {
          const selectors = describeRange(before + quote + after, { start: before.length, end: before.length + quote.length });
          const { text } = applyEdits(before, quote, after, edits, true);
          const found = anchor(text, selectors);
          if (!found) return; // orphaned: allowed
          const got = text.slice(found.start, found.end);
          const want = squash(quote);
          if (found.method !== 'fuzzy') expect(squash(got)).toBe(want);
          // The fuzzy search allows min(32, quote length / 4) edits: no more may separate the two
          // (white space runs compared as one space, as anchoring does; an edge space counts as an edit).
          else expect(editDistance(got.replace(/\s+/g, ' '), want)).toBeLessThanOrEqual(Math.min(32, Math.floor(want.length / 4)));
        }),
        fuzzParams(600),
      );
    },
    FUZZ_TIMEOUT,
  );
});
