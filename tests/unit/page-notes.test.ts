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
    const detection = {
      matched: true,
      score: 10,
      families: ['family-abdurehim'],
      people: ['mamutjan-abdurehim'],
      signals: [{ rule: 'full-name', kind: 'name', decisive: true, score: 10, familyId: 'family-abdurehim', segment: 0, label: '', text: '', strength: 'strong', origin: 'body' }],
      reason: '',
      carriers: [0],
    } as unknown as Detection;
    const targets = noteTargets(detection, (segment) => (segment === 0 ? text : undefined), document);
    expect(targets.map((t) => [t.anchor.getAttribute('data-i'), t.familyId])).toEqual([['2', 'family-abdurehim']]);
  });
});
