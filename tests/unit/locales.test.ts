/**
 * The manifest in six languages: every locale carries every message, none empty or left in English,
 * within the stores' length limits, in the right script; and the built manifests of both browsers
 * name only messages every locale has.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'wxt';
// opencc-js (already a dependency) tells Simplified from Traditional Chinese by converting between them.
import * as OpenCC from 'opencc-js';
import { manifestMessageKeys, missingMessages, readLocales } from '../../scripts/build/locales';

const locales = readLocales();
const en = locales.en!;
const translated = Object.entries(locales).filter(([locale]) => locale !== 'en');
// The brand name stays in Latin letters everywhere; every other message is translated.
const UNTRANSLATED = new Set(['extName']);

describe('public/_locales', () => {
  it('has the six languages, English the default', () => {
    expect(Object.keys(locales).sort()).toEqual(['en', 'it', 'tr', 'ug', 'zh_CN', 'zh_TW']);
  });

  it.each(translated)('%s has exactly the English keys, each with a non-empty message', (_locale, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const { message } of Object.values(messages)) expect(message.trim()).not.toBe('');
  });

  it.each(translated)('%s translates every message but the brand name', (_locale, messages) => {
    for (const [key, { message }] of Object.entries(messages)) {
      if (UNTRANSLATED.has(key)) expect(message).toBe(en[key]!.message);
      else expect(message, key).not.toBe(en[key]!.message);
    }
  });

  it.each(Object.entries(locales))('%s fits the stores: name at most 75 characters, description at most 132', (_locale, messages) => {
    expect([...messages.extName!.message].length).toBeLessThanOrEqual(75);
    expect([...messages.extDescription!.message].length).toBeLessThanOrEqual(132);
  });

  it('Uyghur is written in Arabic script', () => {
    expect(locales.ug!.extDescription!.message).toMatch(/^[\u0600-\u06FF\s.،]+$/);
  });

  it('zh_CN is Simplified and zh_TW Traditional Chinese, each without characters of the other', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    for (const key of Object.keys(en).filter((k) => !UNTRANSLATED.has(k))) {
      const simplified = locales.zh_CN![key]!.message;
      const traditional = locales.zh_TW![key]!.message;
      expect(toSimplified(simplified), key).toBe(simplified);
      expect(toTraditional(traditional), key).toBe(traditional);
    }
    expect(toTraditional(locales.zh_CN!.extDescription!.message)).not.toBe(locales.zh_CN!.extDescription!.message);
  });
});

describe('missingMessages', () => {
  it('finds a key a locale lacks or leaves empty, in any nested manifest field', () => {
    const manifest = { name: '__MSG_extName__', commands: { a: { description: '__MSG_cmd__' } }, list: ['__MSG_extName__'] };
    expect(manifestMessageKeys(manifest)).toEqual(['cmd', 'extName']);
    const found = missingMessages(manifest, { en: { extName: { message: 'B' }, cmd: { message: 'C' } }, it: { extName: { message: ' ' } } });
    expect(found).toEqual(['it: cmd', 'it: extName']);
  });
});

describe.each(['chrome', 'firefox'] as const)('the built %s manifest', (browser) => {
  const outDir = mkdtempSync(path.join(tmpdir(), `backstory-${browser}-`));
  let manifest: Record<string, unknown>;
  beforeAll(async () => {
    const quiet = { debug() {}, log() {}, info() {}, success() {}, warn: console.warn, error: console.error, fatal: console.error, level: 1 };
    await build({ browser, outDir, logger: quiet });
    manifest = JSON.parse(readFileSync(path.join(outDir, `${browser}-mv3`, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('takes name, description, action title and command descriptions from the locales', () => {
    expect(manifest.default_locale).toBe('en');
    expect(manifestMessageKeys(manifest)).toEqual(['actionTitle', 'commandAnnotateSelection', 'commandToggleSidebar', 'extDescription', 'extName']);
  });

  it('names only messages every locale has', () => {
    expect(missingMessages(manifest, locales)).toEqual([]);
  });

  it('ships every locale', () => {
    expect(readLocales(path.join(outDir, `${browser}-mv3`, '_locales'))).toEqual(locales);
  });
});
