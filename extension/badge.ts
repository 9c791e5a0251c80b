/**
 * The toolbar badge's colours, in one place. Burnt orange stands apart from the icon's blue, and white
 * text on it reads at better than 4.5:1; the badge itself contrasts at least 3:1 with light and dark
 * toolbars alike (tests/unit/icons.test.ts checks all three).
 */
export const BADGE_COLORS = { background: '#c0481e', text: '#ffffff' } as const;
