/**
 * The back-translation review (docs/translations.md): compares each back-translation in
 * docs/translations/back-<locale>.txt (`path | English`, written from the translations alone, listed by
 * `list.ts --back <locale>`) with the dataset's English, and prints, per field, the speakers and the
 * attribution kinds (reported, said, denied, accused; from data/glossary/en.json) that the English
 * has and the back-translation lacks, or has and the English lacks.
 *   npx tsx scripts/l10n/review.ts ug
 * Meaning is compared by a reader; this script makes sure no speaker or attribution was lost unseen.
 */
import { readFileSync } from 'node:fs';
import { parseDataset } from '../../core/dataset/schema';
import { textFields } from '../../core/dataset/localize';
import { Glossary } from '../../core/dataset/translation-schema';
import { glossaryFile } from './files';

const locale = process.argv[2];
if (!locale) throw new Error('usage: review.ts <locale>');
const en = Glossary.parse(JSON.parse(readFileSync(glossaryFile('en'), 'utf8')));
const english = new Map(textFields(parseDataset(JSON.parse(readFileSync('data/dataset.json', 'utf8')))).map((f) => [f.path, f.text]));
const back = new Map(
  readFileSync(`docs/translations/back-${locale}.txt`, 'utf8')
    .split('\n')
    .filter((l) => l.includes(' | '))
    .map((l) => [l.slice(0, l.indexOf(' | ')).trim(), l.slice(l.indexOf(' | ') + 3).trim()] as [string, string]),
);

const unquoted = (t: string) => t.replace(/"[^"]*"|“[^”]*”/g, ' ');
const has = (t: string, w: string) => new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(unquoted(t));
/** Other English words for the same kind of attribution (for back-translations, not for the tests). */
const SYNONYMS: Record<string, RegExp> = {
  denied: /\b(reject\w*|refuse\w*|den(y|ies|ied|ial|ials))\b/i,
  said: /\b(described|stated|states|told)\b/i,
  // "By his account", "according to him": an account attributed to its teller.
  account: /\b(by (his|her|their) account|according to)\b/i,
};

/** What a text says about who spoke and how, as glossary keys: "cnn", "person:muhlise", "said"... */
function marks(t: string): Set<string> {
  const out = new Set<string>();
  for (const [id, name] of Object.entries(en.speakers)) if (has(t, name)) out.add(id);
  for (const [id, name] of Object.entries(en.names)) if (has(t, name.short)) out.add(`person:${id}`);
  for (const [kind, words] of Object.entries(en.attribution)) if (words.some((w) => has(t, w))) out.add(kind);
  // A back-translation words things its own way: the same kind of attribution in other English words.
  for (const [kind, pattern] of Object.entries(SYNONYMS)) if (pattern.test(unquoted(t))) out.add(kind);
  return out;
}

let differ = 0;
for (const [path, b] of back) {
  const e = english.get(path);
  if (e === undefined) {
    console.log(`${path}: not a text field of the dataset`);
    differ++;
    continue;
  }
  const me = marks(e);
  const mb = marks(b);
  // "said" and "reported" are both reporting verbs: a translation may use either where the English does.
  const VERBS = new Set(['said', 'reported', 'account']);
  const verbs = (m: Set<string>) => [...m].some((x) => VERBS.has(x));
  const lost = [...me].filter((m) => !mb.has(m) && !(VERBS.has(m) && verbs(mb)));
  const added = [...mb].filter((m) => !me.has(m) && !(VERBS.has(m) && verbs(me)));
  if (lost.length || added.length) {
    differ++;
    console.log(`${path}\n  English: ${e}\n  back:    ${b}\n  lost: ${lost.join(', ') || '-'}  added: ${added.join(', ') || '-'}`);
  }
}
console.log(`${locale}: ${back.size} back-translations, ${differ} with a speaker or attribution difference`);
