/** The release's pure parts: the next version, and the changelog rewritten for it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bumpVersion, releaseChangelog, unreleasedNotes, type Bump } from '../../scripts/release/plan';

describe('bumpVersion', () => {
  it.each<[string, Bump, string]>([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.9', 'patch', '0.1.10'],
    ['0.1.3', 'minor', '0.2.0'],
    ['0.9.3', 'minor', '0.10.0'],
    ['0.2.3', 'major', '1.0.0'],
    ['1.4.2', 'major', '2.0.0'],
  ])('%s + %s = %s', (version, bump, next) => {
    expect(bumpVersion(version, bump)).toBe(next);
  });

  it.each(['1.0', '1.0.0-beta.1', 'v1.0.0', '01.0.0', '1.0.0.0', ''])('refuses "%s" (the stores take dotted numbers only)', (version) => {
    expect(() => bumpVersion(version, 'patch')).toThrow(/MAJOR\.MINOR\.PATCH/);
  });
});

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Added
- Icons.

### Fixed
- A typo.

## [0.1.0] - 2026-11-26

### Added
- Everything.
`;

describe('releaseChangelog', () => {
  it('moves the Unreleased notes under the new version and leaves an empty Unreleased on top', () => {
    expect(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-03')).toBe(`# Changelog

Intro.

## [Unreleased]

## [0.2.0] - 2026-12-03

### Added
- Icons.

### Fixed
- A typo.

## [0.1.0] - 2026-11-26

### Added
- Everything.
`);
  });

  it('works for a first release, with no version below', () => {
    const first = '# Changelog\n\n## [Unreleased]\n\n### Added\n- All.\n';
    expect(releaseChangelog(first, '0.1.0', '2026-11-26')).toBe('# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-11-26\n\n### Added\n- All.\n');
  });

  it('releasing twice in a row finds nothing to release the second time', () => {
    const once = releaseChangelog(CHANGELOG, '0.2.0', '2026-12-03');
    expect(unreleasedNotes(once)).toBe('');
    expect(() => releaseChangelog(once, '0.2.1', '2026-12-04')).toThrow(/Nothing under/);
  });

  it('refuses a version it already has, a bad date, and a changelog without Unreleased', () => {
    expect(() => releaseChangelog(CHANGELOG, '0.1.0', '2026-12-03')).toThrow(/already has a section for 0\.1\.0/);
    expect(() => releaseChangelog(CHANGELOG, '0.2.0', '3 Dec 2026')).toThrow(/YYYY-MM-DD/);
    expect(() => releaseChangelog('# Changelog\n\n## [0.1.0] - 2026-11-26\n', '0.2.0', '2026-12-03')).toThrow(/no "## \[Unreleased\]"/);
  });

  it("the project's CHANGELOG.md: Unreleased on top, then versions newest first, the newest being package.json's", () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\](.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(headings[0]).toEqual(['Unreleased', '']);
    const versions = headings.slice(1);
    for (const [, rest] of versions) expect(rest).toMatch(/^ - \d{4}-\d{2}-\d{2}$/);
    const numbers = versions.map(([v]) => v!.split('.').map(Number));
    const sorted = [...numbers].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!);
    expect(numbers).toEqual(sorted);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(versions[0]![0]).toBe(version);
  });
});
