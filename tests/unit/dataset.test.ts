import { describe, it, expect } from 'vitest';
import raw from '../../data/dataset.json';
import { DatasetError, parseDataset, type Dataset } from '../../core/dataset/schema';

type Rec = Record<string, unknown>;
type Loose = Record<string, unknown> & { signals: Record<string, Rec[]> };

/** A deep copy of the bundled dataset that a test may break freely. */
const clone = (): Loose => structuredClone(raw) as unknown as Loose;

function records(d: Loose, collection: string): Rec[] {
  const list = collection.startsWith('signals.') ? d.signals[collection.slice(8)] : d[collection];
  if (!Array.isArray(list)) throw new Error(`no collection ${collection}`);
  return list as Rec[];
}

function find(d: Loose, collection: string, id: string): Rec {
  const found = records(d, collection).find((r) => r.id === id);
  if (!found) throw new Error(`no ${collection} record "${id}" in the bundled dataset`);
  return found;
}

/** The problems parseDataset reports, or [] when it accepts the input. */
function problemsOf(input: unknown): string[] {
  try {
    parseDataset(input);
    return [];
  } catch (error) {
    if (error instanceof DatasetError) return error.problems;
    throw error;
  }
}

const dataset: Dataset = parseDataset(raw);

describe('bundled dataset', () => {
  it('parses', () => {
    expect(problemsOf(raw)).toEqual([]);
    expect(dataset.meta.version).toBe('1.1.0');
    expect(dataset.meta.dataAsOf).toBe('2021-04-23');
  });

  it('keeps the record ids other code refers to', () => {
    const ids = new Set(
      [
        dataset.sources,
        dataset.people,
        dataset.claims,
        dataset.responses,
        dataset.findings,
        dataset.families,
        dataset.stories,
      ].flatMap((list) => list.map((r) => r.id)),
    );
    for (const id of [
      'mamutjan-abdurehim',
      'muherrem-ablet',
      'muhlise',
      'ablikim-mamtinin',
      'mihriban-kader',
      'zumeryem',
      'claim-muherrem-sentenced',
      'claim-mihriban-ablikim-terrorist',
      'resp-mamutjan-laughable',
      'resp-parents-never-abandon',
      'finding-no-evidence',
      'family-abdurehim',
      'family-mamtinin-kader',
      'separated-families-2021',
      'cnn-2021-04-23',
    ]) {
      expect(ids, id).toContain(id);
    }
  });
});

