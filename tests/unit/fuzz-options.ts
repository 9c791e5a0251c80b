/**
 * Run settings shared by the fuzz tests (fuzz-*.test.ts): deterministic by default (a fixed seed and a
 * few hundred runs, a few seconds in `npm test`), longer on request:
 *   FUZZ_RUNS=20000 npx vitest run tests/unit/fuzz-*.test.ts     (or: npm run fuzz)
 *   FUZZ_SEED=123 ...                                           (another deterministic sequence)
 * A failure prints the seed and the shrunk counterexample; rerun with that seed to reproduce it.
 */
import type { Parameters } from 'fast-check';

/** The default seed: the date of CNN's report on the two families' answer (23 April 2021). */
export const DEFAULT_SEED = 20210423;

const runs = Number(process.env.FUZZ_RUNS);
const seed = Number(process.env.FUZZ_SEED);

/** Whether a longer run was asked for (properties then take as long as they need). */
export const LONG_RUN = Number.isInteger(runs) && runs > 0;

/**
 * fast-check parameters for one property: `defaultRuns` unless FUZZ_RUNS asks for more (scaled by
 * `share`, for properties whose single run is costly).
 */
export function fuzzParams<T>(defaultRuns: number, share = 1): Parameters<T> {
  return {
    seed: Number.isInteger(seed) ? seed : DEFAULT_SEED,
    numRuns: LONG_RUN ? Math.max(1, Math.round(runs * share)) : defaultRuns,
  };
}

/** The test timeout for a property: generous for long runs, which are asked for on purpose. */
export const FUZZ_TIMEOUT = LONG_RUN ? 3_600_000 : 20_000;
