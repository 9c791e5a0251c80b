/**
 * The manifest's localized strings: which `__MSG_name__` keys a manifest uses, and which of them a
 * locale lacks. Used by the locale tests and by the release script on the built manifests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/_locales');

/** Chrome's `messages.json`: each key has a message and, for translators, an optional description. */
export type Messages = Record<string, { message: string; description?: string }>;

/** Every locale folder and its messages. */
export function readLocales(dir = LOCALES_DIR): Record<string, Messages> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [entry.name, JSON.parse(readFileSync(path.join(dir, entry.name, 'messages.json'), 'utf8')) as Messages]),
  );
}

/** Every `__MSG_key__` anywhere in a manifest (browsers match the key case-insensitively). */
export function manifestMessageKeys(manifest: unknown): string[] {
  const keys = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') for (const m of value.matchAll(/__MSG_(\w+?)__/g)) keys.add(m[1]!);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(manifest);
  return [...keys].sort();
}

/** `locale: key` for each manifest key a locale has no non-empty message for. */
export function missingMessages(manifest: unknown, locales: Record<string, Messages>): string[] {
  const missing: string[] = [];
  for (const key of manifestMessageKeys(manifest)) {
    for (const [locale, messages] of Object.entries(locales)) {
      const found = Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase());
      if (!found || !found[1].message.trim()) missing.push(`${locale}: ${key}`);
    }
  }
  return missing;
}
