/**
 * The prefilter (core/detect/gate.ts): it must never close on a page the full pass could match. Checked three
 * ways: its premises against the fold table; its terms against the scorer (an index without them
 * matches nothing, not even the corpus's positives); and its expressions against the matcher, over
 * every word it stands for, spelt in every way the matcher folds (case, diacritics, homoglyphs,
 * invisibles, Traditional characters, words split across markup). Then the DOM side: where text
 * hides, words cut between groups, bad inputs that must end.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import dataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { gateTerms, markFragments, startLetters } from '../../core/detect/compile/gate-builder';
import { compileAutomaton } from '../../core/detect/automaton';
import { Detector } from '../../core/detect/detect';
import { PUNCT, SKIP, SPACE, deriveFoldTable, foldText } from '../../core/text/fold';
import { Gate, ODD } from '../../core/detect/gate';
import { joinings, trie } from '../../core/detect/compile/gate-expressions';
import { FAST_LETTERS, fast, plainPattern } from '../../core/detect/gate-patterns';
import { WINDOW } from '../../core/detect/limits';
import { MATCH_EVENTS_KEY, MATCH_GATE_KEY, packForStorage } from '../../core/detect/match-index';
import { GatePass } from '../../content/prefilter';
import { createHost } from '../../content/host-element';
import { collectText } from '../../content/page-text';
import { fakeFrames, rng } from '../support/fakes';
import { CORPUS_DIR, loadCorpus } from '../support/corpus';

const index = buildMatchIndex(parseDataset(dataset), 'test');
const detector = new Detector(index);
const gate = new Gate(index.gate, () => detector.foldTable);
/** The terms the prefilter opens on (core/detect/compile/gate-builder.ts). */
const gated = gateTerms(index.terms, index.events, index.people);
/** The events' key anchors: they open the prefilter only with enough of the event's other elements. */
const keyTerms = new Set(index.terms.flatMap((t, i) => (t.kind === 'event-cue' && t.elementId === index.events[t.eventId!]?.key ? [i] : [])));
/** For a key anchor's pattern, one cue of each other element of its event (else nothing). */
function eventContext(word: string): string {
  const term = index.terms[index.patterns.find(([p, t]) => keyTerms.has(t) && (p === word || p === `${word}*`))?.[1] ?? -1];
  if (!term) return '';
  const cues = new Map<string, string>();
  for (const [p, t] of index.patterns) {
    const other = index.terms[t]!;
    if (other.kind !== 'event-cue' || other.eventId !== term.eventId || other.elementId === term.elementId || cues.has(other.elementId!)) continue;
    if (/^[a-z0-9 ]+$/.test(p)) cues.set(other.elementId!, p);
  }
  return [...cues.values()].join(', ');
}
const table = deriveFoldTable();

const FILLER = 'Notes from the allotment: we planted beans, watered the seedlings and waited for rain.';

function doc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
/** The prefilter over a whole document, in one go. */
function pass(root: Node | Node[], withHead = true): GatePass {
  const p = new GatePass(gate, Array.isArray(root) ? root : [root], { withHead });
  expect(p.step(Infinity)).toBe(true);
  return p;
}
/** Whether the matcher finds any of the prefilter's terms in `text`. */
function matcherSeesGateTerm(text: string): boolean {
  return detector.scan([{ text, origin: 'body', block: true }]).some((h) => gated.has(h.termIndex));
}

