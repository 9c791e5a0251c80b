/**
 * How often the prefilter (core/detect/gate.ts) opens on prose that is not about the story: each
 * paragraph of tests/fixtures/prose/<lang>.txt (ordinary news, then near-misses with the story's region
 * and vocabulary but no family member) tested alone, as the prefilter tests a group of page text, and
 * what opened it. The full pass is run on every paragraph too: none may match.
 * Part of `npm run detection-report -- --prefilter`.
 */
import dataset from '../data/dataset.json' with { type: 'json' };
import { parseDataset } from '../core/dataset/schema';
import { buildMatchIndex } from '../core/detect/compile/match-index-builder';
import { Detector } from '../core/detect/detect';
import { Gate } from '../core/detect/gate';
import { loadProse } from '../tests/support/prose';

export function prefilterOnProse(): void {
  const index = buildMatchIndex(parseDataset(dataset), 'report');
  const detector = new Detector(index);
  const gate = new Gate(index.gate, () => detector.foldTable);
  const prose = loadProse();
  console.log(`\n### The prefilter on prose not about the story (tests/fixtures/prose/, ${prose.length} languages)\n`);
  console.log('| language | ordinary paragraphs | opened | near-miss paragraphs | opened | matched (full pass) | opened on |\n|---|---|---|---|---|---|---|');
  let total = 0;
  let opened = 0;
  let nearTotal = 0;
  let nearOpened = 0;
  let matched = 0;
  for (const { lang, ordinary, nearMiss } of prose) {
    const on = new Map<string, number>();
    const before = matched;
    const count = (paragraphs: string[]) =>
      paragraphs.filter((p) => {
        const seen = gate.find(p);
        if (seen !== undefined) on.set(seen.toLowerCase(), (on.get(seen.toLowerCase()) ?? 0) + 1);
        if (detector.detect([{ text: p, origin: 'body', block: true }]).matched) matched++;
        return seen !== undefined;
      }).length;
    const o = count(ordinary);
    const n = count(nearMiss);
    const matchedHere = matched - before;
    total += ordinary.length;
    opened += o;
    nearTotal += nearMiss.length;
    nearOpened += n;
    const what = [...on].map(([w, k]) => `“${w}” ×${k}`).join(', ') || '—';
    console.log(`| ${lang} | ${ordinary.length} | ${o} | ${nearMiss.length} | ${n} | ${matchedHere} | ${what} |`);
  }
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(`| all | ${total} | ${opened} (${pct(opened, total)}) | ${nearTotal} | ${nearOpened} (${pct(nearOpened, nearTotal)}) | ${matched} | |`);
}

/**
 * How often each event's anchors are found in prose that is not about the story (tests/fixtures/prose/,
 * ordinary and near-miss paragraphs), by the full pass's scanner: the key anchor is the one the
 * prefilter opens on and checks the event's elements around, so the rarer there the less every page
 * pays (core/dataset/records.ts `EventElement.key`). Shared by `npm run detection-report -- --keys` and
 * tests/unit/event-signals.test.ts.
 */
export function anchorsInProse(): Array<{ eventId: string; key: string; anchors: Record<string, { ordinary: number; nearMiss: number }> }> {
  const index = buildMatchIndex(parseDataset(dataset), 'report');
  const detector = new Detector(index);
  const prose = loadProse();
  const rows = Object.entries(index.events).map(([eventId, e]) => ({
    eventId,
    key: e.key,
    anchors: Object.fromEntries(e.anchors.map((a) => [a, { ordinary: 0, nearMiss: 0 }])) as Record<string, { ordinary: number; nearMiss: number }>,
  }));
  const byEvent = new Map(rows.map((r) => [r.eventId, r]));
  for (const lang of prose) {
    for (const kind of ['ordinary', 'nearMiss'] as const) {
      const text = lang[kind].join('\n');
      for (const hit of detector.scan([{ text, origin: 'body', block: true }])) {
        if (hit.term.kind !== 'event-cue') continue;
        const count = byEvent.get(hit.term.eventId!)?.anchors[hit.term.elementId!];
        if (count) count[kind]++;
      }
    }
  }
  return rows;
}

export function keysOnProse(): void {
  console.log('\n### Events’ anchors in prose not about the story (tests/fixtures/prose/; the key in bold)\n');
  console.log('| event | anchor: found in ordinary / near-miss paragraphs |\n|---|---|');
  for (const { eventId, key, anchors } of anchorsInProse()) {
    const cells = Object.entries(anchors).map(([a, n]) => `${a === key ? `**${a}**` : a}: ${n.ordinary} / ${n.nearMiss}`);
    console.log(`| ${eventId} | ${cells.join(', ')} |`);
  }
}
