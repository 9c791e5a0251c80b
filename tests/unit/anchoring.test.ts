import { describe as group, expect, it } from 'vitest';
import { anchor, CONTEXT_LENGTH, describe, statusOf } from '../../core/annotations/anchoring';
import { positionsOfRange, rangeFromPositions, textOfRoot } from '../../content/text-dom';
import type { Selector } from '../../core/annotations/model';

/** A page as a researcher would annotate it: a news article with repeated phrases. */
const ARTICLE = [
  'Separated by policy: two Uyghur families speak out',
  'By our correspondent, updated 24 April 2021',
  'The parents say they have not heard from their children for years. State media broadcast a video in which relatives criticised them, and officials said the family members were free to travel.',
  'The parents answered that no evidence was given for the accusations against them. In the video, a child reads a statement that the parents believe was prepared in advance.',
  'Asked about the claims, a spokesperson repeated that no evidence was given by the families, a line the ministry has used before.',
  'Researchers who reviewed the footage said the clip had been edited, and that the children appeared to have been coached before the interview.',
].join('\n');

function find(text: string, quote: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`fixture lacks "${quote}"`);
  return { start: at, end: at + quote.length };
}

function selectorsFor(quote: string, occurrence = 0): Selector[] {
  return describe(ARTICLE, find(ARTICLE, quote, occurrence));
}

group('describe', () => {
  it('keeps the quote, 32 characters of context each side, and the position', () => {
    const range = find(ARTICLE, 'the clip had been edited');
    const [quote, position] = describe(ARTICLE, range);
    expect(quote.exact).toBe('the clip had been edited');
    expect(quote.prefix).toBe(ARTICLE.slice(range.start - CONTEXT_LENGTH, range.start));
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toBe(ARTICLE.slice(range.end, range.end + 32));
    expect(position).toEqual({ type: 'TextPositionSelector', ...range });
  });

  it('cuts the context at the start and end of the text', () => {
    const [quote] = describe(ARTICLE, { start: 0, end: 12 });
    expect(quote.prefix).toBe('');
    const [last] = describe(ARTICLE, { start: ARTICLE.length - 10, end: ARTICLE.length });
    expect(last.suffix).toBe('');
  });

  it.each([
    [{ start: 5, end: 5 }],
    [{ start: -1, end: 5 }],
    [{ start: 0, end: ARTICLE.length + 1 }],
    [{ start: 1.5, end: 4 }],
  ])('refuses an empty or out-of-bounds range %j', (range) => {
    expect(() => describe(ARTICLE, range)).toThrow(RangeError);
  });
});

const QUOTE = 'the children appeared to have been coached before the interview';

/** How the page changed since the annotation was made; the expected outcome. */
const CASES: Array<{
  name: string;
  page: (text: string) => string;
  quote?: string;
  occurrence?: number;
  method: 'position' | 'quote' | 'fuzzy' | null;
  /**
   * What the anchored range must read (default: the quote). A fuzzy anchor is approximate at its
   * edges (the minimal-edit alignment may trim an inserted word), so it must cover at least 90% of
   * this passage and little else.
   */
  reads?: string;
}> = [
  { name: 'unchanged page', page: (t) => t, method: 'position' },
  {
    name: 'text moved: a paragraph inserted above',
    page: (t) => t.replace('The parents say', 'Editor’s note: this article was updated with a response.\nThe parents say'),
    method: 'quote',
  },
  {
    name: 'text moved: the paragraph moved to the top',
    page: (t) => {
      const lines = t.split('\n');
      return [lines[5], ...lines.slice(0, 5)].join('\n');
    },
    method: 'quote',
  },
  {
    name: 'markup changed: line breaks and double spaces inside the quote',
    page: (t) => t.replace('appeared to have been coached', 'appeared  to\n   have been\tcoached'),
    method: 'quote',
    reads: 'the children appeared  to\n   have been\tcoached before the interview',
  },
  {
    name: 'small edit: one word changed',
    page: (t) => t.replace('have been coached', 'had been coached'),
    method: 'fuzzy',
    reads: 'the children appeared to had been coached before the interview',
  },
  {
    name: 'small edits: a typo fixed and a word added',
    page: (t) => t.replace('the children appeared to have been coached before the interview', 'the young children appeared to have ben coached before the interview'),
    method: 'fuzzy',
    reads: 'the young children appeared to have ben coached before the interview',
  },
  {
    name: 'small edit and the passage moved',
    page: (t) => `A new introduction paragraph pushes everything down.\n${t.replace('coached before', 'coached shortly before')}`,
    method: 'fuzzy',
    reads: 'the children appeared to have been coached shortly before the interview',
  },
  {
    name: 'passage deleted',
    page: (t) => t.replace(/Researchers who reviewed[^\n]*/, 'This paragraph was removed by the publisher.'),
    method: null,
  },
  {
    name: 'passage rewritten beyond recognition',
    page: (t) => t.replace(QUOTE, 'experts could not confirm how the interview was arranged'),
    method: null,
  },
  {
    name: 'repeated quote: the second occurrence, after text moved',
    quote: 'no evidence was given',
    occurrence: 1,
    page: (t) => `Update: a correction was added.\n${t}`,
    method: 'quote',
  },
  {
    name: 'repeated quote: the first occurrence, after text moved',
    quote: 'no evidence was given',
    occurrence: 0,
    page: (t) => `Update: a correction was added.\n${t}`,
    method: 'quote',
  },
  {
    name: 'short quote edited, its context gone: orphaned rather than guessed',
    quote: 'edited',
    page: (t) => t.replace(/Researchers who reviewed[^\n]*/, 'The clip was edlted and shown again.'),
    method: null,
  },
];

