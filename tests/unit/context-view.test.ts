/**
 * What the sidebar shows, decided before any rendering: the key lines chosen per family, every record
 * once, timelines in date order, relations as a reader says them, and the plain text of "Copy context".
 */
import { describe, it, expect } from 'vitest';
import raw from '../../data/dataset.json';
import { parseDataset, type Dataset } from '../../core/dataset/schema';
import { buildContextView, compareDates, relationPhrases, wordOverlap, type ContextView } from '../../core/dataset/context-view';
import { firstNamesOnly, shareText } from '../../core/dataset/share-text';
import { storedRecords } from '../support/ui';

const dataset = parseDataset(raw);

const both = () => buildContextView(storedRecords(dataset), [], []);
const LABELS = { heading: 'Context from Backstory:', shared: 'Both families', sources: 'Sources' };

describe('key lines, per family', () => {
  it.each([
    ['family-abdurehim', 'claim-muherrem-sentenced', 'resp-mamutjan-denies', ['conduct-muhlise-state-tv']],
    ['family-mamtinin-kader', 'claim-mihriban-ablikim-terrorist', 'resp-parents-baseless', ['conduct-yehya-coached', 'conduct-children-interrogated']],
  ])('%s: the claim, the answer, the finding and the reported conduct', (familyId, claimId, responseId, conductIds) => {
    const view = buildContextView(storedRecords(dataset), [familyId], []);
    const { key } = view.families[0]!;
    const parents = dataset.people.filter((p) => p.familyId === familyId && (p.role === 'father' || p.role === 'mother')).map((p) => p.id);

    // What the Chinese government claimed, and when.
    expect(key.claim?.id).toBe(claimId);
    expect(key.claim?.claimant).toBe('prc-government');
    expect(key.claim?.date?.value).toBe('2021-04-02');
    // What the parents answered: an answer by this family's parents to that very claim.
    expect(key.response?.id).toBe(responseId);
    expect(key.response?.respondents.every((id) => parents.includes(id))).toBe(true);
    expect(key.response?.respondsTo).toContain(claimId);
    // That no evidence was given, as CNN reported.
    expect(key.finding?.kind).toBe('no-evidence-provided');
    expect(key.finding?.reportedBy).toBe('cnn');
    expect(key.finding?.about).toContain(claimId);
    // The conduct CNN reported.
    expect(key.conduct.map((c) => c.id)).toEqual(conductIds);
    for (const c of key.conduct) expect(c.reportedBy).toBe('cnn');
  });

  it('reports coaching and interrogation when the dataset has them, the state-media appearance otherwise', () => {
    const trimmed = structuredClone(dataset);
    trimmed.conduct = trimmed.conduct.filter((c) => c.kind !== 'coaching');
    expect(buildContextView(storedRecords(trimmed), ['family-mamtinin-kader'], []).families[0]!.key.conduct.map((c) => c.kind)).toEqual(['interrogation']);
    // A conduct reported by a party (the father's own account) is not a reported finding of an outlet.
    const byParent = structuredClone(dataset);
    byParent.conduct.push({ ...byParent.conduct.find((c) => c.id === 'conduct-yehya-coached')!, id: 'conduct-x', reportedBy: 'ablikim-mamtinin', subjects: ['muhlise'] });
    expect(buildContextView(storedRecords(byParent), ['family-abdurehim'], []).families[0]!.key.conduct.map((c) => c.id)).toEqual(['conduct-muhlise-state-tv']);
  });

  it('takes the answer from the parents only, never from another speaker', () => {
    const d = structuredClone(dataset);
    // A sweeping "answer" by CNN to every claim must not become the parents' answer.
    d.responses.unshift({ id: 'resp-by-cnn', respondents: ['cnn'], respondsTo: d.claims.map((c) => c.id), statement: 'CNN said something.', sourceId: 'cnn-2021-04-23' });
    for (const f of buildContextView(storedRecords(d), [], []).families) expect(f.key.response?.id).not.toBe('resp-by-cnn');
  });

  it('leads with the gravest accusation; among equals, the one the parents answered most', () => {
    const d = structuredClone(dataset);
    d.claims = d.claims.filter((c) => c.id !== 'claim-mihriban-ablikim-terrorist');
    // Extremism is graver than desertion.
    expect(buildContextView(storedRecords(d), ['family-mamtinin-kader'], []).families[0]!.key.claim?.id).toBe('claim-mihriban-ablikim-extremism');
    // Two accusations of the same gravity: the one the parents answered.
    const twin = structuredClone(d);
    twin.claims.push({ ...twin.claims.find((c) => c.id === 'claim-mihriban-ablikim-extremism')!, id: 'claim-a-extremism-unanswered' });
    expect(buildContextView(storedRecords(twin), ['family-mamtinin-kader'], []).families[0]!.key.claim?.id).toBe('claim-mihriban-ablikim-extremism');
  });

  it('chooses the same lines whatever order the records arrive in (IndexedDB returns them by id)', () => {
    const reversed = structuredClone(dataset);
    for (const k of ['claims', 'responses', 'findings', 'conduct', 'events'] as const) (reversed[k] as unknown[]).reverse();
    const ids = (d: Dataset) =>
      buildContextView(storedRecords(d), [], []).families.map((f) => [f.key.claim?.id, f.key.response?.id, f.key.finding?.id, f.key.conduct.map((c) => c.id), f.events.map((e) => e.id)]);
    expect(ids(reversed)).toEqual(ids(dataset));
  });
});

