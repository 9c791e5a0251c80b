/**
 * Detection on small realistic snippets: normalisation (invisibles, homoglyphs, full-width, split
 * names, Traditional vs Simplified), word boundaries, spellings, precise negatives, explainable
 * decisions, and bad inputs that must end.
 */
import { describe, expect, it } from 'vitest';
import dataset from '../../data/dataset.json';
import { parseDataset } from '../../core/dataset/schema';
import { buildMatchIndex } from '../../core/detect/compile/match-index-builder';
import { Detector, type Segment } from '../../core/detect/detect';
import { collectText, itemNumbers } from '../../content/page-text';
import { vocabularyOf } from '../../core/detect/locality';
import { SPREAD_WINDOWS, WINDOW } from '../../core/detect/limits';
import type { PlacedHit } from '../../core/detect/evidence';
import { foldText } from '../../core/text/fold';

const detector = new Detector(buildMatchIndex(parseDataset(dataset), 'test'));
/**
 * Corroboration specific to each family (one of its places): a full name needs it, as on real pages;
 * the story's generic vocabulary alone would not do.
 */
const CONTEXT: Record<string, string> = {
  'mamutjan-abdurehim': ' The Uyghur father lives in Adelaide.',
  'muherrem-ablet': ' Her husband lives in Adelaide.',
  'mihriban-kader': ' The Uyghur family lives in Italy; their children were placed in an orphanage.',
  'ablikim-mamtinin': ' The Uyghur family lives in Italy; their children were placed in an orphanage.',
};

function detectHtml(html: string, url?: string) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return detector.detect(collectText(doc).segments, url);
}
const segs = (...texts: string[]): Segment[] => texts.map((text) => ({ text, origin: 'body', block: true }));
/**
 * CNN's March 2021 trip told over two posts (round 65's p12, a Japanese X thread): the correspondent,
 * the closed shades and the minders in the first; the orphanage kept shut and the coached call in the
 * second. Neither alone tells the trip.
 */
const TRIP_THREAD = [
  'CNNのデビッド・カルバー記者らの取材班が3月に新疆を訪れた時の話。カシュガルへの着陸前に機内の窓のシェードを下ろすよう言われ、地上ではずっと尾行がついていたそうです。',
  'イタリアに住むウイグル人夫婦の4人の子どもがいる孤児院は、当局に訪問を認められず。2番目の子とはWeChatのビデオ通話で話せたが、画面の外から何を言うか指示する声が聞こえたといいます。',
] as const;

describe('normalisation', () => {
  it.each([
    ['zero-width space inside a name', '<p>Mamut\u200bjan Abdurehim.</p>', 'mamutjan-abdurehim'],
    ['soft hyphen inside a name', '<p>Mamutjan Abdu\u00adrehim.</p>', 'mamutjan-abdurehim'],
    ['Cyrillic homoglyph', '<p>Mihriban K\u0430der.</p>', 'mihriban-kader'],
    // Ӑ decomposes to the Cyrillic а, itself a look-alike: the fold must go on to the Latin a (found by fuzzing)
    ['Cyrillic homoglyph with a diacritic', '<p>M\u04d1mutjan Abdurehim.</p>', 'mamutjan-abdurehim'],
    ['Greek homoglyph', '<p>\u039cihriban Kader.</p>', 'mihriban-kader'],
    ['split across inline elements', '<p><b>Mamut</b>jan <span>Abdu</span>rehim</p>', 'mamutjan-abdurehim'],
    ['line break in the source', '<p>Mihriban\n   Kader</p>', 'mihriban-kader'],
    ['<br> between the names', '<p>Mamtinin<br>Ablikim</p>', 'ablikim-mamtinin'],
    ['full-width letters', '<p>\uff2d\uff49\uff48\uff52\uff49\uff42\uff41\uff4e Kader</p>', 'mihriban-kader'],
    ['diacritics', '<p>Mïhrîbán Kâdér</p>', 'mihriban-kader'],
    ['upper case, surname first', '<p>KADER Mihriban</p>', 'mihriban-kader'],
    ['Turkish dotted capital I', '<p>M\u0130HR\u0130BAN KADER</p>', 'mihriban-kader'],
    // Urdu writes h with heh goal (ہ), where Arabic has heh (ه): مہربان is مهربان (probe round 5).
    ['Urdu heh goal', '<p>\u0645\u06c1\u0631\u0628\u0627\u0646 \u0642\u0627\u062f\u0631</p>', 'mihriban-kader'],
    // Uyghur writes ë (ې) where Latin spellings, and the renderings made from them, write e (ە).
    ['Uyghur ë for e', '<p>\u0645\u0627\u0645\u06c7\u062a\u062c\u0627\u0646 \u0626\u0627\u0628\u062f\u06c7\u0631\u06d0\u06be\u0649\u0645</p>', 'mamutjan-abdurehim'],
    // Uyghur joins case endings to names: Mamutjan Abdurehim's (-ning), Abdurehim in the dative (-gha).
    ['Uyghur case ending on the family name', '<p>\u0645\u0627\u0645\u06c7\u062a\u062c\u0627\u0646 \u0626\u0627\u0628\u062f\u06c7\u0631\u06d5\u06be\u0649\u0645\u0646\u0649\u06ad</p>', 'mamutjan-abdurehim'],
  ])('%s', (_name, html, person) => {
    const d = detectHtml(html + `<p>${CONTEXT[person]}</p>`);
    expect(d.matched, d.reason).toBe(true);
    expect(d.people).toContain(person);
  });

  it('reads a Traditional-script page as its Simplified twin: the same words found, the same decision', () => {
    // No Latin letters: only the Chinese vocabulary can be found, so the two scripts must fold alike.
    const simplified = '美国有线电视新闻网报道：一个维吾尔家庭在意大利，四个孩子被送进喀什的孤儿院，家人无法团聚。';
    const traditional = '美國有線電視新聞網報導：一個維吾爾家庭在意大利，四個孩子被送進喀什的孤兒院，家人無法團聚。';
    const table = detector.foldTable;
    expect(foldText('維吾爾', table)).toBe(foldText('维吾尔', table));
    expect(foldText('孤兒院', table)).toBe(foldText('孤儿院', table));
    const s = detector.detect(segs(simplified));
    const t = detector.detect(segs(traditional));
    const found = (d: typeof s) => d.signals.map((x) => x.label).sort();
    expect(found(s).length).toBeGreaterThanOrEqual(3);
    expect(found(t)).toEqual(found(s));
    expect(t.matched).toBe(s.matched);
  });

  it('a page of only zero-width characters ends without a match', () => {
    const d = detector.detect(segs('\u200b\u200c\u200d\ufeff\u00ad'.repeat(200_000)));
    expect(d.matched).toBe(false);
    expect(d.signals).toEqual([]);
  });
});

describe('word boundaries', () => {
  it.each([
    ['inside a longer word', 'Mihribankader and AbdurehimMamutjan are handles. Uyghur, Xinjiang.'],
    ['a suffix on the given name', 'Mihribanın Kaderi: a Uyghur story from Xinjiang.'],
    ['punctuation between the names', 'Mihriban, Kader, and fate: a Uyghur poem from Xinjiang.'],
    ['a word between the names', 'Mihriban ve Kader: a Uyghur series set in Xinjiang.'],
  ])('no full name %s', (_name, text) => {
    const d = detector.detect(segs(text));
    expect(d.signals.filter((s) => s.label.startsWith('full name'))).toEqual([]);
    expect(d.matched).toBe(false);
  });

  it('CJK needs no boundaries, and Latin inside CJK is a word of its own', () => {
    const d = detector.detect(segs('住在阿德莱德的Mamutjan Abdurehim表示，维吾尔家庭。'));
    expect(d.people).toContain('mamutjan-abdurehim');
  });

  it('a digit against a letter is a word break: a gallery counter in markup before a caption’s names', () => {
    // The counter is an inline span, so the page's text reads "2/6Mihriban" (a reader sees a gap).
    const d = detectHtml(
      '<div class="cap"><span class="n">2/6</span>Mihriban Kader e Ablikim Memtinin, che vivono in provincia, con i tre figli più piccoli.</div>',
    );
    expect(d.people).toEqual(expect.arrayContaining(['mihriban-kader', 'ablikim-mamtinin']));
    expect(d.matched).toBe(true);
    // A handle that runs the names together stays one word, digits or not.
    const handle = detector.detect(segs('@MihribanKader1985 posted photos of Latina, Italy. Uyghur, Xinjiang.'));
    expect(handle.signals.filter((s) => s.label.startsWith('full name'))).toEqual([]);
  });
});

describe('spellings', () => {
  it.each([
    ['reversed order', 'Abdurehim Mamutjan', 'mamutjan-abdurehim'],
    ['Turkish', 'Mamutcan Abdurehim', 'mamutjan-abdurehim'],
    ['by ear', 'Mehriban Kadir', 'mihriban-kader'],
    ['variant surname', 'Ablikim Memtinin', 'ablikim-mamtinin'],
    ['state media', 'Muharram Ablat', 'muherrem-ablet'],
    ['Pinyin-style', 'Maimaitijiang Abudureyimu', 'mamutjan-abdurehim'],
    ['Arabic script', 'مهربان قادر', 'mihriban-kader'],
    ['Arabic script, given name with و', 'وأبليكيم ممتنين', 'ablikim-mamtinin'],
  ])('%s: %s', (_name, name, person) => {
    const d = detector.detect(segs(`${name}. ${CONTEXT[person]} Xinjiang.`));
    expect(d.matched, d.reason).toBe(true);
    expect(d.people).toContain(person);
  });
});

