/**
 * Chromium's extension API object, as content/api-guard.js kept it under a symbol at document_start
 * (content/extension-api.ts says why the `chrome` name cannot be trusted later); the `chrome` global
 * where that script did not run (unit tests' stand-ins). Apart from extension-api.ts, which needs the
 * build's browser, so that code that also runs in Node (content/dom-text.ts) can ask for it.
 */
export function chromeApi(): unknown {
  return (globalThis as Record<symbol, unknown>)[Symbol.for(GUARD_SLOTS.api)] ?? (globalThis as { chrome?: unknown }).chrome;
}

/**
 * The names of the symbols content/api-guard.js keeps its two things under: the API object, and the
 * first storage read it began (content/extension-api.ts `read`). The build writes them into the guard
 * (wxt.config.ts), so they are named here only.
 */
export const GUARD_SLOTS = { api: 'backstory.api', start: 'backstory.start' } as const;
