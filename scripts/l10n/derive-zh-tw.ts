/**
 * Derives a Traditional Chinese (Taiwan) sheet from the Simplified one with OpenCC (cn -> twp: characters
 * and Taiwan phrasing, e.g. 视频 -> 影片), then applies the reviewed overrides below (names in their
 * attested Traditional forms, Taiwan usage OpenCC does not know). Prints `path | text` lines for
 * scripts/l10n/import.ts; a reviewer reads them before importing.
 *   npx tsx scripts/l10n/derive-zh-tw.ts > /tmp/zh-TW.txt
 *   npx tsx scripts/l10n/derive-zh-tw.ts --glossary > /tmp/zh-TW.glossary.json
 * (the second derives the zh-TW glossary from the zh-CN one the same way).
 */
import * as OpenCC from 'opencc-js';
import { readFileSync } from 'node:fs';
import { glossaryFile, readTranslations } from './files';

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'twp' });

/** Reviewed replacements after conversion, in order: [converted form, Taiwan form, why]. */
export const ZH_TW_OVERRIDES: Array<[string, string, string]> = [
  ['阿德萊德', '阿得雷德', 'Adelaide as Taiwan writes it'],
  ['華視（臺灣）', '華視（台灣）', 'the broadcaster writes 台灣'],
  ['國際特赦組織臺灣分會', '台灣國際特赦組織', 'the section\'s own name'],
  ['副國務秘書', '次長', 'Italy\'s sottosegretario: Taiwan\'s press writes 次長'],
  ['宣告', '聲明', 'OpenCC\'s twp phrase table reads 声明 as the software sense (宣告); here it is a statement'],
  ['釋出', '發布', 'the same: 发布 is publishing, not a software release'],
  ['抹黑髮聲', '抹黑發聲', 'OpenCC took 发 in 抹黑发声 for hair'],
  ['報道', '報導', 'Taiwan usage'],
  ['通過', '透過', 'Taiwan usage for "by way of" (this text never means "passed")'],
  ['澳大利亞', '澳洲', 'Taiwan usage'],
  ['賬號', '帳號', 'Taiwan usage'],
  ['社交網路', '社群網路', 'Taiwan usage'],
  ['“', '「', 'Taiwan quotation marks'],
  ['”', '」', 'Taiwan quotation marks'],
];

export const taiwan = (text: string): string => {
  let out = toTaiwan(text);
  for (const [from, to] of ZH_TW_OVERRIDES) out = out.split(from).join(to);
  return out;
};

if (process.argv.includes('--glossary')) {
  const convert = (v: unknown): unknown =>
    typeof v === 'string' ? taiwan(v) : Array.isArray(v) ? v.map(convert) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'note' || k === 'form' ? x : convert(x)])) : v;
  const glossary = JSON.parse(readFileSync(glossaryFile('zh-CN'), 'utf8')) as Record<string, unknown>;
  console.log(JSON.stringify({ ...(convert(glossary) as object), locale: 'zh-TW', lang: 'zh-Hant' }, null, 2));
  process.exit(0);
}

const zhCN = readTranslations('zh-CN');
for (const [path, { text }] of Object.entries(zhCN)) {
  console.log(`${path} | ${taiwan(text)}`);
}
