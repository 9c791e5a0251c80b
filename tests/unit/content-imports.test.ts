/**
 * What runs in web pages stays small: the content script and the chunks it loads into pages never
 * import tldts (about 115 KB gzipped with its suffix list), nor the modules built on it. Names are
 * stored already normalised (core/site.ts) and checked there with core/site-match.ts.
 */
import { describe, expect, it } from 'vitest';
import madge from 'madge';

/** Modules that must stay out of page code, by path. */
const FORBIDDEN = [/node_modules\/tldts/, /core\/site\.ts$/, /core\/muting\.ts$/, /core\/annotations\/document-key\.ts$/];
/** The interface catalogs are for extension pages: the page needs only core/locale.ts (issue 17). */
const NO_CATALOGS = /core\/i18n\//;

describe('page code leaves tldts and the interface catalogs out', () => {
  it.each([['entrypoints/content/index.ts'], ['entrypoints/chunk-annotator.ts'], ['entrypoints/chunk-ui.ts']])('%s', async (entry) => {
    const graph = await madge(entry, {
      fileExtensions: ['ts', 'tsx'],
      tsConfig: 'tsconfig.json',
      includeNpm: true,
      detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
    });
    const modules = new Set([...Object.keys(graph.obj()), ...Object.values(graph.obj()).flat()]);
    expect(modules.size).toBeGreaterThan(5); // the graph was read, not empty
    expect([...modules].filter((m) => FORBIDDEN.some((f) => f.test(m)))).toEqual([]);
    expect([...modules].filter((m) => NO_CATALOGS.test(m))).toEqual([]);
  }, 20_000);
});
