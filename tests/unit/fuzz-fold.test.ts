/**
 * Fuzzing the fold (core/text/fold.ts), which every page's text goes through: any Unicode, any size,
 * never an exception, time linear in the input, and folding a folded string changes nothing (the
 * patterns are stored folded and the page text is folded again as it is scanned: a fold that is not
 * idempotent would make a pattern unmatchable). See docs/fuzzing.md.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultFoldTable, foldText } from '../../core/text/fold';
import { FUZZ_TIMEOUT, LONG_RUN, fuzzParams } from './fuzz-options';

const table = defaultFoldTable();
const fold = (s: string) => foldText(s, table);

/** Characters the fold treats specially, so random strings hit them far more often than by chance. */
const SPECIAL = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', // invisibles
  '\u0301', '\u0308', '\u064e', '\u0651', '\u0640', // combining marks, Arabic harakat, tatweel
  ' ', '\t', '\n', '\u00a0', '\u3000', '\u2028', // white space
  'İ', 'ı', 'ſ', 'ß', 'ﬁ', 'Ǆ', 'ǅ', 'K', 'Å', 'ς', 'Σ', 'ͅ', // case and compatibility oddities
  'а', 'о', 'Μ', 'Ꭺ', // homoglyphs
  'Ｍ', 'ｍ', '１', '｡', // full width and half width
  'أ', 'إ', 'آ', 'ى', 'ة', 'ي', 'ك', 'ک', // Arabic variants
  '維', '吾', '爾', '维', '语', '丶', '〇', // CJK, Traditional and Simplified
  '\ud83d\ude00', '\ud83d', '\ude00', // an emoji, and lone surrogate halves
  '.', ',', '،', '。', '、', '—', '"', '«', // punctuation
];

/** Any string: all code points (lone surrogates included) mixed with the special characters. */
const anyText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }, { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) }, { weight: 2, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Text that folds to a long result (words of several scripts): where a slow fold shows. */
const wordyText = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,12}$/),
      fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 }),
      fc.string({ unit: fc.integer({ min: 0x0621, max: 0x064a }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 }),
      anyText,
    ),
    { minLength: 20, maxLength: 40 },
  )
  .map((words) => words.join(' '));

describe('fuzz: folding', () => {
  it(
    'never throws, and folds to letters and single spaces, no longer than the input',
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const folded = fold(text);
          expect(folded.length).toBeLessThanOrEqual(text.length);
          expect(folded).not.toMatch(/^ | $| {2}/);
        }),
        fuzzParams(1500),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'is idempotent: folding a folded string changes nothing',
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const once = fold(text);
          expect(fold(once)).toBe(once);
        }),
        fuzzParams(1500),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'takes time linear in the input (10 times the text, about 10 times the time, not 30)',
    () => {
      fc.assert(
        fc.property(wordyText, (unit) => {
          // About 100 K and 1 M code units of the same text.
          const small = (unit || 'x').repeat(Math.ceil(100_000 / (unit.length || 1)));
          const large = small.repeat(10);
          const time = (s: string) => {
            let best = Infinity;
            for (let i = 0; i < 3; i++) {
              const t0 = performance.now();
              fold(s);
              best = Math.min(best, performance.now() - t0);
            }
            return best;
          };
          time(small); // warm up
          // Linear gives about 10 (up to 16 measured); folding by string concatenation gave 20 to 100
          // on such text. A busy machine only ever slows one measurement down: the least of a few
          // ratios is the fold's own.
          let ratio = Infinity;
          for (let attempt = 0; attempt < 5 && ratio >= 30; attempt++) ratio = Math.min(ratio, time(large) / Math.max(time(small), 0.05));
          expect(ratio).toBeLessThan(30);
        }),
        fuzzParams(4, LONG_RUN ? 0.002 : 1),
      );
    },
    FUZZ_TIMEOUT,
  );

  it('folds huge inputs (4 M code units of one character, or of a random mix) without an exception', () => {
    for (const huge of ['\u200b'.repeat(4_000_000), 'İ'.repeat(4_000_000), fc.sample(anyText, { seed: 1, numRuns: 2000 }).join('').repeat(10)]) {
      expect(() => fold(huge)).not.toThrow();
    }
  }, FUZZ_TIMEOUT);
});
