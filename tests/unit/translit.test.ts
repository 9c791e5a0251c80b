/** Spelling variants generated from transliteration rules (core/text/translit.ts). */
import { describe, expect, it } from 'vitest';
import { arabicRenderings, pinyinRenderings, spellingVariants } from '../../core/text/translit';
import { hangulRenderings, katakanaRenderings, kazakhRenderings } from '../../core/text/translit-asia';

describe('translit', () => {
  it.each([
    ['muherrem', 'muharrem'],
    ['muhlise', 'muhlisa'],
    ['muhlise', 'mukhlise'],
    ['mamutjan', 'mamutcan'],
    ['mihriban', 'mehriban'],
    ['shehide', 'shahida'],
    ['zumeryem', 'zumeryam'],
  ])('spellingVariants(%s) includes %s', (word, variant) => {
    expect(spellingVariants(word)).toContain(variant);
  });

  it('gives short words no variants', () => expect(spellingVariants('ali')).toEqual(['ali']));

  it.each([
    ['mamutjan', 'maimaitijiang'],
    ['abdurehim', 'abudureyimu'],
    ['ablikim', 'abulikemu'],
  ])('pinyinRenderings(%s) includes %s', (word, rendering) => {
    expect(pinyinRenderings(word)).toContain(rendering);
  });

  it.each([
    ['mihriban', 'مهربان'],
    ['kader', 'قادر'],
    ['ablikim', 'ابليكيم'],
    ['mamtinin', 'ممتنين'],
    ['zumeryem', 'زمريم'],
    ['shehide', 'شهيده'],
    ['muhammad', 'محمد'],
    ['yehya', 'يحيي'],
  ])('arabicRenderings(%s) includes %s (folded)', (word, rendering) => {
    expect(arabicRenderings(word)).toContain(rendering);
  });
});

describe('renderings in katakana, hangul and Kazakh Cyrillic (core/text/translit-asia.ts)', () => {
  // The forms Japanese, Korean and Kazakh coverage prints (tests/fixtures/corpus/pages/{ja,ko,kk}).
  it.each([
    ['mamutjan', 'マムトジャン'],
    ['abdurehim', 'アブドゥレヒム'],
    ['muherrem', 'ムヘレム'],
    ['ablet', 'アブレット'],
    ['muhlise', 'ムフリセ'],
    ['ablikim', 'アブリキム'],
    ['mamtinin', 'マムティニン'],
    ['mihriban', 'ミフリバン'],
    ['kader', 'カデル'],
    ['muhammad', 'ムハンマド'],
  ])('katakanaRenderings(%s) includes %s', (word, rendering) => {
    expect(katakanaRenderings(word)).toContain(rendering);
  });

  it.each([
    ['mamutjan', '마무트잔'],
    ['abdurehim', '압두레힘'],
    ['muherrem', '무헤렘'],
    ['muhlise', '무흘리세'],
    ['ablikim', '아블리킴'],
    ['mamtinin', '맘티닌'],
    ['mihriban', '미흐리반'],
    ['kader', '카데르'],
    ['zumeryem', '주메르옘'],
    ['yehya', '예흐야'],
    ['muhammad', '무함마드'],
    ['shehide', '셰히데'],
  ])('hangulRenderings(%s) includes %s', (word, rendering) => {
    expect(hangulRenderings(word)).toContain(rendering);
  });

  it.each([
    ['ablikim', 'әблікім'],
    ['mihriban', 'миһрибан'],
    ['muherrem', 'мүһәррәм'],
    ['muhlisa', 'мұхлиса'],
    ['abdurehim', 'абдуреһим'],
    // An Abdu- name as Kazakh writes the Arabic "servant of" names (Әбдірахман): round 63's p18.
    ['abdurehim', 'әбдірехим'],
    ['yehya', 'еһя'],
  ])('kazakhRenderings(%s) includes %s', (word, rendering) => {
    expect(kazakhRenderings(word)).toContain(rendering);
  });

  it('the harmony of a word follows its velars: k makes Ablikim front (Әблікім), never back (Аблыкым)', () => {
    expect(kazakhRenderings('ablikim')).not.toContain('аблыкым');
  });

  it('gives short or non-Latin words none', () => {
    for (const f of [katakanaRenderings, hangulRenderings, kazakhRenderings]) {
      expect(f('ali')).toEqual([]);
      expect(f('мамут')).toEqual([]);
    }
  });
});
