/**
 * Reading page text: where text hides (head, alt, aria-label, figcaption, shadow roots, same-origin
 * iframes, caption tracks), how words join across inline markup, page furniture, and bad inputs that
 * must end (deep nesting, huge pages). Outcomes are asserted, not timings.
 */
import { describe, expect, it } from 'vitest';
import { collectText, cueText, vttCueTexts } from '../../content/page-text';
import { fakeFrames } from '../support/fakes';

function doc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
const joined = (d: Node, opts = {}) =>
  collectText(d, opts)
    .segments.map((s) => (s.block ? `|${s.text}` : s.text))
    .join('');

describe('collectText', () => {
  it.each([
    ['inline elements join words', '<p><b>Mamut</b>jan Abdurehim</p>', '|Mamutjan Abdurehim'],
    ['block elements break words', '<div>Mamut</div><div>jan</div>', '|Mamut|jan'],
    ['<br> breaks words', '<p>Mamtinin<br>Ablikim</p>', '|Mamtinin|Ablikim'],
    ['script, style and template are skipped', '<p>a</p><script>Mamutjan</script><style>x{}</style><template>y</template>', '|a'],
    ['hidden content is still read', '<div hidden><video aria-label="Zumeryem speaks"></video></div>', '|Zumeryem speaks'],
    ['a code listing and a form field are set aside', '<p>a</p><pre><code>Mamutjan</code></pre><textarea>Kader</textarea>', '|a'],
    ['preformatted prose is read (a transcript)', '<pre class="transcript">PRESENTER: Mihriban Kader</pre>', '|PRESENTER: Mihriban Kader'],
  ])('%s', (_name, html, expected) => {
    expect(joined(doc(`<!doctype html><body>${html}</body>`))).toBe(expected);
  });

  it('reads title and description meta when asked', () => {
    const d = doc('<html><head><title>T</title><meta property="og:description" content="D"></head><body>B</body></html>');
    const s = collectText(d, { withHead: true }).segments;
    expect(s.map((x) => [x.origin, x.text])).toEqual([
      ['title', 'T'],
      ['meta', 'D'],
      ['body', 'B'],
    ]);
  });

  it.each([
    ['img alt', '<img alt="Mihriban Kader">', 'alt'],
    ['aria-label', '<div aria-label="Mihriban Kader"></div>', 'aria-label'],
    ['figcaption', '<figure><img src="x.jpg"><figcaption>Mihriban <i>Kader</i></figcaption></figure>', 'caption'],
  ])('reads text in %s with its origin', (_name, html, origin) => {
    const s = collectText(doc(`<body>${html}</body>`)).segments;
    expect(s.some((x) => x.origin === origin && x.text.startsWith('Mihriban'))).toBe(true);
  });

  it('marks nav, aside and footer text as page furniture', () => {
    const s = collectText(doc('<body><main><p>story</p></main><aside><a>headline</a></aside><div role="navigation">menu</div><p>after</p></body>')).segments;
    expect(s.filter((x) => x.furniture).map((x) => x.text)).toEqual(['headline', 'menu']);
    expect(s.find((x) => x.text === 'after')!.furniture).toBeUndefined();
  });

  it('marks a drop-down’s options as page furniture: a “read also” picker’s headlines are not what the page says', () => {
    // Round 31's n08: an Italian page on student visas whose "Leggi anche" <select> lists the story's headline.
    const s = collectText(doc('<body><main><p>story</p><select><option>Leggi anche</option><option>headline</option></select><datalist><option value="x">choice</option></datalist></main></body>')).segments;
    expect(s.filter((x) => x.furniture).map((x) => x.text)).toEqual(['Leggi anche', 'headline', 'choice']);
    expect(s.find((x) => x.text === 'story')!.furniture).toBeUndefined();
  });

  it('reads open shadow roots', () => {
    const d = doc('<body><p>light</p><x-card></x-card></body>');
    const host = d.querySelector('x-card')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Ablikim Memtinin</p>';
    expect(collectText(d).segments.map((s) => s.text)).toEqual(['light', 'Ablikim Memtinin']);
  });

  it('reads same-origin iframes and survives inaccessible ones', () => {
    const d = document.implementation.createHTMLDocument('t');
    d.body.innerHTML = '<p>outer</p>';
    const inner = document.implementation.createHTMLDocument('i');
    inner.body.innerHTML = '<p>inner text</p>';
    const { sameOrigin, crossOrigin } = fakeFrames(d, inner);
    d.body.append(sameOrigin, crossOrigin);
    expect(collectText(d).segments.map((s) => s.text)).toEqual(['outer', 'inner text']);
  });

  it('appends caption cues with origin "caption"', () => {
    const s = collectText(doc('<body><p>video</p></body>'), { captions: ['Ablikim Mamtinin', 'and Mihriban Kader'] }).segments;
    expect(s.filter((x) => x.origin === 'caption').map((x) => x.text)).toEqual(['Ablikim Mamtinin', 'and Mihriban Kader']);
  });

  it('returns for a 5,000-deep nested DOM (no recursion)', { timeout: 60_000 }, () => {
    const d = document.implementation.createHTMLDocument('deep');
    let el: Element = d.body;
    for (let i = 0; i < 5000; i++) {
      const child = d.createElement(i % 2 ? 'span' : 'div');
      el.appendChild(child);
      el = child;
    }
    el.textContent = 'bottom';
    d.body.append('after');
    const s = collectText(d).segments;
    expect(s.map((x) => x.text)).toEqual(['bottom', 'after']);
    expect(s[1]!.block).toBe(true);
  });

  // happy-dom builds large trees slowly (seconds); the walk itself is the cheap part.
  it('reads 100,000 nodes', { timeout: 120_000 }, () => {
    const d = document.implementation.createHTMLDocument('wide');
    const root = d.createElement('div');
    for (let i = 0; i < 1000; i++) {
      const div = d.createElement('div');
      for (let j = 0; j < 50; j++) div.appendChild(d.createElement('p')).appendChild(d.createTextNode(`w${i}_${j}`));
      root.appendChild(div);
    }
    d.body.appendChild(root);
    const s = collectText(d).segments;
    expect(s.length).toBe(50_000);
    expect(s.at(-1)!.text).toBe('w999_49');
  });

  it('stops at the character limit on a 10 MB page', () => {
    const d = document.implementation.createHTMLDocument('big');
    for (let i = 0; i < 20; i++) d.body.appendChild(d.createElement('p')).textContent = 'x'.repeat(500_000);
    const s = collectText(d, { limit: 2_000_000 }).segments;
    expect(s.length).toBe(4);
  });
});

describe('caption text', () => {
  it('reads cue texts from a WebVTT file', () => {
    const vtt = 'WEBVTT\n\nNOTE a note\n\n1\n00:00:00.000 --> 00:00:04.000\n<v Anchor>Ablikim Mamtinin\nand <i>Mihriban Kader</i>\n\n00:00:04.000 --> 00:00:05.000\nA &amp; B\n';
    expect(vttCueTexts(vtt)).toEqual(['Ablikim Mamtinin\nand Mihriban Kader', 'A & B']);
  });
  it('strips cue markup', () => {
    expect(cueText('<c.yellow>Zumeryem</c> <00:00:01.000>said')).toBe('Zumeryem said');
  });
});
