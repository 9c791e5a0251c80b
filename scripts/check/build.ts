/** Build the extension when the build is missing or older than its sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SetupError } from '../harness/chromium';
import type { BrowserName } from './args';

export const SOURCE_DIRS = ['entrypoints', 'components', 'core', 'content', 'extension', 'data'];

export function buildDir(browser: BrowserName, root = process.cwd()): string {
  return path.join(root, '.output', browser === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or undefined when the build is current. */
export function staleReason(browser: BrowserName, root = process.cwd()): string | undefined {
  const manifest = path.join(buildDir(browser, root), 'manifest.json');
  if (!existsSync(manifest)) return `no build at ${path.relative(root, manifest)}`;
  const built = statSync(manifest).mtimeMs;
  const newest = Math.max(...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))));
  return newest > built ? 'sources changed since the last build' : undefined;
}

/** Run `wxt build` (its output goes to stderr, so stdout stays the report). */
export function ensureBuilt(browser: BrowserName, log: (line: string) => void): void {
  const reason = staleReason(browser);
  if (!reason) return;
  const args = ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])];
  log(`Building the extension (${reason}): npx ${args.join(' ')}`);
  const result = spawnSync('npx', args, { stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) throw new SetupError(`The extension build failed (npx ${args.join(' ')} exited with ${result.status ?? result.signal}).`);
}
