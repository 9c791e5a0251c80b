/**
 * The dataset in the reader's language. `data/dataset.json` stays the English source; each language
 * has `data/translations/<locale>.json`, which maps every text field's path (`claims/<id>/statement`)
 * to its translation and a short hash of the English text it translates (`source`). When the English
 * changes, the hash no longer matches: the translation is stale, the reader gets the English (marked
 * with lang="en"), and tests/unit/translations.test.ts fails naming the path.
 *
 * Pure (no zod, no browser APIs): the sidebar (an extension page) calls `localizeDataset` on the
 * records the background sends, then builds its view as before. The content script never imports
 * this module nor the translation files (tests/unit/content-imports.test.ts).
 */
import type { StoredDataset } from './schema';

/** The languages of the dataset's own text, by UI locale id (core/settings.ts). */
export const DATASET_LOCALES = ['en', 'zh-CN', 'zh-TW', 'ug', 'it', 'tr'] as const;
export type DatasetLocale = (typeof DATASET_LOCALES)[number];
export const TRANSLATED_LOCALES = DATASET_LOCALES.filter((l): l is Exclude<DatasetLocale, 'en'> => l !== 'en');

/** The BCP 47 tag each locale's text is written in: what a `lang` attribute carries. */
export const TEXT_LANG: Record<DatasetLocale, string> = {
  en: 'en',
  'zh-CN': 'zh-Hans',
  'zh-TW': 'zh-Hant',
  ug: 'ug-Arab',
  it: 'it',
  tr: 'tr',
};

/**
 * How each language marks a quote's translation as the dataset's own (data/glossary/<locale>.json
 * `labels.datasetTranslation`; a test keeps the two equal).
 */
export const DATASET_TRANSLATION_LABEL: Record<DatasetLocale, string> = {
  en: "the dataset's translation",
  'zh-CN': '本数据集的译文',
  'zh-TW': '本資料集的譯文',
  ug: 'سانلىق مەلۇمات توپلىمىنىڭ تەرجىمىسى',
  it: 'traduzione del dataset',
  tr: 'veri kümesinin çevirisi',
};

/** One translated field: the text, and the hash of the English it was translated from. */
export interface TranslationEntry {
  text: string;
  source: string;
}
/** `data/translations/<locale>.json`: path -> entry. */
export type Translations = Record<string, TranslationEntry>;

/**
 * A short hash of an English text (FNV-1a, 32 bits, over its UTF-16 code units; 8 hex digits): enough
 * to notice that the text a translation was made from has changed, as translation tools track their
 * source strings. Not a security measure.
 */
export function sourceHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Where a text field sits: collection, record id, field. */
export interface TextField {
  path: string;
  collection: string;
  id: string;
  field: string;
  text: string;
}

/**
 * Which fields of each collection are the dataset's own text (what the sidebar shows). Quotes are
 * people's own words: their `quote` path holds the dataset's translation, shown beside the original.
 * Detection data (names, signals and their cues and labels) is not translated: it is matched, not read.
 */
export const TEXT_FIELDS: Record<string, readonly string[]> = {
  sources: ['publisher', 'title', 'note'],
  actors: ['name', 'description'],
  stories: ['title', 'summary'],
  families: ['label', 'summary'],
  people: ['displayName', 'description', 'location'],
  claims: ['statement', 'quote'],
  responses: ['statement', 'quote'],
  findings: ['statement'],
  conduct: ['statement'],
  events: ['statement'],
  media: ['title', 'description'],
};

type AnyRecord = Record<string, unknown> & { id: string };

/** Every text field of a dataset, in file order: the list every translation must cover. */
export function textFields(data: StoredDataset & { meta?: { title: string } }): TextField[] {
  const out: TextField[] = [];
  if (data.meta) out.push({ path: 'meta/title', collection: 'meta', id: 'meta', field: 'title', text: data.meta.title });
  for (const [collection, fields] of Object.entries(TEXT_FIELDS)) {
    for (const record of (data as unknown as Record<string, AnyRecord[]>)[collection] ?? []) {
      for (const field of fields) {
        const value = record[field];
        const text = field === 'quote' ? (value as { text?: string } | undefined)?.text : value;
        if (typeof text === 'string' && text.length > 0) {
          out.push({ path: `${collection}/${record.id}/${field}`, collection, id: record.id, field, text });
        }
      }
    }
  }
  return out;
}

