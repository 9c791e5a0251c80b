/**
 * The detection corpus (tests/fixtures/corpus), loaded and decided as the content script decides:
 * the prefilter first (a known URL opens it too); where it opens, the full pass over the page (head
 * included) plus the cues of any <track> file beside it. Shared by tests/unit/corpus.test.ts and the
 * per-category report (`npm run detection-report`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import dataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector, type Detection } from '../../core/detect/detect';
import { Gate, topicGate } from '../../core/detect/gate';
import { matchesUrlRule, type MatchIndex } from '../../core/detect/match-index';
import { collectText, vttCueTexts } from '../../content/page-text';
import { GatePass } from '../../content/prefilter';

export interface CorpusEntry {
  file: string;
  url: string;
  lang: string;
  match: boolean;
  families: string[];
  people: string[];
  kind: string;
  /** What the page tests: names, event, given-names, social, video (and their -twin), or a negative's kind. */
  category?: string;
  route?: string;
  event?: string;
  twinOf?: string;
  evidence?: string;
  why: string;
  /** Which manifest it came from. */
  manifest: string;
}

export const CORPUS_DIR = path.resolve('tests/fixtures/corpus');
export const MANIFESTS = ['manifest.json', 'manifest.latin.json', 'manifest.scripts.json', 'manifest.negatives.json'];

export function loadCorpus(): CorpusEntry[] {
  return MANIFESTS.flatMap((m) =>
    (JSON.parse(readFileSync(path.join(CORPUS_DIR, m), 'utf8')) as Omit<CorpusEntry, 'manifest'>[]).map((e) => ({ ...e, manifest: m })),
  );
}

export interface CorpusDetector {
  index: MatchIndex;
  detect(entry: CorpusEntry): Detection;
  close(): void;
}

export function corpusDetector(index = buildMatchIndex(parseDataset(dataset), 'test')): CorpusDetector {
  const detector = new Detector(index);
  const gate = new Gate(index.gate, () => detector.foldTable);
  const topic = topicGate(index.gate, () => detector.foldTable);
  // A window that parses pages without fetching their stylesheets and scripts (no network in tests).
  const window = new Window({
    settings: {
      disableCSSFileLoading: true,
      disableJavaScriptFileLoading: true,
      disableJavaScriptEvaluation: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  const captionsFor = (file: string, doc: Document): string[] => {
    const cues: string[] = [];
    for (const track of doc.querySelectorAll('track[src]')) {
      const vtt = path.join(CORPUS_DIR, path.dirname(file), track.getAttribute('src')!);
      if (existsSync(vtt)) cues.push(...vttCueTexts(readFileSync(vtt, 'utf8')));
    }
    return cues;
  };
  return {
    index,
    detect(entry) {
      const html = readFileSync(path.join(CORPUS_DIR, entry.file), 'utf8');
      const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
      const prefilter = new GatePass(gate, [doc], { withHead: true });
      prefilter.step(Infinity);
      // As the content script does: a page with video tracks and the story's topic gets its captions
      // read, and they may open the prefilter when the page's own text does not.
      let captions: string[] = [];
      if (doc.querySelector('video track, audio track')) {
        const topicPass = new GatePass(topic, [doc], { withHead: true });
        topicPass.step(Infinity);
        if (prefilter.open || topicPass.open) captions = captionsFor(entry.file, doc);
      }
      const opened = prefilter.open || gate.test(captions.join('\n')) || matchesUrlRule(index.urls, entry.url);
      if (!opened) {
        return { matched: false, score: 0, families: [], people: [], signals: [], reason: 'no match (prefilter)', carriers: [] };
      }
      const page = collectText(doc, { withHead: true, captions });
      return detector.detect(page.segments, entry.url);
    },
    close: () => void window.happyDOM.close(),
  };
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
export const recall = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));

/** Tallies by a key of each entry (one entry may count under several keys). */
export function tallyBy(results: Array<{ entry: CorpusEntry; matched: boolean }>, keys: (e: CorpusEntry) => string[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const { entry, matched } of results) {
    for (const key of keys(entry)) {
      const t = out.get(key) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
      if (entry.match && matched) t.tp++;
      else if (entry.match) t.fn++;
      else if (matched) t.fp++;
      else t.tn++;
      out.set(key, t);
    }
  }
  return out;
}
