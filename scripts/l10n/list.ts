/**
 * Lists the dataset's text fields as JSON lines ({ path, text, hash }), with each locale's state:
 *   npx tsx scripts/l10n/list.ts                 every English field
 *   npx tsx scripts/l10n/list.ts --todo it       fields whose Italian translation is missing or stale
 *   npx tsx scripts/l10n/list.ts --back it       the Italian translations alone (no English), for the
 *                                                back-translation pass (docs/translations.md)
 */
import { readFileSync } from 'node:fs';
import { parseDataset } from '../../core/dataset/schema';
import { TRANSLATED_LOCALES, sourceHash, textFields, translationState, type Translations } from '../../core/dataset/localize';
import { readTranslations } from './files';

const dataset = parseDataset(JSON.parse(readFileSync('data/dataset.json', 'utf8')));
const fields = textFields(dataset);
const [mode, locale] = process.argv.slice(2);

if (mode === '--todo' || mode === '--back') {
  if (!(TRANSLATED_LOCALES as readonly string[]).includes(locale ?? '')) throw new Error(`locale: one of ${TRANSLATED_LOCALES.join(', ')}`);
  const translations: Translations = readTranslations(locale!);
  for (const f of fields) {
    if (mode === '--todo') {
      const state = translationState(f, translations);
      if (state !== 'current') console.log(JSON.stringify({ path: f.path, state, text: f.text, hash: sourceHash(f.text) }));
    } else if (translations[f.path]) {
      console.log(JSON.stringify({ path: f.path, text: translations[f.path]!.text }));
    }
  }
} else {
  for (const f of fields) console.log(JSON.stringify({ path: f.path, text: f.text, hash: sourceHash(f.text) }));
}
