/** Spelling variants generated from transliteration rules (core/text/translit.ts). */
import { describe, expect, it } from 'vitest';
import { arabicRenderings, pinyinRenderings, spellingVariants } from '../../core/text/translit';

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
