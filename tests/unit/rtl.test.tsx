/**
 * Right to left done properly (issue 17): the stylesheets say start and end, never left and right,
 * so a Uyghur page mirrors; and in the Uyghur sidebar every piece of Latin text (names, dates,
 * sources, what the page said) is isolated, so it cannot reorder the Arabic-script sentence around it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import raw from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildContextView } from '../../core/dataset/context-view';
import type { DetectionSummary } from '../../core/messages/records';
import { Sidebar } from '../../components/Sidebar';
import { translator } from '../../core/i18n';
import { storedRecords, useContainer } from '../support/ui';

const ROOT = path.resolve(__dirname, '../..');
const stylesheets = readdirSync(path.join(ROOT, 'entrypoints'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => path.join('entrypoints', d.name, 'style.css'))
  .filter((file) => {
    try {
      readFileSync(path.join(ROOT, file));
      return true;
    } catch {
      return false;
    }
  });

describe('stylesheets use logical properties', () => {
  it('finds the pages\' stylesheets', () => expect(stylesheets.length).toBeGreaterThanOrEqual(3));

  it.each(stylesheets)('%s has no physical left/right', (file) => {
    const css = readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const physical = css.match(/(?:^|[;{\s])(?:(?:margin|padding|border)-(?:left|right)[\w-]*|left|right|float)\s*:[^;}]*|text-align\s*:\s*(?:left|right)/g) ?? [];
    expect(physical).toEqual([]);
    // Four-value margins, paddings and radii name the left and right sides by position.
    expect(css.match(/(?:margin|padding|border-radius)\s*:\s*(?:[-\w.%]+\s+){3}[-\w.%]+/g) ?? []).toEqual([]);
  });
});

describe('the Uyghur sidebar', () => {
  const dataset = parseDataset(raw);
  const detection: DetectionSummary = {
    matched: true,
    score: 12,
    families: ['family-mamtinin-kader'],
    people: ['mihriban-kader', 'ablikim-mamtinin'],
    signals: [
      { kind: 'name', rule: 'full-name', decisive: true, strength: 'strong', label: 'Mihriban Kader', text: 'Mihriban Kader', score: 6, personId: 'mihriban-kader', origin: 'body' },
    ],
    reason: 'Two family members are named in full.',
    detectMs: 3,
  };
  let container: HTMLElement;
  useContainer((el) => (container = el));
  beforeEach(() => {
    const view = buildContextView(storedRecords(dataset), detection.families, detection.people);
    const provenance = { version: dataset.meta.version, dataAsOf: dataset.meta.dataAsOf, hash: 'a'.repeat(64) };
    render(<Sidebar view={view} detection={detection} provenance={provenance} onCollapse={() => undefined} t={translator('ug')} locale="ug" />, container);
  });

  it('is in Uyghur, and says which parts are still in English', () => {
    expect(container.querySelector('.lede')?.textContent).toMatch(/^[\u0600-\u06FF\s.،]+$/);
    expect(container.querySelector('.note')?.textContent).toContain('ئىنگلىزچە');
  });

  it('isolates every name, source and date, and marks them English', () => {
    const isolated = (el: Element) => el.tagName === 'BDI' || el.hasAttribute('dir');
    const names = [...container.querySelectorAll('.people strong')];
    const sources = [...container.querySelectorAll('.source')];
    const dates = [...container.querySelectorAll('time, .meta bdi')];
    for (const group of [names, sources, dates]) {
      expect(group.length).toBeGreaterThan(0);
      for (const el of group) {
        expect(isolated(el), el.outerHTML).toBe(true);
        expect(el.getAttribute('lang'), el.outerHTML).toBe('en');
      }
    }
    expect(names.map((n) => n.textContent)).toContain('Mihriban Kader');
  });

  it('isolates the Latin values inside its own sentences (the footer\'s version and date)', () => {
    const footer = container.querySelector('footer')?.textContent ?? '';
    expect(footer).toContain(`\u2068${dataset.meta.version}\u2069`);
    expect(footer).toMatch(/\u2068[^\u2069]*2021\u2069/);
  });

  it('names the rule behind the match in Uyghur, the name found isolated from the sentence', () => {
    expect(container.querySelector('.why .rule-label')?.textContent).toBe(translator('ug')('rule.full-name'));
    expect(container.querySelector('.why .evidence')?.textContent).toMatch(/\u2068[^\u2069]*Mihriban Kader[^\u2069]*\u2069/);
  });
});
