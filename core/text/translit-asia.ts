/**
 * Uyghur names in Japanese katakana, Korean hangul and Kazakh Cyrillic, by rule from their Latin
 * spelling (the dataset's attested Uyghur Latin words, folded).
 *
 * Japanese and Korean papers write a foreign name by sound, syllable by syllable, as their loanword
 * conventions say (Mamutjan Abdurehim: マムトジャン・アブドゥレヒム, 마무트잔 압두레힘); Kazakh papers
 * write it in Kazakh Cyrillic with the letters of their own vowel harmony (Ablikim: Әблікім). Where
 * the conventions leave a choice (ティ or チ for ti, a closing b as a syllable of its own or as the
 * final consonant of the last one), every choice is produced, within a bound.
 */
import { units } from './translit';

const VOWELS = ['a', 'e', 'i', 'o', 'u'] as const;
type Vowel = (typeof VOWELS)[number];
const isVowel = (u: string | undefined): u is Vowel => u !== undefined && (VOWELS as readonly string[]).includes(u);

/**
 * A folded Latin word as units (digraphs whole, doubled consonants single: Muherrem -> m u h e r e m),
 * and whether each unit was written double.
 */
function doubledUnits(word: string): { units: string[]; doubled: boolean[] } | undefined {
  const w = word.toLowerCase();
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return undefined;
  const all = units(w);
  const double = (x: string) => x.length === 2 && x[0] === x[1];
  return { units: all.map((x) => (double(x) ? x[0]! : x)), doubled: all.map(double) };
}
/** Doubled nasals and l are written as a closing consonant and an opening one (Muhammad: ムハンマド, 무함마드). */
const SPLIT_DOUBLE = new Set(['m', 'n', 'l']);

/** Products of option lists, in order, at most `limit`. */
function expand(options: string[][], limit: number): string[] {
  let out = [''];
  for (const o of options) {
    out = out.flatMap((p) => o.map((x) => p + x));
    if (out.length > limit) out = out.slice(0, limit);
  }
  return [...new Set(out)];
}

// ---------------------------------------------------------------- katakana

/** Katakana for consonant + vowel, by vowel a e i o u (several where usage varies). */
const VOWEL_KANA: Record<Vowel, string[]> = { a: ['ア'], e: ['エ'], i: ['イ'], o: ['オ'], u: ['ウ'] };
const KANA: Record<string, Record<Vowel, string[]>> = {
  k: { a: ['カ'], e: ['ケ'], i: ['キ'], o: ['コ'], u: ['ク'] },
  g: { a: ['ガ'], e: ['ゲ'], i: ['ギ'], o: ['ゴ'], u: ['グ'] },
  s: { a: ['サ'], e: ['セ'], i: ['シ', 'スィ'], o: ['ソ'], u: ['ス'] },
  sh: { a: ['シャ'], e: ['シェ'], i: ['シ'], o: ['ショ'], u: ['シュ'] },
  z: { a: ['ザ'], e: ['ゼ'], i: ['ジ', 'ズィ'], o: ['ゾ'], u: ['ズ'] },
  j: { a: ['ジャ'], e: ['ジェ'], i: ['ジ'], o: ['ジョ'], u: ['ジュ'] },
  ch: { a: ['チャ'], e: ['チェ'], i: ['チ'], o: ['チョ'], u: ['チュ'] },
  t: { a: ['タ'], e: ['テ'], i: ['ティ', 'チ'], o: ['ト'], u: ['トゥ', 'ツ'] },
  d: { a: ['ダ'], e: ['デ'], i: ['ディ'], o: ['ド'], u: ['ドゥ', 'ド'] },
  n: { a: ['ナ'], e: ['ネ'], i: ['ニ'], o: ['ノ'], u: ['ヌ'] },
  h: { a: ['ハ'], e: ['ヘ'], i: ['ヒ'], o: ['ホ'], u: ['フ'] },
  f: { a: ['ファ'], e: ['フェ'], i: ['フィ'], o: ['フォ'], u: ['フ'] },
  b: { a: ['バ'], e: ['ベ'], i: ['ビ'], o: ['ボ'], u: ['ブ'] },
  p: { a: ['パ'], e: ['ペ'], i: ['ピ'], o: ['ポ'], u: ['プ'] },
  m: { a: ['マ'], e: ['メ'], i: ['ミ'], o: ['モ'], u: ['ム'] },
  y: { a: ['ヤ'], e: ['イェ', 'エ'], i: ['イ'], o: ['ヨ'], u: ['ユ'] },
  r: { a: ['ラ'], e: ['レ'], i: ['リ'], o: ['ロ'], u: ['ル'] },
  w: { a: ['ワ'], e: ['ウェ'], i: ['ウィ'], o: ['ウォ'], u: ['ウ'] },
};
/** Latin consonant units read as one of the rows above (Uyghur q, gh, x, l, v, c have no row of their own). */
const KANA_ROW: Record<string, string> = { q: 'k', gh: 'g', kh: 'h', x: 'h', l: 'r', v: 'b', c: 'j', zh: 'j', dj: 'j', dzh: 'j', sch: 'sh' };
/** A consonant that closes a syllable: its own kana with the vowel u (o after t and d), n as ン. */
const KANA_CODA: Record<string, string[]> = { t: ['ト'], d: ['ド'], n: ['ン'], j: ['ジ'], ch: ['チ'], sh: ['シュ'], y: ['イ'] };