describe('parseDataset rejects a broken dataset, naming the record and the field', () => {
  const cases: Array<{ what: string; id: string; field: string; breakIt: (d: Loose) => void }> = [
    {
      what: 'a bad enum value (claim topic)',
      id: 'claim-mamutjan-extremism',
      field: 'topic',
      breakIt: (d) => {
        find(d, 'claims', 'claim-mamutjan-extremism').topic = 'rumour';
      },
    },
    {
      what: 'a bad enum value (person role)',
      id: 'yehya',
      field: 'role',
      breakIt: (d) => {
        find(d, 'people', 'yehya').role = 'cousin';
      },
    },
    {
      what: 'a bad enum value (name script)',
      id: 'muhlise',
      field: 'names.0.script',
      breakIt: (d) => {
        const names = find(d, 'people', 'muhlise').names as Rec[];
        names[0]!.script = 'Latin';
      },
    },
    {
      what: 'a dangling reference (claimant that exists nowhere)',
      id: 'claim-muherrem-sentenced',
      field: 'claimant',
      breakIt: (d) => {
        find(d, 'claims', 'claim-muherrem-sentenced').claimant = 'ministry-of-truth';
      },
    },
    {
      what: 'a dangling reference inside an array (finding about)',
      id: 'finding-no-evidence',
      field: 'about',
      breakIt: (d) => {
        (find(d, 'findings', 'finding-no-evidence').about as string[]).push('claim-that-never-was');
      },
    },
    {
      what: 'a reference to the wrong kind of record (claimant is a source)',
      id: 'claim-mihriban-ablikim-terrorist',
      field: 'claimant',
      breakIt: (d) => {
        find(d, 'claims', 'claim-mihriban-ablikim-terrorist').claimant = 'cnn-2021-04-23';
      },
    },
    {
      what: 'a reference to the wrong kind of record (response answers a person)',
      id: 'resp-parents-never-abandon',
      field: 'respondsTo',
      breakIt: (d) => {
        find(d, 'responses', 'resp-parents-never-abandon').respondsTo = ['mihriban-kader'];
      },
    },
    {
      what: 'a response with no respondent',
      id: 'resp-parents-asylum',
      field: 'respondents',
      breakIt: (d) => {
        find(d, 'responses', 'resp-parents-asylum').respondents = [];
      },
    },
    {
      what: 'a joint response naming someone who exists nowhere',
      id: 'resp-parents-baseless',
      field: 'respondents',
      breakIt: (d) => {
        (find(d, 'responses', 'resp-parents-baseless').respondents as string[]).push('an-unnamed-relative');
      },
    },
    {
      what: 'a respondent listed twice',
      id: 'resp-parents-never-abandon',
      field: 'respondents',
      breakIt: (d) => {
        find(d, 'responses', 'resp-parents-never-abandon').respondents = ['mihriban-kader', 'mihriban-kader'];
      },
    },
    {
      what: 'a response in the old single-respondent shape',
      id: 'resp-mamutjan-denies',
      field: 'respondents',
      breakIt: (d) => {
        const response = find(d, 'responses', 'resp-mamutjan-denies');
        response.respondent = 'mamutjan-abdurehim';
        delete response.respondents;
      },
    },
    {
      what: 'a claim without a source',
      id: 'claim-mihriban-ablikim-abandoned',
      field: 'sourceId',
      breakIt: (d) => {
        delete find(d, 'claims', 'claim-mihriban-ablikim-abandoned').sourceId;
      },
    },
    {
      what: 'an empty quote',
      id: 'resp-mamutjan-laughable',
      field: 'quote.text',
      breakIt: (d) => {
        find(d, 'responses', 'resp-mamutjan-laughable').quote = { text: '   ', lang: 'en' };
      },
    },
    {
      what: 'a quote longer than 240 characters',
      id: 'claim-muherrem-sentenced',
      field: 'quote.text',
      breakIt: (d) => {
        find(d, 'claims', 'claim-muherrem-sentenced').quote = { text: 'inciting '.repeat(30), lang: 'en' };
      },
    },
    {
      what: 'a duplicate id',
      id: 'muhlise',
      field: 'id',
      breakIt: (d) => {
        records(d, 'people').push({ ...find(d, 'people', 'muhlise') });
      },
    },
    {
      what: 'a minor shown with a full name',
      id: 'shehide',
      field: 'displayName',
      breakIt: (d) => {
        find(d, 'people', 'shehide').displayName = 'Shehide Ablikim';
      },
    },
    {
      what: 'a javascript: URL',
      id: 'cnn-2021-03-18',
      field: 'url',
      breakIt: (d) => {
        find(d, 'sources', 'cnn-2021-03-18').url = 'javascript:alert(document.cookie)';
      },
    },
    {
      what: 'a date whose precision disagrees with its value',
      id: 'event-2020-06-shanghai',
      field: 'date.value',
      breakIt: (d) => {
        find(d, 'events', 'event-2020-06-shanghai').date = { value: '2020-06', precision: 'day' };
      },
    },
    {
      what: 'a URL signal pointing to a missing source',
      id: 'url-cnn-2021-03-18',
      field: 'sourceId',
      breakIt: (d) => {
        find(d, 'signals.urls', 'url-cnn-2021-03-18').sourceId = 'cnn-2099-01-01';
      },
    },
    {
      what: 'two key anchors in one event',
      id: 'prc-statement-2021',
      field: 'elements',
      breakIt: (d) => {
        const elements = find(d, 'signals.events', 'prc-statement-2021').elements as Rec[];
        elements.find((e) => e.id === 'chinese-government')!.key = true;
      },
    },
    {
      what: 'a key element that is not an anchor',
      id: 'prc-statement-2021',
      field: 'elements',
      breakIt: (d) => {
        const elements = find(d, 'signals.events', 'prc-statement-2021').elements as Rec[];
        for (const e of elements) delete e.key;
        elements.find((e) => e.id === 'statement')!.key = true;
      },
    },
  ];

  it.each(cases)('$what', ({ id, field, breakIt }) => {
    const broken = clone();
    breakIt(broken);
    const problems = problemsOf(broken);
    expect(problems.length, 'the broken dataset must be rejected').toBeGreaterThan(0);
    // Every reported problem comes from the one thing we broke ...
    for (const problem of problems) expect(problem).toContain(`(id "${id}")`);
    // ... and names the field, in the path that precedes the record id.
    const fieldPath = new RegExp(`\\.${field.replace(/\./g, '\\.')}(\\.\\d+)* \\(id "${id}"\\)`);
    expect(problems.some((p) => fieldPath.test(p)), problems.join('\n')).toBe(true);
  });

  it('leaves the bundled dataset untouched while breaking clones', () => {
    expect(problemsOf(raw)).toEqual([]);
  });
});

