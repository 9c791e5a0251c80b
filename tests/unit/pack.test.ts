import { describe, expect, it } from 'vitest';
import rawDataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { packInts, unpackInts } from '../../core/text/pack';
import { MATCH_EVENTS_KEY, MATCH_GATE_KEY, MATCH_INDEX_KEY, isMatchEvents, isMatchGate, isStoredMatchIndex, packForStorage, unpackIndex } from '../../core/detect/match-index';
import { Gate, expressions } from '../../core/detect/gate';
import { Detector } from '../../core/detect/detect';

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

  it('a stored index is three records of strings, smaller, and detects exactly as the unpacked one', () => {
    const index = buildMatchIndex(parseDataset(rawDataset), 'test');
    const stored = JSON.parse(JSON.stringify(packForStorage(index)));
    const gate = stored[MATCH_GATE_KEY];
    const packed = stored[MATCH_INDEX_KEY];
    expect(isMatchGate(gate)).toBe(true);
    expect(isStoredMatchIndex(packed)).toBe(true);
    // One string per array or record set instead of thousands of numbers, arrays and objects.
    expect(Object.values(packed.automaton).every((v) => typeof v === 'string')).toBe(true);
    expect(typeof gate.fold).toBe('string');
    expect(typeof packed.records).toBe('string');
    // What every page reads is small: the prefilter's patterns (each stored once, the fragment marked;
    // its expressions are written where it is read), the events' key anchors, and the fold table, which
    // folds the homophone characters of the names' Chinese renderings (about 400 characters) too. The
    // events' other elements, in eleven languages, are a record of their own (below).
    expect(JSON.stringify(gate).length).toBeLessThan(32_000);
    expect(gate.gate.elements).toBeUndefined();
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(index).length * 0.8);
    const text = [{ text: 'Uyghur parents Mihriban Kader and Ablikim Memtinin in Italy; Muhlisa in Kashgar told CNN', origin: 'body' as const, block: true }];
    expect(new Detector(unpackIndex(gate, packed)).detect(text)).toEqual(new Detector(index).detect(text));
  });

  it('the events’ elements are a record of their own, read only where a key anchor is found, and the prefilter answers with it as with the index in memory', () => {
    const index = buildMatchIndex(parseDataset(rawDataset), 'test');
    const stored = JSON.parse(JSON.stringify(packForStorage(index)));
    const events = stored[MATCH_EVENTS_KEY];
    expect(isMatchEvents(events)).toBe(true);
    expect(events.datasetHash).toBe('test');
    expect(events.elements).toEqual(index.gate.elements);
    expect(Object.keys(events.elements).sort()).toEqual(index.gate.events.map((e) => e.id).sort());
    // Smaller than the record every page reads, though not read on every page.
    expect(JSON.stringify(events).length).toBeLessThan(32_000);
    expect(isMatchEvents({ ...events, elements: { x: [[1]] } })).toBe(false);
    expect(isMatchEvents({ ...events, format: events.format - 1 })).toBe(false);
    // The expressions written from the stored record are those of the index in memory.
    const x = expressions(stored[MATCH_GATE_KEY].gate);
    expect(x).toEqual(expressions(index.gate));
    // The folded fragments split by script are the folded fragments, each once.
    const split = x.foldedParts.flatMap((part) => part.fragments.split('|'));
    expect(split.sort()).toEqual(x.folded.split('|').sort());
    expect(x.foldedParts.length).toBeGreaterThan(3);
    const lazy = new Gate(stored[MATCH_GATE_KEY].gate, () => new Detector(index).foldTable);
    lazy.supply(events.elements);
    const whole = new Gate(index.gate, () => new Detector(index).foldTable);
    for (const text of ['Police in Shanghai stopped the children in June 2020 on their way to the Italian consulate for visas', 'A press conference in Shanghai', 'Mihriban Kader']) {
      expect(lazy.find(text)).toEqual(whole.find(text));
    }
  });
});
