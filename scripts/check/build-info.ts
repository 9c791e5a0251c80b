/** Which extension build a run checked: its manifest version and a hash of every built file. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function extensionVersion(extensionPath: string): string {
  try {
    return String((JSON.parse(readFileSync(path.join(extensionPath, 'manifest.json'), 'utf8')) as { version: string }).version);
  } catch {
    return 'unknown';
  }
}

/**
 * sha256 over the sorted relative paths and contents of the build directory. The dataset is bundled
 * into the build, so two runs with one hash checked the same code and the same data.
 */
export function buildHash(extensionPath: string): string {
  const hash = createHash('sha256');
  const files = (readdirSync(extensionPath, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(extensionPath, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  for (const file of files) {
    hash.update(file + '\0');
    hash.update(readFileSync(path.join(extensionPath, file)));
  }
  return hash.digest('hex');
}

export function extensionInfo(extensionPath: string): { version: string; path: string; buildHash: string } {
  return { version: extensionVersion(extensionPath), path: extensionPath, buildHash: buildHash(extensionPath) };
}