describe('coverage of FACTS.md', () => {
  const people = new Map(dataset.people.map((p) => [p.id, p]));

  it.each([
    ['mamutjan-abdurehim', false, 'family-abdurehim'],
    ['muherrem-ablet', false, 'family-abdurehim'],
    ['muhlise', true, 'family-abdurehim'],
    ['hikmet', true, 'family-abdurehim'],
    ['abdurehim-grandfather', false, 'family-abdurehim'],
    ['ablikim-mamtinin', false, 'family-mamtinin-kader'],
    ['mihriban-kader', false, 'family-mamtinin-kader'],
    ['zumeryem', true, 'family-mamtinin-kader'],
    ['yehya', true, 'family-mamtinin-kader'],
    ['muhammad', true, 'family-mamtinin-kader'],
    ['shehide', true, 'family-mamtinin-kader'],
  ] as const)('person %s is present with minor=%s in %s', (id, minor, familyId) => {
    const person = people.get(id);
    expect(person).toBeDefined();
    expect(person?.minor).toBe(minor);
    expect(person?.familyId).toBe(familyId);
  });

  it.each(dataset.people.filter((p) => p.minor).map((p) => [p.id, p] as const))(
    'minor %s is shown, and named in every spelling, by a single first name',
    (_id, person) => {
      expect(person.displayName).toMatch(/^\S+$/);
      for (const name of person.names) expect(name.text).toMatch(/^\S+$/);
    },
  );

  it.each([
    ['Mamutjan Abdurehim', 'mamutjan-abdurehim', 'cnn-2021-04-23'],
    ['Muherrem Ablet', 'muherrem-ablet', undefined],
    ['Muharram Ablat', 'muherrem-ablet', 'cgtn-2021-03'],
    ['Muhlise', 'muhlise', 'cnn-2021-04-23'],
    ['Muhlisa', 'muhlise', 'cgtn-2021-03'],
    ['Ablat Abdureyim', 'abdurehim-grandfather', 'cgtn-2021-03'],
    ['Ablikim Mamtinin', 'ablikim-mamtinin', 'cnn-2021-04-23'],
    ['Ablikim Memtinin', 'ablikim-mamtinin', undefined],
    ['Mihriban Kader', 'mihriban-kader', 'cnn-2021-04-23'],
    ['Zumeryem', 'zumeryem', 'cnn-2021-04-23'],
    ['Yehya', 'yehya', 'cnn-2021-04-23'],
    ['Muhammad', 'muhammad', 'cnn-2021-04-23'],
    ['Shehide', 'shehide', 'cnn-2021-04-23'],
  ] as const)('spelling "%s" is recorded for %s', (text, personId, sourceId) => {
    const name = people.get(personId)?.names.find((n) => n.text === text);
    expect(name, `${text} on ${personId}`).toBeDefined();
    if (sourceId) expect(name?.sourceId).toBe(sourceId);
  });

  it('records the CGTN renderings as state-media spellings, never as primary names', () => {
    for (const person of dataset.people) {
      for (const name of person.names) {
        if (name.sourceId === 'cgtn-2021-03') expect(name.kind, name.text).toBe('state-media');
      }
    }
  });

  it.each([
    ['cnn-2021-04-23', 'news', true],
    ['cnn-2021-03-18', 'news', true],
    ['prc-statement-2021-04-02', 'government', false],
    ['cgtn-2021-03', 'state-media', false],
    ['it-parliament-2021-04-08', 'parliament', false],
  ] as const)('source %s is present (%s, url: %s)', (id, publisherType, hasUrl) => {
    const source = dataset.sources.find((s) => s.id === id);
    expect(source).toBeDefined();
    expect(source?.publisherType).toBe(publisherType);
    expect(Boolean(source?.url)).toBe(hasUrl);
    // An unpublished source says how it is known.
    if (!hasUrl) expect(source?.note).toBeTruthy();
  });

  it.each(dataset.families.map((f) => [f.id] as const))(
    'family %s has a claim by the Chinese government and a response from the family',
    (familyId) => {
      const members = new Set(dataset.people.filter((p) => p.familyId === familyId).map((p) => p.id));
      const prcClaims = dataset.claims.filter(
        (c) => c.claimant === 'prc-government' && c.about.some((id) => members.has(id)),
      );
      expect(prcClaims.length).toBeGreaterThan(0);
      const prcClaimIds = new Set(prcClaims.map((c) => c.id));
      const familyResponses = dataset.responses.filter(
        (r) => r.respondents.some((id) => members.has(id)) && r.respondsTo.some((id) => prcClaimIds.has(id)),
      );
      expect(familyResponses.length).toBeGreaterThan(0);
    },
  );

  it.each(
    dataset.claims
      .filter((c) => c.claimant === 'prc-government' && ['terrorism', 'conviction'].includes(c.topic))
      .map((c) => [c.id] as const),
  )('a no-evidence finding reported by CNN covers %s', (claimId) => {
    const finding = dataset.findings.find(
      (f) => f.kind === 'no-evidence-provided' && f.reportedBy === 'cnn' && f.about.includes(claimId),
    );
    expect(finding).toBeDefined();
  });

  it.each(['resp-parents-never-abandon', 'resp-parents-baseless', 'resp-parents-asylum'])(
    "the parents' joint statement %s is attributed to both parents",
    (id) => {
      expect(dataset.responses.find((r) => r.id === id)?.respondents).toEqual(['mihriban-kader', 'ablikim-mamtinin']);
    },
  );

  it('attributes every other response to a single respondent', () => {
    const joint = dataset.responses.filter((r) => r.respondents.length > 1).map((r) => r.id);
    expect(joint.sort()).toEqual(['resp-parents-asylum', 'resp-parents-baseless', 'resp-parents-never-abandon']);
  });

  it('has terrorism and conviction claims for the no-evidence finding to cover', () => {
    const topics = dataset.claims.filter((c) => c.claimant === 'prc-government').map((c) => c.topic);
    expect(topics).toContain('terrorism');
    expect(topics).toContain('conviction');
  });

  it("keeps both versions of Muherrem's detention date, each with its own source", () => {
    const detentions = dataset.conduct.filter(
      (c) => c.kind === 'detention' && c.subjects.includes('muherrem-ablet'),
    );
    const in2017 = detentions.find((c) => c.date?.value.startsWith('2017'));
    const in2019 = detentions.find((c) => c.date?.value.startsWith('2019'));
    expect(in2017?.sourceId).toBe('cnn-2021-03-18');
    expect(in2017?.reportedBy).toBe('mamutjan-abdurehim');
    expect(in2019?.sourceId).toBe('cgtn-2021-03');
    expect(in2019?.reportedBy).toBe('cgtn');
    expect(in2017?.sourceId).not.toBe(in2019?.sourceId);
    const contactLost = dataset.conduct.find(
      (c) => c.kind === 'contact-lost' && c.subjects.includes('muherrem-ablet'),
    );
    expect(contactLost?.date).toEqual({ value: '2017-04', precision: 'month' });
  });

  it.each([
    ['coaching', 'yehya'],
    ['interrogation', 'zumeryem'],
    ['reprimand', 'shehide'],
    ['orphanage-placement', 'muhammad'],
    ['travel-blocked', 'yehya'],
    ['editing', 'zumeryem'],
    ['state-media-appearance', 'muhlise'],
  ] as const)('a %s conduct record concerns %s and is reported by CNN', (kind, subject) => {
    const record = dataset.conduct.find((c) => c.kind === kind && c.subjects.includes(subject));
    expect(record).toBeDefined();
    expect(record?.reportedBy).toBe('cnn');
  });

  it.each([
    ['2015', 'year'],
    ['2016', 'year'],
    ['2017-04', 'month'],
    ['2019', 'year'],
    ['2020-06', 'month'],
    ['2021-03', 'month'],
    ['2021-03-15', 'day'],
    ['2021-03-18', 'day'],
    ['2021-03-22', 'day'],
    ['2021-03-26', 'day'],
    ['2021-04-02', 'day'],
    ['2021-04-08', 'day'],
    ['2021-04-23', 'day'],
  ] as const)('the timeline has an event dated %s (%s precision)', (value, precision) => {
    expect(dataset.events.some((e) => e.date.value === value && e.date.precision === precision)).toBe(true);
  });

  it.each([
    ['media-cgtn-muhlise-interview', 'tv-interview', 'cgtn'],
    ['media-zumeryem-twitter-video', 'social-video', 'twitter'],
    ['media-sign-photo', 'photo', 'cnn'],
    ['media-yehya-video-call', 'video-call', 'cnn'],
    ['media-malaysia-photo-2015', 'photo', 'cnn'],
    ['media-italy-photo-2021', 'photo', 'cnn'],
    ['media-cnn-video-china-responds', 'report', 'cnn'],
  ] as const)('media item %s is a %s from %s', (id, kind, outlet) => {
    const media = dataset.media.find((m) => m.id === id);
    expect(media?.kind).toBe(kind);
    expect(media?.outlet).toBe(outlet);
  });

  it('links the coached call, the edited clip and the reprimanded photo to their conduct records', () => {
    const conductKinds = (mediaId: string) =>
      (dataset.media.find((m) => m.id === mediaId)?.conductIds ?? []).map(
        (id) => dataset.conduct.find((c) => c.id === id)?.kind,
      );
    expect(conductKinds('media-yehya-video-call')).toContain('coaching');
    expect(conductKinds('media-zumeryem-twitter-video')).toContain('editing');
    expect(conductKinds('media-sign-photo')).toContain('reprimand');
  });

  it('has URL signals for both CNN reports, as host + path without scheme or www./edition.', () => {
    const prefixes = dataset.signals.urls.map((u) => u.prefix);
    expect(prefixes).toContain('cnn.com/2021/04/23/china/xinjiang-uyghur-family-china-response');
    expect(prefixes.some((p) => p.startsWith('cnn.com/2021/03/18/china/xinjiang-uyghur-families'))).toBe(true);
    for (const prefix of prefixes) expect(prefix).not.toMatch(/^(https?:|\/\/|www\.|edition\.)/);
  });

  it('has story-level phrase signals for the CNN title and the sign', () => {
    const phrases = dataset.signals.phrases.filter((p) => p.strength === 'story' || p.strength === 'strong');
    const texts = phrases.map((p) => p.text.toLowerCase());
    expect(texts).toContain('china responds to cnn report on separated uyghur families');
    expect(texts).toContain('mom, dad, we miss you');
  });
});

