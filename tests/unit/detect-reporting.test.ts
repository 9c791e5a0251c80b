/**
 * Coverage that names a child alone (state-media rebuttals): recognised when something of the
 * family's own is near (a place, another member) with the story's reporting around it; a summary that
 * names nobody and tells no event in particular is generic vocabulary, and stays unmatched, as do
 * look-alikes with part of that vocabulary.
 */
import { describe, expect, it } from 'vitest';
import rawDataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector } from '../../core/detect/detect';

const detector = new Detector(buildMatchIndex(parseDataset(rawDataset), 'test'));
const detect = (text: string) => detector.detect([{ text, origin: 'body', block: true }]);

describe('a rare given name inside the story’s reporting', () => {
  it.each([
    ['state-media rebuttal naming the girl alone', 'Xinjiang girl Muhlisa refutes CNN: I live happily with my grandparents in Kashgar.', ['muhlise']],
  ])('%s matches', (_label, text, people) => {
    const d = detect(text);
    expect(d.matched, d.reason).toBe(true);
    expect(d.people).toEqual(people);
  });

  it.each([
    ['a restaurant called Muhlis with travel words', 'Muhlis Kebab opens near Kashgar Street in Adelaide, Uyghur food fans say, CNN Travel reports.'],
    ['the girl’s name without the reporting around it', 'Muhlisa won the spelling bee at her school in Kashgar, Xinjiang.'],
    ['a Chinese summary naming nobody and telling no event in particular', '美国有线电视新闻网(CNN)报道了两个被分离的维吾尔族家庭。中国政府称这些父母是恐怖分子。'],
    ['reporting words around another child’s name', 'Xinjiang girl Aynur tells CNN she lives happily with her grandparents in Kashgar.'],
  ])('%s does not match', (_label, text) => {
    const d = detect(text);
    expect(d.matched, d.reason).toBe(false);
  });
});
