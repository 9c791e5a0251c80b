/** Reading and writing data/translations/<locale>.json and data/glossary/<locale>.json (Node tools and tests). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Translations } from '../../core/dataset/localize';

export const translationFile = (locale: string) => `data/translations/${locale}.json`;
export const glossaryFile = (locale: string) => `data/glossary/${locale}.json`;

export function readTranslations(locale: string): Translations {
  const file = translationFile(locale);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Translations) : {};
}

/** One entry per line, in the dataset's field order, so a diff shows one changed translation per line. */
export function writeTranslations(locale: string, translations: Translations, order: string[]): void {
  const keys = [...order.filter((k) => k in translations), ...Object.keys(translations).filter((k) => !order.includes(k))];
  const lines = keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(translations[k])}`);
  writeFileSync(translationFile(locale), `{\n${lines.join(',\n')}\n}\n`);
}
