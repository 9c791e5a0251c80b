/** The toolbar button's tooltip on a tab: what the badge means, in the reader's interface language. */
import { describe, expect, it } from 'vitest';
import { badgeTitle } from '../../extension/badge';
import { translator } from '../../core/i18n';

describe('badgeTitle', () => {
  it.each([
    ['en', 3, 'Backstory: 3 people from the story on this page'],
    ['en', 1, 'Backstory: 1 person from the story on this page'],
    ['en', 0, 'Backstory: this page is about the story'],
    ['en', -1, 'Backstory: context for this page'],
    ['zh-CN', 2, 'Backstory：此页面提到该报道中的 2 人'],
    ['zh-TW', 2, 'Backstory：此頁面提到該報導中的 2 人'],
    ['it', 2, 'Backstory: 2 persone della notizia in questa pagina'],
    ['tr', 2, 'Backstory: bu sayfada haberden 2 kişi'],
    // the number isolated inside the Arabic-script sentence
    ['ug', 2, 'Backstory: بۇ بەتتە خەۋەردىكى \u20682\u2069 كىشى بار'],
  ] as const)('%s, %i people', (locale, people, expected) => {
    expect(badgeTitle(translator(locale), people)).toBe(expected);
  });
});
