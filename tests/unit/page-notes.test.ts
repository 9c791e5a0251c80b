/**
 * content/page-notes.ts `noteTargets`: the note goes at the post that carries the story, also when the
 * post keeps its text inside a component's shadow root (the walk up crosses the root to its host).
 */
import { describe, expect, it } from 'vitest';
import { noteTargets } from '../../content/page-notes';
import type { Detection } from '../../core/detect/detect';

describe('noteTargets', () => {
  it("puts the note at the post whose component's shadow root holds the story", () => {
    document.body.innerHTML = '<main><article data-i="1"><p>Weather today.</p></article><article data-i="2"><post-body></post-body></article></main>';
    const root = document.querySelector('post-body')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><p>Mamutjan Abdurehim, in Adelaide.</p></div>';
    const text = root.querySelector('p')!.firstChild!;
    const targets = noteTargets(DETECTION, (segment) => (segment === 0 ? text : undefined), document);
    expect(targets.map((t) => [t.anchor.getAttribute('data-i'), t.familyId])).toEqual([['2', 'family-abdurehim']]);
  });

  it("puts the note at the post inside a feed component's shadow root, where the page itself has no posts", () => {
    document.body.innerHTML = '<main><x-feed></x-feed></main>';
    const root = document.querySelector('x-feed')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<article data-i="1"><p>Weather today.</p></article><article data-i="2"><p>Mamutjan Abdurehim, in Adelaide.</p></article>';
    const text = root.querySelector('[data-i="2"] p')!.firstChild!;
    const targets = noteTargets(DETECTION, (segment) => (segment === 0 ? text : undefined), document);
    expect(targets.map((t) => t.anchor.getAttribute('data-i'))).toEqual(['2']);
  });

  it('puts the note at the post when each post is a component of its own', () => {
    document.body.innerHTML = '<main><x-post></x-post><x-post></x-post></main>';
    const hosts = [...document.querySelectorAll('x-post')];
    hosts.forEach((host, i) => (host.attachShadow({ mode: 'open' }).innerHTML = `<article data-i="${i + 1}"><p>${i ? 'Mamutjan Abdurehim, in Adelaide.' : 'Weather today.'}</p></article>`));
    const text = hosts[1]!.shadowRoot!.querySelector('p')!.firstChild!;
    const targets = noteTargets(DETECTION, (segment) => (segment === 0 ? text : undefined), document);
    expect(targets.map((t) => t.anchor.getAttribute('data-i'))).toEqual(['2']);
  });

  it('puts the note at the post when each post is a component inside a feed component (nested roots)', () => {
    document.body.innerHTML = '<main><x-feed></x-feed></main>';
    const feed = document.querySelector('x-feed')!.attachShadow({ mode: 'open' });
    feed.innerHTML = '<x-post></x-post><x-post></x-post><x-post></x-post>';
    const hosts = [...feed.querySelectorAll('x-post')];
    hosts.forEach((host, i) => (host.attachShadow({ mode: 'open' }).innerHTML = `<article data-i="${i + 1}"><p>${i === 2 ? 'Mamutjan Abdurehim, in Adelaide.' : 'Weather today.'}</p></article>`));
    const text = hosts[2]!.shadowRoot!.querySelector('p')!.firstChild!;
    expect(noteTargets(DETECTION, (segment) => (segment === 0 ? text : undefined), document).map((t) => t.anchor.getAttribute('data-i'))).toEqual(['3']);
  });

  it('puts the note at the post inside the feed component, not at an article in the page that wraps the component', () => {
    // (With another article elsewhere in the page too, a promotion in an aside.)
    document.body.innerHTML = '<article data-i="page"><h1>Timeline</h1><x-feed></x-feed></article><aside><article data-i="promo"><p>Subscribe.</p></article></aside>';
    const root = document.querySelector('x-feed')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<article data-i="1"><p>Weather today.</p></article><article data-i="2"><p>Mamutjan Abdurehim, in Adelaide.</p></article>';
    const text = root.querySelector('[data-i="2"] p')!.firstChild!;
    expect(noteTargets(DETECTION, (segment) => (segment === 0 ? text : undefined), document).map((t) => t.anchor.getAttribute('data-i'))).toEqual(['2']);
  });

  it("gives no note where a page's sections are components and only one of them holds an article (a news story)", () => {
    document.body.innerHTML = '<main><x-section></x-section><x-section></x-section><x-section></x-section></main>';
    const sections = [...document.querySelectorAll('x-section')];
    sections.forEach((s, i) => (s.attachShadow({ mode: 'open' }).innerHTML = i === 1 ? '<article><p>Mamutjan Abdurehim, in Adelaide.</p></article>' : '<p>Newsletter sign-up</p>'));
    const text = sections[1]!.shadowRoot!.querySelector('p')!.firstChild!;
    expect(noteTargets(DETECTION, (segment) => (segment === 0 ? text : undefined), document)).toEqual([]);
  });

  it("gives no note to a news story's only article inside a component", () => {
    // One article in one component is the page itself: its note, if any, goes at its video.
    document.body.innerHTML = '<main><x-story></x-story></main>';
    const root = document.querySelector('x-story')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<article><p>Mamutjan Abdurehim, in Adelaide.</p></article>';
    const text = root.querySelector('p')!.firstChild!;
    expect(noteTargets(DETECTION, (segment) => (segment === 0 ? text : undefined), document)).toEqual([]);
  });
});

const DETECTION = {
  matched: true,
  score: 10,
  families: ['family-abdurehim'],
  people: ['mamutjan-abdurehim'],
  signals: [{ rule: 'full-name', kind: 'name', decisive: true, score: 10, familyId: 'family-abdurehim', segment: 0, label: '', text: '', strength: 'strong', origin: 'body' }],
  reason: '',
  carriers: [0],
} as unknown as Detection;