/** How a translation stands against the English it should translate. */
export type TranslationState = 'current' | 'missing' | 'stale';

export function translationState(field: TextField, translations: Translations | undefined): TranslationState {
  const entry = translations?.[field.path];
  if (!entry || entry.text.trim() === '') return 'missing';
  return entry.source === sourceHash(field.text) ? 'current' : 'stale';
}

/**
 * One text field in the reader's language: its current translation, or the English with lang "en"
 * where the translation is missing or stale (for pages that show a few fields, such as a note).
 */
export function translatedText(path: string, english: string, translations: Translations | undefined, locale: DatasetLocale): { text: string; lang: string } {
  const entry = translations?.[path];
  if (locale === 'en' || translationState({ path, text: english } as TextField, translations) !== 'current') return { text: english, lang: 'en' };
  return { text: entry!.text, lang: TEXT_LANG[locale] };
}

/** A quote's translation into the reader's language, marked as the dataset's own. */
export interface QuoteTranslation {
  text: string;
  lang: string;
  by: 'dataset';
  /** "the dataset's translation", in the reader's language. */
  label: string;
}

export interface LocalizedDataset<T extends StoredDataset> {
  locale: DatasetLocale;
  /** The same records, with text fields in the reader's language where a current translation exists. */
  data: T;
  /** The lang tag of a text field's shown text (`claims/<id>/statement`): the locale's, or "en" on fallback. */
  textLang: (path: string) => string;
  /** Paths shown in English because their translation is missing or stale. */
  fallbacks: string[];
  /** Path -> the English text a shown translation replaced (matching, e.g. media titles, is in English). */
  english: Map<string, string>;
  /** Quote path (`claims/<id>/quote`) -> the dataset's translation; the quote itself stays as said. */
  quoteTranslations: Map<string, QuoteTranslation>;
  /**
   * Person id -> the Latin form of the name (the English displayName), for people whose shown name is
   * in another script: show it once beside the name. Descriptions ("the children's grandfather") and
   * names already in Latin letters have none.
   */
  latinNames: Map<string, string>;
}

/** Join paths for lookups: `textPath('claims', id, 'statement')`. */
export const textPath = (collection: string, id: string, field: string): string => `${collection}/${id}/${field}`;

/**
 * The records in `locale`: each text field replaced by its current translation, each quote kept as
 * said with its translation beside it, every fallback to English listed. English (or no translations)
 * returns the records unchanged.
 */
export function localizeDataset<T extends StoredDataset>(data: T, translations: Translations | undefined, locale: DatasetLocale): LocalizedDataset<T> {
  const lang = TEXT_LANG[locale];
  const latinNames = new Map<string, string>();
  const quoteTranslations = new Map<string, QuoteTranslation>();
  if (locale === 'en') return { locale, data, textLang: () => 'en', fallbacks: [], english: new Map(), quoteTranslations, latinNames };

  const fallbacks: string[] = [];
  const shown = new Map<string, string>();
  const english = new Map<string, string>();
  for (const field of textFields(data)) {
    if (translationState(field, translations) === 'current') {
      shown.set(field.path, translations![field.path]!.text);
      english.set(field.path, field.text);
    } else fallbacks.push(field.path);
  }
  const copy = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) copy[key] = value;
  for (const [collection, fields] of Object.entries(TEXT_FIELDS)) {
    const records = (data as unknown as Record<string, AnyRecord[]>)[collection];
    if (!records) continue;
    copy[collection] = records.map((record) => {
      const next: AnyRecord = { ...record };
      for (const field of fields) {
        const path = textPath(collection, record.id, field);
        const text = shown.get(path);
        if (text === undefined) continue;
        if (field === 'quote') quoteTranslations.set(path, { text, lang, by: 'dataset', label: DATASET_TRANSLATION_LABEL[locale] });
        else next[field] = text;
      }
      const shownName = shown.get(textPath(collection, record.id, 'displayName'));
      const names = (record.names ?? []) as Array<{ kind: string; script: string }>;
      if (collection === 'people' && shownName && shownName !== record.displayName && !/[A-Za-z]/.test(shownName) && names.some((n) => n.kind === 'primary' && n.script === 'Latn')) {
        latinNames.set(record.id, String(record.displayName));
      }
      return next;
    });
  }
  const fellBack = new Set(fallbacks);
  return {
    locale,
    data: copy as T,
    textLang: (path) => (fellBack.has(path) || !shown.has(path) ? 'en' : lang),
    fallbacks,
    english,
    quoteTranslations,
    latinNames,
  };
}

