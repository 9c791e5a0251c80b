/**
 * Spelling variants of Uyghur names in Latin letters, generated from transliteration rules rather
 * than listed one by one.
 *
 * Real coverage spells the same name through different routes: Uyghur Latin (Muherrem), Turkish
 * (Muharrem, Mamutcan), English press by ear (Mukhlise), Pinyin-derived state-media renderings
 * (Muharram, Ablat), German (Jahja). Each rule below says which letters or letter groups stand in for
 * one another. A variant may differ from the known spelling in at most `maxEdits` places, which keeps
 * variants close to real spellings and away from unrelated words.
 *
 * Input and output are folded (lower case, no diacritics; see core/text/fold.ts).
 */

/** Groups of spellings that transliteration routes swap for one another. */
const UNIT_ALTERNATIVES: Record<string, string[]> = {
  a: ['e'],
  e: ['a', 'i'],
  i: ['e', 'y'],
  o: ['u'],
  u: ['o'],
  h: ['kh', 'x'],
  kh: ['h', 'x'],
  x: ['h', 'kh', 'sh'],
  j: ['c', 'dj', 'dzh', 'zh'],
  c: ['j', 'ch'],
  ch: ['c', 'q'],
  q: ['k'],
  k: ['q'],
  sh: ['s', 'x', 'sch'],
  gh: ['g'],
  w: ['v'],
  v: ['w'],
  y: ['i', 'j'],
};

/** Letters written double in one route and single in another (Muherrem / Muherem). */
const DOUBLES = new Set(['r', 'l', 'm', 'n', 's', 't', 'd', 'b', 'k']);

const DIGRAPHS = ['dzh', 'sch', 'sh', 'ch', 'gh', 'kh', 'zh', 'dj'];

/** Split a folded word into units: digraphs first, then doubled consonants, then single letters. */
export function units(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; ) {
    const di = DIGRAPHS.find((d) => word.startsWith(d, i));
    if (di) {
      out.push(di);
      i += di.length;
      continue;
    }
    const c = word[i]!;
    if (DOUBLES.has(c) && word[i + 1] === c) {
      out.push(c + c);
      i += 2;
      continue;
    }
    out.push(c);
    i += 1;
  }
  return out;
}

function alternativesOf(unit: string, isLast: boolean): string[] {
  if (unit.length === 2 && unit[0] === unit[1] && DOUBLES.has(unit[0]!)) return [unit[0]!];
  const alts = UNIT_ALTERNATIVES[unit] ?? [];
  // Final -e is often written -a by state media and by ear (Muhlise / Muhlisa, Shehide / Shahida).
  if (isLast && unit === 'e') return [...new Set([...alts, 'a'])];
  return alts;
}

/**
 * All spellings of `word` within `maxEdits` unit substitutions (the word itself included), at most
 * `limit` of them, closest first. Words shorter than 4 letters get no variants: they are too easily
 * someone else's word.
 */
export function spellingVariants(word: string, maxEdits = 2, limit = 400): string[] {
  const w = word.toLowerCase();
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return [w];
  const u = units(w);
  const seen = new Set<string>([w]);
  let frontier: Array<{ parts: string[]; from: number }> = [{ parts: u, from: 0 }];
  for (let edit = 1; edit <= maxEdits && seen.size < limit; edit++) {
    const nextFrontier: typeof frontier = [];
    for (const { parts, from } of frontier) {
      for (let i = from; i < parts.length; i++) {
        // Only substitute units still as in the original (one edit per position).
        if (parts[i] !== u[i]) continue;
        for (const alt of alternativesOf(u[i]!, i === u.length - 1)) {
          const next = parts.slice();
          next[i] = alt;
          const s = next.join('');
          if (seen.has(s)) continue;
          seen.add(s);
          nextFrontier.push({ parts: next, from: i + 1 });
          if (seen.size >= limit) break;
        }
      }
    }
    frontier = nextFrontier;
  }
  return [...seen];
}

/**
 * Name parts whose Pinyin-style renderings are fixed by convention (Chinese state media write Uyghur
 * names in characters, then back in Pinyin: Memet -> 买买提 -> Maimaiti, -jan -> 江 -> jiang). The
 * parts are morphemes that recur across many names (Mamutjan, Memetjan, Abdurehim, Abdukerim...),
 * not whole names; whatever a name has besides them goes through the syllable rules below.
 */
