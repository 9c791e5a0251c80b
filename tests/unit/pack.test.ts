import { describe, expect, it } from 'vitest';
import rawDataset from '../../data/dataset.json';
import { parseDataset } from '../../data/schema';
import { buildMatchIndex } from '../../data/match-index-builder';
import { packInts, unpackInts } from '../../lib/pack';
import { isMatchIndex, packForStorage } from '../../lib/match-index';
import { Detector } from '../../lib/detect';

describe('packed integer arrays', () => {
  it.each([
    [[]],
    [[0, 1, 2, 65535]],
    [[0, 70000, -1, 2 ** 31 - 1]],
  ])('%j round-trips', (values) => {
    expect(Array.from(unpackInts(packInts(values)))).toEqual(values);
  });

  it('leaves plain arrays (an index stored by an older version) as they are', () => {
    expect(Array.from(unpackInts([3, 4]))).toEqual([3, 4]);
  });

  it('a packed index is smaller, still an index, and detects exactly as the unpacked one', () => {
    const index = buildMatchIndex(parseDataset(rawDataset), 'test');
    const packed = JSON.parse(JSON.stringify(packForStorage(index)));
    expect(isMatchIndex(packed)).toBe(true);
    // One string per array instead of tens of thousands of numbers, and fewer characters too.
    expect(Object.values(packed.automaton).every((v) => typeof v === 'string')).toBe(true);
    expect(typeof packed.fold).toBe('string');
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(index).length * 0.8);
    const text = [{ text: 'Uyghur parents Mihriban Kader and Ablikim Memtinin in Italy; Muhlisa in Kashgar told CNN', origin: 'body' as const, block: true }];
    expect(new Detector(packed).detect(text)).toEqual(new Detector(index).detect(text));
  });
});
