/**
 * The detection corpus (tests/fixtures/corpus): every page decided as the manifest says, every person
 * the manifest lists for a positive page recognised, and precision / recall over the whole corpus.
 *
 * Each page is decided as the content script decides it, with the index built from the bundled
 * dataset: the prefilter first (lib/gate.ts; a known URL opens it too); where it opens, the full pass
 * (collectText, head included) plus the cues of any <track> file next to it (the content script reads
 * them from the page's text tracks, only where the prefilter has opened).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import dataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector, type Detection } from '../../core/detect/detect';
import { collectText, vttCueTexts } from '../../content/page-text';
import { Gate } from '../../core/detect/gate';
import { GatePass } from '../../content/prefilter';
import { matchesUrlRule } from '../../core/detect/match-index';

interface ManifestEntry {
  file: string;
  url: string;
  lang: string;
  match: boolean;
  families: string[];
  people: string[];
  kind: string;
  why: string;
}

const corpusDir = path.resolve(__dirname, '../fixtures/corpus');
const manifest = JSON.parse(readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as ManifestEntry[];
const index = buildMatchIndex(parseDataset(dataset), 'test');
const detector = new Detector(index);
const gate = new Gate(index.gate, () => detector.foldTable);

/** Cue texts of the .vtt files a page's <track> elements point to (relative URLs, next to the page). */
function captionsFor(file: string, doc: Document): string[] {
  const cues: string[] = [];
  for (const track of doc.querySelectorAll('track[src]')) {
    const vtt = path.join(corpusDir, path.dirname(file), track.getAttribute('src')!);
    if (existsSync(vtt)) cues.push(...vttCueTexts(readFileSync(vtt, 'utf8')));
  }
  return cues;
}

/** A window that parses pages without fetching their stylesheets and scripts (no network in tests). */
const window = new Window({
  settings: {
    disableCSSFileLoading: true,
    disableJavaScriptFileLoading: true,
    disableJavaScriptEvaluation: true,
    disableIframePageLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});
afterAll(() => window.happyDOM.close());

function detectCorpusPage(entry: ManifestEntry): Detection {
  const html = readFileSync(path.join(corpusDir, entry.file), 'utf8');
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const prefilter = new GatePass(gate, [doc], { withHead: true });
  prefilter.step(Infinity);
  if (!prefilter.open && !matchesUrlRule(index.urls, entry.url)) {
    return { matched: false, score: 0, families: [], people: [], signals: [], reason: 'no match (prefilter)' };
  }
  const page = collectText(doc, { withHead: true, captions: captionsFor(entry.file, doc) });
  return detector.detect(page.segments, entry.url);
}

const results = new Map<string, Detection>();
const detectOnce = (entry: ManifestEntry) => {
  let d = results.get(entry.file);
  if (!d) results.set(entry.file, (d = detectCorpusPage(entry)));
  return d;
};

describe('detection corpus', () => {
  it('has the pages the README describes', () => {
    expect(manifest.length).toBe(57);
    for (const e of manifest) expect(existsSync(path.join(corpusDir, e.file)), e.file).toBe(true);
  });

  it.each(manifest.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const d = detectOnce(entry);
    expect(d.matched, `${entry.why}\n${d.reason}`).toBe(entry.match);
    if (entry.match) {
      // Everyone the page names is recognised, and nobody it does not name (a name part read as
      // another person's, a family member inferred from the family alone).
      const missing = entry.people.filter((p) => !d.people.includes(p));
      const extra = d.people.filter((p) => !entry.people.includes(p));
      expect({ missing, extra }, d.reason).toEqual({ missing: [], extra: [] });
      expect([...d.families].sort()).toEqual([...entry.families].sort());
    } else {
      expect(d.people).toEqual([]);
    }
  });

  it('has no false positive and recall of at least 0.9', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const entry of manifest) {
      const matched = detectOnce(entry).matched;
      if (entry.match && matched) tp++;
      else if (entry.match) fn++;
      else if (matched) fp++;
      else tn++;
    }
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `corpus: ${manifest.length} pages, ${tp} true positives, ${fp} false positives, ${fn} false negatives, ` +
        `${tn} true negatives; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(fp).toBe(0);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
