/** Holding a page's result to what the tester expected; every difference is said in words. */
import type { Expectation, PageReport } from './report-schema';

type Result = Pick<PageReport, 'status' | 'matched' | 'people' | 'families' | 'errors'>;

/**
 * The differences between an expectation and a result (empty: it holds). `people` and `families`
 * list ids that must be among those found; more may be found. They are checked only when a match
 * is expected (on a page that must not match, finding nobody is the point).
 */
export function compareExpectation(expected: Expectation, result: Result): string[] {
  if (result.matched === null) {
    const why = result.errors[0]?.message ?? `status ${result.status}`;
    return [`no decision was read from the page (${result.status}: ${why})`];
  }
  const differences: string[] = [];
  if (expected.match !== undefined && expected.match !== result.matched) {
    differences.push(expected.match ? 'expected a match, but the page did not match' : 'expected no match, but the page matched');
  }
  if (expected.match !== false && result.matched) {
    for (const field of ['people', 'families'] as const) {
      const missing = (expected[field] ?? []).filter((id) => !result[field].includes(id));
      if (missing.length) {
        differences.push(`expected ${field} ${missing.join(', ')} not found (found: ${result[field].join(', ') || 'none'})`);
      }
    }
  }
  return differences;
}
