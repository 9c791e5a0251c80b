/**
 * The hostile pages (tests/fixtures/hostile/), one attack each, and what the reader gets on each:
 * the sidebar shown and working, or, where a page can hide what an extension draws inside it, the
 * popup and the badge saying "This page hides Backstory's context" (and offering the side panel).
 * Both browsers run the same table (hostile.chromium.spec.ts, hostile.firefox.spec.ts); SECURITY.md
 * has the results.
 */
import path from 'node:path';
import type { HiddenReason } from '../../content/host-visibility';

export interface HostileCase {
  /** The fixture's name (tests/fixtures/hostile/<name>.html). */
  name: string;
  /** What the attack is. */
  attack: string;
  /** The sidebar shown and working in spite of it, or the reason the popup gives for it being hidden. */
  outcome: 'shown' | HiddenReason;
  /** Where Firefox differs (it has no IntersectionObserver v2): its outcome, and why. */
  firefox?: { outcome: 'shown' | HiddenReason; why: string };
  /** The attack needs a user gesture (a click on the page) to start. */
  click?: boolean;
  /**
   * Milliseconds after the page's load during which the test must not evaluate anything in the page's
   * own world (the page records every call to its patched built-ins then, and the test's own calls
   * would count).
   */
  quietMs?: number;
  /**
   * A check in the page's own world once the outcome is reached: a function's source, run with no
   * argument, returning what the page got (compared with `pageGot`).
   */
  pageCheck?: string;
  pageGot?: unknown;
  /** The annotator (chunk-annotator.js) answers on this page too: asked to describe a selection when none is made. */
  annotator?: boolean;
}

export const HOSTILE_DIR = path.resolve('tests/fixtures/hostile');
export const hostileUrl = (name: string) => `https://hostile.test-daily.example/2021/04/25/${name}`;
export const hostilePages = (cases: readonly HostileCase[]) => cases.map((c) => ({ url: hostileUrl(c.name), file: path.join(HOSTILE_DIR, `${c.name}.html`) }));

export const HOSTILE_CASES: readonly HostileCase[] = [
  { name: 'all-unset', attack: '`* { all: unset !important }`, a hostile @font-face, colours and font size on everything', outcome: 'shown' },
  { name: 'body-effects', attack: 'opacity, filter, clip-path, transform, zoom and contain on <body>', outcome: 'shown' },
  { name: 'root-opacity', attack: '`html { opacity: 0 }`', outcome: 'invisible' },
  { name: 'root-filter', attack: '`html { filter: blur() opacity() }`', outcome: 'invisible' },
  { name: 'root-clip-path', attack: '`html { clip-path: inset(…) }` over the right edge', outcome: 'invisible' },
  { name: 'root-transform', attack: '`html { transform: translateX(120vw) }`', outcome: 'invisible' },
  { name: 'root-zoom', attack: '`html { zoom: 0.1 }`', outcome: 'invisible' },
  { name: 'root-contain', attack: '`html { contain: paint }` on a 120-pixel root', outcome: 'invisible' },
  { name: 'overlay', attack: 'a full-window overlay at the highest z-index, added after the host', outcome: 'covered' },
  {
    name: 'overlay-click-through',
    attack: 'a full-window overlay drawn over the host but click-through (`pointer-events: none`), invisible to hit-testing',
    outcome: 'covered',
    firefox: { outcome: 'shown', why: 'no IntersectionObserver v2 in Firefox: hit-testing skips click-through elements, so this cover goes unseen' },
  },
  { name: 'modal-dialog', attack: '`dialog.showModal()` over the whole window (top layer)', outcome: 'covered' },
  { name: 'popover', attack: 'a popover over the whole window (top layer)', outcome: 'covered' },
  { name: 'fullscreen', attack: 'an element made fullscreen on a click (top layer)', outcome: 'covered', click: true },
  {
    name: 'remover',
    attack: 'removes every new child of <html>, again and again',
    outcome: 'removed',
    // The host was put back a bounded number of times (MAX_REMOUNTS = 3), then left out.
    pageCheck: '() => ({ removed: window.__removed, children: document.documentElement.children.length })',
    pageGot: { removed: 4, children: 2 },
  },
  {
    name: 'mover',
    attack: 'moves every new child of <html> into a hidden box, again and again',
    outcome: 'removed',
    pageCheck: '() => ({ moved: window.__moved })',
    pageGot: { moved: 4 },
  },
  {
    name: 'prototypes',
    attack: 'patches attachShadow, appendChild, append, createElement, MutationObserver, JSON, Array.prototype, Function.prototype.call/apply, addEventListener, fetch, postMessage, Object.prototype.then before any content script',
    outcome: 'shown',
    // Not one of Backstory's calls reached the page's patches (content scripts run in an isolated world).
    quietMs: 3_500,
    pageCheck: "() => window.__recording === 'done' ? window.__calls : 'still recording'",
    pageGot: [],
  },
  { name: 'clobber', attack: 'forms named `browser` and `chrome`, each with a `runtime` field that has an id (DOM clobbering of the extension API globals)', outcome: 'shown', annotator: true },
  {
    name: 'rootid',
    attack: '`<html id="chrome">` (there at document_start) and a second element of that id; the article in a closed shadow root',
    outcome: 'shown',
  },
  { name: 'zod-config', attack: "a form named after zod's global configuration (`__zod_globalConfig`), with a field named `postProcessor`", outcome: 'shown', annotator: true },
  { name: 'strict-csp', attack: "a strict CSP (`default-src 'none'`, `frame-src 'none'`) with Trusted Types (`require-trusted-types-for 'script'; trusted-types 'none'`)", outcome: 'shown' },
  {
    name: 'forged-messages',
    attack: "postMessage of Backstory's message types to every window, custom events of the same names and of WXT's, every 100 ms",
    outcome: 'shown',
    // No answer came back; the sidebar stayed collapsed (the forged "set-open" did nothing).
    pageCheck: "() => ({ replies: window.__replies, width: document.querySelector('html > :not(head):not(body)').getBoundingClientRect().width })",
    pageGot: { replies: 0, width: 44 },
  },
  {
    name: 'markup-in-names',
    attack: 'markup, script text and U+202E bidi overrides inside the names, the title and the text',
    outcome: 'shown',
    pageCheck: '() => ({ pwned: window.__pwned ?? null })',
    pageGot: { pwned: null },
  },
];