const PINYIN_PARTS: Array<[string[], string[]]> = [
  [['memet', 'mehmet', 'muhemmet', 'memmet', 'mamat'], ['maimaiti']],
  [['mamut', 'mehmut', 'mahmut'], ['mamuti', 'maimaiti']],
  [['jan'], ['jiang']],
  [['abdul', 'abdu'], ['abudu']],
  [['rehim', 'reyim', 'rahim'], ['reyimu', 'rehimu', 'raheimu']],
  [['kerim', 'karim'], ['kerimu', 'kelimu']],
  [['ablikim', 'ablekim'], ['abulikemu', 'abulikimu']],
  [['ablet', 'ablat', 'ablat'], ['abulaiti']],
  [['tursun'], ['tuersun']],
  [['gul'], ['guli']],
];

/** Vowel a Pinyin-style rendering adds after a consonant that closes a syllable (b -> bu, t -> ti). */
const EPENTHESIS: Record<string, string> = {
  b: 'bu', p: 'pu', m: 'mu', f: 'fu', d: 'de', t: 'ti', k: 'ke', q: 'ke', g: 'ge', gh: 'ge', h: 'he', kh: 'he',
  x: 'xi', l: 'li', r: 'er', s: 'si', sh: 'xi', z: 'zi', j: 'ji', ch: 'qi', zh: 'ri', y: 'yi', w: 'wu', v: 'wu',
};
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Generic syllable rules: every closing consonant but n gets its vowel; j/q/x before a, e, o, u take an i. */
function pinyinSyllables(part: string): string {
  const u = units(part).flatMap((x) => (x.length === 2 && x[0] === x[1] ? [x[0]!] : [x]));
  let out = '';
  for (let i = 0; i < u.length; i++) {
    const unit = u[i]!;
    const next = u[i + 1];
    if (VOWELS.has(unit)) {
      out += unit;
      continue;
    }
    if (next !== undefined && VOWELS.has(next)) {
      out += (unit === 'j' || unit === 'q' || unit === 'x') && next !== 'i' ? `${unit}i` : unit;
      continue;
    }
    out += unit === 'n' ? 'n' : (EPENTHESIS[unit] ?? unit);
  }
  return out;
}

/**
 * Pinyin-style renderings of a folded Latin name word, as Chinese state media write it back in Latin
 * letters (Mamutjan -> Maimaitijiang, Abdurehim -> Abudureyimu). Renderings that equal the word are
 * dropped; words under 5 letters get none.
 */
export function pinyinRenderings(word: string, limit = 16): string[] {
  const w = word.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return [];
  const out = renderPinyin(w, limit);
  // An h closing a syllable inside the word is often not written (Mihriban: 米日班 beside 米合日班).
  const silent = w.replace(/(?<=[aeiou])h(?=[bcdfgjklmnpqrstvwxyz])/g, '');
  if (silent !== w) for (const r of renderPinyin(silent, limit)) if (!out.includes(r)) out.push(r);
  return out.filter((r) => r !== w).slice(0, limit);
}

function renderPinyin(w: string, limit: number): string[] {
  // Longest known part at each position; the letters between known parts go through the syllable rules.
  let partial: string[] = [''];
  let rest = '';
  const flush = () => {
    if (!rest) return;
    const r = pinyinSyllables(rest);
    partial = partial.map((p) => p + r);
    rest = '';
  };
  for (let i = 0; i < w.length; ) {
    let best: [string, string[]] | undefined;
    for (const [forms, renderings] of PINYIN_PARTS) {
      for (const f of forms) if (w.startsWith(f, i) && (!best || f.length > best[0].length)) best = [f, renderings];
    }
    if (!best) {
      rest += w[i];
      i++;
      continue;
    }
    flush();
    partial = partial.flatMap((p) => best[1].map((r) => p + r)).slice(0, limit);
    i += best[0].length;
  }
  flush();
  return [...new Set(partial)];
}