/**
 * Katakana renderings of a folded Latin name word, as Japanese papers write Uyghur names
 * (Mamutjan -> マムトジャン, Abdurehim -> アブドゥレヒム, Ablet -> アブレット / アブレト). At most `limit`.
 */
export function katakanaRenderings(word: string, limit = 16): string[] {
  const d = doubledUnits(word);
  if (!d) return [];
  const u = d.units;
  const options: string[][] = [];
  for (let i = 0; i < u.length; i++) {
    const unit = u[i]!;
    if (isVowel(unit)) {
      // A vowel not after a consonant (word-initial, or after a vowel) is a syllable of its own.
      options.push(VOWEL_KANA[unit]);
      continue;
    }
    const row = KANA[KANA_ROW[unit] ?? unit];
    if (!row) return [];
    const next = u[i + 1];
    if (isVowel(next)) {
      if (d.doubled[i] && (unit === 'm' || unit === 'n')) options.push(['ン']);
      options.push(row[next]);
      i++;
      continue;
    }
    const last = i === u.length - 1;
    // A final t or k after a vowel is often written with the small tsu (アブレット).
    const gemination = last && (unit === 't' || unit === 'k' || unit === 'q') && isVowel(u[i - 1]) ? ['ッ' + (KANA_CODA[unit] ?? row.u)[0]!] : [];
    options.push([...(KANA_CODA[KANA_ROW[unit] ?? unit] ?? row.u), ...gemination]);
  }
  return expand(options, limit);
}

// ---------------------------------------------------------------- hangul

/** Initial consonant indices (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ). */
const INITIAL: Record<string, number> = {
  g: 0, gh: 0, n: 2, d: 3, l: 5, r: 5, m: 6, b: 7, v: 7, s: 9, sh: 9, '': 11, j: 12, c: 12, z: 12, zh: 12, dj: 12, dzh: 12,
  ch: 14, k: 15, q: 15, t: 16, p: 17, f: 17, h: 18, kh: 18, x: 18, sch: 9,
};
/** Vowel indices: a ㅏ0, e ㅔ5, i ㅣ20, o ㅗ8, u ㅜ13; after y (and sh) the y-vowels ㅑ ㅖ ㅣ ㅛ ㅠ; after w ㅘ ㅞ ㅟ ㅝ ㅜ. */
const VOWEL: Record<Vowel, number> = { a: 0, e: 5, i: 20, o: 8, u: 13 };
const Y_VOWEL: Record<Vowel, number> = { a: 2, e: 7, i: 20, o: 12, u: 17 };
const W_VOWEL: Record<Vowel, number> = { a: 9, e: 15, i: 16, o: 14, u: 13 };
/** ㅡ, the vowel Korean adds to a consonant that closes a syllable (트, 브, 흐). */
const EU = 18;
/** Final consonant indices a closing consonant may take instead of a syllable of its own (ㄴ ㅁ ㄹ ㅂ ㄱ ㅅ). */
const FINAL: Record<string, number> = { n: 4, m: 16, l: 8, b: 17, p: 17, k: 1, q: 1, t: 19 };
/** Closing consonants written only as the final of the syllable before (n, m, l); the rest may also be a syllable with ㅡ. */
const FINAL_ONLY = new Set(['n', 'm', 'l']);