describe('decisions', () => {
  it.each([
    ['a lone full name with no story context', ['Bakery owner Mihriban Kader celebrates 50 years in Duisburg.']],
    // A given name with another family name after it is that other person's whole name.
    ['a musician whose whole name is another (Ablikim Kader), with students named Mihriban and Yehya', ['Dutar master Ablikim Kader teaches Uyghur music in Almaty; his students Mihriban and Yehya played at the concert.']],
    // Two common given names in Kashgar, which both families and every Uyghur there share: a shop's people.
    ['two common given names in Kashgar with nothing of the story', ['喀什的维吾尔族电商阿布力克木和米热班把干果卖到全国，村里的年轻人都来学直播。']],
    // A bare mention of CNN beside a namesake's whole name: one anchor (the statement was sent to CNN) is not the story.
    ['the mother’s whole name beside a mention of CNN', ['Ceramicist Mihriban Kader opens a studio in Turin; CNN Style once filmed her kiln.']],
    // One anchor of an event alone is a place of any news (Shanghai), not the story.
    ['a rare given name beside one place that is an event’s anchor', ['Zumeryem Tohti, a Uyghur design student in Bologna, once studied in Shanghai; she won the prize for her carpets.']],
    // Both parts are common Turkish names: in Italy with nothing of the story, she is someone else.
    ['a namesake of the mother in Italy, with nothing of the story', ['La pianista Mihriban Kader, nata a Izmir, suona Chopin stasera al Teatro Verdi di Trieste. Vive in Italia da sei anni.']],
    // Kashgar and the countries are a whole diaspora's (`wide`): with only the Uyghurs' name beside them, a
    // whole name there may be anyone's (probe rounds 7 and 9).
    ['the father’s whole name on a chef from Kashgar', ['Шеф-повар Мамутжан Абдурехим, уйгур из Кашгара, открыл в Алматы ресторан лагмана.']],
    ['the mother’s whole name on a ceramicist showing Kashgar’s tiles, bound for Italy', ['Ceramic artist Mihriban Kader, whose Uyghur grandmother came from Kashgar, shows her tiles in Izmir; the show moves to Venice, Italy, in April.']],
    ['the father’s whole name on a Uyghur student in Australia', ['Mamutjan Abdurehim, 19, a Uyghur student in Perth, Western Australia, won the state maths olympiad.']],
    // The children's hometown names a rare name's holder only with the story's own words: a guesthouse
    // keeper in Payzawat may be called Zumeryem (probe round 10).
    ['a rare given name in the family’s own town with nothing of the story', ['Our host in Payzawat, Zumeryem Abla, served melons from her garden; the Uyghur guesthouse was the best of our trip.']],
    // A mother's and a child's given names beside a place a whole diaspora shares: a baby-names thread.
    ['a mother’s and a child’s given names with only Italy beside them', ['Kızıma isim arıyorum: Mihriban mı, Şehide mi? İtalya’da yaşıyoruz, kolay okunan bir isim olsun.']],
    // Turkish "kavuşmak" is to reunite and to gain: a school that gained a gym is not the separation.
    ['a rare given name in Kashgar beside a Turkish verb that is not the separation', ['Kaşgar’dan gelen Muhlise İstanbul’da resim yarışmasını kazandı; okulu da yeni spor salonuna kavuştu.']],
    // Two rare given names of one family do not vouch for each other without the story's own words:
    // a Uyghur futsal team in Adelaide may have a captain Mamutjan and a coach Muharrem (probe round 10).
    // (Named farther apart than a passage: the parents' given names in one passage have their own rule.)
    [
      'a rare given name beside another member’s given name, with only places and the Uyghurs’ name',
      [
        'A late strike from captain Mamutjan Tursun gave the Kashgar Lions, Adelaide’s Uyghur futsal side, a 4-3 win on Saturday night.',
        'The Lions trailed twice. Their goalkeeper saved a penalty early in the second half, the winger levelled from a corner, and the bench emptied onto the court when the final whistle went. Supporters had driven in from Salisbury and Woodville, and many stayed for tea and samsa in the foyer while the trophy was passed around. The league thanked the volunteers who ran the canteen, the referees, and the leisure centre staff who kept the doors open an hour late.',
        'Coach Muharrem Yilmaz, a Turkish-born PE teacher, was carried off the court by his squad.',
      ],
    ],
    // A whole name with only another member's given name beside it, and none of the story's words: a
    // genealogy thread about a Mamutjan Abdurehim born in 1868 whose family tree has "three Muherrems"
    // (probe round 11).
    // (Farther apart than a passage, as the thread's posts are: the parents' given names in one passage
    // have their own rule.)
    [
      'a whole name beside another member’s given name, with only places and the region',
      [
        'My great-great-grandfather Mamutjan Abdurehim, a tea merchant born around 1868 in Kashgar, Xinjiang, settled in Osh around 1905.',
        'Welcome! For Osh in that period the best sources are the imperial trade registers in the archive in Tashkent and the regional archive in Bishkek. Census cards from 1926 give age, trade and household, and the clerks wrote names as they heard them, so look under every spelling you can think of. Photographs with writing on the back are worth having read by someone who knows the old script. Mosque records rarely survive from before 1930, but waqf documents sometimes list merchants who gave to a school.',
        'Reply from Muherrem_K, Istanbul: in my own tree the same names come back in every generation.',
      ],
    ],
    // Children's given names together, or a child's and a parent's, with the children's hometown and
    // nothing of the story: a wedding notice of a Zumeryem whose sister is Shehide (probe round 11).
    ['two children’s given names together with their hometown and nothing of the story', ['Wedding: Yahya Abdulla weds Zumeryem Tursun, whose grandfather came from Payzawat; her sister Shehide will sing. Congratulations from the Uyghur community of Istanbul!']],
    ['a child’s and a parent’s given names together with only Kashgar and the Uyghurs’ name', ['Mihriban from Kashgar: see you at the wedding, we are waiting for Shehide’s song! Greetings from the Uyghur community of Istanbul.']],
    // The parents' given names together with only the Uyghurs' and the region's names: an article on
    // Uyghur names giving them as examples (probe round 12).
    ['the parents’ given names as examples in an article on Uyghur names', ['Common Uyghur given names include Mamutjan and Muherrem, Ablikim and Mihriban; in Xinjiang a father’s given name often serves as the child’s surname.']],
    ['common given names of the four children', ['Prize winners: Zumrad, Yahya, Muhammad and Shahida.']],
    ['another Uyghur family: a father named Ablikim and his son Muhammad', ['Ablikim, a Uyghur father in Istanbul, has not seen his son Muhammad since 2017, when the boy was sent to a boarding school in Xinjiang.']],
    ['a rare given name with no corroboration', ['Muhlise ordered the laghman.']],
    ['theme words only', ['Uyghur families separated; children in an orphanage in Xinjiang, Kashgar; CNN reported that officials called a terrorist the mother, who hopes to be reunited with her son; no evidence was given.']],
    ['the same theme words in Chinese', ['美国有线电视新闻网报道：新疆维吾尔家庭骨肉分离，孩子被送进孤儿院，官方称父亲是恐怖分子，家人盼团聚。']],
    ['the story headline in a related-links rail only', []],
  ])('no match: %s', (_name, texts) => {
    const d = texts.length
      ? detector.detect(segs(...texts))
      : detectHtml('<p>Adelaide heatwave.</p><aside><a href="/x">China responds to CNN report on separated Uyghur families</a></aside>');
    expect(d.matched, d.reason).toBe(false);
    expect(d.people).toEqual([]);
  });

  it('a place a whole diaspora shares corroborates a whole name beside the story’s own words', () => {
    // The chef's sentence of the test above, with the story's words (CNN, the separation) beside it.
    const d = detector.detect(segs('Мамутжан Абдурехим, уйгур из Кашгара, рассказал CNN, что его разлучили с детьми.'));
    expect(d.matched, d.reason).toBe(true);
    expect(d.signals.find((s) => s.decisive)?.label).toBe('full name: Mamutjan Abdurehim (the family’s place: Kashgar)');
    // Reunited with her family, in Turkish, is the story's word.
    expect(detector.detect(segs('Kaşgar’daki Muhlise ailesine kavuşmak istiyor.')).matched).toBe(true);
    // Adelaide is not a whole diaspora's: the Uyghurs' name beside it is enough.
    expect(detector.detect(segs('Mamutjan Abdurehim, a Uyghur in Adelaide, won the state maths olympiad.')).matched).toBe(true);
  });

  it('a page about another family that names a member with the story’s specifics in passing matches; the same page told in generic words does not', () => {
    // The rule is the evidence, not its share of the page: the sentence tells the story, and the sidebar's
    // context is about what it says. Without the name, the comparison is any Uyghur family's words.
    const other = (mention: string) =>
      segs(
        'Rahima Tursun, 41, has not seen her two sons since 2017, when she left Hotan for Istanbul. Officials in Xinjiang say the boys live with relatives and attend school.',
        mention,
        'Tursun says she was accused of extremism after she left, which she denies. She has written to the Turkish foreign ministry and to the UN working group on disappearances.',
      );
    const named = detector.detect(other('Her case resembles that of Mamutjan Abdurehim, the Adelaide father whose children CNN found in Kashgar in 2021.'));
    expect(named.matched, named.reason).toBe(true);
    expect(named.people).toContain('mamutjan-abdurehim');
    const generic = detector.detect(other('Her case resembles that of a Uyghur father in Australia whose children CNN found in an orphanage in 2021.'));
    expect(generic.matched, generic.reason).toBe(false);
  });

  it('without the story’s words, another member vouches for a whole name only when named in full too', () => {
    // An Urdu brief naming both parents in full, in a language with no cues of the story's events.
    const d = detector.detect(segs('مہربان قادر اور ابلیکم ممتنین کے چار بچوں کے اطالوی ویزے اب بھی کارآمد ہیں۔'));
    expect(d.matched, d.reason).toBe(true);
    expect(d.signals.filter((s) => s.decisive).map((s) => s.label)).toContain('full name: Mihriban Kader (another member: Ablikim Mamtinin)');
    // The genealogy sentence of the test above, with the story beside it: the given name vouches again.
    const story = detector.detect(segs('Mamutjan Abdurehim, whose wife Muherrem is held in Xinjiang, told CNN he has been separated from his children.'));
    expect(story.signals.filter((s) => s.decisive).map((s) => s.label)).toContain('full name: Mamutjan Abdurehim (another member: Muherrem)');
  });

  it('the parents’ given names together, without the story’s words, need a place where the parents are, or the children told in their county', () => {
    // Round 55's look-alike n02: a couple called 阿布力克木 and 米热班 at home in Jiashi for the new year,
    // and with Kashgar prefecture in the address, as Chinese news writes it (the story's couple left
    // Kashgar for Italy); round 12's n20, a Tokyo restaurant run by a couple from Kashgar.
    for (const text of [
      '伽师县卧里托格拉克镇，阿布力克木和妻子米热班在灶台前忙活，儿子从广东回来了。',
      '喀什地区伽师县卧里托格拉克镇，阿布力克木和妻子米热班在灶台前忙活，儿子从广东回来了。',
      'In Jiashi county, Kashgar prefecture, farmer Ablikim and his wife Mihriban cooked for the new year.',
      'カシュガル出身のアブリキムさんとミフリバンさん夫妻の店。伽師の瓜も出します。',
    ]) {
      const d = detector.detect(segs(text));
      expect(d.matched, `${text}: ${d.reason}`).toBe(false);
    }
    // In Italy, where the story's couple lives, they are the parents; in Jiashi with the children told
    // there (the four children, a child's rare name) or with the story's words too.
    for (const text of [
      '阿布力克木和妻子米热班住在意大利，孩子们在伽师县。',
      '阿布力克木和米热班2016年逃离中国，他们的四个孩子至今留在伽师县。',
      'Uyghur parents Ablikim and Mihriban say their four eldest children remain in Payzawat, Xinjiang.',
      'Ablikim and Mihriban in Payzawat: their daughter Zumeryem is 17.',
      '伽师县的米热班和阿布力克木，孩子被送进了孤儿院。',
    ]) {
      const d = detector.detect(segs(text));
      expect(d.matched, `${text}: ${d.reason}`).toBe(true);
    }
  });

  it('a whole name of common parts among other people’s names is one of a list: the family’s county does not vouch for it there', () => {
    // Round 61's n03: a Jiashi township's list of poverty-relief households, with a 米热班·卡迪尔
    // among an 阿布力克木·吐尔逊 and a 马木提·艾买提; and an honour roll in Latin letters.
    for (const text of [
      '伽师县脱贫光荣户名单：1 阿布力克木·吐尔逊 2 米热班·卡迪尔 3 马木提·艾买提 4 努尔曼古丽·阿西木 5 艾克拜尔·吾斯曼',
      'Payzawat county honour roll: Ablikim Tursun, Mihriban Kader, Ehmet Osman, Yasin Turdi.',
    ]) {
      const d = detector.detect(segs(text));
      expect(d.matched, `${text}: ${d.reason}`).toBe(false);
    }
    // Alone with the county, she is still the story's; beside one person quoted three times (not a
    // list); and with her husband named in full.
    for (const text of [
      'Payzawat county: Mihriban Kader opened a tailor’s shop.',
      'Mihriban Kader fled Payzawat with her husband in 2016. ‘We helped her with the papers,’ said Abdurahman Hasan of the association in Rome. Hasan says the family waits.',
      'Mihriban Kader and Ablikim Mamtinin say their children are in Payzawat; the Tursun, Osman and Turdi families too.',
      '米热班·卡迪尔和阿布力克木·买买提依民说，他们的孩子在伽师县；吐尔逊、艾买提和肉孜家也一样。',
    ]) {
      const d = detector.detect(segs(text));
      expect(d.matched, `${text}: ${d.reason}`).toBe(true);
    }
    // The couple's names as links in one sentence are one run of text too.
    const linked = detectHtml('<p><a href="/a">米热班·卡迪尔</a>和<a href="/b">阿布力克木·买买提依民</a>说，他们的孩子在伽师县；吐尔逊、艾买提和肉孜家也一样。</p>');
    expect(linked.matched, linked.reason).toBe(true);
    // Two of the family named in full in separate rows of such a list are two of its entries, not a
    // couple (round 66's n06: a Jiashi township's welfare roll, 阿布力克木·买买提依民 67, 米热班·卡迪尔 71).
    const rows = [
      ['阿布力克木·买买提依民', '男', '67'],
      ['米热班·卡迪尔', '女', '71'],
      ['努尔古丽·艾买提', '女', '46'],
      ['吐尔逊·肉孜', '男', '75'],
    ];
    const roll = detectHtml(`<h1>伽师县夏普吐勒乡低保对象公示名单</h1><table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`);
    expect(roll.matched, roll.reason).toBe(false);
  });

  it('reads the father’s whole name as Kazakh writes Abdu- names, with its case endings (Әбдірехим, Әбдірехимнің)', () => {
    // Round 63's p18, a Kazakh Telegram post.
    for (const text of ['Мамұтжан Әбдірехим Аделаидада тұрады, қызы Мұхлисе Қашқарда.', 'Мамутжан Әбдірехимнің қызы Мұхлисе Қашқарда қалды.']) {
      const d = detector.detect(segs(text));
      expect(d.signals.some((sg) => sg.rule === 'full-name' && sg.personId === 'mamutjan-abdurehim'), `${text}: ${d.reason}`).toBe(true);
    }
  });

  it('a victims’ database entry (a rare given name from Kashgar, sentenced for inciting ethnic hatred) is another person', () => {
    // The commonest charge in such entries and court notices; tried as one of the story's accusation
    // words at stop 23 and dropped for these (the review's cases).
    for (const text of [
      'Zumeryem from Kashgar was sentenced for inciting ethnic hatred.',
      'Muhlise, 34, from Kashgar, was sentenced to nine years for inciting ethnic hatred.',
      '喀什市人民法院以煽动民族仇恨罪判处阿布力克木有期徒刑，其妻米热班。',
    ]) {
      const d = detector.detect(segs(text));
      expect(d.matched, `${text}: ${d.reason}`).toBe(false);
    }
  });

  it('Mamutjan and Muherrem together in Kashgar alone are any Kashgar couple: the story’s couple is told apart by Adelaide or Australia, or by her being held there', () => {
    // The reviewers' shop and wedding couples: both in Kashgar, where the story's Muherrem is, and so
    // is every couple of the city; the story's own couple is parted, she held there, he in Adelaide.
    for (const text of [
      'Mamutjan and his wife Muherrem run a carpet shop in Kashgar’s old town. Their rugs are hand-knotted.',
      'Mamutjan and Muherrem were married in Kashgar in 2009; three hundred guests came.',
      '馬木提和妻子穆哈拉姆在喀什古城開了一家地毯店。',
      // The second review's: words that are custody's elsewhere but not here.
      'The wedding of Mamutjan and Muherrem was held in Kashgar on Saturday.',
      'Mamutjan and Muherrem run a carpet shop in Kashgar. You can’t leave Kashgar without visiting their shop!',
      'Mamutjan and Muherrem run a carpet shop in Kashgar. Bring your passport: there are checkpoints.',
      'Рейс в Кашгар был задержан на три часа; Мамутжан и Мухеррем встретили нас в аэропорту.',
      // The third review's: an event held, a road closed, a shop owned, a conclusion.
      'The wedding of Mamutjan and Muherrem is being held in Kashgar.',
      'We drove to Kashgar to see Mamutjan and Muherrem; the road was closed and we were unable to leave.',
      'La boutique de tapis détenue par Mamutjan et Muherrem à Kachgar.',
      'Мамутжан и Мухеррем живут в Кашгаре. В заключении скажу: езжайте весной.',
    ]) {
      const d = detector.detect(segs(text));
      expect(d.matched, `${text}: ${d.reason}`).toBe(false);
    }
    for (const text of [
      'Mamutjan lives in Adelaide; his wife Muherrem is still in Kashgar.',
      'مامۇتجان ئاۋستىرالىيەدە، ئايالى مۇھەررەم قەشقەردە.',
      // Her custody in Kashgar told beside her name (the second review's posts). (The price of custody's
      // words alone: "she went back to Kashgar to renew her passport" without more is missed.)
      'Muherrem was sentenced to nine years in Kashgar, her husband Mamutjan says.',
      'Mamutjan says Muherrem went home to Kashgar in 2017 to renew her travel document and has been locked up ever since.',
      'مامۇتجان ئايالى مۇھەررەمنىڭ قەشقەردە قاماققا ئېلىنغانلىقىنى ئېيتتى.',
      'Mamutjan eşi Muherrem’i 2017’den beri görmedi; Muherrem Kaşgar’da tutuklandı.',
    ]) {
      const d = detector.detect(segs(text));
      expect(d.matched, `${text}: ${d.reason}`).toBe(true);
      expect(d.signals.filter((sg) => sg.decisive).map((sg) => sg.rule)).toContain('members-together');
    }
  });

  it('a child’s rare name beside a broad place and the story’s words is another family’s child beside another hometown in Xinjiang', () => {
    // Round 58's look-alike n01: an asylum decision in Adelaide; the applicant's daughter Muhlise is
    // with his parents in Hotan, and officials called him an extremist.
    const other = (town: string) =>
      detector.detect(segs(`A Uyghur man who lives in Adelaide says his wife was detained; their daughter Muhlise, 6, is with his parents in ${town}. Officials called him an extremist.`));
    for (const town of ['Hotan', 'Aksu', 'Ghulja']) {
      const d = other(town);
      expect(d.matched, `${town}: ${d.reason}`).toBe(false);
    }
    // With her family's own town, she is the story's Muhlise.
    const kashgar = other('Kashgar');
    expect(kashgar.matched, kashgar.reason).toBe(true);
  });

  it('a child’s and a parent’s given names together match beside the story’s own words', () => {
    const d = detector.detect(segs('Shehide and her mother Mihriban, Uyghurs separated since 2016: the girl is in an orphanage in Payzawat.'));
    expect(d.matched, d.reason).toBe(true);
    expect(d.signals.some((s) => s.rule === 'members-together' || s.rule === 'rare-given-name'), d.reason).toBe(true);
  });

  it.each([
    // Round 39's p09: a Facebook post in Spanish.
    ['Spanish', 'Muhlise tiene 10 años y rompió a llorar. Su papá, Mamutjan, lleva cinco años sin verla desde Australia.', 'Muhlise tiene 10 años y rompió a llorar. Su papá, Mamutjan, vive en Australia desde hace cinco años.'],
    ['Italian', 'Muhlise ha dieci anni e piange. Suo padre Mamutjan non vede la figlia da cinque anni, dall’Australia.', 'Muhlise ha dieci anni e piange. Suo padre Mamutjan vive in Australia da cinque anni.'],
    ['French', 'Muhlise a dix ans et pleure. Son père Mamutjan n’a pas vu sa fille depuis cinq ans, depuis l’Australie.', 'Muhlise a dix ans et pleure. Son père Mamutjan vit en Australie depuis cinq ans.'],
  ])('the separation said of one family in %s is the story’s own word: a child’s and a parent’s given names beside it match, without it they do not', (_lang, told, twin) => {
    const d = detector.detect(segs(told));
    expect(d.matched, d.reason).toBe(true);
    expect(d.people).toEqual(expect.arrayContaining(['muhlise', 'mamutjan-abdurehim']));
    const other = detector.detect(segs(twin));
    expect(other.matched, other.reason).toBe(false);
  });

  it.each([
    // Persian writes Italy ایتالیا (Arabic إيطاليا): the parents' given names beside it (probe round 12).
    ['Persian', 'مهربان و ابلیکیم، پدر و مادری که در ایتالیا زندگی می‌کنند، اتهام را رد کردند.', 'Mihriban Kader and Ablikim Mamtinin'],
    // Turkish writes Payzawat with a v (Peyzivat), as it writes every w: the one corroboration here.
    ['Turkish', 'Ablikim Memtinin’in dört çocuğu Peyzivat’ta yaşıyor.', 'Ablikim Mamtinin'],
    // Kazakh writes Payzawat Пейзауат, with its case endings (Пейзауаттағы: in Payzawat).
    ['Kazakh', 'Әблікім Мәмтінин мен Міһрибан Қадырдың төрт баласы Пейзауаттағы балалар үйіне өткізілген.', 'Ablikim Mamtinin'],
  ])('the families’ places as %s writes them corroborate', (_lang, text, who) => {
    const d = detector.detect(segs(text));
    expect(d.matched, d.reason).toBe(true);
    expect(d.signals.filter((s) => s.decisive).map((s) => s.label).join('; ')).toContain(who);
  });

  it.each([
    ['Mamutjan Abdurehim says he has not seen his wife Muherrem or his daughter Muhlise in years.', 'full name: Mamutjan Abdurehim (another member: Muherrem)'],
    ['Mamutjan, in Adelaide, hasn’t seen his daughter Muhlise since 2017.', 'rare given name: Mamutjan Abdurehim (another member: Muhlise)'],
  ])('the separation said of one family is the story’s own words: %s', (text, label) => {
    const d = detector.detect(segs(text));
    expect(d.matched, d.reason).toBe(true);
    expect(d.signals.filter((s) => s.decisive).map((s) => s.label)).toContain(label);
  });

  it('another member’s given name vouches for a rare given name beside the story’s own words', () => {
    // The futsal sentence of the test above, with the separation from the children beside the names.
    const d = detector.detect(segs('Mamutjan, a Uyghur in Adelaide, and his wife Muharrem have been separated from their children since 2017.'));
    expect(d.matched, d.reason).toBe(true);
    expect(d.signals.filter((s) => s.decisive).map((s) => s.label)).toContain('rare given name: Mamutjan Abdurehim (another member: Muherrem)');
  });

  it('says why generic vocabulary does not match', () => {
    const d = detector.detect(segs('Uyghur families separated; an orphanage in Xinjiang; CNN; a terrorist; reunited.'));
    expect(d.reason).toMatch(/^no match: only the story’s generic vocabulary .* which never decides$/);
    expect(d.signals.every((s) => s.rule === 'vocabulary' && !s.decisive)).toBe(true);
  });

  it('Chinese “extreme” is the accusation only as extremism or extremists, not extreme weather (极端天气)', () => {
    const weather = detector.detect(segs('喀什今冬遭遇极端天气，米热班带着孩子回家过年。'));
    expect(weather.signals.some((s) => s.rule === 'vocabulary' && s.label.startsWith('accusation')), weather.reason).toBe(false);
    const accused = detector.detect(segs('当局称其父亲有宗教极端思想。'));
    expect(accused.signals.some((s) => s.rule === 'vocabulary' && s.label.startsWith('accusation')), accused.reason).toBe(true);
  });

  it('explains a match: signals with origin and score', () => {
    const doc = new DOMParser().parseFromString(
      '<html><head><title>Mihriban Kader speaks</title></head><body><p>The Uyghur mother in Italy, whose children are in an orphanage.</p></body></html>',
      'text/html',
    );
    const d = detector.detect(collectText(doc, { withHead: true }).segments);
    expect(d.matched).toBe(true);
    const full = d.signals.find((s) => s.rule === 'full-name')!;
    expect(full).toMatchObject({ label: 'full name: Mihriban Kader (the family’s place: Italy)', decisive: true, origin: 'title', score: 10, personId: 'mihriban-kader' });
    expect(d.reason).toMatch(/^matched: full-name: full name: Mihriban Kader \(the family’s place: Italy\)/);
  });

  it('a known story URL matches on its own', () => {
    const d = detector.detect(segs('Loading…'), 'https://edition.cnn.com/2021/04/23/china/xinjiang-uyghur-family-china-response-intl-hnk/index.html');
    expect(d.matched).toBe(true);
    expect(d.signals[0]).toMatchObject({ origin: 'url', rule: 'known-url', decisive: true });
  });
});