/** Arabic letters for Latin consonant units, most usual first (Arabic press writes Uyghur names by ear). */
const ARABIC_CONSONANTS: Record<string, string[]> = {
  b: ['ب'], p: ['ب'], t: ['ت', 'ط'], j: ['ج'], c: ['ج'], ch: ['تش'], h: ['ه', 'ح'], kh: ['خ'], x: ['خ'], d: ['د'],
  r: ['ر'], z: ['ز'], s: ['س', 'ص'], sh: ['ش'], gh: ['غ'], f: ['ف'], q: ['ق'], k: ['ك', 'ق'], g: ['غ', 'ج'],
  l: ['ل'], m: ['م'], n: ['ن'], w: ['و'], v: ['ف', 'و'], y: ['ي'], zh: ['ج'], dj: ['ج'],
};
/** A vowel inside a word is written with its long letter or not at all. */
const ARABIC_VOWELS: Record<string, string[]> = { a: ['', 'ا'], e: ['', 'ي'], i: ['ي', ''], o: ['و', ''], u: ['', 'و'] };

/**
 * Arabic-script renderings of a folded Latin name word (Mihriban -> مهربان, Kader -> قادر,
 * Shehide -> شهيده), folded as core/text/fold.ts folds Arabic (ة -> ه, ى -> ي, أ -> ا). A word-initial
 * vowel is an alef (plus و for u/o); a final a is ا or ى, a final e is ة; inner vowels are written
 * long or left out. At most `limit` renderings.
 */
export function arabicRenderings(word: string, limit = 48): string[] {
  const w = word.toLowerCase();
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return [];
  const u = units(w).flatMap((x) => (x.length === 2 && x[0] === x[1] ? [x[0]!] : [x]));
  let out: string[] = [''];
  for (let i = 0; i < u.length; i++) {
    const unit = u[i]!;
    let options: string[];
    if (VOWELS.has(unit)) {
      if (i === 0) options = unit === 'u' || unit === 'o' ? ['او'] : ['ا'];
      else if (i === u.length - 1) options = unit === 'a' ? ['ا', 'ي', 'ه'] : unit === 'e' ? ['ه', 'ي'] : (ARABIC_VOWELS[unit] ?? ['']).filter(Boolean);
      // Two vowels in a row (rare in Uyghur Latin) keep the second only.
      else options = VOWELS.has(u[i - 1]!) ? [''] : ARABIC_VOWELS[unit]!;
    } else {
      options = ARABIC_CONSONANTS[unit] ?? [];
      if (options.length === 0) return [];
    }
    out = out.flatMap((p) => options.map((o) => p + o));
    if (out.length > limit * 4) out = out.slice(0, limit * 4);
  }
  return [...new Set(out)].slice(0, limit);
}

/**
 * The Arabic standard of a Uyghur Abdu- name (Abdurehim: عبد الرحيم, "servant of the Merciful"), as
 * Arabic, Persian and Urdu papers write it: عبدال and the rest as the Arabic name is spelled, joined or apart.
 * Only a family name part, read beside the given name, so the standard name thousands share never
 * names anyone alone.
 */
export function arabicStandardRenderings(word: string): string[] {
  const w = word.toLowerCase();
  const m = /^abdu([a-z]{4,})$/.exec(w);
  if (!m) return [];
  // The Arabic name's own spelling: ح for h, and the long i written (رحيم, not رهم).
  const rest = arabicRenderings(m[1]!).filter((r) => !r.includes('ه') && (!m[1]!.includes('i') || r.includes('ي')));
  const standard = rest.sort((a, b) => a.length - b.length)[0];
  return standard ? [`عبدال${standard}`, `عبد ال${standard}`] : [];
}

/**
 * Respellings by ear: the rule-based variants above, plus a letter inserted or dropped where writers
 * hear it so (a d before j: Mamutdjan; a vowel or h between consonants dropped: Mamtnin), each
 * with its distance from the known spelling. Bounded by the word's length: a short word is too easily
 * another word, so it gets fewer edits (none under 5 letters, one under 7, two from 7).
 */
export function byEarVariants(word: string, limit = 240): Map<string, number> {
  const w = word.toLowerCase();
  const out = new Map<string, number>([[w, 0]]);
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return out;
  const budget = w.length < 7 ? 1 : 2;
  // Substitutions by transliteration rule, closest first (spellingVariants orders by edits).
  const rule = spellingVariants(w, budget, limit);
  for (const v of rule) if (!out.has(v)) out.set(v, editDistance(w, v));
  // A d heard before j (Mamutdjan), and an unstressed vowel or an h dropped inside the word.
  for (let i = 1; i < w.length && out.size < limit; i++) {
    if (w[i] === 'j' && w[i - 1] !== 'd') out.set(w.slice(0, i) + 'd' + w.slice(i), 1);
    if ('aeiouh'.includes(w[i]!) && i < w.length - 1 && !'aeiou'.includes(w[i - 1]!) && !'aeiou'.includes(w[i + 1]!)) {
      const v = w.slice(0, i) + w.slice(i + 1);
      if (v.length >= 5 && !out.has(v)) out.set(v, 1);
    }
  }
  return out;
}

