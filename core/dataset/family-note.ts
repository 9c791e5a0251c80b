/**
 * The one line a note shows at the post or video that carries the story, the way a community note
 * does: the family's own answer to the government's accusations, then what was reported about the
 * evidence for them, both in the dataset's own words (each statement names who said or reported it).
 * Pure: derived in the background from the stored dataset, so the content script never loads it.
 */
import type { StoredDataset } from './context-view';
import { textPath } from './localize';

export interface FamilyNote {
  familyId: string;
  label: string;
  lines: string[];
  /** Where each line's text is in the dataset (`responses/<id>/statement`), to show it translated. */
  paths: string[];
  /** Where the label is (`families/<id>/label`). */
  labelPath: string;
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
  const picked = [
    answer && { text: answer.r.statement, path: textPath('responses', answer.r.id, 'statement') },
    finding && { text: finding.statement, path: textPath('findings', finding.id, 'statement') },
  ].filter((l): l is { text: string; path: string } => !!l);
  if (picked.length === 0) return undefined;
  return { familyId, label: family.label, lines: picked.map((l) => l.text), paths: picked.map((l) => l.path), labelPath: textPath('families', familyId, 'label') };
}
