/**
 * Imports a translator's sheet into data/translations/<locale>.json:
 *   npx tsx scripts/l10n/import.ts <locale> <sheet.txt>
 * The sheet has one field a line, `path | text` (as scripts/l10n/list.ts prints them). Each imported
 * entry is stamped with the hash of the English it was written against: the current English, so
 * import a sheet only after checking it against the English of today (`list.ts --todo <locale>`).
 * Entries not in the sheet are kept as they are.
 */
import { readFileSync } from 'node:fs';
import { parseDataset } from '../../core/dataset/schema';
import { sourceHash, textFields } from '../../core/dataset/localize';
import { readTranslations, writeTranslations } from './files';

const [locale, sheet] = process.argv.slice(2);
if (!locale || !sheet) throw new Error('usage: import.ts <locale> <sheet.txt>');
const fields = textFields(parseDataset(JSON.parse(readFileSync('data/dataset.json', 'utf8'))));
const english = new Map(fields.map((f) => [f.path, f.text]));
const translations = readTranslations(locale);
let count = 0;
for (const line of readFileSync(sheet, 'utf8').split('\n')) {
  const bar = line.indexOf(' | ');
  if (bar < 0) continue;
  const path = line.slice(0, bar).trim();
  const text = line.slice(bar + 3).trim();
  const source = english.get(path);
  if (source === undefined) throw new Error(`${path}: no such text field in data/dataset.json`);
  translations[path] = { text, source: sourceHash(source) };
  count++;
}
writeTranslations(locale, translations, fields.map((f) => f.path));
console.log(`${locale}: ${count} entries imported, ${Object.keys(translations).length} in the file`);