/** Levenshtein distance between two short words. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Uyghur Latin (ULY, as the dataset and diaspora coverage write the names) to Uyghur Arabic script
 * (UEY), letter by letter: the two alphabets map one to one, and a word-initial vowel carries a hamza
 * (ئ). Turkish-style letters are read as their ULY equivalents (c -> j, ç -> ch, ş -> sh).
 */
const ULY_TO_UEY: Array<[string, string]> = [
  ['ch', 'چ'], ['sh', 'ش'], ['gh', 'غ'], ['ng', 'ڭ'], ['zh', 'ژ'], ['kh', 'خ'],
  ['a', 'ا'], ['e', 'ە'], ['b', 'ب'], ['p', 'پ'], ['t', 'ت'], ['j', 'ج'], ['c', 'ج'], ['x', 'خ'], ['d', 'د'],
  ['r', 'ر'], ['z', 'ز'], ['s', 'س'], ['f', 'ف'], ['q', 'ق'], ['k', 'ك'], ['g', 'گ'], ['l', 'ل'], ['m', 'م'],
  ['n', 'ن'], ['h', 'ھ'], ['o', 'و'], ['u', 'ۇ'], ['w', 'ۋ'], ['v', 'ۋ'], ['i', 'ى'], ['y', 'ي'],
];
const ULY_VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

export function uyghurArabic(word: string): string {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return '';
  let out = ULY_VOWELS.has(w[0]!) ? 'ئ' : '';
  for (let i = 0; i < w.length; ) {
    const hit = ULY_TO_UEY.find(([l]) => w.startsWith(l, i))!;
    // A vowel after a vowel starts a new syllable: it carries a hamza too.
    if (i > 0 && ULY_VOWELS.has(w[i]!) && ULY_VOWELS.has(w[i - 1]!)) out += 'ئ';
    out += hit[1];
    i += hit[0].length;
  }
  return out;
}

/**
 * Cyrillic renderings of a Uyghur name word: Russian-style (Мамутджан Абдурехим, as Russian and
 * Central Asian press write it) and Uyghur Cyrillic (Мамутжан Абдурехим, with һ, қ, ә where the
 * alphabet has them).
 */
