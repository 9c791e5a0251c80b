/**
 * The host's name gives nothing away (content/host-element.ts): two random words, a valid custom
 * element name, different from one page load to the next, never one the page already uses, and
 * recognised as Backstory's only by a mark the page's own world cannot see.
 */
import { describe, expect, it } from 'vitest';
import { createHost, isHost, randomTagName } from '../../content/host-element';

// The HTML standard's valid custom element name, for the lowercase ASCII names made here.
const CUSTOM_ELEMENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const RESERVED = new Set(['annotation-xml', 'color-profile', 'font-face', 'font-face-src', 'font-face-uri', 'font-face-format', 'font-face-name', 'missing-glyph']);

describe('the host element', () => {
  it('has a random, valid custom element name, with no attribute and nothing that names Backstory', () => {
    const names = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const host = createHost();
      expect(host.localName).toMatch(CUSTOM_ELEMENT_NAME);
      expect(RESERVED.has(host.localName)).toBe(false);
      expect(host.localName).not.toMatch(/backstory|context|sidebar|extension/);
      expect(host.attributes).toHaveLength(0);
      names.add(host.localName);
    }
    // 62 words, two at a time: 200 loads get many different names.
    expect(names.size).toBeGreaterThan(150);
  });

  it('never takes a name the page has defined or uses: a third word is added', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 50; i++) taken.add(randomTagName(() => false));
    for (let i = 0; i < 100; i++) {
      const name = randomTagName((n) => taken.has(n) || n.split('-').length < 3);
      expect(name.split('-').length).toBeGreaterThanOrEqual(3);
      expect(taken.has(name)).toBe(false);
    }
  });

  it('is told from an element of the same name the page made', () => {
    const ours = createHost();
    const theirs = document.createElement(ours.localName);
    expect(isHost(ours)).toBe(true);
    expect(isHost(theirs)).toBe(false);
    expect(isHost(document.createElement('div'))).toBe(false);
  });
});
