/**
 * The incremental session (feeds, single-page apps) decides exactly as a whole-page scan would, and
 * a page that becomes about the story later is recognised then.
 */
import { describe, expect, it } from 'vitest';
import rawDataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector, type Segment } from '../../core/detect/detect';

const detector = new Detector(buildMatchIndex(parseDataset(rawDataset), 'test'));
const seg = (text: string): Segment => ({ text, origin: 'body', block: true });

const unrelated = Array.from({ length: 50 }, (_, i) => seg(`Post ${i}: the weather in Adelaide is mild and the football was good.`));
const story = [
  seg('Uyghur parents in Italy, Mihriban Kader and Ablikim Memtinin, say the Chinese government will not let their children leave Xinjiang.'),
];

describe('DetectionSession', () => {
  it('decides like a single scan when text arrives in batches', () => {
    const whole = detector.detect([...unrelated, ...story]);
    const session = detector.session();
    for (let i = 0; i < unrelated.length; i += 7) session.add(unrelated.slice(i, i + 7));
    expect(session.decide().matched).toBe(false);
    session.add(story);
    const late = session.decide();
    expect(late.matched).toBe(true);
    expect(late.people.sort()).toEqual(whole.people.sort());
    expect(late.families).toEqual(whole.families);
  });

  it('does not join words across batches', () => {
    const session = detector.session();
    session.add([{ text: 'Mamut', origin: 'body', block: false }]);
    session.add([{ text: 'jan Abdurehim, Uyghur father in Adelaide', origin: 'body', block: false }]);
    expect(session.decide().people).not.toContain('mamutjan-abdurehim');
  });

  it('keeps hits from earlier batches when deciding again', () => {
    const session = detector.session();
    session.add(story);
    expect(session.decide().matched).toBe(true);
    session.add(unrelated);
    expect(session.decide().matched).toBe(true);
  });

  describe('a page of many articles on the region', () => {
    // 300 articles about Kashgar, Uyghurs and Italy, none naming the families; the story's near the end.
    const articles = Array.from({ length: 300 }, (_, i): Segment => ({ text: `Article ${i}: a Uyghur trader in Kashgar sold carpets to a buyer from Italy.`, origin: 'body', block: true, item: i }));
    const page = [...articles, { ...story[0]!, item: 300 }];

    it('explains itself with each place and word once, not once an article', () => {
      const d = detector.detect(page);
      expect(d.matched).toBe(true);
      const keys = d.signals.filter((s) => !s.decisive).map((s) => `${s.rule} ${s.label}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(d.signals.filter((s) => s.label.endsWith('Kashgar'))).toHaveLength(1);
      expect(d.signals.length).toBeLessThan(20);
    });

    it('is decided an article at a time, to the same decision', () => {
      const session = detector.session();
      session.add(page);
      const steps = session.decideSteps();
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      // A pause after each of the 301 articles, and every few thousand hits while they are sorted.
      expect(pauses).toBeGreaterThanOrEqual(301);
      expect(pauses).toBeLessThan(310);
      expect(step.value).toEqual(detector.detect(page));
    });
  });
});

