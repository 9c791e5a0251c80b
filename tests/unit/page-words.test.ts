/**
 * "Why am I seeing this?" quotes the page's own words, not the folded form the matcher compared
 * (content/page-words.ts): homophone characters, Traditional script, case and marks come back as the
 * page wrote them.
 */
import { describe, expect, it } from 'vitest';
import rawDataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector } from '../../core/detect/detect';
import { foldPattern } from '../../core/text/fold';
import { pageWords } from '../../content/page-words';

const detector = new Detector(buildMatchIndex(parseDataset(rawDataset), 'test'));
const table = detector.foldTable;

function textNode(text: string): Text {
  const p = document.createElement('p');
  p.textContent = text;
  return p.firstChild as Text;
}

describe('pageWords', () => {
  it('reads patterns as the scanner reads pages: a break where a digit meets a letter, and where scripts change', () => {
    expect(foldPattern('CGTN China24', table)).toBe('cgtn china 24');
    expect(foldPattern('4月9日', table).split(' ').length).toBeGreaterThan(1);
  });

  it.each([
    ['a Chinese date whose day the index reads as a homophone', '外交部 4月9日 在乌鲁木齐举行发布会', '4月9日'],
    ['a name in Traditional characters', '穆合麗莎和她的弟弟', '穆合麗莎'],
    ['a Latin name with case and marks', 'Said MIHRIBAN Kadér on Tuesday', 'MIHRIBAN Kadér'],
    ['a channel whose name runs a word into a number', 'aired on CGTN China24 on 27 March', 'CGTN China24'],
  ])('gives back %s as the page writes it', (_what, text, raw) => {
    const folded = foldPattern(raw, table);
    expect(folded).not.toBe(raw);
    expect(pageWords(textNode(text), folded, table)).toBe(raw);
  });

  it('finds joined evidence part by part', () => {
    const folded = `${foldPattern('4月9日', table)} … ${foldPattern('乌鲁木齐', table)}, ${foldPattern('CNN', table)}`;
    expect(pageWords(textNode('CNN 报道：4月9日，乌鲁木齐'), folded, table)).toBe('4月9日 … 乌鲁木齐, CNN');
  });

  it('keeps the matched form where the page text is not there to search', () => {
    expect(pageWords(undefined, 'mihriban kader', table)).toBe('mihriban kader');
    expect(pageWords(textNode('nothing of it here'), 'mihriban kader', table)).toBe('mihriban kader');
  });
});
