/**
 * The prose corpus (tests/fixtures/prose/<lang>.txt): ordinary news paragraphs in several languages,
 * then near-misses (the story's region and vocabulary, no family member). Used by the prefilter's
 * figures (`npm run detection-report -- --prefilter`) and by the browser benchmarks' pages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const PROSE_DIR = path.resolve('tests/fixtures/prose');

export interface Prose {
  lang: string;
  /** Paragraphs of ordinary news. */
  ordinary: string[];
  /** Paragraphs on the story's region and vocabulary that name no family member. */
  nearMiss: string[];
}

/** Every language of the corpus, in file-name order. */
export function loadProse(): Prose[] {
  return readdirSync(PROSE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const prose: Prose = { lang: f.slice(0, -4), ordinary: [], nearMiss: [] };
      let list = prose.ordinary;
      for (const line of readFileSync(path.join(PROSE_DIR, f), 'utf8').split('\n')) {
        if (line === '## near-miss') list = prose.nearMiss;
        else if (line.trim() && !line.startsWith('#')) list.push(line.trim());
      }
      return prose;
    });
}
