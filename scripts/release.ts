/**
 * `npm run release -- <patch|minor|major> [--dry-run]`: makes a release's files, in this order, and
 * stops at the first failure:
 *   1. checks that the git tree is clean and that CHANGELOG.md has notes under Unreleased;
 *   2. runs `npm test` (nothing is changed until it passes);
 *   3. bumps the version in package.json and package-lock.json (`npm version`, no git tag);
 *   4. moves the Unreleased notes in CHANGELOG.md under the new version, dated today (UTC);
 *   5. `npm run zip`: both builds, their store zips and the sources zip AMO asks for;
 *   6. `npm run lint:firefox`: web-ext lint on the Firefox build, 0 errors;
 *   7. checks the builds: the new version in both manifests, every __MSG_ key in every locale, no
 *      source map and no path of this machine in what the zips are made from;
 * then prints the files it made and the git and store steps left to a person (docs/store.md).
 * With --dry-run it changes nothing: it runs the checks of step 1 and prints the plan.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUMPS, bumpVersion, releaseChangelog, unreleasedNotes, type Bump } from './release/plan';
import { missingMessages, readLocales } from './build/locales';

const root = process.cwd();
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const bump = args.find((a) => !a.startsWith('--')) as Bump | undefined;
const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run');
if (!bump || !BUMPS.includes(bump) || unknown.length > 0 || args.filter((a) => !a.startsWith('--')).length !== 1) {
  console.error('Usage: npm run release -- <patch|minor|major> [--dry-run]');
  process.exit(2);
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const run = (command: string, commandArgs: string[]) => execFileSync(command, commandArgs, { stdio: 'inherit' });
const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { encoding: 'utf8' });

const current = (JSON.parse(read('package.json')) as { version: string }).version;
const next = bumpVersion(current, bump);
const date = new Date().toISOString().slice(0, 10);
const artifacts = ['chrome', 'firefox', 'sources'].map((kind) => `.output/backstory-${next}-${kind}.zip`);

// Step 1, read-only: what would stop the release.
const problems: string[] = [];
const dirty = git('status', '--porcelain').trimEnd();
if (dirty) problems.push(`the git tree is not clean (commit or stash first):\n${dirty.replace(/^/gm, '    ')}`);
let changelog: string | undefined;
try {
  changelog = releaseChangelog(read('CHANGELOG.md'), next, date);
} catch (error) {
  problems.push((error as Error).message);
}

console.log(`Release ${current} -> ${next} (${bump}), dated ${date}${dryRun ? ' [dry run: nothing will change]' : ''}\n`);
console.log('Plan:');
[
  'check that the git tree is clean and CHANGELOG.md has notes under Unreleased',
  'npm test (type check, lint, unit tests, both builds, web-ext lint, e2e)',
  `npm version ${next} --no-git-tag-version (package.json and package-lock.json)`,
  `CHANGELOG.md: the Unreleased notes become "## [${next}] - ${date}"`,
  'npm run zip (both builds, their zips, the sources zip)',
  'npm run lint:firefox (web-ext lint, 0 errors)',
  `check the builds (version ${next}, every locale message, no source maps or local paths)`,
  `make ${artifacts.join(', ')}`,
].forEach((step, i) => console.log(`  ${i + 1}. ${step}`));
try {
  console.log(`\nNotes for ${next}:\n${unreleasedNotes(read('CHANGELOG.md')).replace(/^(?=.)/gm, '  ')}\n`);
} catch {
  // Already reported as a problem.
}

if (problems.length > 0) {
  console.error(`Cannot release:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
if (dryRun) {
  console.log('Dry run: the checks pass; nothing was changed.');
  process.exit(0);
}

try {
  run('npm', ['test']);
} catch {
  console.error('\nRelease stopped: npm test failed. Nothing was changed.');
  process.exit(1);
}
run('npm', ['version', next, '--no-git-tag-version']);
writeFileSync(path.join(root, 'CHANGELOG.md'), changelog!);
const changed = 'package.json, package-lock.json and CHANGELOG.md are changed; `git checkout -- package.json package-lock.json CHANGELOG.md` undoes it';
try {
  run('npm', ['run', 'zip']);
  run('npm', ['run', 'lint:firefox']);
  const faults = checkBuilds(next);
  if (faults.length > 0) throw new Error(`the builds are not ready:\n${faults.map((f) => `  - ${f}`).join('\n')}`);
} catch (error) {
  console.error(`\nRelease stopped: ${(error as Error).message}\n${changed}.`);
  process.exit(1);
}

console.log(`\nMade for ${next}:`);
for (const file of artifacts) {
  const bytes = readFileSync(file);
  console.log(`  ${file}  ${(bytes.length / 1024).toFixed(1)} KB  sha256 ${createHash('sha256').update(bytes).digest('hex')}`);
}
console.log(`
Left to do (docs/store.md, "Releasing"):
  git add package.json package-lock.json CHANGELOG.md && git commit -m "Release ${next}" && git tag v${next}
  Chrome Web Store: upload ${artifacts[0]}
  addons.mozilla.org: upload ${artifacts[1]}, and ${artifacts[2]} as the source code`);

/** What is wrong with the two builds the zips were made from. */
function checkBuilds(version: string): string[] {
  const faults: string[] = [];
  const locales = readLocales();
  for (const browser of ['chrome', 'firefox']) {
    const dir = path.join(root, '.output', `${browser}-mv3`);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { version: string };
    if (manifest.version !== version) faults.push(`${browser}: manifest version ${manifest.version}, not ${version}`);
    for (const missing of missingMessages(manifest, locales)) faults.push(`${browser}: no message ${missing}`);
    for (const file of filesUnder(dir)) {
      const relative = path.relative(root, file);
      if (file.endsWith('.map')) faults.push(`${relative}: a source map`);
      else if (readFileSync(file).includes(root)) faults.push(`${relative}: contains this machine's path ${root}`);
    }
  }
  for (const file of artifacts) if (!existsSync(file)) faults.push(`${file} was not made`);
  return faults;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}