describe('attribution', () => {
  const labelOf = (id: string): string | undefined =>
    dataset.people.find((p) => p.id === id)?.displayName ?? dataset.actors.find((a) => a.id === id)?.name;

  /** A verb that marks a statement as someone's account rather than a bare assertion. */
  const REPORTING_VERB =
    /\b(said|says|say|told|wrote|reported|reports|accused|alleged|called|calls|described|denied|denies|rejects|learned|spoke)\b/i;

  /**
   * The statement names its speaker (full label without a leading "The", or the label's first word:
   * "Chinese government", "CNN", "Mamutjan", "children's grandfather") and uses a reporting verb.
   */
  function isAttributedTo(statement: string, speakerId: string): boolean {
    const label = labelOf(speakerId);
    if (!label || !REPORTING_VERB.test(statement)) return false;
    const full = label.replace(/^the\s+/i, '').toLowerCase();
    const first = full.split(/\s+/)[0] ?? full;
    const text = statement.toLowerCase();
    return text.includes(full) || new RegExp(`\\b${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text);
  }

  const statements = [
    ...dataset.claims.map((c) => ({ kind: 'claim', id: c.id, speaker: c.claimant, statement: c.statement })),
    // A joint statement must name each of its respondents.
    ...dataset.responses.flatMap((r) =>
      r.respondents.map((speaker) => ({ kind: 'response', id: `${r.id} (${speaker})`, speaker, statement: r.statement })),
    ),
    ...dataset.findings.map((f) => ({ kind: 'finding', id: f.id, speaker: f.reportedBy, statement: f.statement })),
    ...dataset.conduct.map((c) => ({ kind: 'conduct', id: c.id, speaker: c.reportedBy, statement: c.statement })),
  ];

  it.each(statements)('$kind $id names its speaker with a reporting verb', ({ speaker, statement }) => {
    expect(isAttributedTo(statement, speaker), statement).toBe(true);
  });

  it('rejects a bare assertion with the same check', () => {
    expect(isAttributedTo('Mihriban and Ablikim are key members of a violent terrorist group.', 'prc-government')).toBe(false);
    expect(isAttributedTo('Muherrem was sentenced to nine years in prison.', 'prc-government')).toBe(false);
  });

  const quoted = [
    ...dataset.claims.filter((c) => c.quote).map((c) => ({ id: c.id, speaker: c.claimant, quote: c.quote, sourceId: c.sourceId })),
    ...dataset.responses
      .filter((r) => r.quote)
      .flatMap((r) => r.respondents.map((speaker) => ({ id: r.id, speaker, quote: r.quote, sourceId: r.sourceId }))),
  ];

  it('has quotes to check', () => {
    expect(quoted.length).toBeGreaterThanOrEqual(10);
  });

  it.each(quoted)('quote in $id is short, attributed to an existing speaker and sourced', ({ speaker, quote, sourceId }) => {
    expect(labelOf(speaker), `speaker ${speaker}`).toBeDefined();
    expect(dataset.sources.some((s) => s.id === sourceId)).toBe(true);
    expect(quote?.text.trim().length).toBeGreaterThan(0);
    expect(quote?.text.length).toBeLessThanOrEqual(240);
  });

  it('never uses a quote as the whole statement (statements are paraphrase)', () => {
    for (const c of [...dataset.claims, ...dataset.responses]) {
      if (c.quote) expect(c.statement.trim()).not.toBe(c.quote.text.trim());
    }
  });
});