const block = (initial: number, vowel: number, final = 0) => String.fromCharCode(0xac00 + (initial * 21 + vowel) * 28 + final);

/**
 * Hangul renderings of a folded Latin name word, as Korean papers write Uyghur names (Mamutjan ->
 * 마무트잔, Abdurehim -> 압두레힘, Muhlise -> 무흘리세, Ablikim -> 아블리킴). Rules of Korean loanword
 * spelling: a consonant before a vowel starts a syllable; n, m, l closing a syllable are its final
 * consonant; b, p, k, t there are a final consonant or a syllable with ㅡ; any other closing consonant
 * is a syllable with ㅡ (흐, 르, 드); an l between vowels is written double (ㄹ final, then 리). At most `limit`.
 */
export function hangulRenderings(word: string, limit = 16): string[] {
  const d = doubledUnits(word);
  if (!d) return [];
  const u = d.units;
  // Each rendering is a list of [initial, vowel, final] syllables, built left to right.
  type Syl = [number, number, number];
  let out: Syl[][] = [[]];
  const push = (choices: Array<(s: Syl[]) => Syl[] | undefined>) => {
    out = out.flatMap((s) => choices.map((c) => c(s)).filter((x): x is Syl[] => x !== undefined)).slice(0, limit * 4);
  };
  for (let i = 0; i < u.length; i++) {
    const unit = u[i]!;
    const next = u[i + 1];
    if (isVowel(unit)) {
      push([(s) => [...s, [11, VOWEL[unit], 0]]]);
      continue;
    }
    if ((unit === 'y' || unit === 'w') && isVowel(next)) {
      const v = (unit === 'y' ? Y_VOWEL : W_VOWEL)[next];
      push([(s) => [...s, [11, v, 0]]]);
      i++;
      continue;
    }
    const initial = INITIAL[unit];
    if (initial === undefined) return [];
    if (isVowel(next)) {
      const v = unit === 'sh' ? Y_VOWEL[next] : VOWEL[next];
      push([
        (s) => {
          const prev = s.at(-1);
          if (d.doubled[i] && SPLIT_DOUBLE.has(unit) && prev && prev[2] === 0) return [...s.slice(0, -1), [prev[0], prev[1], FINAL[unit]!], [initial, v, 0]];
          // An l after a vowel is written double: the syllable before closes on ㄹ (흘리, 블리).
          if (unit === 'l' && prev && prev[2] === 0) return [...s.slice(0, -1), [prev[0], prev[1], 8], [5, v, 0]];
          return [...s, [initial, v, 0]];
        },
      ]);
      i++;
      continue;
    }
    const final = FINAL[unit];
    const asFinal = (s: Syl[]) => {
      const prev = s.at(-1);
      return prev && prev[2] === 0 && final !== undefined ? [...s.slice(0, -1), [prev[0], prev[1], final] as Syl] : undefined;
    };
    const asSyllable = (s: Syl[]) => [...s, [unit === 'sh' ? 9 : initial, unit === 'sh' ? 20 : EU, 0] as Syl];
    push(FINAL_ONLY.has(unit) ? [asFinal] : final !== undefined ? [asSyllable, asFinal] : [asSyllable]);
  }
  return [...new Set(out.map((s) => s.map(([a, b, c]) => block(a, b, c)).join('')))].filter(Boolean).slice(0, limit);
}

// ---------------------------------------------------------------- Kazakh Cyrillic