/** Every record id the view lists, wherever it lists it. */
function listedIds(view: ContextView): string[] {
  return [
    ...view.families.flatMap((f) => [
      ...[f.key.claim, f.key.response, f.findingShared ? undefined : f.key.finding, ...f.key.conduct].filter((r) => !!r).map((r) => r.id),
      ...[...f.claims, ...f.responses, ...f.findings, ...f.conduct, ...f.events].map((r) => r.id),
    ]),
    ...view.storyClaims.map((c) => c.id),
    ...view.storyEvents.map((e) => e.id),
  ];
}

describe('no statement twice', () => {
  it.each([[[]], [['family-abdurehim']], [['family-mamtinin-kader']]])('families %j: each record is listed once', (familyIds) => {
    const ids = listedIds(buildContextView(storedRecords(dataset), familyIds, []));
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("lists Manlio Di Stefano's statements with the second family only, not in the background", () => {
    const view = both();
    const distefano = dataset.claims.filter((c) => c.claimant === 'manlio-di-stefano').map((c) => c.id);
    expect(distefano.length).toBe(3);
    expect(view.storyClaims.map((c) => c.id)).not.toEqual(expect.arrayContaining([distefano[0]]));
    for (const id of distefano) {
      expect(view.storyClaims.some((c) => c.id === id)).toBe(false);
      expect(view.families[1]!.claims.some((c) => c.id === id)).toBe(true);
    }
  });

  it('shows the key lines once: not again in the sections below them', () => {
    for (const f of both().families) {
      const below = new Set([...f.claims, ...f.responses, ...f.findings, ...f.conduct].map((r) => r.id));
      for (const r of [f.key.claim, f.key.response, f.key.finding, ...f.key.conduct]) if (r) expect(below.has(r.id)).toBe(false);
    }
  });

  it('gives the finding about all the parents once, marked as shared by the second family', () => {
    const [first, second] = both().families;
    expect(first!.key.finding?.id).toBe(second!.key.finding?.id);
    expect([first!.findingShared, second!.findingShared]).toEqual([false, true]);
  });

  it.each([
    ['family-abdurehim', 'conduct-muherrem-contact-lost', 'event-2017-04-contact-lost', 'events'],
    ['family-mamtinin-kader', 'conduct-children-travel-blocked', 'event-2020-06-shanghai', 'events'],
    // Told in nearly the same words, dated to the year only.
    ['family-abdurehim', 'conduct-muherrem-detention-2017', 'event-2017-04-contact-lost', 'events'],
    ['family-abdurehim', 'conduct-muherrem-arrest-2019', 'event-2019-arrest-per-cgtn', 'events'],
    ['family-mamtinin-kader', 'conduct-zumeryem-clip-edited', 'event-2021-zumeryem-video', 'events'],
    // The state-media appearance is a key line: the timeline does not tell it again.
    ['family-abdurehim', 'event-2021-03-cgtn-interview', 'conduct-muhlise-state-tv', 'key'],
  ])('%s: %s, told again by %s, is not listed', (familyId, hidden, kept, where) => {
    const f = buildContextView(storedRecords(dataset), [familyId], []).families[0]!;
    const listed = [...f.conduct, ...f.events].map((r) => r.id);
    expect(listed).not.toContain(hidden);
    if (where === 'events') expect(listed).toContain(kept);
    else expect(f.key.conduct.map((c) => c.id)).toContain(kept);
  });

  it.each([
    ['conduct-muherrem-arrest-2019', 'event-2019-arrest-per-cgtn', 0.8, 1],
    ['conduct-zumeryem-clip-edited', 'event-2021-zumeryem-video', 0.8, 1],
    ['conduct-children-reprimanded', 'event-2021-sign-photo', 0, 0.8],
    ['conduct-children-interrogated', 'event-2021-sign-photo', 0, 0.8],
    ['conduct-yehya-coached', 'event-2021-03-cnn-xinjiang-trip', 0, 0.8],
  ])('wordOverlap(%s, %s) is in [%d, %d)', (a, b, low, high) => {
    const statement = (id: string) => [...dataset.conduct, ...dataset.events].find((r) => r.id === id)!.statement;
    const overlap = wordOverlap(statement(a), statement(b));
    expect(overlap).toBeGreaterThanOrEqual(low);
    if (high < 1) expect(overlap).toBeLessThan(high);
  });

  it('keeps apart records that only share a year (the interrogation and the photo with the sign, both "2021")', () => {
    const f = buildContextView(storedRecords(dataset), ['family-mamtinin-kader'], []).families[0]!;
    expect(f.events.map((e) => e.id)).toContain('event-2021-sign-photo');
    expect(f.conduct.map((c) => c.id)).toContain('conduct-children-reprimanded');
  });

  it('puts the story’s own events (CNN’s questions, the 2 April statement) in the background, once', () => {
    const view = both();
    const story = view.storyEvents.map((e) => e.id);
    expect(story).toContain('event-2021-04-02-prc-statement');
    expect(story).toContain('event-2021-03-15-cnn-questions');
    for (const f of view.families) expect(f.events.some((e) => story.includes(e.id))).toBe(false);
  });
});

describe('timeline order', () => {
  it.each([
    ['2021', '2021-03', -1],
    ['2021-03', '2021-03-15', -1],
    ['2021', '2021-01-01', -1],
    ['2020-12-31', '2021', -1],
    ['2021-03', '2021-02-28', 1],
    ['2021-04-02', '2021-04-02', 0],
    ['2017-04', '2019', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareDates(a, b))).toBe(sign);
  });

  it('lists every timeline in date order, a year-only date at the start of its year', () => {
    const view = both();
    for (const events of [...view.families.map((f) => f.events), view.storyEvents]) {
      const values = events.map((e) => e.date.value);
      expect(values).toEqual([...values].sort(compareDates));
    }
    const second = view.families[1]!.events.map((e) => e.date.value);
    // The undated-within-2021 photo and video come after June 2020 and before April 2021.
    expect(second.indexOf('2021')).toBeGreaterThan(second.indexOf('2020-06'));
    expect(second.indexOf('2021')).toBeLessThan(second.indexOf('2021-04-08'));
  });
});

describe('relations, as a reader says them', () => {
  const phrases = (familyId: string) => {
    const people = dataset.people.filter((p) => p.familyId === familyId);
    return relationPhrases(people, dataset.relationships);
  };

  it.each([
    ['family-abdurehim', 'abdurehim-grandfather', ['father of Mamutjan Abdurehim', 'grandfather of Muhlise and Hikmet']],
    ['family-abdurehim', 'mamutjan-abdurehim', ['husband of Muherrem', 'father of Muhlise and Hikmet']],
    ['family-abdurehim', 'muhlise', ['daughter of Mamutjan Abdurehim and Muherrem', 'sister of Hikmet']],
    ['family-mamtinin-kader', 'mihriban-kader', ['wife of Ablikim Mamtinin', 'mother of Zumeryem, Yehya, Muhammad and Shehide']],
    ['family-mamtinin-kader', 'yehya', ['son of Ablikim Mamtinin and Mihriban Kader', 'brother of Zumeryem, Muhammad and Shehide']],
  ])('%s: %s is %j', (familyId, personId, expected) => {
    expect(phrases(familyId).get(personId)).toEqual(expected);
  });

  it('never describes an adult as the child of a relative without a name', () => {
    for (const familyId of ['family-abdurehim', 'family-mamtinin-kader']) {
      for (const list of phrases(familyId).values()) for (const p of list) expect(p).not.toMatch(/\b(child|son|daughter) of the\b/);
    }
  });
});

describe('Copy context', () => {
  const text = shareText(both(), LABELS);

  it('is plain text: the key lines per family, each credited, then the sources with their addresses', () => {
    expect(text).not.toMatch(/<[a-z/]/i);
    expect(text.startsWith('Context from Backstory:\n')).toBe(true);
    for (const f of both().families) {
      expect(text).toContain(f.family.label);
      expect(text).toContain(`- ${f.key.claim!.statement} (CNN, 23 Apr 2021)`);
      expect(text).toContain(`- ${f.key.response!.statement} (CNN, 23 Apr 2021)`);
      for (const c of f.key.conduct) expect(text).toContain(c.statement);
    }
    // The finding about all the parents once, under "Both families".
    const finding = dataset.findings.find((x) => x.id === 'finding-no-evidence')!.statement;
    expect(text.split(finding).length - 1).toBe(1);
    expect(text).toContain(`Both families\n- ${finding}`);
    // Each source once, with its address.
    const url = dataset.sources.find((s) => s.id === 'cnn-2021-04-23')!.url!;
    expect(text.split(url).length - 1).toBe(1);
    expect(text).toMatch(/\nSources:\nCNN, 23 Apr 2021: China responds to CNN report on separated Uyghur families https:\/\/www\.cnn\.com\//);
    // Short: a paste into a reply, not the whole sidebar.
    expect(text.length).toBeLessThan(2500);
  });

  it('for one family: its four lines, the finding among them', () => {
    const one = shareText(buildContextView(storedRecords(dataset), ['family-abdurehim'], []), LABELS);
    expect(one).toContain('CNN reported that the Chinese authorities gave no evidence');
    expect(one).not.toContain('Both families');
    expect(one).not.toContain('Mihriban');
  });

  it('names the children by first name only', () => {
    for (const p of dataset.people.filter((x) => x.minor)) {
      for (const n of p.names) if (n.text !== p.displayName) expect(text).not.toContain(n.text);
      for (const adult of dataset.people.filter((a) => !a.minor && a.familyId === p.familyId)) {
        const surname = adult.displayName.split(' ').slice(1).join(' ');
        if (surname) expect(text).not.toContain(`${p.displayName} ${surname}`);
      }
    }
  });

  it.each([
    ['CNN met Muhlise Abdurehim in Kashgar.', 'CNN met Muhlise in Kashgar.'],
    ['视频中的穆合丽萨·马木提说', '视频中的穆合丽萨说'],
    ['Zumeryem Kader spoke.', 'Zumeryem spoke.'],
    ['Mamutjan Abdurehim spoke.', 'Mamutjan Abdurehim spoke.'],
  ])('firstNamesOnly(%j) is %j', (input, expected) => {
    const people = structuredClone(dataset.people);
    // The dataset does not record 穆合丽萨·马木提 as Muhlise's display name: map it to a first name in characters.
    const muhlise = people.find((p) => p.id === 'muhlise')!;
    if (input.includes('穆合丽萨')) muhlise.displayName = '穆合丽萨';
    expect(firstNamesOnly(input, people)).toBe(expected);
  });
});
