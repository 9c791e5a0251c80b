/**
 * The schemas of the dataset's translations (data/translations/<locale>.json) and glossaries
 * (data/glossary/<locale>.json), and the localized text type: one non-empty string per language.
 * Full zod: tests and Node tools only; the sidebar uses core/dataset/localize.ts, which needs none.
 */
import { z } from 'zod';
import { DATASET_LOCALES, sourceHash, textFields, type DatasetLocale, type Translations } from './localize';
import type { Dataset } from './schema';

const NonEmpty = z.string().trim().min(1, 'a translation cannot be empty');

/** A text in every language of the dataset: what each text field is once its translations are composed. */
export const LocalizedText = z
  .object(Object.fromEntries(DATASET_LOCALES.map((l) => [l, NonEmpty])) as Record<DatasetLocale, typeof NonEmpty>)
  .strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

export const TranslationEntry = z
  .object({ text: NonEmpty, source: z.string().regex(/^[0-9a-f]{8}$/, 'source is the 8-hex-digit hash of the English text') })
  .strict();
export const TranslationFile = z.record(z.string().regex(/^(meta\/title|[a-z]+\/[a-z0-9-]+\/[A-Za-z]+)$/, 'a path is collection/id/field'), TranslationEntry);

/** A glossary: how one language writes the names, the speakers and the recurring terms. */
export const Glossary = z
  .object({
    locale: z.enum(DATASET_LOCALES),
    lang: z.string().min(2),
    /** Person id -> the name in this script (`name`, shown), the short form used in sentences, and how it was found. */
    names: z.record(
      z.string(),
      z
        .object({
          name: NonEmpty,
          short: NonEmpty,
          form: z.enum(['source', 'attested', 'partly-attested', 'rule', 'chosen', 'latin', 'translated']),
          note: z.string().optional(),
        })
        .strict(),
    ),
    /** Actor id -> how a sentence names it. */
    speakers: z.record(z.string(), NonEmpty),
    /** Term id -> required rendering (English: the forms that call for it). */
    terms: z.record(z.string(), z.union([NonEmpty, z.array(NonEmpty).min(1)])),
    /** Attribution kind -> words that carry it (English: the words that ask for it). */
    attribution: z.object({ reported: z.array(NonEmpty).min(1), said: z.array(NonEmpty).min(1), denied: z.array(NonEmpty).min(1), accused: z.array(NonEmpty).min(1) }).strict(),
    labels: z.object({ datasetTranslation: NonEmpty }).strict(),
  })
  .strict();
export type Glossary = z.infer<typeof Glossary>;

/**
 * Every text field of the dataset in every language, from the English and each locale's
 * translations. A translation that is missing, empty or stale (made from another English text) is
 * left out, so `LocalizedText.parse` fails on that path, naming the language.
 */
export function composeLocalizedTexts(data: Dataset, translations: Partial<Record<DatasetLocale, Translations>>): Map<string, Partial<LocalizedText>> {
  const out = new Map<string, Partial<LocalizedText>>();
  for (const field of textFields(data)) {
    const text: Partial<LocalizedText> = { en: field.text };
    for (const locale of DATASET_LOCALES) {
      if (locale === 'en') continue;
      const entry = translations[locale]?.[field.path];
      if (entry && entry.source === sourceHash(field.text)) text[locale] = entry.text;
    }
    out.set(field.path, text);
  }
  return out;
}
