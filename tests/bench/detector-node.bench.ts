/**
 * Detector in Node: what a content script pays on every page.
 * - automaton and fold table set-up from the stored match index (a structured clone of it, as
 *   storage.local hands it over), first call (cold) and median of later calls;
 * - scan throughput on 5 MB of non-matching prose, against a bare loop that only reads each code
 *   unit through the fold table (the floor any scanner pays);
 * - the prefilter (core/detect/gate.ts) on the same prose, on prose with accented words (folded around
 *   them), and on Chinese prose (folded throughout), in 32 KB groups as the content script tests them;
 * - the whole detection corpus: collect text (happy-dom) + detect, per page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import rawDataset from '../../data/dataset.json' with { type: 'json' };
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector, type Segment } from '../../core/detect/detect';
import { foldTableFromRuns } from '../../core/text/fold';
import { Gate } from '../../core/detect/gate';
import { collectText, vttCueTexts } from '../../content/page-text';
import type { BenchRow } from './run';

export const name = 'Detector (Node)';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<BenchRow[]> {
  const index = structuredClone(buildMatchIndex(parseDataset(rawDataset), 'bench'));
  const rows: BenchRow[] = [];

  let t = performance.now();
  let detector = new Detector(index);
  rows.push({ figure: 'detector set-up from the index, first (cold)', value: performance.now() - t, unit: 'ms', limit: 3 });
  const setups: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    detector = new Detector(index);
    setups.push(performance.now() - t);
  }
  rows.push({ figure: 'detector set-up from the index, median', value: median(setups), unit: 'ms', limit: 3 });
  rows.push({ figure: 'automaton states', value: detector.automaton.stateCount, unit: 'states', note: `${index.patterns.length} patterns` });
  rows.push({ figure: 'match index size (JSON)', value: JSON.stringify(index).length / 1024, unit: 'KB' });

  // 5 MB of prose that shares letters, not words, with the patterns.
  const words = 'the market in old town sells melons bread and tea while visitors walk past mosques at dusk, '.split(' ');
  let prose = '';
  for (let i = 0; prose.length < 5_000_000; i++) prose += words[(i * 7) % words.length] + (i % 17 === 16 ? '.\n' : ' ');
  const mb = prose.length / 1_000_000;
  const segments: Segment[] = [];
  for (let i = 0; i < prose.length; i += 2000) segments.push({ text: prose.slice(i, i + 2000), origin: 'body', block: i % 20000 === 0 });

  const fold = foldTableFromRuns(index.fold);
  const bare: number[] = [];
  const scans: number[] = [];
  for (let round = 0; round < 5; round++) {
    t = performance.now();
    let sum = 0;
    for (const s of segments) for (let i = 0; i < s.text.length; i++) sum += (s.text.charCodeAt(i) + fold[s.text.charCodeAt(i)]!) & 0xffff;
    bare.push(performance.now() - t);
    if (sum === -1) console.log(sum);
    t = performance.now();
    const d = detector.detect(segments);
    scans.push(performance.now() - t);
    if (d.matched) throw new Error('bench text matched');
  }
  const scanRate = mb / (median(scans) / 1000);
  const bareRate = mb / (median(bare) / 1000);
  rows.push({ figure: 'scan throughput, 5 MB non-matching', value: scanRate, unit: 'MB/s' });
  rows.push({ figure: 'bare fold loop over the same text', value: bareRate, unit: 'MB/s' });
  rows.push({ figure: 'scan time / bare loop time', value: bareRate / scanRate, unit: 'x' });

  // The prefilter.
  t = performance.now();
  const gate = new Gate(index.gate, () => fold);
  gate.test('first use compiles the expressions: é');
  rows.push({ figure: 'prefilter set-up and first use', value: performance.now() - t, unit: 'ms' });
  const groups = (text: string) => Array.from({ length: Math.ceil(text.length / 32_768) }, (_, i) => text.slice(i * 32_768, (i + 1) * 32_768));
  const accented = prose.replace(/ tea /g, ' café ');
  let chinese = '';
  while (chinese.length < 2_000_000) chinese += '今天早上市场里有很多新鲜的瓜果，游客们在老城的街道上散步，傍晚时分茶馆里坐满了人。';
  for (const [label, text] of [
    ['plain ASCII prose', prose],
    ['prose with an accented word every ~90 characters', accented],
    ['Chinese prose (every character folded)', chinese],
  ] as const) {
    const parts = groups(text);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      t = performance.now();
      for (const part of parts) if (gate.test(part)) throw new Error(`the prefilter opened on the bench's ${label}`);
      times.push(performance.now() - t);
    }
    rows.push({ figure: `prefilter throughput, ${label}`, value: text.length / 1e6 / (median(times) / 1000), unit: 'MB/s', note: `${(text.length / 1e6).toFixed(1)} M characters in ${parts.length} groups; scan: ${scanRate.toFixed(0)} MB/s` });
  }

  // The corpus.
  const corpusDir = path.resolve('tests/fixtures/corpus');
  const manifest = JSON.parse(readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as Array<{ file: string; url: string; match: boolean }>;
  const window = new Window({
    settings: { disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableJavaScriptEvaluation: true, handleDisabledFileLoadingAsSuccess: true },
  });
  const pages = manifest.map((e) => {
    const html = readFileSync(path.join(corpusDir, e.file), 'utf8');
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const captions = [...doc.querySelectorAll('track[src]')].flatMap((tr) =>
      vttCueTexts(readFileSync(path.join(corpusDir, path.dirname(e.file), tr.getAttribute('src')!), 'utf8')),
    );
    return { e, doc, captions };
  });
  let collectMs = 0;
  let detectMs = 0;
  let correct = 0;
  for (const { e, doc, captions } of pages) {
    t = performance.now();
    const page = collectText(doc, { withHead: true, captions });
    collectMs += performance.now() - t;
    t = performance.now();
    const d = detector.detect(page.segments, e.url);
    detectMs += performance.now() - t;
    if (d.matched === e.match) correct++;
  }
  await window.happyDOM.close();
  rows.push({ figure: `corpus: collect text per page (happy-dom, ${pages.length} pages)`, value: collectMs / pages.length, unit: 'ms' });
  rows.push({ figure: 'corpus: detect per page', value: detectMs / pages.length, unit: 'ms', limit: 5 });
  rows.push({ figure: 'corpus: pages decided as the manifest says', value: correct, unit: `of ${pages.length}` });
  return rows;
}
