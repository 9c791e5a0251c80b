/**
 * The dataset's translations (issue 17): every text field in every language, none empty or stale;
 * names in the reader's script; the glossary's terms; every translated statement keeps its speakers
 * and its attribution; quotes stay as said; Traditional Chinese holds no Simplified-only character.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// opencc-js (already a dependency) tells Simplified from Traditional Chinese by converting between them.
import * as OpenCC from 'opencc-js';
import { parseDataset, type Dataset } from '../../core/dataset/schema';
import {
  DATASET_TRANSLATION_LABEL,
  TEXT_LANG,
  TRANSLATED_LOCALES,
  localizeDataset,
  sourceHash,
  viewText,
  textFields,
  translationState,
  type DatasetLocale,
  type Translations,
} from '../../core/dataset/localize';
import { Glossary, LocalizedText, TranslationFile, composeLocalizedTexts } from '../../core/dataset/translation-schema';
import { buildContextView } from '../../core/dataset/context-view';
import { glossaryFile, readTranslations } from '../../scripts/l10n/files';

const dataset = parseDataset(JSON.parse(readFileSync('data/dataset.json', 'utf8')));
const fields = textFields(dataset);
const translations = Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, readTranslations(l)])) as Record<Exclude<DatasetLocale, 'en'>, Translations>;
const glossaries = Object.fromEntries(['en', ...TRANSLATED_LOCALES].map((l) => [l, Glossary.parse(JSON.parse(readFileSync(glossaryFile(l), 'utf8')))])) as Record<DatasetLocale, Glossary>;
const en = glossaries.en;

/** Fields that say who said, reported, claimed or denied something: the ones attribution is checked on. */
const STATEMENT_FIELDS = new Set(['statement', 'summary', 'description']);
// Actors' descriptions say who an actor is ("news network that reported on both families"), not who said what.
const statements = fields.filter((f) => STATEMENT_FIELDS.has(f.field) && f.collection !== 'actors');

/** Text in quotation marks is a recorded spelling or someone's words, not a mention by the dataset. */
const unquoted = (text: string) => text.replace(/"[^"]*"|“[^”]*”/g, ' ');
const mentions = (text: string, form: string) => new RegExp(`(^|[^\\p{L}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(unquoted(text));
const contains = (text: string, form: string) => text.toLocaleLowerCase().includes(form.toLocaleLowerCase());
const forms = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

describe('translation files', () => {
  it.each(TRANSLATED_LOCALES)('%s parses: every entry a non-empty text with the hash of its English', (locale) => {
    expect(() => TranslationFile.parse(translations[locale])).not.toThrow();
  });

  it.each(TRANSLATED_LOCALES)('%s translates only fields the dataset has (no orphans)', (locale) => {
    const paths = new Set(fields.map((f) => f.path));
    expect(Object.keys(translations[locale]).filter((p) => !paths.has(p))).toEqual([]);
  });

  it('every text field has every language, none missing, empty or stale', () => {
    const composed = composeLocalizedTexts(dataset, translations);
    expect(composed.size).toBe(fields.length);
    const problems: string[] = [];
    for (const [path, text] of composed) {
      const result = LocalizedText.safeParse(text);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const locale = String(issue.path[0]) as Exclude<DatasetLocale, 'en'>;
          const field = fields.find((f) => f.path === path)!;
          problems.push(`${locale} ${path}: ${translationState(field, translations[locale])}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a changed English text makes its translations stale, and the reader gets the English', () => {
    const changed: Dataset = structuredClone(dataset);
    const claim = changed.claims.find((c) => c.id === 'claim-mamutjan-abandoned')!;
    claim.statement = `${claim.statement} (corrected)`;
    const path = 'claims/claim-mamutjan-abandoned/statement';
    const field = textFields(changed).find((f) => f.path === path)!;
    expect(translationState(field, translations.it)).toBe('stale');
    const problems = [...composeLocalizedTexts(changed, translations)].filter(([, t]) => !LocalizedText.safeParse(t).success).map(([p]) => p);
    expect(problems).toEqual([path]);
    const localized = localizeDataset(changed, translations.it, 'it');
    expect(localized.fallbacks).toEqual([path]);
    expect(localized.data.claims.find((c) => c.id === claim.id)!.statement).toBe(claim.statement);
    expect(localized.textLang(path)).toBe('en');
    expect(localized.textLang('claims/claim-mamutjan-extremism/statement')).toBe('it');
  });

  it('the hash is of the English text itself', () => {
    expect(sourceHash('a')).not.toBe(sourceHash('b'));
    expect(sourceHash('Payzawat')).toMatch(/^[0-9a-f]{8}$/);
    expect(sourceHash('Payzawat')).toBe(sourceHash('Payzawat'));
  });
});

