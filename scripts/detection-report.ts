/**
 * Prints the detector's precision and recall on the corpus, overall and per category (names by route,
 * events, social posts, video pages, stripped twins, each language), and every page it gets wrong.
 * Usage: npm run detection-report [-- --failures] [-- --prefilter] [-- --keys]
 *   --prefilter: also how often the prefilter opens on prose that is not about the story
 *                (tests/fixtures/prose/: ordinary news and near-misses, per language), and on what.
 *   --keys: how often each event's anchors are found in that prose, the key anchor marked.
 */
import { corpusDetector, loadCorpus, precision, recall, tallyBy, type CorpusEntry, type Tally } from '../tests/support/corpus';
import { keysOnProse, prefilterOnProse } from './prefilter-report';

const entries = loadCorpus();
const detector = corpusDetector();
const results = entries.map((entry) => ({ entry, detection: detector.detect(entry) }));
detector.close();
const simple = results.map((r) => ({ entry: r.entry, matched: r.detection.matched }));

const row = (key: string, t: Tally) =>
  `| ${key} | ${t.tp + t.fn} | ${t.fp + t.tn} | ${t.tp} | ${t.fp} | ${recall(t).toFixed(3)} | ${precision(t).toFixed(3)} |`;
const table = (title: string, keys: (e: CorpusEntry) => string[]) => {
  console.log(`\n### ${title}\n\n| ${title.toLowerCase()} | positives | negatives | found | false matches | recall | precision |\n|---|---|---|---|---|---|---|`);
  for (const [key, t] of [...tallyBy(simple, keys)].sort(([a], [b]) => (a < b ? -1 : 1))) console.log(row(key, t));
};

const all = tallyBy(simple, () => ['all'])
  .get('all')!;
console.log(`corpus: ${entries.length} pages (${all.tp + all.fn} about the story, ${all.fp + all.tn} not), languages: ${new Set(entries.map((e) => e.lang)).size}`);
console.log(`overall: recall ${recall(all).toFixed(3)} (${all.tp}/${all.tp + all.fn}), precision ${precision(all).toFixed(3)} (${all.fp} false matches)`);
const category = (e: CorpusEntry) => e.category ?? (e.match ? `story ${e.kind}` : `look-alike ${e.kind}`);
table('Category', (e) => [category(e).replace(/-twin$/, ' (stripped twin)')]);
table('Route', (e) => (e.match ? [e.route ?? 'unlabelled'] : []));
table('Event', (e) => (e.event ? [e.event] : []));
table('Kind', (e) => [e.kind]);
table('Language', (e) => [e.lang]);

if (process.argv.includes('--failures')) {
  console.log('\n### Pages decided wrongly\n');
  for (const { entry, detection } of results) {
    const peopleOk = !entry.match || (entry.people.every((p) => detection.people.includes(p)) && detection.people.every((p) => entry.people.includes(p)));
    if (detection.matched === entry.match && peopleOk) continue;
    console.log(`- ${entry.file} (${entry.match ? 'story' : 'look-alike'}, ${category(entry)}${entry.route ? `, ${entry.route}` : ''}): ${detection.reason}`);
    if (entry.match && !peopleOk) console.log(`    people expected ${entry.people.join(',')} got ${detection.people.join(',')}`);
    if (entry.evidence) console.log(`    evidence: ${entry.evidence}`);
  }
}

if (process.argv.includes('--prefilter')) prefilterOnProse();
if (process.argv.includes('--keys')) keysOnProse();
