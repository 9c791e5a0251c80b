/**
 * The note at a post: each family's line is its own answer to the government's accusations and the
 * finding that no evidence was given, in the dataset's words, never another family's.
 */
import { describe, it, expect } from 'vitest';
import raw from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { familyNote } from '../../core/dataset/family-note';

const dataset = parseDataset(raw);

describe('familyNote', () => {
  it.each([
    ['family-abdurehim', /^Mamutjan denied the Chinese government's accusations/, 'Mamutjan Abdurehim'],
    ['family-mamtinin-kader', /^Mihriban and Ablikim said in a statement that they reject the Chinese government's accusations as baseless/, 'Ablikim Mamtinin'],
  ])('%s: the family’s denial, then that no evidence was given', (familyId, answer, label) => {
    const note = familyNote(dataset, familyId)!;
    expect(note.label).toContain(label);
    expect(note.lines).toHaveLength(2);
    expect(note.lines[0]).toMatch(answer);
    expect(note.lines[1]).toBe('CNN reported that the Chinese authorities gave no evidence for their accusations against the parents.');
    // In the dataset's own words: each line is a statement of the dataset, word for word.
    const statements = new Set([...dataset.responses, ...dataset.findings].map((r) => r.statement));
    for (const line of note.lines) expect(statements.has(line)).toBe(true);
  });

  it('never borrows another family’s answer', () => {
    const other = familyNote(dataset, 'family-abdurehim')!;
    expect(other.lines.join(' ')).not.toMatch(/Mihriban|Ablikim/);
    expect(familyNote(dataset, 'family-mamtinin-kader')!.lines.join(' ')).not.toMatch(/Mamutjan/);
  });

  it('has nothing to say for a family the dataset does not hold, or one without answers', () => {
    expect(familyNote(dataset, 'family-nobody')).toBeUndefined();
    const silent = { ...dataset, responses: [], findings: [] };
    expect(familyNote(silent, 'family-abdurehim')).toBeUndefined();
  });
});
