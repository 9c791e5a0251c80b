/**
 * Mutation tests: each family member's full name, respelled along each route coverage uses, in a
 * sentence with the family's own place, must still be recognised as that person (rule full-name);
 * the same sentence without the name must not match. Respellings come from the transliteration rules
 * (core/text/translit.ts, core/detect/compile/chinese-route.ts), applied to the dataset's Latin names.
 */
import { describe, expect, it } from 'vitest';
import rawDataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector } from '../../core/detect/detect';
import { byEarVariants, cyrillicRenderings, pinyinRenderings, uyghurArabic } from '../../core/text/translit';
import { hangulRenderings, katakanaRenderings, kazakhRenderings } from '../../core/text/translit-asia';
import { hanziPattern, pinyinForms, syllabify } from '../../core/detect/compile/chinese-route';

const dataset = parseDataset(rawDataset);
const detector = new Detector(buildMatchIndex(dataset, 'test'));
const detect = (text: string) => detector.detect([{ text, origin: 'body', block: true }]);

/** The family's place, in the scripts the respellings use. */
const PLACE: Record<string, string> = {
  'family-abdurehim': 'Adelaide 阿德莱德 ئادېلايد Аделаида アデレード 애들레이드',
  'family-mamtinin-kader': 'Italy 意大利 ئىتالىيە Италия イタリア 이탈리아',
};

const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
/** Respellings of one Latin word along each route. */
const ROUTES: Array<[string, (w: string) => string[]]> = [
  ['by ear, one edit', (w) => [...byEarVariants(w)].filter(([, d]) => d === 1).map(([v]) => capital(v)).slice(0, 3)],
  ['the Pinyin route, joined', (w) => pinyinRenderings(w).slice(0, 2).map(capital)],
  ['the Pinyin route, split by syllable', (w) => pinyinRenderings(w).slice(0, 1).flatMap((r) => (syllabify(r)[0] ? [pinyinForms(syllabify(r)[0]!).at(-1)!] : []))],
  ['Chinese characters by reading', (w) => pinyinRenderings(w).slice(0, 1).flatMap((r) => { const s = syllabify(r)[0]; return s && s.length >= 3 ? [hanziPattern(s) ?? ''] : []; })],
  ['Uyghur Arabic script', (w) => [uyghurArabic(w)]],
  ['Cyrillic', (w) => cyrillicRenderings(w).slice(0, 2)],
  ['Kazakh Cyrillic', (w) => kazakhRenderings(w).slice(0, 3)],
  ['Japanese katakana', (w) => katakanaRenderings(w).slice(0, 2)],
  ['Korean hangul', (w) => hangulRenderings(w).slice(0, 2)],
];

/** How each route joins given and family name: Chinese and Japanese with a dot or nothing, Korean with a space or a dot. */
const JOINERS: Array<[RegExp, string[]]> = [
  [/[\u4e00-\u9fff]/, ['·']],
  [/[\u30a0-\u30ff]/, ['・', '＝', '']],
  [/[\uac00-\ud7a3]/, [' ', '·']],
];
const joinersOf = (word: string) => JOINERS.find(([re]) => re.test(word))?.[1] ?? [' '];
/** What follows the name in each script: a Japanese honorific, a Korean particle, else nothing. */
const suffixOf = (word: string) => (/[\u30a0-\u30ff]/.test(word) ? 'さんは' : /[\uac00-\ud7a3]/.test(word) ? '씨는' : '');

const people = dataset.people.filter((p) => p.names.some((n) => n.kind === 'primary' && n.script === 'Latn' && n.text.includes(' ')));

describe.each(people.map((p) => [p.displayName, p] as const))('%s', (_name, person) => {
  const [given, family] = person.names.find((n) => n.kind === 'primary')!.text.toLowerCase().split(' ') as [string, string];
  it.each(ROUTES.map(([route, f]) => [route, f] as const))('respelled %s', (_route, respell) => {
    const givens = respell(given).filter(Boolean);
    const families = respell(family).filter(Boolean);
    const pairs = givens.flatMap((g) => families.slice(0, 2).map((f) => [g, f] as const)).slice(0, 4);
    for (const [g, f] of pairs) {
      for (const joiner of joinersOf(g)) {
        const text = `${g}${joiner}${f}${suffixOf(g)} — ${PLACE[person.familyId]}`;
        const d = detect(text);
        expect(d.people, `${text}\n${d.reason}`).toContain(person.id);
        expect(d.signals.some((s) => s.rule === 'full-name' && s.personId === person.id && s.decisive), d.reason).toBe(true);
      }
    }
    expect(detect(`— ${PLACE[person.familyId]}`).matched).toBe(false);
  });
});