const KAZAKH_CONSONANTS: Record<string, string[]> = {
  b: ['б'], p: ['п'], t: ['т'], d: ['д'], k: ['к'], q: ['қ'], g: ['г'], gh: ['ғ'], h: ['һ', 'х'], kh: ['х'], x: ['х'],
  j: ['ж'], c: ['ж'], zh: ['ж'], dj: ['ж'], dzh: ['ж'], ch: ['ш'], sh: ['ш'], sch: ['ш'], s: ['с'], z: ['з'], f: ['ф'],
  v: ['в'], w: ['у'], m: ['м'], n: ['н'], l: ['л'], r: ['р'], y: ['й'],
};
/**
 * Vowels by harmony: front words take ә і ө ү, back words а ы о ұ; in either, the Russian-style и and у
 * Kazakh also writes in names (Миһрибан, Мұхлиса), and Uyghur e in a front word is ә as often as е.
 */
const KAZAKH_VOWELS: Record<'front' | 'back', Record<Vowel, string[]>> = {
  front: { a: ['ә'], e: ['е', 'ә'], i: ['і', 'и'], o: ['ө'], u: ['ү', 'у'] },
  back: { a: ['а'], e: ['е'], i: ['ы', 'и'], o: ['о'], u: ['ұ', 'у'] },
};

/**
 * Kazakh Cyrillic renderings of a folded Latin name word (Ablikim -> Әблікім, Mihriban -> Миһрибан,
 * Muherrem -> Мүһәррәм, Muhlisa -> Мұхлиса): Kazakh consonant letters (қ ғ һ, х for h too, ж for j;
 * a doubled consonant stays double), and the vowels of the word's harmony class, read from its velars
 * (k, g: front; q, gh: back; neither: either). y before a, u is я, ю; y before e is е. At most `limit`.
 */
export function kazakhRenderings(word: string, limit = 16): string[] {
  const d = doubledUnits(word);
  if (!d) return [];
  const u = d.units;
  const front = u.some((x) => x === 'k' || x === 'g');
  const back = u.some((x) => x === 'q' || x === 'gh');
  const classes = [...(back ? [] : (['front'] as const)), ...(front ? [] : (['back'] as const))];
  const out: string[] = [];
  for (const cls of classes) {
    const options: string[][] = [];
    for (let i = 0; i < u.length; i++) {
      const unit = u[i]!;
      const next = u[i + 1];
      if (unit === 'y' && (next === 'a' || next === 'u' || next === 'e')) {
        options.push([next === 'a' ? 'я' : next === 'u' ? 'ю' : 'е']);
        i++;
      } else if (isVowel(unit)) options.push(KAZAKH_VOWELS[cls][unit]);
      else {
        const c = KAZAKH_CONSONANTS[unit];
        if (!c) return [];
        options.push(d.doubled[i] ? c.map((x) => x + x) : c);
      }
    }
    // Each harmony class its share of the bound.
    out.push(...expand(options, Math.floor(limit / classes.length)));
  }
  const renderings = [...new Set(out)].slice(0, limit);
  // An Abdu- name as Kazakh writes the Arabic "servant of" names (Әбдірахман, Әбдіғали): Әбді-, on
  // each front rendering (beyond the bound, which the others fill).
  if (/^abdu/.test(word.toLowerCase())) renderings.push(...renderings.filter((r) => /^әбд[үу]/.test(r)).map((r) => `әбді${r.slice(4)}`));
  return [...new Set(renderings)];
}

/**
 * Case endings Kazakh joins to a name in Cyrillic (Абдурехимнің, Мұхлисаға, Қашқарда): genitive,
 * dative, locative, ablative and accusative, in their back and front and their voicing forms.
 * Read on names of six letters or more, as the Uzbek and Uyghur Latin ones are (translit.ts
 * `turkicLatinCases`); never -ов or -ова, which make another person's surname.
 */