describe('glossaries', () => {
  it.each(TRANSLATED_LOCALES)('%s covers every person, speaker and term of the English glossary', (locale) => {
    const g = glossaries[locale];
    expect(Object.keys(g.names).sort()).toEqual(Object.keys(en.names).sort());
    expect(Object.keys(g.speakers).sort()).toEqual(Object.keys(en.speakers).sort());
    expect(Object.keys(g.terms).sort()).toEqual(Object.keys(en.terms).sort());
    expect(g.labels.datasetTranslation).toBe(DATASET_TRANSLATION_LABEL[locale]);
    expect(g.lang).toBe(TEXT_LANG[locale]);
  });

  it('every person in the dataset has a name in every glossary', () => {
    for (const p of dataset.people) expect(Object.keys(en.names)).toContain(p.id);
  });

  it.each(TRANSLATED_LOCALES)('%s shows each person by the glossary name', (locale) => {
    for (const p of dataset.people) {
      expect(translations[locale][`people/${p.id}/displayName`]?.text, p.id).toBe(glossaries[locale].names[p.id]!.name);
    }
  });

  it.each(TRANSLATED_LOCALES)('%s: where the English names a term, the translation uses the glossary rendering', (locale) => {
    const missing: string[] = [];
    for (const f of fields) {
      const t = translations[locale][f.path]?.text ?? '';
      for (const [term, english] of Object.entries(en.terms)) {
        if (!forms(english).some((form) => mentions(f.text, form))) continue;
        const rendering = forms(glossaries[locale].terms[term]!);
        if (!rendering.some((r) => contains(t, r))) missing.push(`${f.path}: ${term} -> ${rendering.join(' | ')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the glossary check fails when a term is rendered otherwise', () => {
    const f = fields.find((x) => x.path === 'conduct/conduct-children-orphanage/statement')!;
    expect(mentions(f.text, 'Payzawat')).toBe(true);
    expect(contains(translations.ug[f.path]!.text, glossaries.ug.terms.payzawat as string)).toBe(true);
    expect(contains(translations.ug[f.path]!.text.replaceAll('پەيزىۋات', 'پايزاۋات'), glossaries.ug.terms.payzawat as string)).toBe(false);
  });
});

/** The speakers an English text names (actors by name, people by their short name), outside quotation marks. */
function speakersIn(text: string): Array<{ id: string; kind: 'actor' | 'person' }> {
  const out: Array<{ id: string; kind: 'actor' | 'person' }> = [];
  for (const [id, name] of Object.entries(en.speakers)) if (mentions(text, name)) out.push({ id, kind: 'actor' });
  for (const [id, name] of Object.entries(en.names)) if (mentions(text, name.short)) out.push({ id, kind: 'person' });
  return out;
}

/** The kinds of attribution an English text makes ("CNN reported", "the government said", "denied", "accused"). */
function attributionsIn(text: string): Array<keyof Glossary['attribution']> {
  return (Object.keys(en.attribution) as Array<keyof Glossary['attribution']>).filter((kind) => en.attribution[kind].some((w) => mentions(text, w)));
}

function attributionProblems(locale: DatasetLocale, path: string, english: string, translated: string): string[] {
  const g = glossaries[locale];
  const problems: string[] = [];
  for (const s of speakersIn(english)) {
    const rendering = s.kind === 'actor' ? g.speakers[s.id]! : g.names[s.id]!.short;
    if (!contains(unquoted(translated), rendering)) problems.push(`${path}: names ${s.id} as "${rendering}"? missing`);
  }
  for (const kind of attributionsIn(english)) {
    if (!g.attribution[kind].some((w) => contains(translated, w))) problems.push(`${path}: "${kind}" attribution (${g.attribution[kind].join(' | ')}) missing`);
  }
  return problems;
}

describe('attribution survives translation', () => {
  it('the English statements are checked: most name a speaker and an attribution', () => {
    expect(statements.length).toBeGreaterThan(75);
    expect(statements.filter((f) => speakersIn(f.text).length > 0 && attributionsIn(f.text).length > 0).length).toBeGreaterThan(60);
  });

  it.each(TRANSLATED_LOCALES)('%s: each statement names the same speakers and keeps its attribution words', (locale) => {
    const problems = statements.flatMap((f) => attributionProblems(locale, f.path, f.text, translations[locale][f.path]?.text ?? ''));
    expect(problems).toEqual([]);
  });

  it.each(TRANSLATED_LOCALES)('%s: a statement stripped of its speaker or its reporting verb fails the check', (locale) => {
    const path = 'findings/finding-no-evidence/statement';
    const english = fields.find((f) => f.path === path)!.text;
    const translated = translations[locale][path]!.text;
    const g = glossaries[locale];
    expect(attributionProblems(locale, path, english, translated)).toEqual([]);
    expect(attributionProblems(locale, path, english, translated.replaceAll(g.speakers.cnn!, '')).length).toBeGreaterThan(0);
    const unreported = g.attribution.reported.reduce((t, w) => t.split(w).join(''), translated);
    expect(attributionProblems(locale, path, english, unreported).length).toBeGreaterThan(0);
  });
});

describe('the localized dataset', () => {
  it.each(TRANSLATED_LOCALES)('%s: text in the reader language, quotes as said with the dataset translation beside them', (locale) => {
    const localized = localizeDataset(dataset, translations[locale], locale);
    expect(localized.fallbacks).toEqual([]);
    for (const c of [...dataset.claims, ...dataset.responses]) {
      const kind = 'claimant' in c ? 'claims' : 'responses';
      const shown = (localized.data[kind] as Array<typeof c>).find((x) => x.id === c.id)!;
      expect(shown.statement).toBe(translations[locale][`${kind}/${c.id}/statement`]!.text);
      expect(localized.textLang(`${kind}/${c.id}/statement`)).toBe(TEXT_LANG[locale]);
      if (!c.quote) continue;
      // The quote itself is never replaced: people's own words stay as they said them.
      expect(shown.quote).toEqual(c.quote);
      const translation = localized.quoteTranslations.get(`${kind}/${c.id}/quote`)!;
      expect(translation).toEqual({ text: translations[locale][`${kind}/${c.id}/quote`]!.text, lang: TEXT_LANG[locale], by: 'dataset', label: DATASET_TRANSLATION_LABEL[locale] });
      expect(translation.text).not.toBe(c.quote.text);
    }
  });

  it('names in another script carry their Latin form; Latin names and descriptions do not', () => {
    const zh = localizeDataset(dataset, translations['zh-CN'], 'zh-CN');
    expect(zh.data.people.find((p) => p.id === 'mamutjan-abdurehim')!.displayName).toBe('马木提·阿不都热依木');
    expect(zh.latinNames.get('mamutjan-abdurehim')).toBe('Mamutjan Abdurehim');
    expect(zh.latinNames.get('muhlise')).toBe('Muhlise');
    expect(zh.latinNames.has('abdurehim-grandfather')).toBe(false);
    const ug = localizeDataset(dataset, translations.ug, 'ug');
    expect(ug.latinNames.get('mihriban-kader')).toBe('Mihriban Kader');
    expect(localizeDataset(dataset, translations.it, 'it').latinNames.size).toBe(0);
  });

  it('English is the dataset unchanged; no translations at all fall back to English everywhere', () => {
    const english = localizeDataset(dataset, undefined, 'en');
    expect(english.data).toBe(dataset);
    const none = localizeDataset(dataset, undefined, 'tr');
    expect(none.fallbacks.length).toBe(fields.length);
    expect(none.data.claims).toEqual(dataset.claims);
    expect(none.textLang('claims/claim-us-genocide/statement')).toBe('en');
  });

  it('a media item on the page is still found by its English title when the view is localized', () => {
    const localized = localizeDataset(dataset, translations.ug, 'ug');
    const phrases = ['china responds to cnn report on separated uyghur families'];
    const view = buildContextView(localized.data, [], [], { phrases }, viewText(localized));
    expect(view.mediaOnPage.map((m) => m.id)).toContain('media-cnn-video-china-responds');
    expect(view.mediaOnPage.find((m) => m.id === 'media-cnn-video-china-responds')!.title).toBe(translations.ug['media/media-cnn-video-china-responds/title']!.text);
  });

  it('the sidebar view builds from the localized records, minors still by first name', () => {
    const localized = localizeDataset(dataset, translations['zh-TW'], 'zh-TW');
    const view = buildContextView(localized.data, ['family-mamtinin-kader'], ['yehya']);
    const family = view.families[0]!;
    expect(family.family.label).toBe(translations['zh-TW']['families/family-mamtinin-kader/label']!.text);
    expect(view.speakers.get('prc-government')).toBe('中國政府');
    for (const p of family.people.filter((x) => x.minor)) expect(p.displayName).not.toMatch(/\s|·/);
  });
});

describe('scripts', () => {
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  // Characters OpenCC converts although Taiwan writes them so: 台 (OpenCC's standard form is 臺, but
  // Taiwan's own names write 台灣, as CTS and Amnesty International Taiwan do). Keep the list short.
  const TAIWAN_FORMS = new Set(['台']);
  const simplifiedOnly = (text: string) => [...text].filter((ch) => !TAIWAN_FORMS.has(ch) && toTraditional(ch) !== ch);
  const traditionalOnly = (text: string) => [...text].filter((ch) => toSimplified(ch) !== ch);

  it('zh-TW holds no Simplified-only character', () => {
    const found = Object.entries(translations['zh-TW']).flatMap(([path, { text }]) => simplifiedOnly(text).map((ch) => `${path}: ${ch}`));
    expect(found).toEqual([]);
  });

  it('zh-CN holds no Traditional-only character, and zh-TW is zh-CN in Traditional script', () => {
    const found = Object.entries(translations['zh-CN']).flatMap(([path, { text }]) => traditionalOnly(text).map((ch) => `${path}: ${ch}`));
    expect(found).toEqual([]);
    // The round trip: the Traditional text read back into Simplified differs from the Simplified source
    // only where Taiwan usage differs (reviewed overrides), never everywhere.
    const same = Object.keys(translations['zh-CN']).filter((p) => toSimplified(translations['zh-TW'][p]!.text) === translations['zh-CN'][p]!.text);
    expect(same.length).toBeGreaterThan(fields.length / 2);
  });

  it('ug is written in Arabic script: Latin letters only in names of outlets, handles, addresses and recorded spellings', () => {
    const allowed = /CNN|CGTN|CRI|CTS|X|@MamutjanAB|news\.ts\.cn|Newsroom|"[^"]*"|\([^)]*Hearts and Lives[^)]*\)|Muharram Ablat|Ablat Abdureyim/g;
    const latin = Object.entries(translations.ug).filter(([, { text }]) => /[A-Za-z]/.test(text.replace(allowed, '')));
    expect(latin.map(([p]) => p)).toEqual([]);
  });
});
