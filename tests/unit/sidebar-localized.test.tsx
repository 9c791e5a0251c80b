/**
 * The sidebar in the reader's language: dataset text from the translations, each text with its own
 * lang, quotes as said with the dataset's translation beside them, names in the reader's script with
 * the Latin form once, and English (marked lang="en") wherever a translation is stale.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import raw from '../../data/dataset.json';
import zhCN from '../../data/translations/zh-CN.json';
import ug from '../../data/translations/ug.json';
import { parseDataset, type Dataset } from '../../core/dataset/schema';
import { Sidebar } from '../../components/Sidebar';
import { dateLang, formatDate } from '../../components/SourceLink';
import { buildContextView } from '../../core/dataset/context-view';
import { localizeDataset, viewText, type DatasetLocale, type Translations } from '../../core/dataset/localize';
import type { DetectionSummary } from '../../core/messages/records';
import { storedRecords, useContainer } from '../support/ui';

const dataset = parseDataset(raw);

const detection: DetectionSummary = {
  matched: true,
  score: 12,
  families: ['family-mamtinin-kader', 'family-abdurehim'],
  people: ['mihriban-kader', 'ablikim-mamtinin'],
  signals: [],
  reason: 'Two family members are named in full.',
  detectMs: 3,
};

let container: HTMLElement;
useContainer((el) => (container = el));

function show(locale: DatasetLocale, translations: Translations, d: Dataset = dataset) {
  const localized = localizeDataset(storedRecords(d), translations, locale);
  const view = buildContextView(localized.data, detection.families, detection.people, {}, viewText(localized));
  render(<Sidebar view={view} detection={detection} provenance={undefined} onCollapse={() => undefined} locale={locale} />, container);
  return container;
}

const textOf = (el: Element | null | undefined) => el?.textContent ?? '';

describe('sidebar in Simplified Chinese', () => {
  it('shows the translated statements, each marked zh-Hans', () => {
    const root = show('zh-CN', zhCN);
    const finding = root.querySelector('[data-id="finding-no-evidence"] [lang][dir="auto"]');
    expect(textOf(finding)).toBe(zhCN['findings/finding-no-evidence/statement'].text);
    expect(finding?.getAttribute('lang')).toBe('zh-Hans');
    expect([...root.querySelectorAll('.family h2')].map(textOf)).toContain(zhCN['families/family-mamtinin-kader/label'].text);
    // Everything is translated: no note that the dataset is in English.
    expect(root.querySelector('.note')).toBeNull();
  });

  it('keeps each quote as said, in English, with the dataset translation beside it', () => {
    const root = show('zh-CN', zhCN);
    // A joint statement of the parents, wherever the view places it.
    const quote = [...root.querySelectorAll('blockquote')].find((q) => textOf(q.querySelector('cite')).includes('米热班'))!;
    expect(quote.getAttribute('lang')).toBe('en');
    const id = quote.closest('[data-id]')!.getAttribute('data-id')!;
    const original = dataset.responses.find((r) => r.id === id)!.quote!.text;
    expect(textOf(quote)).toContain(original);
    const translation = quote.querySelector('.quote-translation')!;
    expect(translation.getAttribute('lang')).toBe('zh-Hans');
    expect(textOf(translation)).toContain((zhCN as Translations)[`responses/${id}/quote`]!.text);
    expect(textOf(translation)).toContain('本数据集的译文');
    // The joint statement is still cited to both parents, by their names in characters.
    expect(textOf(quote.querySelector('cite'))).toBe('— 米热班·卡迪尔和阿布力克木·麦麦提依民');
  });

  it('shows names in characters with the Latin form beside them once; minors by first name', () => {
    const root = show('zh-CN', zhCN);
    const items = [...root.querySelectorAll('.people li')];
    const mihriban = items.find((li) => textOf(li.querySelector('strong')) === '米热班·卡迪尔')!;
    expect(textOf(mihriban)).toContain('(Mihriban Kader)');
    expect(textOf(mihriban).split('Mihriban Kader').length).toBe(2);
    expect(items.some((li) => textOf(li.querySelector('strong')) === '叶海亚')).toBe(true);
  });

  it('falls back to English, marked lang="en", where a translation is stale, and says so', () => {
    const changed: Dataset = structuredClone(dataset);
    changed.findings.find((f) => f.id === 'finding-no-evidence')!.statement = 'CNN reported that the Chinese authorities gave no evidence for any of their accusations against the parents.';
    const root = show('zh-CN', zhCN, changed);
    const finding = root.querySelector('[data-id="finding-no-evidence"] [lang][dir="auto"]');
    expect(textOf(finding)).toMatch(/^CNN reported/);
    expect(finding?.getAttribute('lang')).toBe('en');
    expect(root.querySelector('.note')).not.toBeNull();
  });
});

describe('sidebar in Uyghur', () => {
  it('marks text ug-Arab, laid out by its own direction', () => {
    const root = show('ug', ug);
    const event = root.querySelector('.timeline li span[lang]');
    expect(event?.getAttribute('lang')).toBe('ug-Arab');
    expect(event?.getAttribute('dir')).toBe('auto');
    expect(textOf(root.querySelector('.people li strong'))).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('dates in the reader’s language', () => {
  it.each([
    ['zh-CN', zhCN, /^\d{4}年\d{1,2}月\d{1,2}日$/],
    ['ug', ug, /ئ/],
  ] as const)('%s: key lines, timeline and sources write dates as the language does, marked so', (locale, translations, pattern) => {
    const root = show(locale, translations);
    const date = root.querySelector('.key-line time')!;
    expect(date.getAttribute('lang')).toBe(locale);
    expect(textOf(date)).toMatch(pattern);
    expect(root.querySelector('.timeline time')!.getAttribute('lang')).toBe(locale);
    expect(root.querySelector('a.source')!.getAttribute('lang')).toBe(locale);
  });

  it('formatDate keeps each date as precise as it is known', () => {
    expect(formatDate('2021', 'zh-CN')).toBe('2021');
    expect(formatDate('2020-06', 'zh-CN')).toBe('2020年6月');
    expect(formatDate('2021-04-02', 'it')).toBe('2 apr 2021');
    expect(formatDate('2021-04-02', 'en')).toBe('2 Apr 2021');
    expect(dateLang('en')).toBe('en');
  });
});
