/**
 * The sidebar as a reader sees it, rendered with Preact into a happy-dom container: provenance in the
 * footer, joint statements attributed to everyone who made them, and no unsafe link ever reaching an
 * href.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { render } from 'preact';
import raw from '../../data/dataset.json';
import { parseDataset, type Dataset } from '../../core/dataset/schema';
import { Sidebar } from '../../components/Sidebar';
import { buildContextView, safeHref, speakerNames, type StoredDataset } from '../../core/dataset/context-view';
import type { DetectionSummary } from '../../core/messages/records';

const dataset = parseDataset(raw);
const HASH = '3f9a0c1be27d4a5586f1c0de9b7e2a41c6d8e0f1a2b3c4d5e6f708192a3b4c5d';

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

function stored(d: Dataset): StoredDataset {
  const { meta: _meta, signals: _signals, ...rest } = d;
  return rest;
}

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

type Provenance = { version: string; dataAsOf: string; hash: string };

/** Render the sidebar for `d`; `provenance: null` renders it before any dataset is installed. */
function show(d: Dataset = dataset, provenance: Provenance | null = { version: d.meta.version, dataAsOf: d.meta.dataAsOf, hash: HASH }) {
  const view = buildContextView(stored(d), detection.families, detection.people);
  render(<Sidebar view={view} detection={detection} provenance={provenance ?? undefined} onCollapse={() => undefined} />, container);
  return container;
}

describe('sidebar footer: provenance', () => {
  it('shows the dataset version, the "data as of" date and the first 12 hex characters of the hash', () => {
    const footer = show().querySelector('footer');
    const text = footer?.textContent ?? '';
    expect(text).toContain('Dataset 1.1.0');
    expect(text).toContain('data as of 23 Apr 2021');
    expect(text).toContain(`#${HASH.slice(0, 12)}`);
    expect(text).not.toContain(HASH.slice(0, 13));
    // The full hash is one hover away, for comparing with a published one.
    expect(footer?.querySelector(`[title="${HASH}"]`)?.textContent).toBe(`#${HASH.slice(0, 12)}`);
  });

  it('says so when no dataset is installed yet', () => {
    expect(show(dataset, null).querySelector('footer')?.textContent).toBe('Dataset not installed yet.');
  });
});

describe('joint statements', () => {
  it("cites the parents' joint statement to both parents", () => {
    const cites = [...show().querySelectorAll('.responses cite')].map((c) => c.textContent);
    expect(cites).toContain('— Mihriban Kader and Ablikim Mamtinin');
    expect(cites).not.toContain('— Mihriban Kader');
  });

  it.each([
    [['mihriban-kader'], 'Mihriban Kader'],
    [['mihriban-kader', 'ablikim-mamtinin'], 'Mihriban Kader and Ablikim Mamtinin'],
    [['prc-government'], 'The Chinese government'],
    [['someone-unknown'], 'someone-unknown'],
  ])('speakerNames(%j) is "%s"', (ids, expected) => {
    const view = buildContextView(stored(dataset), [], []);
    expect(speakerNames(view.speakers, ids)).toBe(expected);
  });
});

describe('links', () => {
  it.each([
    ['https://www.cnn.com/2021/04/23/china/x/index.html', 'https://www.cnn.com/2021/04/23/china/x/index.html'],
    ['http://example.org/a', 'http://example.org/a'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['//evil.example/x', undefined],
    ['not a url', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('safeHref(%j) is %j', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });

  it('renders a source with a javascript: URL as plain text, with no href', () => {
    const tampered = structuredClone(dataset);
    const source = tampered.sources.find((s) => s.id === 'cnn-2021-04-23');
    if (!source) throw new Error('missing source');
    source.url = 'javascript:alert(document.domain)';
    const root = show(tampered);

    const anchors = [...root.querySelectorAll('a')];
    for (const a of anchors) {
      expect(a.getAttribute('href') ?? '', a.outerHTML).toMatch(/^https?:\/\//);
    }
    expect(root.innerHTML).not.toMatch(/javascript:/i);
    // The source is still credited, as text.
    const credits = [...root.querySelectorAll('span.source')].map((s) => s.textContent);
    expect(credits).toContain('CNN, 23 Apr 2021');
  });

  it('links sources with an http(s) URL, opening them safely', () => {
    const link = [...show().querySelectorAll('a.source')].find((a) => a.textContent === 'CNN, 23 Apr 2021');
    expect(link?.getAttribute('href')).toBe(dataset.sources.find((s) => s.id === 'cnn-2021-04-23')?.url);
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.getAttribute('target')).toBe('_blank');
  });
});
