/**
 * The one line a note shows at the post or video that carries the story, the way a community note
 * does: the family's own answer to the government's accusations, then what was reported about the
 * evidence for them, both in the dataset's own words (each statement names who said or reported it).
 * Pure: derived in the background from the stored dataset, so the content script never loads it.
 */
import type { StoredDataset } from './context-view';

export interface FamilyNote {
  familyId: string;
  label: string;
  lines: string[];
}

type NoteData = Pick<StoredDataset, 'families' | 'people' | 'claims' | 'responses' | 'findings' | 'actors'>;

/**
 * The family's answer that covers the most government claims about it (their denial), and the
 * finding that no evidence was given for those claims. Undefined for a family the dataset lacks.
 */
export function familyNote(data: NoteData, familyId: string): FamilyNote | undefined {
  const family = data.families.find((f) => f.id === familyId);
  if (!family) return undefined;
  const members = new Set(data.people.filter((p) => p.familyId === familyId).map((p) => p.id));
  const governments = new Set(data.actors.filter((a) => a.kind === 'government').map((a) => a.id));
  // The government's claims about this family: made by a government, about one of its members.
  const claims = new Set(
    data.claims.filter((c) => governments.has(c.claimant) && c.about.some((id) => members.has(id))).map((c) => c.id),
  );
  const answers = data.responses
    .filter((r) => r.respondents.some((id) => members.has(id)))
    .map((r) => ({ r, covers: r.respondsTo.filter((id) => claims.has(id)).length }))
    .filter((a) => a.covers > 0);
  // The first of those that cover the most (a stable choice: dataset order breaks ties).
  const answer = answers.reduce<(typeof answers)[number] | undefined>((best, a) => (!best || a.covers > best.covers ? a : best), undefined);
  const finding =
    data.findings.find((f) => f.kind === 'no-evidence-provided' && f.about.some((id) => claims.has(id))) ??
    data.findings.find((f) => f.about.some((id) => claims.has(id)));
  const lines = [answer?.r.statement, finding?.statement].filter((s): s is string => !!s);
  return lines.length > 0 ? { familyId, label: family.label, lines } : undefined;
}
