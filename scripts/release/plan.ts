/**
 * The pure parts of a release: the next semantic version, and the changelog with its Unreleased
 * section moved under that version (Keep a Changelog's form). scripts/release.ts does the rest.
 */

export const BUMPS = ['patch', 'minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

/**
 * The version after `version` (MAJOR.MINOR.PATCH, no pre-release or build part: the stores accept
 * only dotted numbers). A minor bump resets the patch, a major one both.
 */
export function bumpVersion(version: string, bump: Bump): string {
  const parts = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(version);
  if (!parts) throw new Error(`"${version}" is not a MAJOR.MINOR.PATCH version`);
  const [major, minor, patch] = parts.slice(1).map(Number) as [number, number, number];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;
const NEXT_VERSION = /^## \[/m;

/** The text under `## [Unreleased]`, up to the next version's heading, trimmed. */
export function unreleasedNotes(changelog: string): string {
  const heading = UNRELEASED.exec(changelog);
  if (!heading) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  const start = heading.index + heading[0].length;
  const rest = changelog.slice(start);
  const end = NEXT_VERSION.exec(rest)?.index ?? rest.length;
  return rest.slice(0, end).trim();
}

/**
 * The changelog after releasing `version` on `date` (YYYY-MM-DD): what was under Unreleased now sits
 * under `## [version] - date`, and an empty Unreleased section stays on top for the next changes.
 */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
  const notes = unreleasedNotes(changelog);
  if (!notes) throw new Error('Nothing under "## [Unreleased]" in CHANGELOG.md: write what changed first');
  if (changelog.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  const heading = UNRELEASED.exec(changelog)!;
  const start = heading.index + heading[0].length;
  const rest = changelog.slice(start);
  const end = NEXT_VERSION.exec(rest)?.index ?? rest.length;
  const after = rest.slice(end);
  return `${changelog.slice(0, start)}\n## [${version}] - ${date}\n\n${notes}\n${after ? `\n${after}` : ''}`;
}
