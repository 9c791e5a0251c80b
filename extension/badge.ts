/**
 * The toolbar badge's colours, in one place. Burnt orange stands apart from the icon's blue, and white
 * text on it reads at better than 4.5:1; the badge itself contrasts at least 3:1 with light and dark
 * toolbars alike (tests/unit/icons.test.ts checks all three).
 */
import type { Translate } from '../core/i18n';

export const BADGE_COLORS = { background: '#c0481e', text: '#ffffff' } as const;

/**
 * The toolbar button's tooltip on a matching tab, in the reader's interface language (the manifest's
 * `actionTitle` follows only the browser's): what the badge's number or tick means. `people` below
 * zero: no match, the manifest's title in the reader's language.
 */
export function badgeTitle(t: Translate, people: number): string {
  if (people < 0) return t('badge.none');
  return people === 1 ? t('badge.one') : people > 1 ? t('badge.many', { n: people }) : t('badge.matched');
}
