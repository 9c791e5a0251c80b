/**
 * The blind probes (tests/fixtures/corpus/probe): pages written from the sources alone, by writers who
 * did not see the project's rules, decided as the content script decides (tests/support/corpus.ts).
 * Every page about the story matches for a rule that decides (an event's rule where the page names
 * nobody); no look-alike matches or names anyone.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULE } from '../../core/detect/rules';
import { CORPUS_DIR, corpusDetector, type CorpusEntry } from '../support/corpus';

interface ProbeEntry {
  file: string;
  lang: string;
  kind: string;
  route?: string;
  evidence?: string;
  trap?: string;
  /** A page about the story still missed, and why (README's table): not held here. */
  open?: string;
}

/** The rounds read as text (round4, round9, round21, round31, round37, round56, round60, round67 and round69 need a browser: scripts, frames, shadow roots; round11 is look-alikes only). */
const ROUNDS = ['round1', 'round2', 'round3', 'round5', 'round6', 'round7', 'round8', 'round10', 'round11', 'round12', 'round13', 'round14', 'round15', 'round16', 'round17', 'round18', 'round19', 'round20', 'round22', 'round23', 'round24', 'round25', 'round26', 'round27', 'round28', 'round29', 'round30', 'round32', 'round33', 'round34', 'round35', 'round36', 'round38', 'round39', 'round40', 'round41', 'round42', 'round43', 'round44', 'round45', 'round46', 'round47', 'round48', 'round49', 'round50', 'round51', 'round52', 'round53', 'round54', 'round55', 'round57', 'round58', 'round59', 'round61', 'round62', 'round63', 'round64', 'round65', 'round66', 'round68', 'round70', 'round71', 'round72'];

function manifest(dir: string): ProbeEntry[] {
  const file = path.join(CORPUS_DIR, dir, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ProbeEntry[]) : [];
}

/** The pages still decided wrong (a page about the story missed, a look-alike matched), each with its reason in its manifest. */
const openOf = (kind: 'pos' | 'neg') => ROUNDS.flatMap((round) => manifest(`probe/${round}/${kind}`).filter((e) => e.open).map((e) => `probe/${round}/${kind}/${e.file}`));
const open = openOf('pos');
const openLookAlikes = openOf('neg');

function load(kind: 'pos' | 'neg'): CorpusEntry[] {
  return ROUNDS.flatMap((round) => {
    const dir = `probe/${round}/${kind}`;
    return manifest(dir).filter((e) => !e.open).map((e) => ({
      file: `${dir}/${e.file}`,
      url: `https://backstory.test/${dir}/${e.file}`,
      lang: e.lang,
      match: kind === 'pos',
      families: [],
      people: [],
      kind: e.kind,
      route: e.route,
      evidence: e.evidence,
      why: e.trap ?? e.evidence ?? '',
      manifest: `${dir}/manifest.json`,
    }));
  });
}

const detector = corpusDetector();
afterAll(() => detector.close());
const positives = load('pos');
const negatives = load('neg');

describe('the blind probes', () => {
  it('hold 1,110 pages about the story and 1,195 look-alikes in at least 18 languages; 41 pages missed and 10 look-alikes matched are open, with their reasons', () => {
    expect(positives.length + open.length).toBe(1110);
    expect(open).toEqual([
      'probe/round5/pos/p14.html', 'probe/round5/pos/p15.html', 'probe/round6/pos/p21.html', 'probe/round7/pos/p08.html',
      ...['p02', 'p07', 'p17', 'p19'].map((p) => `probe/round12/pos/${p}.html`),
      'probe/round27/pos/p09.html',
      'probe/round27/pos/p10.html',
      ...['p01', 'p02', 'p07', 'p13', 'p19'].map((p) => `probe/round41/pos/${p}.html`),
      ...['p06', 'p08', 'p09', 'p12'].map((p) => `probe/round43/pos/${p}.html`),
      'probe/round44/pos/p02.html',
      ...['p04', 'p08', 'p13', 'p19'].map((p) => `probe/round48/pos/${p}.html`),
      'probe/round50/pos/p03.html',
      'probe/round50/pos/p06.html',
      'probe/round50/pos/p14.html',
      ...['p01', 'p03', 'p05', 'p09', 'p10', 'p11', 'p12', 'p15'].map((p) => `probe/round63/pos/${p}.html`),
      'probe/round64/pos/p19.html',
      ...['p01', 'p12', 'p15', 'p16', 'p18'].map((p) => `probe/round71/pos/${p}.html`),
    ]);
    expect(negatives.length + openLookAlikes.length).toBe(1195);
    expect(openLookAlikes).toEqual([
      'probe/round11/neg/n29.html',
      ...['n04', 'n05', 'n12'].map((n) => `probe/round12/neg/${n}.html`),
      'probe/round18/neg/n15.html',
      'probe/round25/neg/n10.html',
      'probe/round25/neg/n11.html',
      'probe/round26/neg/n11.html',
      'probe/round27/neg/n08.html',
      'probe/round66/neg/n10.html',
    ]);
    expect(new Set([...positives, ...negatives].map((e) => e.lang.split('-')[0])).size).toBeGreaterThanOrEqual(18);
  });

  it.each(positives.map((e) => [e.file, e] as const))('%s matches, for a rule that decides', (_file, entry) => {
    const d = detector.detect(entry);
    expect(d.matched, `${entry.evidence}\n${d.reason}`).toBe(true);
    const decisive = d.signals.filter((s) => s.decisive);
    expect(decisive.length, d.reason).toBeGreaterThan(0);
    for (const s of decisive) expect(RULE[s.rule].decides, s.rule).toBe(true);
    // A page that names nobody is matched by one of the story's events, and names nobody.
    if (entry.route === 'event-only') {
      expect(decisive.some((s) => s.rule === 'event'), d.reason).toBe(true);
      expect(d.people, d.reason).toEqual([]);
    }
  });

  it.each(negatives.map((e) => [e.file, e] as const))('%s does not match', (_file, entry) => {
    const d = detector.detect(entry);
    expect(d.matched, `${entry.why}\n${d.reason}`).toBe(false);
    expect(d.people).toEqual([]);
  });
});