/**
 * One row per rule of core/detect/rules.ts that can decide: a passage it must match, for the reason
 * it names, and its stripped twin (the same passage without the specific evidence), which must not.
 */
describe('rules', () => {
  it.each([
    ['full-name', 'Mihriban Kader, a Uyghur mother who lives in Italy, says her children were sent to an orphanage.', 'A Uyghur mother who lives in Italy says her children were sent to an orphanage.', ['mihriban-kader']],
    ['full-name', 'Mamutjan Abdurehim, a Uyghur, told reporters in Adelaide that the claim was laughable.', 'A Uyghur father told reporters in Adelaide that the claim was laughable.', ['mamutjan-abdurehim']],
    ['rare-given-name', 'Zumeryem, 17, is still in the Payzawat orphanage.', 'A girl of 17 is still in the orphanage in her hometown.', ['zumeryem']],
    ['rare-given-name', 'Xinjiang girl Muhlisa refutes CNN: she lives happily with her grandparents in Kashgar.', 'A Xinjiang girl refutes CNN: she lives happily with her grandparents in Kashgar.', ['muhlise']],
    ['members-together', 'Ablikim and Mihriban, Uyghur parents in Italy, have not seen their four eldest children since 2016.', 'The Uyghur parents in Italy have not seen their four eldest children since 2016.', ['ablikim-mamtinin', 'mihriban-kader']],
    ['event', 'In June 2020 four Uyghur children were stopped by police in Shanghai when they went to the Italian consulate for their visas, then placed in an orphanage.', 'In June 2020 a Uyghur family had trouble with visas at a consulate; the children were placed in an orphanage.', []],
    ['event', 'CNN correspondent David Culver and producer Steven Jiang were followed in Kashgar in March 2021 while looking for the separated children.', 'A CNN team was followed in Kashgar while looking for separated children.', []],
    ['known-phrase', 'Watch: China responds to CNN report on separated Uyghur families', 'Watch: China responds to a report on Uyghur families', []],
  ])('%s: "%s"', (rule, positive, twin, people) => {
    const d = detector.detect(segs(positive));
    expect(d.matched, d.reason).toBe(true);
    expect(d.signals.some((s) => s.rule === rule && s.decisive), d.reason).toBe(true);
    expect(d.reason).toContain(`${rule}:`);
    for (const p of people) expect(d.people).toContain(p);
    const stripped = detector.detect(segs(twin));
    expect(stripped.matched, stripped.reason).toBe(false);
  });

  it('Adelaide corroborates a whole name beside the Uyghurs’ name or another member of the family, not alone', () => {
    // Round 50's look-alike n03: an Adelaide under-15 futsal final won by a Mamutjan Abdurehim.
    const alone = 'Mamutjan Abdurehim curled one into the top corner, on a freezing Adelaide evening.';
    expect(detector.detect(segs(alone)).matched).toBe(false);
    const uyghur = detector.detect(segs('Mamutjan Abdurehim, a Uyghur living in Adelaide, says he has not heard from his wife.'));
    expect(uyghur.matched, uyghur.reason).toBe(true);
    // Round 41's p17, a Kazakh post: the father's whole name in Adelaide and his daughter in Kashgar.
    const kin = detector.detect(segs('Mamutjan Abdurehim lives in Adelaide; his daughter Muhlise, 10, is with her grandparents in Kashgar.'));
    expect(kin.matched, kin.reason).toBe(true);
    expect(kin.signals.find((s) => s.rule === 'full-name')?.label).toContain('Adelaide');
  });

  it('a name part shared by two people belongs to neither alone: Ablet/Ablat is no one without a neighbour', () => {
    // Muherrem's family name (Ablet, Ablat in state media) is the grandfather's given name (Ablat).
    const d = detector.detect(segs('Muherrem Ablet was sentenced, Beijing said; her husband Mamutjan lives in Adelaide.'));
    expect(d.matched, d.reason).toBe(true);
    expect(d.people).toContain('muherrem-ablet');
    expect(d.people).not.toContain('abdurehim-grandfather');
    const grandfather = detector.detect(segs('Ablat Abdureyim told CGTN that his son Mamutjan must come home from Adelaide.'));
    expect(grandfather.people).toContain('abdurehim-grandfather');
  });

  it('a member’s given name joined to another person’s surname is someone else’s whole name, and so is that name alone further on', () => {
    // Round 18's look-alike n14: a list of notable people from Jiashi, whose rows name a linguist
    // 米熱班·阿不都拉 (Mihriban Abdulla) and a dutar player 阿布力克木·吐爾遜 (Ablikim Tursun).
    const list = detector.detect(segs('伽师县人物：米熱班·阿不都拉，语言学家，喀什大学教授；阿布力克木·吐爾遜，都塔尔演奏家。'));
    expect(list.matched, list.reason).toBe(false);
    const latin = detector.detect(segs('From Kashgar: the dutar player Ablikim Tursun and the linguist Mihriban Abdulla. Ablikim says the troupe tours in May; Mihriban teaches.'));
    expect(latin.matched, latin.reason).toBe(false);
    // The parents' given names alone, beside their children's county, are still the parents.
    const parents = detector.detect(segs('伽师县的米热班和阿布力克木在意大利，四个孩子被送进了孤儿院。'));
    expect(parents.matched, parents.reason).toBe(true);
    // And a member named in full keeps the given name hers, even beside a namesake.
    const both = detector.detect(segs('Mihriban Kader, whose neighbour in Italy is a Mihriban Tursun, says Mihriban and Ablikim have not seen their children.'));
    expect(both.people, both.reason).toContain('mihriban-kader');
  });

  it('a member’s given name joined to a Russian-style surname made from a common name is someone else’s whole name', () => {
    // Round 32's look-alike n06: a Uyghur trader in Almaty called Мамутжан Касымов looking for his
    // brother in Kashgar, called an extremist on state TV, who wrote to CNN.
    const trader = (name: string) => `${name} ищет брата в Кашгаре. Местное телевидение назвало его человеком с «экстремистскими взглядами»; он писал в CNN.`;
    for (const name of ['Мамутжан Касымов', 'Мамутжан Турсунов', 'Mamutjan Tursunov']) {
      const d = detector.detect(segs(trader(name)));
      expect(d.matched, `${name}: ${d.reason}`).toBe(false);
    }
    // The given name alone there is the father's rare name beside his family's place.
    const father = detector.detect(segs(trader('Мамутжан')));
    expect(father.matched, father.reason).toBe(true);
  });

  it('CNN inside another newsroom’s name (CNN Türk, CNN Indonesia) is not the story’s outlet', () => {
    // Round 30's look-alike n09: a Kashgar-born writer called Mihriban Kader in Istanbul, whose memoir was
    // presented on CNN Türk. A whole name beside Kashgar counts only with the story's own words.
    const told = (outlet: string) => detector.detect(segs(`The writer Mihriban Kader, who left her mother in Kashgar, presented her memoir on ${outlet} last week.`));
    for (const other of ['CNN Türk', 'CNN Turk', 'CNN Indonesia', 'CNN Brasil']) {
      const d = told(other);
      expect(d.matched, `${other}: ${d.reason}`).toBe(false);
      expect(d.signals.some((s) => s.rule === 'vocabulary' && s.text === 'cnn'), other).toBe(false);
    }
    const cnn = told('CNN');
    expect(cnn.matched, cnn.reason).toBe(true);
    expect(cnn.reason).toContain('full name: Mihriban Kader (the family’s place: Kashgar)');
  });

  it('a reunion beside a holiday (home for Spring Festival, for Eid) is the holiday’s, not the story’s word', () => {
    // Round 54's look-alike n05: a dance teacher called 穆合丽萨 dancing in Kashgar's old town, going home
    // to her family for Spring Festival.
    const dancer = (when: string) => detector.detect(segs(`穆合丽萨老师在喀什古城跳了一段维吾尔族舞蹈。${when}就要回家和家人团聚啦！`));
    for (const holiday of ['春节', '寒假', '春節', '开斋节', '古尔邦节']) {
      const d = dancer(holiday);
      expect(d.matched, `${holiday}: ${d.reason}`).toBe(false);
      expect(d.signals.some((s) => s.rule === 'vocabulary' && s.text === '团聚'), holiday).toBe(false);
    }
    const eid = detector.detect(segs('Muhlise danced for the tourists in Kashgar; for Eid she will be reunited with her family.'));
    expect(eid.matched, eid.reason).toBe(false);
    // Without a holiday, a girl in Kashgar who wants to be reunited with her parents is the story's.
    const girl = dancer('她说她只想和爸爸妈妈');
    expect(girl.matched, girl.reason).toBe(true);
    expect(girl.reason).toContain('rare given name: Muhlise (the family’s place: Kashgar, with the story’s vocabulary)');
    const tweet = detector.detect(segs('Can’t stop thinking about Muhlise, ten, at her grandparents’ in Kashgar: “I just want to be reunited with them.”'));
    expect(tweet.matched, tweet.reason).toBe(true);
    // Words that only look like a holiday leave the reunion the story's: aid (Aïd folded), a hometown
    // (ciudad natal), 过年 inside 不过年仅, a reporter called 王国庆, Kashgar's Id Kah mosque (ھېيتگاھ).
    for (const text of [
      'Muhlise, 10, in Kashgar, told reporters she just wants to be reunited with her mum and dad. Her father says no aid has come.',
      'Muhlise, de 10 años, vive con sus abuelos en Kashgar, su ciudad natal; quiere reunirse con sus padres.',
      '记者王国庆报道：不过年仅10岁的穆合丽萨在喀什说，她只想和爸爸妈妈团聚。',
      'مۇھلىسە قەشقەردە ھېيتگاھ مەسچىتى يېنىدا تۇرىدۇ. ئۇ ئاتا-ئانىسى بىلەن جەم بولۇشنى خالايدۇ.',
    ]) {
      const d = detector.detect(segs(text));
      expect(d.matched, `${text}: ${d.reason}`).toBe(true);
    }
    // A holiday further off (another paragraph's) is not this reunion's.
    const apart = detector.detect(segs(`Muhlise, ten, at her grandparents’ in Kashgar: “I just want to be reunited with them.” ${'The rest of the page is about other things. '.repeat(4)}Happy holidays to our readers.`));
    expect(apart.matched, apart.reason).toBe(true);
  });

  it('an event corroborates a rare given name only with what tells it apart: the government and CNN are any rebuttal’s', () => {
    // Round 27's look-alike n08: a Kazakh state-media page on another press conference, answering
    // another CNN interview, where a girl called Muhlise says she is happy at school.
    const rebuttal = 'Muhlise, 11, said on the video that she is happy at school. The Chinese government said the CNN interview with her uncle was untrue.';
    const d = detector.detect(segs(rebuttal));
    expect(d.matched, d.reason).toBe(false);
    expect(d.reason).toContain('rare given name: Muhlise (not corroborated)');
    // With the statement's date, the same two anchors are the 2 April statement's.
    const dated = detector.detect(segs(rebuttal.replace('The Chinese government said', 'On 2 April the Chinese government told CNN')));
    expect(dated.matched, dated.reason).toBe(true);
    expect(dated.reason).toMatch(/rare given name: Muhlise \(an element of The Chinese government's one-page statement/);
  });

  it('another person’s name in Uyghur script makes a member’s given name someone else’s too', () => {
    // Round 23's look-alike n08: a man in Istanbul looking for his aunt مۇھەررەم تۇرسۇن (Muherrem Tursun)
    // from Kashgar, with the region's and the accusations' words around.
    const aunt = 'ھاممام مۇھەررەم تۇرسۇن قەشقەردە تۇراتتى. شىنجاڭدىكى ئۇيغۇرلار تېررورلۇق بىلەن ئەيىبلىنىۋاتىدۇ. مۇھەررەم ھاممامدىن خەۋەر يوق.';
    const other = detector.detect(segs(aunt));
    expect(other.matched, other.reason).toBe(false);
    // The same aunt without another surname: the mother's rare given name beside her family's place.
    const mother = detector.detect(segs(aunt.replaceAll(' تۇرسۇن', '')));
    expect(mother.matched, mother.reason).toBe(true);
  });

  it('another person’s name as Uzbek writes it (x for h, oʻ typed with a quote) makes a member’s given name someone else’s too', () => {
    // Round 25's look-alike n03: an Uzbek blog on a baker in Adelaide called Mamutjon To‘xti (Tohti).
    const baker = (surname: string) => `Adelaida shahridagi somsaxonani uyg‘ur novvoy Mamutjon ${surname} boshqaradi. Mamutjon aka Shinjon (Xinjiang) haqida gapirdi; CNN ham yozgan.`;
    for (const surname of ['To‘xti', "To'xti", 'Toʻxti', 'Toxti']) {
      const other = detector.detect(segs(baker(surname)));
      expect(other.matched, `${surname}: ${other.reason}`).toBe(false);
    }
    // Without a surname, the father's given name beside Adelaide and the story's words.
    const father = detector.detect(segs(baker('').replace('  ', ' ')));
    expect(father.matched, father.reason).toBe(true);
  });

  it('evidence in one post does not add up with another post of the same feed', () => {
    const doc = new DOMParser().parseFromString(
      '<body><article><p>Zumeryem won the school prize.</p></article><article><p>The Payzawat orphanage’s melon harvest is early.</p></article><article><p>Weather: sunny.</p></article></body>',
      'text/html',
    );
    const apart = detector.detect(collectText(doc).segments);
    expect(apart.matched, apart.reason).toBe(false);
    const together = detectHtml('<article><p>Zumeryem won the school prize at the Payzawat orphanage.</p></article>');
    expect(together.matched, together.reason).toBe(true);
    expect(together.carriers.length).toBe(1);
  });

  it("headlines linking to other pages are each their own item: an aggregator's separate stories never add up", () => {
    // Round 7's look-alike n21: a Uyghur family's noodle stall in Adelaide, the Italian consulate in
    // Shanghai resuming visas, an orphanage fact-check, one cluster each.
    const clusters = [
      ['https://a.example/noodles', 'Uyghur children and their family in Adelaide open a noodle stall'],
      ['https://b.example/visas', 'Italian consulate in Shanghai resumes visa services for students'],
      ['https://c.example/fact-check', 'No, this video does not show an orphanage in Xinjiang'],
    ];
    const page = (linked: boolean) =>
      new DOMParser().parseFromString(
        `<body>${clusters.map(([href, title]) => `<div><h2>${linked ? `<a href="${href}">${title}</a>` : title}</h2></div>`).join('')}</body>`,
        'text/html',
      );
    const apart = detector.detect(collectText(page(true)).segments);
    expect(apart.matched, apart.reason).toBe(false);
    // The same headings not linking away are one page's sections, and the event adds up across them.
    const together = detector.detect(collectText(page(false)).segments);
    expect(together.matched, together.reason).toBe(true);
    expect(together.signals.find((s) => s.decisive)?.rule).toBe('event');
  });

  it("a thread its author numbered is one telling: its posts add up, as a feed's posts never do", () => {
    // Round 65's p12: a Japanese X thread on CNN's March 2021 trip, the correspondent, the closed
    // shades and the minders in its first post, the orphanage kept shut and the coached call in its second.
    const [first, second] = TRIP_THREAD;
    // Each post: its author and time, its text (a hashtag a link inside it), its counts.
    const page = (a: string, b: string, times = ['2021年3月26日', '2021年3月26日']) =>
      new DOMParser().parseFromString(
        `<body><main>${[a, b].map((t, i) => `<article><div><a href="/memo">アジア取材メモ</a> <time>${times[i]}</time></div><div lang="ja">${t.replace('#新疆', '<a href="/tag">#新疆</a>')}</div><div role="group"><button aria-label="21 件の返信">21</button></div></article>`).join('')}</main></body>`,
        'text/html',
      );
    for (const [a, b] of [
      [`${first}（1/2）`, `${second}（2/2）`],
      [`1/2 ${first}`, `2/2 ${second}`],
      [`${first} [1/2]`, `${second} [2/2]`],
      [`${first}【1/2】`, `${second}【2/2】`],
      [`${first}1/2`, `${second}2/2`],
      [`${first}（１/２）`, `${second}（２／２）`],
      [`🧵1/ ${first}`, `2/ ${second}`],
      [`${first} (1/2) #新疆`, `${second} (2/2). #新疆`],
      // Newest first, as a profile lists them.
      [`${second}（2/2）`, `${first}（1/2）`],
    ] as const) {
      const thread = detector.detect(collectText(page(a, b)).segments);
      expect(thread.matched, thread.reason).toBe(true);
      expect(thread.signals.find((s) => s.decisive)?.rule).toBe('event');
      expect(thread.carriers.length).toBe(1);
    }
    // Unnumbered, numbered apart (two threads' first posts), or "counted" past any thread's length (a
    // date), the two posts are a feed's: each alone tells too little.
    for (const [a, b] of [
      [first, second],
      [`${first}（1/2）`, `${second}（1/2）`],
      [`${first}（1/3）`, `${second}（2/2）`],
      [`${first} 3/26`, `${second} 4/26`],
      // Not a thread's start: days of a month, ratings, a date's end.
      [`${first} 11/12`, `${second} 12/12`],
      [`${first} 評価 4/5`, `${second} 評価 5/5`],
      [`${first} 2021/3/12`, `${second} 2021/4/12`],
    ] as const) {
      const apart = detector.detect(collectText(page(a, b)).segments);
      expect(apart.matched, `${a.slice(-8)} / ${b.slice(-8)}: ${apart.reason}`).toBe(false);
    }
    // Nor the posts' dates, which are no counters (a bare "1/12" and "2/12" is a time, not prose), nor a
    // time line's day of a month (1/3 then 2/3: a thread of three shown whole would have its third).
    const dated = detector.detect(collectText(page(first, second, ['1/12', '2/12'])).segments);
    expect(dated.matched, dated.reason).toBe(false);
    const posted = detector.detect(collectText(page(first, second, ['東京支局の記者が投稿しました 1/3', '東京支局の記者が投稿しました 2/3'])).segments);
    expect(posted.matched, posted.reason).toBe(false);
    // A date in the time line does not hide a thread's counter in the text.
    const both = detector.detect(collectText(page(`${first}（1/2）`, `${second}（2/2）`, ['3/12', '3/12'])).segments);
    expect(both.matched, both.reason).toBe(true);
    // A counter after an emoji drawn as an image, or after a link with a label, is still the post's.
    const drawn = detector.detect(collectText(page(`${first}<img alt="🙏">（1/2）`, `${second}<a href="/x" aria-label="もっと見る">…</a>（2/2）`)).segments);
    expect(drawn.matched, drawn.reason).toBe(true);
    // Two threads of two side by side (1/2, 2/2, 1/2, 2/2), in either order, are two threads: the
    // story's halves, one in each, do not add up.
    const other = ['今日の東京は晴れ。桜が満開で、公園は花見の人でいっぱいでした。', '明日は雨の予報なので、今日のうちに写真を撮っておきました。'];
    const four = (posts: string[]) =>
      new DOMParser().parseFromString(`<body><main>${posts.map((t) => `<article><div><a href="/u">user</a></div><div lang="ja">${t}</div></article>`).join('')}</main></body>`, 'text/html');
    for (const posts of [
      [`${first}（1/2）`, `${other[0]}（2/2）`, `${other[1]}（1/2）`, `${second}（2/2）`],
      [`${first}（2/2）`, `${other[0]}（1/2）`, `${other[1]}（2/2）`, `${second}（1/2）`],
    ]) {
      const two = detector.detect(collectText(four(posts)).segments);
      expect(two.matched, two.reason).toBe(false);
    }
  });

  it("a post's text inside a shadow root is that post's: a feed whose posts keep their bodies in components never adds up", () => {
    // Found in review: shadow roots were read after the walk with no item, so the bodies of every post
    // fell into one locality, and CNN's trip told across two users' posts matched.
    const bodies = [TRIP_THREAD[0], '今日は雨でした。散歩は中止。', TRIP_THREAD[1]];
    const feed = (posts: number) => {
      const doc = document.implementation.createHTMLDocument('タイムライン');
      for (const [i, text] of bodies.slice(0, posts).entries()) {
        const post = doc.createElement('article');
        post.innerHTML = `<div><a href="/user${i}">user${i}</a> <time>3時間前</time></div><post-body></post-body><div role="group"><button aria-label="返信">2</button></div>`;
        const body = post.querySelector('post-body')!.attachShadow({ mode: 'open' });
        body.innerHTML = `<div lang="ja">${text}</div>`;
        doc.body.append(post);
      }
      return doc;
    };
    const apart = collectText(feed(3));
    expect(new Set(apart.segments.filter((s) => s.text.includes('CNN') || s.text.includes('WeChat')).map((s) => s.item)).size).toBe(2);
    const decided = detector.detect(apart.segments);
    expect(decided.matched, decided.reason).toBe(false);
    // What a post's component adds later, and a root it attaches later, are read as that post's too
    // (the late watch reads them as added nodes).
    const items = itemNumbers();
    const later = feed(3);
    const read = collectText(later, { items });
    const posts = later.querySelectorAll('article');
    const itemOfPost = (i: number) => read.segments.find((s) => s.text === bodies[i])!.item;
    const added = later.createElement('div');
    added.textContent = 'もう一枚の写真。';
    posts[1]!.querySelector('post-body')!.shadowRoot!.append(added);
    expect(collectText(added, { items }).segments.map((s) => s.item)).toEqual([itemOfPost(1)]);
    const late = later.createElement('post-extra');
    posts[2]!.append(late);
    const root = late.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>追記：続報を待っています。</p>';
    expect(collectText(root, { items }).segments.map((s) => s.item)).toEqual([itemOfPost(2)]);
    // One post holding both in its component is one telling, and matches.
    const doc = feed(1);
    doc.querySelector('post-body')!.shadowRoot!.innerHTML += `<div>${bodies[2]}</div>`;
    const one = detector.detect(collectText(doc).segments);
    expect(one.matched, one.reason).toBe(true);
  });

  it('posts marked up as cards (three or more sibling blocks of one class, each with parts) are each their own item: a search page of unrelated posts never adds up', () => {
    // Round 14's look-alike n20: a Weibo search page whose separate posts hold the consulate event's
    // elements between them (a county children's home, Italian visas in Shanghai, Uyghur dancers).
    const posts = [
      '伽师县儿童福利院的孩子们和志愿者一起过六一儿童节，表演了维吾尔族舞蹈。',
      '意大利签证攻略：新疆户籍的未成年人要去上海的签证中心，需要父母双方同意书。',
      '在广州打工一年，终于回到喀什和孩子团聚了。',
    ];
    const page = (card: (text: string) => string) => new DOMParser().parseFromString(`<body><div class="feed">${posts.map(card).join('')}</div></body>`, 'text/html');
    const cards = page((t) => `<div class="card"><span class="n">用户</span><p>${t}</p><div class="ops"><span>转发 3</span></div></div>`);
    const apart = detector.detect(collectText(cards).segments);
    expect(apart.matched, apart.reason).toBe(false);
    // The same text as one page's paragraphs, or in blocks without parts, is one text: the event adds up.
    for (const doc of [page((t) => `<p>${t}</p>`), page((t) => `<div class="card">${t}</div>`)]) {
      const together = detector.detect(collectText(doc).segments);
      expect(together.matched, together.reason).toBe(true);
      expect(together.signals.find((s) => s.decisive)?.rule).toBe('event');
    }
    // Inside an article (a listing, a directory, a digest wrapped in one) the cards are still apart; the
    // article's own text around them is the article's. Round 15's look-alike n15: a directory of shops
    // in an <article>, whose owners share the parents' names entry by entry.
    const wrapped = (intro: string) =>
      new DOMParser().parseFromString(`<body><article><h1>${intro}</h1>${cards.body.innerHTML}</article></body>`, 'text/html');
    const inArticle = detector.detect(collectText(wrapped('微博搜索')).segments);
    expect(inArticle.matched, inArticle.reason).toBe(false);
    const segments = collectText(wrapped('意大利驻上海总领事馆')).segments;
    const items = new Set(segments.map((s) => s.item));
    expect(items.size).toBe(4);
  });

  it('posts marked up as their author in spans, a line break, then their text are each their own item', () => {
    // After round 12's look-alike n13: an X search page of unrelated posts, each "<span>name</span>
    // <span>@handle · date</span><br>text": a bakery called Mamutjan's, a post on Kashgar and CNN. As
    // one text the rare given name had Kashgar and the story's outlet beside it.
    const posts = [
      ['Mamutjan’s Bakery', 'Fresh nan out of the oven at 7am every day this Ramadan.'],
      ['Xinjiang Colors', 'Happy kids of Kashgar: pupils show the dances a CNN crew filmed last year.'],
      ['Travel with Ayşe', 'Throwback to the Sunday livestock market in 2018.'],
    ];
    const page = (post: (name: string, text: string) => string) =>
      new DOMParser().parseFromString(`<body><div class="mid">${posts.map(([n, t]) => post(n!, t!)).join('')}</div></body>`, 'text/html');
    const apart = detector.detect(collectText(page((n, t) => `<div class="tw"><span class="u">${n}</span> <span class="h">@user · Apr 8</span><br>${t}</div>`)).segments);
    expect(apart.matched, apart.reason).toBe(false);
    // A paragraph whose first words are in a span runs on into its text: paragraphs of one class stay one text.
    const together = detector.detect(collectText(page((n, t) => `<div class="tw"><span class="u">${n}</span> ${t}</div>`)).segments);
    expect(together.matched, together.reason).toBe(true);
    expect(together.signals.find((s) => s.decisive)?.rule).toBe('rare-given-name');
  });

  it('comments marked up as their author in bold and their text after it are each their own item', () => {
    // Round 40's look-alike n18: a travel channel's Q&A whose comments hold the consulate event's
    // elements between them (the post's Italian visas in Shanghai, a children's home, Uyghur cuisine).
    const comments = [
      'А детский дом, куда вы возили игрушки, — это в Кашгаре или в Урумчи?',
      'Подтверждаю про Шанхай, делал там итальянскую визу весной, две недели.',
      'Уйгурская кухня в Алматы не хуже, кстати, и ехать ближе.',
    ];
    const page = (comment: (text: string, i: number) => string) =>
      new DOMParser().parseFromString(`<body><div class="msg"><p>Визу в Италию оформляют в консульстве в Шанхае.</p>${comments.map(comment).join('')}</div></body>`, 'text/html');
    const apart = detector.detect(collectText(page((t, i) => `<div class="cm"><b>Гость ${i}</b>: ${t}</div>`)).segments);
    expect(apart.matched, apart.reason).toBe(false);
    // Without the author in front (blocks of one class holding text alone), they are one text, as before.
    const together = detector.detect(collectText(page((t) => `<div class="cm">${t}</div>`)).segments);
    expect(together.matched, together.reason).toBe(true);
    expect(together.signals.find((s) => s.decisive)?.rule).toBe('event');
  });

  it('search results (a link, its address and its snippet, in blocks of one class) are each their own item', () => {
    // Round 18's look-alike n10: a Turkish search page whose separate results (a song called Mihriban,
    // a name-meaning page for Muhlise, a wrestler, Italian visas, Kashgar) named the family between them.
    const results = [
      '伽师县儿童福利院的孩子们和志愿者一起过六一儿童节，表演了维吾尔族舞蹈。',
      '意大利签证攻略：新疆户籍的未成年人要去上海的签证中心，需要父母双方同意书。',
      '在广州打工一年，终于回到喀什和孩子团聚了。',
    ];
    const page = (result: (text: string, i: number) => string) =>
      new DOMParser().parseFromString(`<body><div class="res">${results.map(result).join('')}</div></body>`, 'text/html');
    const serp = page((t, i) => `<div class="r"><cite>example${i}.cn › news</cite><a href="https://example${i}.cn/a">结果 ${i + 1}</a><p>${t}</p></div>`);
    const apart = detector.detect(collectText(serp).segments);
    expect(apart.matched, apart.reason).toBe(false);
    expect(new Set(collectText(serp).segments.map((s) => s.item)).size).toBe(3);
    // The snippets alone in blocks of one class (no link, no address) are one text: the event adds up.
    const together = detector.detect(collectText(page((t) => `<div class="r"><p>${t}</p></div>`)).segments);
    expect(together.matched, together.reason).toBe(true);
  });

  it('a live blog’s entries (three or more sibling headings that start with a time) are each their own item, and text added under one joins it', () => {
    // Round 15's look-alike n03: an Italian live blog whose separate entries (a consulate's visa
    // backlog in Shanghai, a question on Uyghur cotton) held the consulate event between them.
    const posts = [
      '伽师县儿童福利院的孩子们和志愿者一起过六一儿童节，表演了维吾尔族舞蹈。',
      '意大利签证攻略：新疆户籍的未成年人要去上海的签证中心，需要父母双方同意书。',
      '在广州打工一年，终于回到喀什和孩子团聚了。',
    ];
    const blog = (heading: (i: number) => string) =>
      new DOMParser().parseFromString(`<body><article><h1>直播</h1><div class="live">${posts.map((t, i) => `<h2>${heading(i)}</h2><p>${t}</p>`).join('')}</div></article></body>`, 'text/html');
    const live = blog((i) => `${18 - i}:05 更新`);
    const apart = detector.detect(collectText(live).segments);
    expect(apart.matched, apart.reason).toBe(false);
    // The same headings without times are an article's subheads: one text, and the event adds up.
    const together = detector.detect(collectText(blog((i) => `第${i + 1}部分`)).segments);
    expect(together.matched, together.reason).toBe(true);
    // A paragraph added under the second entry is read as that entry's (a page's first pass and later additions share numbers).
    const items = itemNumbers();
    const first = collectText(live, { items }).segments;
    const added = live.createElement('p');
    added.textContent = '补充：伽师县儿童福利院';
    live.querySelectorAll('h2')[1]!.nextElementSibling!.after(added);
    const later = collectText(added, { items }).segments;
    const second = first.find((s) => s.text.includes('意大利签证'))!.item;
    expect(later[0]!.item).toBe(second);
    expect(first.find((s) => s.text.includes('伽师县'))!.item).not.toBe(second);
  });

  it('a digest’s items (four or more sibling headlines, each over a paragraph or two) are each their own item; an article’s longer sections are one text', () => {
    // Round 20's look-alike n09: a newsletter in a webmail page whose flat items (Italian student visas
    // in Shanghai, Adelaide's Uyghur food week, an orphanage in Osh) held the consulate event between them.
    const items = [
      'Adelaide’s Uyghur food week returns, with six restaurants taking part.',
      'Italian visa centres in Shanghai warn of six-week waits for student visas.',
      'Australia’s consulate in Shanghai moves to a new tower in Jing’an.',
      'An orphanage in Osh gets a new kitchen, paid for by a charity.',
    ];
    const digest = (extra: string) =>
      new DOMParser().parseFromString(
        `<body><div class="nl"><p>Issue 187 of a weekly round-up.</p>${items.map((t, i) => `<div class="sec">Section ${i + 1}</div><h2>Headline ${i + 1}</h2><p>${t}</p>${i === 1 ? extra : ''}`).join('')}</div></body>`,
        'text/html',
      );
    const flat = digest('');
    const apart = detector.detect(collectText(flat).segments);
    expect(apart.matched, apart.reason).toBe(false);
    expect(new Set(collectText(flat).segments.filter((s) => items.some((t) => s.text.includes(t.slice(0, 12)))).map((s) => s.item)).size).toBe(4);
    // One section of three paragraphs: subheadings of one article, whose text adds up.
    const article = digest('<p>The queues began in May.</p><p>Universities have asked students to book early.</p>');
    const together = detector.detect(collectText(article).segments);
    expect(together.matched, together.reason).toBe(true);
  });

  it("a given name followed by an initial that is not the member's is someone else's name: a commenter Muharrem K. is not the mother", () => {
    // Round 70's n08: a Turkish story about another father's children in Kashgar, and a commenter
    // "Muharrem K." below it.
    const story = (name: string) =>
      `<body><article><h1>Zeytinburnu'ndaki Uygur baba</h1><p>İstanbul'da yaşayan Uygur Türkü, eşinin 2017'de gözaltına alınmasının ardından çocuklarının Kaşgar'da devlet yatılı okuluna yerleştirildiğini anlattı. "Terörist değilim, ütücüyüm" diyor; hiçbir delil gösterilmemiş. Türkiye'de çocuklarından ayrı düşen en az 400 aile var.</p></article><section><p><b>${name}</b>: Allah kavuştursun.</p></section></body>`;
    for (const commenter of ['Muharrem K.', 'Muherrem T.']) {
      const d = detectHtml(story(commenter));
      expect(d.matched, `${commenter}: ${d.reason}`).toBe(false);
    }
    // The rare name alone, the Turkish spelling too, or with her own family name's initial (Ablet), is
    // still the mother beside Kashgar and the story's words; and so is the name in full.
    for (const mother of ['Muherrem', 'Muharrem', 'Muharrem A.', 'Muharrem Ablet']) {
      const d = detectHtml(story(mother));
      expect(d.matched, `${mother}: ${d.reason}`).toBe(true);
      expect(d.people).toContain('muherrem-ablet');
    }
    // The name and the initial in two pieces of one run of text.
    for (const split of ['<b>Muharrem</b> K.', 'Muharrem <i>K.</i>']) expect(detectHtml(story(split).replace(`<b>${split}</b>`, split)).matched, split).toBe(false);
  });

  it("an initial marks only its own mention; the family's initials are its own (a child's surname is her father's name)", () => {
    // A Turkish article about the Kader couple, and a commenter called Mihriban S. below it (a review's case).
    const article = (comment: string) =>
      detectHtml(
        `<article><p>Mihriban ve Ablikim, 2016'da Sincan'dan İtalya'ya kaçtı. CNN'e konuşan çift, dört çocuğunun devlet yetimhanesinde tutulduğunu söyledi.</p></article><section>${comment}</section>`,
      );
    expect(article('').matched).toBe(true);
    expect(article('<p><b>Mihriban S.</b>: Allah kavuştursun.</p>').matched).toBe(true);
    // A child with an initial of her family's names (her father's given name, her mother's family name).
    const child = (name: string) => detectHtml(`<p>${name}, 17, is still in the state orphanage in Payzawat, CNN reported; her parents live in Italy.</p>`);
    for (const own of ['Zumeryem', 'Zumeryem A.', 'Zumeryem M.', 'Zumeryem K.']) expect(child(own).matched, own).toBe(true);
    expect(child('Zumeryem T.').matched).toBe(false);
  });

  it('reads initials in Chinese text without scanning it letter by letter: a long run of characters is decided at once', () => {
    // (No punctuation: one run of letters 20,000 long, as a page that leaves out its spaces and stops.)
    const han = '新疆喀什的市场上午开门很晚茶已经凉了公共汽车在桥边等着雨一直下'.repeat(700);
    const text = `${han.slice(0, 10_000)}阿布力克木${han.slice(10_000, 20_000)}`;
    const t0 = performance.now();
    detector.detect(segs(text));
    // (The decision takes a few milliseconds; an expression that backs off at every letter took seconds.)
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("a name's corroboration by the consulate's anchors asks one telling word fewer: the name is one", () => {
    // A review's case: a rare child's name beside the consulate and the orphanage, in English and Italian.
    for (const text of [
      'Zumeryem, 16, was stopped with her siblings at the Italian consulate in Shanghai and sent to an orphanage.',
      'Zumeryem, 16 anni, è stata fermata con i fratelli al consolato italiano di Shanghai e portata in un orfanotrofio.',
    ]) {
      const d = detector.detect(segs(text));
      expect(d.matched, `${text}: ${d.reason}`).toBe(true);
      expect(d.signals.find((s) => s.decisive)?.rule).toBe('rare-given-name');
    }
  });

  it("a parent and a child of the Kader family by given names count beside both of the family's places, near the names", () => {
    // Round 71's p05: the WeChat call with Yehya, his father Ablikim in Italy, the children's home in Peyziwat.
    const told = 'Ein Videoanruf über WeChat: Yehya sagt, er wolle zu seinen Eltern. Sein Vater Ablikim lebt mit der Mutter in Italien; Yehya und drei Geschwister sind seit vergangenem Sommer in einem staatlichen Heim in Peyziwat.';
    const near = detector.detect(segs(told));
    expect(near.matched, near.reason).toBe(true);
    expect(near.signals.find((s) => s.decisive)?.rule).toBe('members-together');
    // One of the places only: a namesake's page.
    expect(detector.detect(segs(told.replace(' in Peyziwat', ''))).matched).toBe(false);
    // Both places, but far from the names (Italy in the first paragraph, Jiashi in a source line
    // thousands of characters below): a feature on cotton, not a telling of them.
    const filler = 'Die Baumwollernte begann früh, und die Preise auf dem Markt stiegen weiter. '.repeat(60);
    const apart = detector.detect(segs(`Italien importiert Baumwolle. ${filler}Der Bauer Ablikim und sein Sohn Yehya pflücken seit Jahren. ${filler}Quelle: Kreis Jiashi.`));
    expect(apart.matched, apart.reason).toBe(false);
  });

  describe("an event's words all over a long text are its vocabulary, not a telling", () => {
    // Round 69's n02 and n08: thousands of generated comments or paragraphs drawn from a word list that
    // holds the consulate event's words, so that somewhere one window holds all of them.
    const FILLER = 'the market opened late and the tea was cold while the bus waited by the bridge in the rain'.split(' ');
    const VOCABULARY = ['Shanghai', 'visa', 'orphanage', 'Uyghur'];
    /** `n` paragraphs of filler with a word of the event every 12 words, in turn, and `at(i)` put into paragraph i. */
    const soup = (n: number, at: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => {
        const words = Array.from({ length: 96 }, (_, w) => (w % 12 === 11 ? VOCABULARY[(i + Math.floor(w / 12)) % VOCABULARY.length]! : FILLER[(i + w) % FILLER.length]!));
        return `<p>${words.join(' ')}. ${at(i)}</p>`;
      }).join('');
    const page = (body: string) => detector.detect(collectText(new DOMParser().parseFromString(`<body><main>${body}</main></body>`, 'text/html')).segments);

    it('one anchor in a long text full of the other elements is no telling', () => {
      const once = page(soup(60, (i) => (i === 40 ? 'Then we went to the Italian consulate about it.' : '')));
      expect(once.matched, once.reason).toBe(false);
      // The same words a few paragraphs long (under four windows) are read as before: one window holds
      // the anchors and the elements, and tells the event.
      const short = page(soup(6, (i) => (i === 4 ? 'Then we went to the Italian consulate about it.' : '')));
      expect(short.matched, short.reason).toBe(true);
      expect(short.signals.find((s) => s.decisive)?.rule).toBe('event');
    });

    it('a long text retelling the event again and again still tells it: its elements come as often as its anchors', () => {
      // A page of reposts that are not items (one locality), each telling the event, with filler between.
      // Thirty of them over some 40,000 characters: the cues stretch over many windows, and each element
      // comes as often as the anchors.
      const telling = 'In June 2020 four Uyghur children were stopped by police in Shanghai when they went to the Italian consulate for their visas.';
      const body = Array.from({ length: 30 }, () => `<p>${telling}</p><p>${FILLER.join(' ').repeat(12)}</p>`).join('');
      expect(body.length).toBeGreaterThan(SPREAD_WINDOWS * WINDOW * 3);
      const reposts = page(body);
      expect(reposts.matched, reposts.reason).toBe(true);
      expect(reposts.signals.find((s) => s.decisive)?.rule).toBe('event');
    });

    it("a long feature on the Uyghurs that tells the consulate once still tells it: the word everywhere still says whose children", () => {
      // A review's case: "Uyghur" in every few paragraphs of some 15,000 characters, and the consulate
      // told once, with nothing else that tells it apart (no orphanage, no Payzawat).
      const about = (i: number) => `<p>Paragraph ${i} of a long feature on Uyghur life in exile: the market opened late and the tea was cold while the bus waited by the bridge in the rain, and a Uyghur teacher spoke of language classes for the young.</p>`;
      const consulate = '<p>In June 2020 four children were stopped by police in Shanghai when they went to the Italian consulate for their visas.</p>';
      const feature = page(Array.from({ length: 60 }, (_, i) => (i === 30 ? consulate : about(i))).join(''));
      expect(feature.matched, feature.reason).toBe(true);
      expect(feature.signals.find((s) => s.decisive)?.rule).toBe('event');
    });

    it("a long piece on CGTN that tells the complaints about its programme once still tells them: an anchor is never the page's vocabulary", () => {
      // CGTN in every paragraph of some 16,000 characters; Safeguard Defenders, the regulators and the
      // grandfather's programme once (the event asks for every anchor).
      const about = (i: number) => `<p>Paragraph ${i}: CGTN, the state broadcaster's international channel, runs bureaus in many capitals, and CGTN presenters read the news in several languages while the tea was cold and the bus waited by the bridge.</p>`;
      const complaint =
        '<p>Safeguard Defenders filed complaints with the French regulator CSA and the US FCC about the CGTN programme in which the children\'s grandfather asked his son to come home, presented as a family disturbed by CNN reporters.</p>';
      const piece = page(Array.from({ length: 70 }, (_, i) => (i === 35 ? complaint : about(i))).join(''));
      expect(piece.matched, piece.reason).toBe(true);
      expect(piece.signals.some((s) => s.rule === 'event' && s.eventId === 'cgtn-complaint-2021'), piece.reason).toBe(true);
    });
  });
});

describe('vocabularyOf', () => {
  const cue = (elementId: string, start: number) => ({ term: { kind: 'event-cue', label: elementId, strength: 'weak', elementId }, termIndex: 0, segment: 0, start, end: start + 5, text: elementId }) as PlacedHit;
  /** `n` cues of `elementId` spread evenly from 0 to `stretch`. */
  const spread = (elementId: string, n: number, stretch: number) => Array.from({ length: n }, (_, i) => cue(elementId, Math.round((i * stretch) / Math.max(1, n - 1))));
  const sorted = (...lists: PlacedHit[][]) => lists.flat().sort((a, b) => a.start - b.start);

  it('names an element that is everywhere and many times as common as the rarest anchor, never an anchor', () => {
    const stretch = 20 * WINDOW;
    const cues = sorted(spread('shanghai', 400, stretch), spread('consulate', 2, stretch), spread('visas', 300, stretch), spread('children', 3, stretch));
    expect([...vocabularyOf(cues, ['consulate', 'shanghai'])]).toEqual(['visas']);
  });

  it('names nothing in a text shorter than SPREAD_WINDOWS windows, where no anchor is found, or with no anchors at all', () => {
    const short = sorted(spread('consulate', 1, 100), spread('visas', 300, SPREAD_WINDOWS * WINDOW - 1));
    expect(vocabularyOf(short, ['consulate']).size).toBe(0);
    const exactly = sorted(spread('consulate', 1, 100), spread('visas', 300, SPREAD_WINDOWS * WINDOW));
    expect([...vocabularyOf(exactly, ['consulate'])]).toEqual(['visas']);
    const noAnchor = spread('visas', 300, 20 * WINDOW);
    expect(vocabularyOf(noAnchor, ['consulate']).size).toBe(0);
    expect(vocabularyOf(noAnchor, []).size).toBe(0);
    expect(vocabularyOf([], ['consulate']).size).toBe(0);
  });
});

describe('bad inputs end', () => {
  it('10 MB of non-matching text', () => {
    const chunk = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Kashgar market report. ';
    const text = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
    const d = detector.detect(segs(text));
    expect(d.matched).toBe(false);
  });

  it('80,000 holidays and 80,000 reunions end (each reunion looks its holiday up, not through every one)', () => {
    const d = detector.detect(segs(`穆合丽萨在喀什。${'春节回家团聚。'.repeat(80_000)}`));
    expect(d.matched).toBe(false);
  });

  it('a name repeated 100,000 times decides once per person (linear, not pairwise)', () => {
    const d = detector.detect(segs(`${'Mihriban Kader '.repeat(100_000)} Uyghur, Italy, orphanage`));
    expect(d.matched).toBe(true);
    expect(d.signals.filter((s) => s.personId === 'mihriban-kader')).toHaveLength(1);
  });
});