describe('the prefilter’s premises', () => {
  it('ASCII folds to itself in lower case, or to a break: the ASCII expression reads it as the matcher does', () => {
    for (let c = 0; c < 0x80; c++) {
      const ch = String.fromCharCode(c);
      const f = table[c]!;
      if (/[a-z0-9]/i.test(ch)) expect(f, `U+${c.toString(16)}`).toBe(ch.toLowerCase().charCodeAt(0));
      else expect([SPACE, PUNCT], `U+${c.toString(16)}`).toContain(f);
    }
  });

  it('every code unit it lets through unfolded is ASCII or folds to a space or punctuation', () => {
    const odd = new RegExp(`^${ODD.source}$`);
    const wrong: string[] = [];
    for (let c = 0x80; c < 0x10000; c++) {
      if (odd.test(String.fromCharCode(c))) continue;
      if (table[c] !== SPACE && table[c] !== PUNCT) wrong.push(`U+${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('without its terms, nothing can match: not the corpus’s positives, not every other word at once', () => {
    const kept = index.patterns.filter(([, t]) => !gated.has(t));
    expect(kept.length).toBeGreaterThan(100);
    const reduced = new Detector({ ...index, patterns: kept, automaton: compileAutomaton(kept.map(([p]) => p)) });
    let positives = 0;
    for (const entry of loadCorpus()) {
      const page = collectText(doc(readFileSync(path.join(CORPUS_DIR, entry.file), 'utf8')), { withHead: true });
      // No URL: a known URL opens the prefilter by itself.
      const full = detector.detect(page.segments);
      const without = reduced.detect(page.segments);
      if (full.matched) positives++;
      expect(without.matched, `${entry.file}: ${without.reason}`).toBe(false);
    }
    expect(positives).toBeGreaterThan(60);
    const everything = kept.map(([p]) => p).join('. ');
    expect(reduced.detect([{ text: everything, origin: 'body', block: true }]).matched).toBe(false);
  });

  it('is not trivially open', () => {
    expect(gate.test(FILLER)).toBe(false);
    expect(pass(doc(`<title>Allotment notes</title><p>${FILLER}</p><img alt="${FILLER}">`)).open).toBe(false);
  });

  it.each([
    ['a piece of a pattern’s longest word', 'The government met the press at the conference; our reporters were there.', 'Four years of Muherrem’s precious life.'],
    ['an event’s key anchor without the event', 'Officials in Beijing held a press conference in Shanghai; Amnesty and CNN reporters attended.', ''],
  ])('does not open on %s', (_what, closed, open) => {
    expect(gate.find(`${FILLER} ${closed} ${FILLER}`)).toBeUndefined();
    if (open) expect(gate.test(`${FILLER} ${open} ${FILLER}`)).toBe(true);
  });

  it('opens on an event’s key anchor with enough of the event’s elements', () => {
    const text = 'In June 2020 the four children were stopped by police in Shanghai on their way to the Italian consulate for their visas, then placed in an orphanage.';
    expect(gate.test(`${FILLER} ${text} ${FILLER}`)).toBe(true);
    expect(detector.detect([{ text, origin: 'body', block: true }]).matched).toBe(true);
  });

  it('asks for an event’s other anchors as the matcher does: one missing costs an element more', () => {
    // The Xinjiang press conference: key anchor "press conference", other anchor its date; five elements
    // in all are needed, so without the date even every other element is one too few.
    const elements = 'The Xinjiang government said in Urumqi that relatives of the man in Adelaide, Australia, had spoken to CNN';
    for (const [said, opens] of [
      [`${elements} at a press conference.`, false],
      [`${elements} at a press conference on 9 April 2021.`, true],
    ] as const) {
      const text = `${FILLER} ${said} ${FILLER}`;
      expect(detector.detect([{ text, origin: 'body', block: true }]).matched, said).toBe(opens);
      expect(gate.test(text), said).toBe(opens);
    }
  });

  it('marks in each pattern a fragment it always holds, starting on few letters, rare ones', () => {
    const patterns = ['abulikemu', 'mihriban', 'muherrem', 'mamutjan', 'a bu li ke mu', 'mu ti', 'kader'];
    const marked = markFragments(patterns);
    const firsts = new Set<string>();
    const letters = (s: string) => s.replace(/[^a-z0-9]/g, '');
    for (const p of patterns) {
      const written = marked.get(p)!;
      const parts = written.split('|');
      // The pattern, whole again once its marks are taken out.
      expect(parts.join(''), written).toBe(p);
      const piece = parts.length === 3 ? parts[1]! : written;
      if (letters(p).length < FAST_LETTERS) expect(written).toBe(p);
      else {
        expect(letters(piece).length, written).toBeLessThanOrEqual(6);
        // What the fast expression reads: the piece, and before a short one the letters before it.
        const read = fast(written);
        expect(letters(read.replace(/\(\?<=([^)]*)\)/, '')), written).toBe(letters(piece));
        const behind = /\(\?<=([^)]*)\)/.exec(read)?.[1] ?? piece;
        expect(letters(behind).length, read).toBeGreaterThanOrEqual(FAST_LETTERS);
        expect(p.includes(behind), read).toBe(true);
      }
      firsts.add(piece[0]!);
    }
    // k and m are in every pattern long enough; mihriban, muherrem and mamutjan start on their m
    // with six letters; abulikemu and its Pinyin route on the k near their end, read with the
    // letters before it (a b would cost more than those two lookbehinds); mu ti and kader are whole.
    expect([...firsts].sort()).toEqual(['k', 'm']);
    expect(marked.get('abulikemu')).toBe('abuli|kemu|');
    expect(fast(marked.get('abulikemu')!)).toBe('kemu(?<=ikemu)');
  });

  it('starts the fragments on 16 code units at most, where the engine still skips through text', () => {
    // Nine rare letters, one for each pattern, would be 18 code units (each letter in both cases):
    // the e they all hold is the one letter within the limit.
    const rare = ['j', 'x', 'q', 'z', 'k', 'v', 'b', 'p', 'y'].map((l) => `${l}eeeee`);
    expect([...startLetters(rare)]).toEqual(['e']);
    // Three are within it: each pattern starts on its rare letter.
    expect([...startLetters(rare.slice(0, 3))].sort()).toEqual(['j', 'q', 'x']);
    // The dataset's patterns.
    const gated = [...index.gate.open, ...index.gate.events.flatMap((e) => e.key)];
    const letters = [...startLetters(gated.filter(plainPattern).map((p) => p.replaceAll('|', '')))];
    expect(letters.reduce((n, l) => n + (/[a-z]/.test(l) ? 2 : 1), 0)).toBeLessThanOrEqual(16);
    // None of prose's commonest letters: one key-anchor cue without a rarer letter ("tre genitori
    // uiguri") brought r in, and the search ran ten times as long.
    expect(letters.filter((l) => 'etaoinhr'.includes(l))).toEqual([]);
  });

  it('writes no pattern that holds another it writes: the shorter is found wherever the longer is (the "every word" tests below still read the longer ones)', () => {
    const unmarked = (ps: readonly string[]) => ps.map((p) => p.replaceAll('|', ''));
    const open = unmarked(index.gate.open);
    const held = (set: string[], by: string[]) => set.filter((p) => by.some((q) => q !== p && p.includes(q)));
    expect(held(open, open)).toEqual([]);
    // A key anchor's pattern holds no opening pattern, nor another of its event's.
    for (const e of index.gate.events) expect(held(unmarked(e.key), [...open, ...unmarked(e.key)]), e.id).toEqual([]);
    // The dataset has such pairs: a key anchor's cue with the undersecretary's first name, and without it.
    const spelt = (cue: string) => index.patterns.some(([p]) => p.replace(/\*$/, '') === cue);
    expect(spelt('manlio di stefano') && spelt('di stefano')).toBe(true);
    expect(index.gate.events.flatMap((e) => unmarked(e.key))).not.toContain('manlio di stefano');
  });

  it('writes its fragments as a trie that matches at the same places', () => {
    const r = rng(7);
    const letters = 'abmnu ';
    const word = () => Array.from({ length: 2 + Math.floor(r() * 5) }, () => letters[Math.floor(r() * letters.length)]).join('').trim() || 'a';
    for (let round = 0; round < 50; round++) {
      const fragments = Array.from({ length: 1 + Math.floor(r() * 30) }, word);
      const flat = fragments.map((f) => f.split(' ').join(' ?')).join('|');
      const text = Array.from({ length: 400 }, () => letters[Math.floor(r() * letters.length)]).join('');
      const places = (re: RegExp) => [...text.matchAll(re)].map((m) => m.index);
      // Every place where some fragment starts (a lookahead: overlapping places too).
      expect(places(new RegExp(`(?=${trie(flat, ' ?')})`, 'g')), flat).toEqual(places(new RegExp(`(?=${flat})`, 'g')));
    }
  });

  it('writes a lookbehind as one step of its branch, matching where the flat alternation does', () => {
    // Short fragments near a pattern's end carry the letters before them as a lookbehind (`fast`).
    const fragments = ['kemu(?<=ikemu)', 'kemal', 'k(?<=t dark)', 'ke mu(?<=i ke mu)', 'kader'];
    const flat = fragments.map((f) => f.replaceAll(' ', ' ?')).join('|');
    const written = trie(fragments.join('|'), ' ').replaceAll(' ', ' ?');
    expect(written).toContain('(?<=t ?dark)');
    const text = 'abulikemu, a bu li ke mu, kemal, the screen went dark, a dark kernel, kader, ke mu, kemu';
    const places = (re: RegExp) => [...text.matchAll(re)].map((m) => m.index);
    expect(places(new RegExp(`(?=${written})`, 'g'))).toEqual(places(new RegExp(`(?=${flat})`, 'g')));
    // Found: abulikemu's kemu, the Pinyin route's ke mu, kemal, went dark's k, kader; not the bare ke mu or kemu.
    expect(places(new RegExp(written, 'g'))).toHaveLength(5);
  });

  it('takes a fragment without a break where the pattern has one', () => {
    // Both start on x, its rarest letter: the second holds no break, so no loop for the engine.
    expect(markFragments(['xa bcdef xghijk']).get('xa bcdef xghijk')).toBe('xa bcdef |xghijk|');
  });

  it('writes the joinings of the same letters as one fragment that finds each of them', () => {
    const variants = ['budure', 'bu dure', 'budu re', 'bu du re'];
    expect(joinings(variants)).toEqual(['bu du re']);
    // Lookbehinds and other letters stay apart.
    expect(joinings(['kemu(?<=ikemu)', 'ke mu(?<=i ke mu)', 'kemu']).sort()).toEqual(['ke mu(?<=i ke mu)', 'kemu', 'kemu(?<=ikemu)']);
    const r = rng(11);
    const letters = 'abmu ';
    for (let round = 0; round < 50; round++) {
      const fragments = Array.from({ length: 1 + Math.floor(r() * 20) }, () => Array.from({ length: 3 + Math.floor(r() * 4) }, () => letters[Math.floor(r() * letters.length)]).join('').trim() || 'ab');
      const text = Array.from({ length: 400 }, () => (letters + '-. ')[Math.floor(r() * (letters.length + 3))]).join('');
      const places = (fs: string[]) => new Set([...text.matchAll(new RegExp(`(?=${fs.map((f) => f.split(' ').join('[^a-z0-9]*')).join('|')})`, 'g'))].map((m) => m.index));
      // Every place a fragment is found, the joined ones find too.
      const joined = places(joinings(fragments));
      for (const at of places(fragments)) expect(joined.has(at), `${fragments.join('|')} at ${at}`).toBe(true);
    }
  });

  it('checks an event’s elements only within WINDOW of its key anchor', () => {
    const text = 'In June 2020 the four children were stopped by police in Shanghai on their way to the Italian consulate for their visas, then placed in an orphanage.';
    const [before, after] = text.split('Shanghai');
    const far = ` ${FILLER}`.repeat(Math.ceil(WINDOW / FILLER.length) + 1);
    expect(gate.test(`${before}${far} Shanghai ${far}${after}`)).toBe(false);
    expect(`${before}${far} Shanghai ${far}${after}`.length).toBeGreaterThan(2 * WINDOW);
    expect(gate.test(`${far} ${text} ${far}`)).toBe(true);
  });

  it('counts WINDOW in folded units where other scripts, runs of breaks or accented letters lie between', () => {
    // The windows of a text not folded whole are cut from the raw text: their ends are found by
    // counting folded units out from the hits, through raw text and through the odd windows' fold.
    const text = 'In June 2020 the four children were stopped by police in Shanghai on their way to the Italian consulate for their visas, then placed in an orphanage.';
    const [before, after] = text.split('Shanghai');
    const ru = 'Вчера в городе открылась новая библиотека, и в ней уже много читателей. '.repeat(12);
    const units = (t: string) => foldText(t).length;
    const fill = (n: number, unit = ` ${FILLER}`) => unit.repeat(Math.max(0, Math.ceil(n / units(unit))));
    // Russian paragraphs between the anchor and its elements (not folded whole: mostly English around).
    const wide = fill(WINDOW - units(ru) + 200);
    const near = fill(WINDOW - units(ru) - 400);
    const told = (gap: string) => `${fill(3 * WINDOW)} ${before}${ru}${gap} Shanghai ${gap}${ru}${after} ${fill(3 * WINDOW)}`;
    expect(gate.test(told(wide))).toBe(false);
    expect(gate.test(told(near))).toBe(true);
    // Breaks that run together: more raw text than WINDOW, fewer folded units.
    const spaced = ' Notes   from   the   allotment , ,   we   planted   beans .  ';
    const gap = fill(WINDOW - 300, spaced);
    expect(gap.length).toBeGreaterThan(WINDOW + 500);
    expect(gate.test(`${fill(WINDOW)} ${before}${gap} Shanghai ${gap}${after} ${fill(WINDOW)}`)).toBe(true);
    // French, rewritten as ASCII where it is read (sparse accents) and Turkish (dense): the same.
    for (const accented of ['Le marché de Noël a ouvert ses portes hier soir à Lyon, près de la cathédrale. ', 'Dün akşam şehirde yeni bir kütüphane açıldı; öğrenciler çok sevinçliydi. ']) {
      expect(gate.test(`${fill(WINDOW, accented)} ${before}${fill(WINDOW - 300, accented)} Shanghai ${fill(WINDOW - 300, accented)}${after} ${fill(WINDOW, accented)}`)).toBe(true);
      expect(gate.test(`${fill(WINDOW, accented)} ${before}${fill(WINDOW + 300, accented)} Shanghai ${fill(WINDOW + 300, accented)}${after} ${fill(WINDOW, accented)}`)).toBe(false);
    }
  });

  it('with its elements read apart (the stored record), waits for them where a key anchor is found, and then answers as with them', () => {
    const stored = packForStorage(index);
    const elements = stored[MATCH_EVENTS_KEY].elements;
    const told = `${FILLER} In June 2020 the four children were stopped by police in Shanghai on their way to the Italian consulate for their visas. ${FILLER}`;
    const bare = `${FILLER} Officials in Beijing held a press conference in Shanghai; Amnesty and CNN reporters attended. ${FILLER}`;
    for (const [text, open] of [[told, true], [bare, false]] as const) {
      const lazy = new Gate(stored[MATCH_GATE_KEY].gate, () => detector.foldTable);
      // No key anchor: answered at once.
      expect(lazy.find(FILLER)).toBeUndefined();
      expect(lazy.find('Mihriban Kader')).toBeDefined();
      expect(lazy.waiting).toBe(false);
      expect(lazy.find(text)).toBeUndefined();
      expect(lazy.waiting).toBe(true);
      const wait = lazy.take()!;
      expect(lazy.ready).toBe(false);
      lazy.supply(elements);
      expect(lazy.ready).toBe(true);
      expect(lazy.settle(wait) !== undefined).toBe(open);
      expect(lazy.find(text) !== undefined).toBe(open);
    }
    // Not to be had (removed, another dataset's): a key anchor opens it alone.
    const without = new Gate(stored[MATCH_GATE_KEY].gate, () => detector.foldTable);
    expect(without.find(bare)).toBeUndefined();
    const wait = without.take()!;
    without.supply(null);
    expect(without.settle(wait)).toBeDefined();
    // A pass over a page waits with it: `step` returns false and says so, then goes on once supplied.
    const lazy = new Gate(stored[MATCH_GATE_KEY].gate, () => detector.foldTable);
    const d = doc(`<p>${FILLER}</p><p>${told}</p>`.repeat(3));
    const p = new GatePass(lazy, [d], { withHead: true });
    expect(p.step(Infinity)).toBe(false);
    expect(p.waiting).toBe(true);
    expect(p.step(Infinity)).toBe(false);
    // Another text read with the same gate meanwhile (captions) does not take the pass's place.
    expect(lazy.find(`${FILLER} ${told}`)).toBeUndefined();
    lazy.supply(elements);
    expect(p.waiting).toBe(false);
    expect(p.step(Infinity)).toBe(true);
    expect(p.open).toBe(true);
  });

  it('places a key anchor it found in folded text where it is in the raw text', () => {
    // Runs of breaks, invisibles and letters of other scripts before it: the folded text and the raw
    // text part there. The hit is where the key anchor's fragment starts, inside the anchor.
    const stored = packForStorage(index);
    const anchors = [...new Set(index.patterns.filter(([p, t]) => keyTerms.has(t) && !/^[a-z0-9 *]+$/.test(p)).map(([p]) => p.replace(/\*$/, '')))];
    expect(anchors.length).toBeGreaterThan(3);
    let checked = 0;
    const prefixes = ['Le marché de Noël a ouvert ses portes hier soir à Lyon et ', 'Notes , , ;  — from   the\u00a0allot\u00adment\u200b we ', 'Вчера в городе открылась новая библиотека и '];
    for (const anchor of anchors) {
      for (const prefix of prefixes) {
        const text = `${FILLER} ${prefix}${anchor} ${FILLER}`;
        const lazy = new Gate(stored[MATCH_GATE_KEY].gate, () => detector.foldTable);
        if (lazy.find(text) !== undefined || !lazy.waiting) continue;
        const start = text.indexOf(anchor);
        const hits = lazy.take()!.hits.flat();
        checked++;
        expect(hits.some((h) => h >= start && h < start + anchor.length), `${anchor} after ${JSON.stringify(prefix)}: ${hits.join(', ')} not in [${start}, ${start + anchor.length})`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(anchors.length);
  });

  it('stays closed on ordinary Japanese, Korean and Kazakh prose, the region and other Uyghur names included', () => {
    const prose = [
      // Japanese: katakana loanwords, a Uyghur name that is not the families', the region and Kashgar.
      'ウイグル自治区のカシュガルで、ムハンマド・アリさんは市場でメロンとナンを売っている。アデレードの大学に留学したアブドゥラさんも、インターネットで家族と話した。ニュースレターとプログラムのスケジュール。',
      // Korean: the same, with particles and a middle dot.
      '신장 위구르 자치구 카슈가르의 시장에서 무함마드·알리 씨는 멜론과 빵을 판다. 애들레이드에서 공부한 압둘라 씨는 인터넷으로 가족과 이야기했다. 프로그램 일정과 뉴스레터.',
      // Kazakh Cyrillic: everyday news, a Uyghur name that is not the families', the region.
      'Шыңжаң Ұйғыр автономиялық ауданындағы Қашқар базарында Мұхаммед Әли қауын мен нан сатады. Алматыда оқыған Абдулла отбасымен интернет арқылы сөйлесті. Бағдарлама кестесі мен жаңалықтар.',
    ];
    for (const text of prose) {
      expect(gate.test(text), text).toBe(false);
      expect(pass(doc(`<title>${text.slice(0, 20)}</title><p>${text}</p>`)).open, text).toBe(false);
    }
  });
});

// Each test here runs the matcher and the prefilter over every word the prefilter holds (1-3.5 s on
// its own here); with the other test files running beside it on two cores, 5 s was not enough.
describe('the prefilter never misses a word the matcher finds', { timeout: 30_000 }, () => {
  // Every code unit that folds to a given letter (its case forms, accented forms, homoglyphs,
  // full-width form, Traditional character).
  const preimages = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const list = preimages.get(table[c]!) ?? [];
    list.push(c);
    preimages.set(table[c]!, list);
  }
  const invisibles = (preimages.get(SKIP) ?? []).filter((c) => c >= 0x80);
  const words = [...new Set(index.patterns.filter(([, t]) => gated.has(t)).map(([p]) => (p.endsWith('*') ? p.slice(0, -1) : p)))];
  const separators = [' ', '\n  ', ', ', ' — ', '\u00a0', ': '];

  /** A spelling of `word` the matcher folds back to it; `how` picks which kinds of change. */
  function respell(word: string, r: () => number, how: { swap: boolean; invisible: boolean }): string {
    let out = '';
    for (const ch of word) {
      const c = ch.charCodeAt(0);
      if (ch === ' ') {
        out += separators[Math.floor(r() * separators.length)];
        continue;
      }
      const forms = preimages.get(c) ?? [c];
      out += how.swap && r() < 0.5 ? String.fromCharCode(forms[Math.floor(r() * forms.length)]!) : ch;
      if (how.invisible && r() < 0.3) out += String.fromCharCode(invisibles[Math.floor(r() * invisibles.length)]!);
    }
    return out;
  }

  it.each([
    ['as written', { swap: false, invisible: false }],
    ['with case, diacritic, homoglyph, full-width and Traditional forms', { swap: true, invisible: false }],
    ['with invisible characters inside', { swap: false, invisible: true }],
    ['with both', { swap: true, invisible: true }],
  ])('every word of the prefilter, %s', (_how, how) => {
    const r = rng(words.length);
    let seen = 0;
    const missed: string[] = [];
    for (const word of words) {
      for (let k = 0; k < 3; k++) {
        const spelt = respell(word, r, how);
        // An event's key anchor, told with the event's other elements (alone, it does not open it).
        const text = `${FILLER} ${spelt}. ${eventContext(word)} ${FILLER}`;
        if (!matcherSeesGateTerm(text)) continue;
        seen++;
        if (!gate.test(text)) missed.push(JSON.stringify(spelt));
      }
    }
    expect(missed).toEqual([]);
    // The respellings are ones the matcher reads: the check above is not empty.
    expect(seen).toBeGreaterThan(words.length * 2);
  });

  it('in a long text of several scripts, far from the other letters of its own script', () => {
    // Everyday sentences in six scripts at both ends, and plain prose between: each script's
    // expression is run only around its letters, and a key anchor found there is placed back in the
    // raw text, where its event's elements are looked for.
    const scripts = [
      'Le marché de Noël a ouvert ses portes hier soir à Lyon.',
      'Вчера в городе открылась новая библиотека.',
      'افتتحت المكتبة الجديدة أبوابها أمس.',
      '昨天城里开了一家新的图书馆。',
      '어제 도시에 새 도서관이 문을 열었습니다.',
      'きのう町に新しい図書館ができました。',
    ].join(' ');
    // Farther than WINDOW: a key anchor placed at the wrong end would not see its elements.
    const far = ` ${FILLER}`.repeat(Math.ceil((1.5 * WINDOW) / FILLER.length));
    expect(gate.test(`${scripts}${far}${far}${scripts}`)).toBe(false);
    const r = rng(7);
    let seen = 0;
    let keys = 0;
    const missed: string[] = [];
    for (const word of words) {
      const spelt = respell(word, r, { swap: true, invisible: false });
      if (eventContext(word) && !/^[a-z0-9 ]+$/.test(word)) keys++;
      const text = `${scripts}${far} ${spelt}. ${eventContext(word)}${far} ${scripts}`;
      if (!matcherSeesGateTerm(text)) continue;
      seen++;
      if (!gate.test(text)) missed.push(JSON.stringify(spelt));
    }
    expect(missed).toEqual([]);
    expect(seen).toBeGreaterThan(words.length / 2);
    // Key anchors in other scripts among them: their event is looked for where they were found.
    expect(keys).toBeGreaterThan(0);
  });

  it('in text dense with accented letters, and in text with a few (read as the ASCII they fold to)', () => {
    // The prefilter rewrites such letters as ASCII before it reads a text: in one loop where they are
    // many (Turkish), where they are found where they are few (French).
    const dense = 'Dün akşam şehirde yeni bir kütüphane açıldı; öğrenciler çok sevinçliydi, çünkü ışıklar güzeldi.';
    const sparse = 'Le marché de Noël a ouvert ses portes hier soir à Lyon, près de la cathédrale.';
    const r = rng(13);
    for (const filler of [dense, sparse]) {
      let seen = 0;
      const missed: string[] = [];
      for (const word of words) {
        const spelt = respell(word, r, { swap: true, invisible: r() < 0.3 });
        const text = `${filler} ${filler} ${spelt}. ${eventContext(word)} ${filler}`;
        if (!matcherSeesGateTerm(text)) continue;
        seen++;
        if (!gate.test(text)) missed.push(JSON.stringify(spelt));
      }
      expect(missed).toEqual([]);
      expect(seen).toBeGreaterThan(words.length / 2);
    }
  });

  it('in upper case and capitalised', () => {
    for (const word of words) {
      for (const spelt of [word.toUpperCase(), word.replace(/(^|\s)\S/g, (m) => m.toUpperCase())]) {
        const text = `${FILLER} ${spelt}. ${eventContext(word)} ${FILLER}`;
        if (matcherSeesGateTerm(text)) expect(gate.test(text), spelt).toBe(true);
      }
    }
  });
});

describe('reading a page', () => {
  it.each([
    ['inline markup inside a name', '<p>Notes. <b>Mamu</b>t<i>jan</i> said</p>'],
    ['a wrapper with mixed text and elements', '<div>Notes <span>by</span> Mihriban <em>Kader</em></div>'],
    ['a long list of paragraphs', `${'<p>beans and seedlings</p>'.repeat(50)}<p>the family of Mihriban Kader</p>`],
    ['img alt', '<p>Garden</p><img src="a.jpg" alt="Muhlise with her siblings">'],
    ['aria-label', '<p>Garden</p><div aria-label="Mamutjan Abdurehim speaks"></div>'],
    ['figure caption', '<figure><img src="a.jpg"><figcaption>Zumeryem and Yehya</figcaption></figure>'],
    ['hidden content', '<div hidden><p>Ablikim Mamtinin</p></div>'],
  ])('finds a word in %s', (_where, html) => {
    expect(pass(doc(`<!doctype html><body>${html}</body>`)).open).toBe(true);
  });

  it('skips added nodes the page has removed again, and reads the ones still there', () => {
    const d = doc('<!doctype html><body><div id="ticker"></div><div id="feed"></div></body>');
    const churn = Array.from({ length: 50 }, (_, i) => {
      const el = d.createElement('span');
      el.textContent = `Mihriban Kader headline ${i}`;
      d.getElementById('ticker')!.append(el);
      return el;
    });
    const post = d.createElement('p');
    post.textContent = FILLER;
    d.getElementById('feed')!.append(post);
    // The ticker's nodes were queued as added, then removed before the pass read them.
    for (const el of churn) el.remove();
    const p = pass([...churn, post], false);
    expect(p.open).toBe(false);
    expect(p.read).toBe(FILLER.length);
  });

  it('reads the title and the description meta', () => {
    expect(pass(doc('<head><title>Mamutjan Abdurehim</title></head><body><p>x</p></body>')).open).toBe(true);
    expect(pass(doc('<head><meta property="og:description" content="Mamutjan Abdurehim"></head><body>x</body>')).open).toBe(true);
    expect(pass(doc('<head><meta name="description" content="Mihriban Kader"></head><body>x</body>')).open).toBe(true);
    // Only when asked (added nodes have no head).
    expect(pass(doc('<head><title>Mamutjan Abdurehim</title></head><body><p>x</p></body>'), false).open).toBe(false);
  });

  it('reads open shadow roots, nested ones too, and same-origin iframes', () => {
    const d = doc('<body><p>Garden</p><x-card></x-card></body>');
    const outer = d.querySelector('x-card')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>light</p><x-inner></x-inner>';
    expect(pass(d).open).toBe(false);
    outer.querySelector('x-inner')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Ablikim Mamtinin</p>';
    expect(pass(d).open).toBe(true);

    // A built-in element with no text of its own, everything attached to its shadow root.
    const app = doc('<body><p>Garden</p><div id="app"></div></body>');
    app.getElementById('app')!.attachShadow({ mode: 'open' }).innerHTML = '<main><p>Mihriban Kader</p></main>';
    expect(pass(app).open).toBe(true);
    // The same with white space and a comment left inside it by a server template.
    const spaced = doc('<body><p>Garden</p><div id="app">\n  <!-- app -->\n</div></body>');
    spaced.getElementById('app')!.attachShadow({ mode: 'open' }).innerHTML = '<main><p>Mihriban Kader</p></main>';
    expect(pass(spaced).open).toBe(true);

    const f = doc('<body><p>outer</p></body>');
    const inner = doc('<body><p>Zumeryem</p></body>');
    const { sameOrigin, crossOrigin } = fakeFrames(f, inner);
    f.body.append(crossOrigin, sameOrigin);
    expect(pass(f).open).toBe(true);
  });

  it('skips scripts, styles and Backstory’s own sidebar host', () => {
    const d = doc('<body><script>var s = "Uyghur";</script><style>.Uyghur{}</style><p>Garden</p></body>');
    const ours = createHost();
    ours.textContent = 'Mamutjan Abdurehim';
    d.body.append(ours);
    expect(pass(d).open).toBe(false);
    // The same element made by the page (same name, no mark of ours) is page text.
    const theirs = d.createElement(ours.localName);
    theirs.textContent = 'Mamutjan Abdurehim';
    d.body.append(theirs);
    expect(pass(d).open).toBe(true);
  });

  it('sees a word cut between two groups of text', () => {
    const cut = 65_536 - 3;
    const d = doc(`<body><div><span>${'x'.repeat(cut)}</span><span>Mamu</span><span>tjan</span></div></body>`);
    expect(pass(d).open).toBe(true);
  });

  it('reads added nodes: elements, text nodes, several at once', () => {
    const d = doc('<body><p>Garden</p></body>');
    const a = d.createElement('article');
    a.innerHTML = '<p>beans</p>';
    const t = d.createTextNode('a post about Muhlise');
    d.body.append(a, t);
    expect(pass([a], false).open).toBe(false);
    expect(pass([a, t], false).open).toBe(true);
  });

  it('says what opened it', () => {
    expect(pass(doc('<body><p>the Uyghur father Mamutjan Abdurehim</p></body>')).seen?.toLowerCase()).toMatch(/mamu|abdu|ehim|utja/);
    // Generic vocabulary alone never opens it.
    expect(pass(doc('<body><p>the Uyghur families of Xinjiang; an orphanage; Kashgar; Adelaide; Italy</p></body>')).open).toBe(false);
  });
});

describe('bad inputs end', () => {
  it('10 MB of text, in slices: a step that is out of time stops, the next goes on', () => {
    const d = doc('<body></body>');
    const section = `<section>${`<p>${FILLER} ${FILLER}</p>`.repeat(500)}</section>`;
    d.body.innerHTML = section;
    const perSection = d.body.textContent!.length;
    d.body.innerHTML = section.repeat(Math.ceil(10_000_000 / perSection));
    d.body.insertAdjacentHTML('beforeend', '<p>Mihriban Kader</p>');
    const p = new GatePass(gate, [d], { withHead: true });
    let steps = 0;
    while (!p.step(performance.now() + 5)) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(p.read).toBeGreaterThan(10_000_000);
    expect(p.open).toBe(true);
  });

  it('tests a full group in a step only if the step has time left for it, else first thing in the next: no step is a slice of reading and a test together', () => {
    // A clock moved by the tests of groups (10 ms for a full group and its carry, 72 KB) and by reading
    // (0.25 ms between two looks at the clock, which the pass takes every few nodes). With 8 ms steps,
    // a step that read until its group was full and then tested it would cost up to 18 ms; it costs
    // at most a test and a look or two.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.25));
    try {
      const slow = new Gate(index.gate, () => detector.foldTable);
      const find = slow.find.bind(slow);
      let tests = 0;
      vi.spyOn(slow, 'find').mockImplementation((text) => {
        tests++;
        clock += text.length / 7_200;
        return find(text);
      });
      const d = doc(`<body>${`<p>${FILLER} ${FILLER}</p>`.repeat(2_000)}<p>Mihriban Kader</p></body>`);
      const p = new GatePass(slow, [d], { withHead: true });
      const costs: number[] = [];
      for (let done = false; !done; ) {
        const started = clock;
        done = p.step(started + 8);
        costs.push(clock - started);
      }
      expect(tests).toBeGreaterThan(3);
      expect(Math.max(...costs)).toBeLessThan(11);
      expect(p.open).toBe(true);
    } finally {
      now.mockRestore();
    }
  });

  it('stops at its character limit, as the full pass does', () => {
    const d = doc(`<body>${`<p>${FILLER}</p>`.repeat(100)}<p>Mihriban Kader</p></body>`);
    const limited = new GatePass(gate, [d], { limit: 2_000 });
    expect(limited.step(Infinity)).toBe(true);
    expect(limited.open).toBe(false);
    expect(pass(d).open).toBe(true);
  });

  it('100,000 nodes and a 1,000-deep DOM (10,000 deep: tests/e2e/bad-input, in Chromium; happy-dom’s selectors recurse)', () => {
    const wide = doc('<body></body>');
    const list = wide.createElement('ul');
    for (let i = 0; i < 50_000; i++) {
      const li = wide.createElement('li');
      li.textContent = 'beans';
      list.append(li);
    }
    wide.body.append(list);
    expect(pass(wide).open).toBe(false);

    const deep = doc('<body></body>');
    let at: Element = deep.body;
    for (let i = 0; i < 1_000; i++) {
      const div = deep.createElement('div');
      div.append(deep.createTextNode('x '));
      at.append(div);
      at = div;
    }
    at.append(deep.createTextNode('Zumeryem'));
    expect(pass(deep).open).toBe(true);
  });
});

describe('the corpus', () => {
  it('every page that matches, or on which the matcher sees one of its words (not a bare key anchor), opens it', () => {
    const closedButSeen: string[] = [];
    let seen = 0;
    for (const { file } of loadCorpus()) {
      const d = doc(readFileSync(path.join(CORPUS_DIR, file), 'utf8'));
      const segments = collectText(d, { withHead: true }).segments;
      const word = detector.scan(segments).some((h) => gated.has(h.termIndex) && !keyTerms.has(h.termIndex));
      if (!word && !detector.detect(segments).matched) continue;
      seen++;
      if (!pass(d).open) closedButSeen.push(file);
    }
    expect(closedButSeen).toEqual([]);
    expect(seen).toBeGreaterThan(40);
  });
});
