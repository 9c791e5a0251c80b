/**
 * The sidebar as a reader sees it, rendered with Preact into a happy-dom container: the key lines
 * first, no statement twice, relations and "named on this page" as a reader expects them, "Copy
 * context" with an announced confirmation, "Why am I seeing this?" naming the rule, provenance in
 * the footer, joint statements attributed to everyone who made them, and no unsafe link ever
 * reaching an href.
 */
import { describe, it, expect, vi } from 'vitest';
import { render } from 'preact';
import raw from '../../data/dataset.json';
import { parseDataset, type Dataset } from '../../core/dataset/schema';
import { Sidebar } from '../../components/Sidebar';
import { buildContextView, safeHref, speakerNames } from '../../core/dataset/context-view';
import type { DetectionSummary } from '../../core/messages/records';
import { translator } from '../../core/i18n';
import { storedRecords, useContainer } from '../support/ui';

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

let container: HTMLElement;
useContainer((el) => (container = el));

type Provenance = { version: string; dataAsOf: string; hash: string };

/** Render the sidebar for `d`; `provenance: null` renders it before any dataset is installed. */
function show(d: Dataset = dataset, provenance: Provenance | null = { version: d.meta.version, dataAsOf: d.meta.dataAsOf, hash: HASH }) {
  const view = buildContextView(storedRecords(d), detection.families, detection.people);
  render(<Sidebar view={view} detection={detection} provenance={provenance ?? undefined} onCollapse={() => undefined} />, container);
  return container;
}

/** Render the sidebar for a detection (both families when `families` is empty). */
function showFor(det: DetectionSummary, extra: Partial<Parameters<typeof Sidebar>[0]> = {}) {
  const view = buildContextView(storedRecords(dataset), det.families, det.people);
  render(<Sidebar view={view} detection={det} provenance={undefined} onCollapse={() => undefined} {...extra} />, container);
  return container;
}

