import { describe, expect, it } from 'vitest';
import { locateFolded } from '../../core/text/locate';

describe('locateFolded', () => {
  it.each([
    ['Mamutjan Abdurehim said', 'mamutjan', [[0, 8]]],
    ['said MAMUTJAN.', 'mamutjan', [[5, 13]]],
    ['Mamut\u200bjan Abdure\u00adhim', 'mamutjan abdurehim', [[0, 20]]],
    ['Zümeryem and Zumeryem', 'zumeryem', [[0, 8], [13, 21]]],
    ['Abdurehim\n  Mamutjan', 'abdurehim mamutjan', [[0, 20]]],
    ['nothing here', 'mamutjan', []],
  ] as const)('%j finds %s', (text, needle, spans) => {
    const found = locateFolded(text, needle).map((s) => [s.start, s.end]);
    expect(found).toEqual(spans);
  });
});