/** The dataset locale for a UI locale id, English when the language has no translation. */
export function datasetLocale(uiLocale: string | undefined): DatasetLocale {
  return (DATASET_LOCALES as readonly string[]).includes(uiLocale ?? '') ? (uiLocale as DatasetLocale) : 'en';
}

/**
 * What a view needs to mark its text: the `lang` of each text field, the translation beside each
 * quote, the Latin form beside each name in another script, and whether anything fell back to English.
 * core/dataset/context-view.ts carries it as `view.text`; the sidebar reads it.
 */
export interface ViewText {
  locale: DatasetLocale;
  /** The lang tag of `collection/id/field` as shown. */
  lang: (path: string) => string;
  /** The dataset's translation of a quote (`claims/<id>/quote`), in the reader's language. */
  quote: (path: string) => QuoteTranslation | undefined;
  /** The Latin form of a person's name, when the shown name is in another script. */
  latinName: (personId: string) => string | undefined;
  /** How many text fields are shown in English for want of a current translation. */
  fallbacks: number;
  /** "spouse of Muherrem", in the reader's language: `forward` reads from the relationship's `from`. */
  relation: (type: 'spouse' | 'parent-of', forward: boolean, name: string) => string;
  /** What joins the names of a joint statement's speakers ("Mihriban Kader and Ablikim Mamtinin"). */
  and: string;
  /** The English of a text field that was translated (undefined when it is shown in English). */
  english: (path: string) => string | undefined;
}

const AND: Record<DatasetLocale, string> = { en: ' and ', 'zh-CN': '和', 'zh-TW': '和', ug: ' ۋە ', it: ' e ', tr: ' ve ' };

/**
 * Family relations as the people list shows them, per language: [from's label, to's label]. Chinese,
 * Uyghur, Italian and Turkish name the other person's role ("子女：穆合丽萨"), which needs no gender.
 */
const RELATION_LABEL: Record<DatasetLocale, Record<'spouse' | 'parent-of', [string, string]>> = {
  en: { spouse: ['spouse of {name}', 'spouse of {name}'], 'parent-of': ['parent of {name}', 'child of {name}'] },
  'zh-CN': { spouse: ['配偶：{name}', '配偶：{name}'], 'parent-of': ['子女：{name}', '父母：{name}'] },
  'zh-TW': { spouse: ['配偶：{name}', '配偶：{name}'], 'parent-of': ['子女：{name}', '父母：{name}'] },
  ug: { spouse: ['جورىسى: {name}', 'جورىسى: {name}'], 'parent-of': ['بالىسى: {name}', 'ئاتا-ئانىسى: {name}'] },
  it: { spouse: ['coniuge: {name}', 'coniuge: {name}'], 'parent-of': ['figlio/a: {name}', 'genitore: {name}'] },
  tr: { spouse: ['eşi: {name}', 'eşi: {name}'], 'parent-of': ['çocuğu: {name}', 'ebeveyni: {name}'] },
};

const relationIn =
  (locale: DatasetLocale): ViewText['relation'] =>
  (type, forward, name) =>
    RELATION_LABEL[locale][type][forward ? 0 : 1].replace('{name}', name);

/** English text, as written: what a view carries when no locale is chosen. */
export const ENGLISH_TEXT: ViewText = {
  locale: 'en',
  lang: () => 'en',
  quote: () => undefined,
  latinName: () => undefined,
  fallbacks: 0,
  relation: relationIn('en'),
  and: AND.en,
  english: () => undefined,
};

export function viewText(localized: LocalizedDataset<StoredDataset>): ViewText {
  return {
    locale: localized.locale,
    lang: localized.textLang,
    quote: (path) => localized.quoteTranslations.get(path),
    latinName: (id) => localized.latinNames.get(id),
    fallbacks: localized.fallbacks.length,
    relation: relationIn(localized.locale),
    and: AND[localized.locale],
    english: (path) => localized.english.get(path),
  };
}