const RUSSIAN: Array<[string, string]> = [
  ['ch', 'ч'], ['sh', 'ш'], ['zh', 'ж'], ['kh', 'х'], ['gh', 'г'], ['ya', 'я'], ['yu', 'ю'], ['ye', 'е'],
  ['a', 'а'], ['b', 'б'], ['c', 'дж'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'х'], ['i', 'и'],
  ['j', 'дж'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['q', 'к'], ['r', 'р'],
  ['s', 'с'], ['t', 'т'], ['u', 'у'], ['v', 'в'], ['w', 'в'], ['x', 'х'], ['y', 'й'], ['z', 'з'],
];
const UYGHUR_CYRILLIC: Record<string, string> = { j: 'ж', c: 'ж', h: 'һ', q: 'қ', gh: 'ғ', e: 'ә', ng: 'ң', x: 'х' };

export function cyrillicRenderings(word: string): string[] {
  const w = word.toLowerCase();
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return [];
  const render = (uyghur: boolean) => {
    let out = '';
    for (let i = 0; i < w.length; ) {
      const two = w.slice(i, i + 2);
      if (uyghur && UYGHUR_CYRILLIC[two]) {
        out += UYGHUR_CYRILLIC[two];
        i += 2;
        continue;
      }
      const [latin, cyr] = RUSSIAN.find(([l]) => w.startsWith(l, i))!;
      out += uyghur && UYGHUR_CYRILLIC[latin] ? UYGHUR_CYRILLIC[latin] : cyr;
      i += latin.length;
    }
    return out;
  };
  // Russian press also writes e as э at the start of a word, and the Uyghur -jan as -жан.
  const russian = render(false);
  return [...new Set([russian, russian.replace(/дж/g, 'ж'), render(true)])];
}

/** An h that is a letter of its own (not in sh, ch, kh, gh, zh): the Uyghur ھ or خ. */
const LONE_H = /(?<![sckgz])h/g;

/**
 * Central Asian Turkic spellings in Latin letters, as Uzbek writes Uyghur names: the Persian-origin -jan
 * ("dear") of many Uyghur names is -jon in Uzbek (Mamutjan: Mamutjon, as Dilshodjon, Tursunjon), the
 * Uyghur h that is a خ is x (Muhlise, مۇخلىسە: Muxlisa) and a feminine name ends in -a (Muxlisa,
 * Shahida). And where Uyghur fronted an Arabic a to e, Uzbek keeps the a (Abdurehim: Abdurahim,
 * Muherrem: Muharram), in names of seven letters or more: a shorter one would become a common word
 * (Kader: "kadar", Turkish for "as much as"). Every combination, the word itself left out; words under
 * 5 letters get none.
 */
export function uzbekRenderings(word: string): string[] {
  const w = word.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return [];
  let out = w.length >= 7 && w.includes('e') ? [w, w.replace(/e/g, 'a')] : [w];
  if (w.endsWith('jan')) out = out.flatMap((v) => [v, `${v.slice(0, -3)}jon`]);
  out = out.flatMap((v) => [v, v.replace(LONE_H, 'x')]);
  out = out.flatMap((v) => (v.endsWith('e') ? [v, `${v.slice(0, -1)}a`] : [v]));
  return [...new Set(out)].filter((v) => v !== w);
}

/**
 * Spanish spellings by ear: Spanish writes the sound of the Uyghur h and kh (ھ, خ) with j, and the
 * English j with y (Mihriban: Mijribán, Mamutjan: Mamutyán, Abdurehim: Abdurejim). Every combination of
 * the two, the word itself left out; words under 5 letters get none.
 */
export function spanishRenderings(word: string): string[] {
  const w = word.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return [];
  const jota = (v: string) => v.replace(/kh/g, 'j').replace(LONE_H, 'j');
  const y = w.replace(/(?<!d)j/g, 'y');
  return [...new Set([y, jota(y), jota(w)])].filter((v) => v !== w);
}

/**
 * Case endings that Uzbek and Uyghur in Latin letters join to a name, without the apostrophe Turkish
 * writes (Muxlisani, Mamutjanning, Ablikimga, Qashqarda; Turkish: Muhlise'yi): genitive, accusative,
 * dative, locative and ablative, in their vowel-harmony and voicing forms.
 */
export const TURKIC_LATIN_ENDINGS = ['ni', 'ning', 'ga', 'ka', 'qa', 'gha', 'ge', 'ke', 'da', 'ta', 'de', 'te', 'dan', 'tan', 'din', 'tin', 'dagi', 'diki'] as const;

/**
 * A Latin name word with the Turkic case endings joined (`TURKIC_LATIN_ENDINGS`). Only words of six
 * letters or more: a shorter name with an ending is too easily a word of Turkish or Uzbek itself
 * (Kader, "fate": kaderde, "in fate").
 */
export function turkicLatinCases(word: string): string[] {
  if (word.length < 6 || !/^[a-z]+$/.test(word)) return [];
  return TURKIC_LATIN_ENDINGS.map((e) => word + e);
}

/**
 * A name in Russian case forms, as Russian papers decline foreign names: a consonant-final one as a
 * masculine noun (Абликим: Абликима, Абликиму, Абликимом, Абликиме), one ending in а or я as a
 * feminine one (Мухлиса: Мухлисы, Мухлисе, Мухлису, Мухлисой). Feminine names ending in a consonant
 * are not declined in Russian, and the extra forms of such a name are words of no other meaning.
 * Names under five letters are left as written (Кадер's forms would be too near other words).
 */
export function russianCases(word: string): string[] {
  if (word.length < 5 || !/^[а-яё]+$/.test(word)) return [];
  if (word.endsWith('а')) return ['ы', 'е', 'у', 'ой'].map((e) => word.slice(0, -1) + e);
  if (word.endsWith('я')) return ['и', 'е', 'ю', 'ей'].map((e) => word.slice(0, -1) + e);
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(word)) return ['а', 'у', 'ом', 'е'].map((e) => word + e);
  if (word.endsWith('ь')) return ['я', 'ю', 'ем', 'е'].map((e) => word.slice(0, -1) + e);
  return [];
}
