/**
 * content/dom-text.ts `shadowOf`: closed shadow roots are read through the browser's extension API
 * (Chromium's `chrome.dom.openOrClosedShadowRoot`, here a stand-in that knows the closed roots made
 * below), only where a page can have attached one, and never Backstory's own hosts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const closed = new WeakMap<Element, ShadowRoot>();
const asked: string[] = [];
const api = {
  openOrClosedShadowRoot(el: Element): ShadowRoot | null {
    asked.push(el.localName);
    // As Chromium's: an element that is not HTML is an error in invocation.
    if (!(el instanceof HTMLElement)) throw new TypeError('Error in invocation of dom.openOrClosedShadowRoot(HTMLElement element)');
    return closed.get(el) ?? null;
  },
};
let shadowOf: (el: Element) => ShadowRoot | null;
let createHost: () => HTMLElement;

beforeAll(async () => {
  vi.stubGlobal('chrome', { dom: api });
  vi.resetModules();
  ({ shadowOf } = await import('../../content/dom-text'));
  ({ createHost } = await import('../../content/host-element'));
});
afterAll(() => {
  vi.unstubAllGlobals();
});

function attachClosed(el: Element): ShadowRoot {
  const root = el.attachShadow({ mode: 'closed' });
  closed.set(el, root);
  return root;
}

describe('shadowOf', () => {
  it('returns an open shadow root without asking the API', () => {
    asked.length = 0;
    const el = document.createElement('div');
    const root = el.attachShadow({ mode: 'open' });
    expect(shadowOf(el)).toBe(root);
    expect(asked).toEqual([]);
  });

  it("returns a custom element's closed shadow root", () => {
    const el = document.createElement('news-card');
    el.append('slotted text');
    const root = attachClosed(el);
    expect(el.shadowRoot).toBeNull();
    expect(shadowOf(el)).toBe(root);
  });

  it('returns the closed shadow root of a built-in host with no children (an app mounted on <div id="app">)', () => {
    const el = document.createElement('div');
    const root = attachClosed(el);
    expect(shadowOf(el)).toBe(root);
  });

  it('returns the closed shadow root of a mount point holding only white space or a comment, as server templates leave it', () => {
    const el = document.createElement('div');
    el.innerHTML = '\n  <!-- app -->\n';
    const root = attachClosed(el);
    expect(shadowOf(el)).toBe(root);
  });

  it('does not ask for built-ins with children of their own, nor for elements that cannot host a root', () => {
    asked.length = 0;
    const p = document.createElement('p');
    p.textContent = 'Prose read as it is.';
    expect(shadowOf(p)).toBeNull();
    expect(shadowOf(document.createElement('img'))).toBeNull();
    expect(shadowOf(document.createElement('td'))).toBeNull();
    expect(asked).toEqual([]);
  });

  it('never asks of SVG or MathML elements, whose hyphenated names are their own (font-face, annotation-xml)', () => {
    asked.length = 0;
    for (const [ns, name] of [
      ['http://www.w3.org/2000/svg', 'font-face'],
      ['http://www.w3.org/2000/svg', 'missing-glyph'],
      ['http://www.w3.org/1998/Math/MathML', 'annotation-xml'],
    ]) {
      expect(() => shadowOf(document.createElementNS(ns!, name!))).not.toThrow();
      expect(shadowOf(document.createElementNS(ns!, name!))).toBeNull();
    }
    expect(asked).toEqual([]);
  });

  it("never opens Backstory's own hosts", () => {
    asked.length = 0;
    const host = createHost();
    attachClosed(host);
    expect(shadowOf(host)).toBeNull();
    expect(asked).toEqual([]);
  });
});