export const KAZAKH_ENDINGS = ['ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ға', 'ге', 'қа', 'ке', 'да', 'де', 'та', 'те', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті'] as const;

export function kazakhCases(word: string): string[] {
  if (word.length < 6 || !/^[а-яёәғқңөұүһі]+$/.test(word)) return [];
  return KAZAKH_ENDINGS.map((e) => word + e);
}

/**
 * Palladius initials: how Russian writes a Pinyin syllable's opening consonant (zh before z, ch
 * before c, sh before s: the longer first).
 */
const PALLADIUS_INITIALS: ReadonlyArray<[string, string]> = [
  ['zh', 'чж'], ['ch', 'ч'], ['sh', 'ш'], ['b', 'б'], ['p', 'п'], ['m', 'м'], ['f', 'ф'], ['d', 'д'], ['t', 'т'],
  ['n', 'н'], ['l', 'л'], ['g', 'г'], ['k', 'к'], ['h', 'х'], ['j', 'цз'], ['q', 'ц'], ['x', 'с'], ['r', 'ж'],
  ['z', 'цз'], ['c', 'ц'], ['s', 'с'],
];
/** Palladius finals after a consonant (ü written v or u after j, q, x). */
const PALLADIUS_FINALS: Record<string, string> = {
  a: 'а', ai: 'ай', an: 'ань', ang: 'ан', ao: 'ао', e: 'э', ei: 'эй', en: 'энь', eng: 'эн', er: 'эр', o: 'о', ou: 'оу',
  ong: 'ун', i: 'и', ia: 'я', iao: 'яо', ian: 'янь', iang: 'ян', ie: 'е', in: 'инь', ing: 'ин', iong: 'юн', iu: 'ю',
  u: 'у', ua: 'уа', uai: 'уай', uan: 'уань', uang: 'уан', ui: 'уй', un: 'унь', uo: 'о', v: 'юй', ve: 'юэ', van: 'юань', vn: 'юнь',
};
/** Syllables with no initial. */
const PALLADIUS_BARE: Record<string, string> = {
  yi: 'и', ya: 'я', yao: 'яо', yan: 'янь', yang: 'ян', ye: 'е', yin: 'инь', ying: 'ин', yong: 'юн', you: 'ю', yu: 'юй',
  yuan: 'юань', yue: 'юэ', yun: 'юнь', wu: 'у', wa: 'ва', wai: 'вай', wan: 'вань', wang: 'ван', wei: 'вэй', wen: 'вэнь',
  weng: 'вэн', wo: 'во',
};

/** One toneless Pinyin syllable in the Palladius system, or undefined when it is not one. */
function palladiusSyllable(syllable: string): string | undefined {
  const s = syllable.toLowerCase().replace(/ü/g, 'v');
  if (PALLADIUS_BARE[s]) return PALLADIUS_BARE[s];
  const initial = PALLADIUS_INITIALS.find(([l]) => s.startsWith(l));
  if (!initial) return PALLADIUS_FINALS[s];
  let final = s.slice(initial[0].length);
  // After j, q and x a written u is ü; after z, c and s a bare i is the buzzing vowel (цзы, цы, сы).
  if ('jqx'.includes(initial[0]) && final.startsWith('u')) final = `v${final.slice(1)}`;
  if (['z', 'c', 's'].includes(initial[0]) && final === 'i') return `${initial[1]}ы`;
  const f = PALLADIUS_FINALS[final];
  return f === undefined ? undefined : initial[1] + f;
}

/**
 * A name read in Pinyin syllables, written in Russian by the Palladius system, as Russian papers
 * write the Chinese press's renderings of Uyghur names (穆合丽萨, mu-he-li-sa: Мухэлиса; 阿布力克木:
 * Абуликэму). An и after a vowel is also written йи (Абудужэйиму), and the soft sign of a closing
 * н is also left out (Маймайтиимин), as Russian papers often do.
 * Empty when a syllable is not Pinyin.
 */
export function palladiusRenderings(syllables: readonly string[]): string[] {
  const parts = syllables.map(palladiusSyllable);
  if (parts.some((p) => p === undefined)) return [];
  const plain = (parts as string[]).join('');
  const withY = (parts as string[]).map((p, i) => (i > 0 && p.startsWith('и') && /[аэиоуюяей]$/.test(parts[i - 1]!) ? `й${p}` : p)).join('');
  // The soft sign of -ань, -инь... is often left out of names (Маймайтиимин).
  return [...new Set([plain, withY, plain.replace(/нь/g, 'н'), withY.replace(/нь/g, 'н')])];
}
