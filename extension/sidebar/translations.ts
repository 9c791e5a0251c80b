/**
 * The dataset's translations, loaded by the sidebar (an extension page) for the reader's language
 * only: each file is a chunk of its own, imported on demand. The content script never imports this
 * module (tests/unit/content-imports.test.ts), so pages that are not about the story never load
 * them, and detection is unchanged.
 */
import type { DatasetLocale, Translations } from '../../core/dataset/localize';

/** The translations of `locale`, or undefined for English (the dataset's own language). */
export async function loadTranslations(locale: DatasetLocale): Promise<Translations | undefined> {
  // One static import() per file, so the bundler makes one chunk per language.
  switch (locale) {
    case 'en':
      return undefined;
    case 'zh-CN':
      return (await import('../../data/translations/zh-CN.json')).default as Translations;
    case 'zh-TW':
      return (await import('../../data/translations/zh-TW.json')).default as Translations;
    case 'ug':
      return (await import('../../data/translations/ug.json')).default as Translations;
    case 'it':
      return (await import('../../data/translations/it.json')).default as Translations;
    case 'tr':
      return (await import('../../data/translations/tr.json')).default as Translations;
  }
}