const bothFamilies: DetectionSummary = {
  ...detection,
  families: ['family-abdurehim', 'family-mamtinin-kader'],
  people: ['mamutjan-abdurehim', 'mihriban-kader', 'ablikim-mamtinin'],
};

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('key context first', () => {
  it('opens on the key lines, before the lede, the people and every other section', () => {
    const main = showFor(bothFamilies).querySelector('main')!;
    const first = main.firstElementChild!;
    expect(first.matches('section.key')).toBe(true);
    expect(text(first.querySelector('h2'))).toBe('Key context');
    // Nothing of the detail sections comes before it.
    const order = [...main.querySelectorAll('section.key, .lede, section.family, .people')];
    expect(order[0]!.matches('section.key')).toBe(true);
  });

  it.each([
    ['family-abdurehim', ['claim', 'answer', 'evidence', 'conduct']],
    ['family-mamtinin-kader', ['claim', 'answer', 'evidence', 'conduct', 'conduct']],
  ])('%s alone: the four lines, each with its source one click away', (familyId, kinds) => {
    const root = showFor({ ...detection, families: [familyId], people: [] });
    const lines = [...root.querySelectorAll('section.key .key-line')];
    expect(lines.map((l) => l.className.replace('key-line key-', ''))).toEqual(kinds);
    for (const l of lines) expect(l.querySelector('a.source')?.getAttribute('href')).toMatch(/^https:\/\//);
    // The claim says who claimed it and when.
    const claim = lines[0]!;
    expect(text(claim)).toMatch(/^Claim · 2 Apr 2021 The Chinese government/);
    expect(claim.querySelector('time')?.getAttribute('datetime')).toBe('2021-04-02');
    expect(text(lines[2])).toContain('CNN reported that the Chinese authorities gave no evidence');
  });

  it('with both families: each family’s lines under its name, the finding about all the parents once', () => {
    const root = showFor(bothFamilies);
    const blocks = [...root.querySelectorAll('section.key .key-family')];
    expect(blocks.map((b) => text(b.querySelector('h3')))).toEqual(["Mamutjan Abdurehim's family", "Ablikim Mamtinin and Mihriban Kader's family", 'Both families']);
    expect(blocks[0]!.querySelectorAll('.key-claim, .key-answer, .key-conduct')).toHaveLength(3);
    expect(blocks[1]!.querySelectorAll('.key-claim, .key-answer, .key-conduct')).toHaveLength(4);
    expect(root.querySelectorAll('.key-evidence')).toHaveLength(1);
    expect(blocks[2]!.querySelector('.key-evidence')).not.toBeNull();
  });
});

describe('no statement twice', () => {
  it.each([[bothFamilies], [detection], [{ ...detection, families: ['family-abdurehim'], people: [] }]])('no record is rendered twice', (det) => {
    const root = showFor(det);
    const ids = [...root.querySelectorAll('[data-id]')].map((e) => e.getAttribute('data-id'));
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // And no statement's text twice, whatever element carries it.
    const all = text(root);
    for (const c of [...dataset.claims, ...dataset.responses, ...dataset.findings, ...dataset.conduct, ...dataset.events]) {
      expect(all.split(c.statement).length - 1, c.id).toBeLessThanOrEqual(1);
    }
  });

  it("shows Manlio Di Stefano's statements once, with the second family", () => {
    const root = showFor(bothFamilies);
    const all = text(root);
    expect(all.split('Manlio Di Stefano told the committee').length - 1).toBe(1);
    expect(text(root.querySelectorAll('section.family')[1])).toContain('Manlio Di Stefano told the committee');
  });
});

describe('people', () => {
  it('says how each is related as a reader would', () => {
    const root = showFor(bothFamilies);
    const person = (name: string) => [...root.querySelectorAll('.people li')].find((li) => text(li.querySelector('strong')) === name);
    expect(text(person("The children's grandfather")?.querySelector('.relations'))).toBe('father of Mamutjan Abdurehim; grandfather of Muhlise and Hikmet');
    expect(text(person('Mamutjan Abdurehim')?.querySelector('.relations'))).toBe('husband of Muherrem; father of Muhlise and Hikmet');
    expect(text(root)).not.toContain("child of the children's grandfather");
  });

  it('marks "named on this page" only for the people the page names', () => {
    const root = showFor(bothFamilies);
    const named = [...root.querySelectorAll('.people li')].filter((li) => li.querySelector('.named')).map((li) => text(li.querySelector('strong')));
    expect(named.sort()).toEqual(['Ablikim Mamtinin', 'Mamutjan Abdurehim', 'Mihriban Kader']);
  });
});

describe('timeline', () => {
  it('shows a year-only date as the year, placed before the months of that year', () => {
    const root = showFor({ ...detection, families: ['family-mamtinin-kader'], people: [] });
    const times = [...root.querySelectorAll('section.family .timeline time')].map((t) => [t.getAttribute('datetime'), text(t)]);
    expect(times).toContainEqual(['2021', '2021']);
    expect(times).toContainEqual(['2020-06', 'Jun 2020']);
    const values = times.map(([v]) => v!);
    expect(values.indexOf('2021')).toBeGreaterThan(values.indexOf('2020-06'));
    expect(values.indexOf('2021')).toBeLessThan(values.indexOf('2021-04-08'));
  });
});

describe('Copy context', () => {
  it('copies the plain-text summary and announces it', async () => {
    const onCopy = vi.fn(() => Promise.resolve());
    const root = showFor(bothFamilies, { onCopy });
    const status = root.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(text(status)).toBe('');
    root.querySelector<HTMLButtonElement>('button.copy-context')!.click();
    await vi.waitFor(() => expect(text(status)).toBe('Copied: a short summary with its sources, ready to paste.'));
    const copied = (onCopy.mock.calls[0] as unknown as [string])[0];
    expect(copied).toContain("Mamutjan Abdurehim's family\n- The Chinese government said in its 2 April 2021 statement");
    expect(copied).toContain('https://www.cnn.com/2021/04/23/china/xinjiang-uyghur-family-china-response-intl-hnk/index.html');
    expect(copied).not.toMatch(/<[a-z/]/i);
  });

  it('says so when the copy fails', async () => {
    const root = showFor(bothFamilies, { onCopy: () => Promise.reject(new Error('denied')) });
    root.querySelector<HTMLButtonElement>('button.copy-context')!.click();
    await vi.waitFor(() => expect(text(root.querySelector('[role="status"]'))).toContain('Could not copy'));
  });

  it('in Chinese, the button and the confirmation are Chinese', async () => {
    const root = showFor(bothFamilies, { onCopy: () => Promise.resolve(), t: translator('zh-CN'), locale: 'zh-CN' });
    const button = root.querySelector<HTMLButtonElement>('button.copy-context')!;
    expect(text(button)).toBe('复制背景信息');
    button.click();
    await vi.waitFor(() => expect(text(root.querySelector('[role="status"]'))).toContain('已复制'));
  });
});

describe('"Why am I seeing this?"', () => {
  it('names the rule that made the match, why it counts, and what it found where', () => {
    const why = showFor(detection).querySelector('details.why')!;
    const rule = why.querySelector('[data-rule="full-name"]')!;
    expect(text(rule.querySelector('.rule-label'))).toBe('A family member’s full name, with details of the family nearby');
    expect(text(rule.querySelector('.rule-reason'))).toContain('a full name alone is a person, not this story');
    expect(text(rule.querySelector('.evidence'))).toBe('Found: “Mihriban Kader”, in the page text');
  });

  it('names each rule once, with everything it found', () => {
    const det: DetectionSummary = {
      ...detection,
      signals: [
        ...detection.signals,
        { kind: 'name', rule: 'full-name', decisive: true, strength: 'strong', label: 'Ablikim Mamtinin', text: 'Ablikim Mamtinin', score: 6, personId: 'ablikim-mamtinin', origin: 'title' },
      ],
    };
    const rules = [...showFor(det).querySelectorAll('details.why .why-rules > li')];
    expect(rules).toHaveLength(1);
    expect([...rules[0]!.querySelectorAll('.evidence')].map(text)).toEqual(['Found: “Mihriban Kader”, in the page text', 'Found: “Ablikim Mamtinin”, in the page title']);
  });

  it('shows a child found on the page by first name only, whatever the page wrote', () => {
    const det: DetectionSummary = {
      ...detection,
      families: ['family-abdurehim'],
      signals: [{ kind: 'name', rule: 'rare-given-name', decisive: true, strength: 'strong', label: 'Muhlise', text: '穆合丽萨·马木提', score: 5, personId: 'muhlise', origin: 'body' }],
    };
    const why = showFor(det).querySelector('details.why')!;
    expect(text(why.querySelector('.evidence'))).toBe('Found: “Muhlise”, in the page text');
    expect(text(why)).not.toContain('马木提');
  });

  it('tells supporting evidence apart from what decided', () => {
    const det: DetectionSummary = {
      ...detection,
      signals: [
        ...detection.signals,
        { kind: 'place', rule: 'family-place', strength: 'weak', label: 'the family’s place: Payzawat', text: 'Payzawat', score: 1, origin: 'title' },
      ],
    };
    const why = showFor(det).querySelector('details.why')!;
    expect(why.querySelectorAll('.why-rules > li')).toHaveLength(1);
    expect(text(why.querySelector('.why-support'))).toBe('A place linked to the family: “Payzawat”, in the page title');
  });
});

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
    const view = buildContextView(storedRecords(dataset), [], []);
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