group('anchor', () => {
  it.each(CASES)('$name -> $method', ({ page, quote = QUOTE, occurrence = 0, method, reads }) => {
    const selectors = selectorsFor(quote, occurrence);
    const before = find(ARTICLE, quote, occurrence);
    const changed = page(ARTICLE);
    const result = anchor(changed, selectors);
    expect(result?.method ?? null).toBe(method);
    expect(statusOf(result)).toBe(method ? 'anchored' : 'orphaned');
    if (!result) return;
    const text = changed.slice(result.start, result.end);
    if (method === 'fuzzy') {
      const expected = find(changed, reads!);
      const overlap = Math.min(result.end, expected.end) - Math.max(result.start, expected.start);
      expect(overlap / reads!.length).toBeGreaterThanOrEqual(0.9);
      expect(result.end - result.start).toBeLessThanOrEqual(reads!.length + 4);
    } else expect(text).toBe(reads ?? quote);
    if (quote !== QUOTE) {
      // A repeated quote lands on the same occurrence it was made on (same context around it).
      expect(changed.slice(result.start - 20, result.start)).toBe(ARTICLE.slice(before.start - 20, before.start));
    }
  });

  it('trusts a bare position only while it fits the text', () => {
    const position: Selector = { type: 'TextPositionSelector', start: 10, end: 20 };
    expect(anchor(ARTICLE, [position])).toMatchObject({ start: 10, end: 20, method: 'position' });
    expect(anchor('too short', [position])).toBeNull();
  });

  it('is orphaned without text selectors', () => {
    expect(anchor(ARTICLE, [])).toBeNull();
    expect(anchor(ARTICLE, [{ type: 'CssSelector', value: 'p' } as Selector])).toBeNull();
  });

  it('anchors a quote with no context or position (an import from another tool)', () => {
    expect(anchor(ARTICLE, [{ type: 'TextQuoteSelector', exact: 'the clip had been edited' }])).toMatchObject({ method: 'quote' });
    expect(anchor(ARTICLE.replace('clip had', 'clip has'), [{ type: 'TextQuoteSelector', exact: 'Researchers who reviewed the footage said the clip had been edited' }])).toMatchObject({
      method: 'fuzzy',
    });
  });

  it('stays fast on a long page (200 KB, fuzzy search across it)', () => {
    const long = `${'Unrelated filler about other news of the day. '.repeat(4000)}${ARTICLE}`;
    const selectors = selectorsFor(QUOTE);
    const started = performance.now();
    const result = anchor(long.replace('have been coached', 'had been coached'), selectors);
    expect(result?.method).toBe('fuzzy');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

group('DOM glue (happy-dom)', () => {
  function page(html: string): HTMLElement {
    const root = document.createElement('article');
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    root.append(...Array.from(parsed.body.childNodes));
    document.body.replaceChildren(root);
    return root;
  }

  it('reads text nodes in order, skipping scripts and styles, and maps positions back to nodes', () => {
    const root = page('<h1>Two families</h1><p>The parents <b>answered</b> that <em>no evidence</em> was given.</p><script>var x = "hidden";</script><style>p{}</style><p>End.</p>');
    const rt = textOfRoot(root);
    expect(rt.text).toBe('Two familiesThe parents answered that no evidence was given.End.');
    const { start, end } = find(rt.text, 'answered that no evidence');
    const range = rangeFromPositions(rt, start, end);
    expect(range.toString()).toBe('answered that no evidence');
    expect(range.startContainer.textContent).toBe('answered');
    expect(positionsOfRange(rt, range)).toEqual({ start, end });
  });

  it('maps a selection whose ends are elements (as a triple-click makes)', () => {
    const root = page('<p id="a">First paragraph.</p><p id="b">Second <i>one</i>.</p><p>Third.</p>');
    const rt = textOfRoot(root);
    const range = document.createRange();
    const b = root.querySelector('#b')!;
    range.setStart(b, 0);
    range.setEnd(root, 2);
    const { start, end } = positionsOfRange(rt, range);
    expect(rt.text.slice(start, end)).toBe('Second one.');
  });

  it('describes a selection, and anchors it again after the markup changed', () => {
    const root = page('<p>Researchers said <a href="#">the clip</a> had been edited, and that the children appeared to have been coached before the interview.</p>');
    const rt = textOfRoot(root);
    const selection = document.createRange();
    const link = root.querySelector('a')!.firstChild!;
    selection.setStart(link, 4);
    const last = root.querySelector('p')!.lastChild as Text;
    selection.setEnd(last, last.data.indexOf(', and'));
    const selectors = describe(rt.text, positionsOfRange(rt, selection));
    expect(selectors[0].exact).toBe('clip had been edited');

    // The site re-renders: new wrappers, an ad paragraph above, different text node boundaries.
    const after = page('<aside>Advertisement</aside><div><p><span>Researchers said the </span><span>clip had been</span> <strong>edited</strong>, and that the children appeared to have been coached before the interview.</p></div>');
    const rt2 = textOfRoot(after);
    const found = anchor(rt2.text, selectors);
    expect(found?.method).toBe('quote');
    const range = rangeFromPositions(rt2, found!.start, found!.end);
    expect(range.toString()).toBe('clip had been edited');
  });

  it('refuses positions outside the text', () => {
    const rt = textOfRoot(page('<p>Short.</p>'));
    expect(() => rangeFromPositions(rt, 0, 99)).toThrow(RangeError);
  });
});
