// Backstory, Chromium only (wxt.config.ts; content/extension-api.ts says why). Runs at document_start,
// in the content scripts' isolated world, before the page's markup can name anything after the
// globals this world's code looks up: a page element with an id or a name shadows a global the world
// does not have as its own property, and Chromium, making the world later, leaves out its own `chrome`
// when the name is already taken. The build strips these comments and writes in START_KEYS
// (content/watch/start-keys.ts) and the slots' names (content/chrome-api.ts `GUARD_SLOTS`). In a
// block: the world's scripts share its global scope.
{
  // 1. The extension API, read once now and kept under a symbol (the world's own; a page cannot name a
  //    symbol): even `<html id="chrome">`, which exists at document_start, makes `chrome` read page
  //    elements once the page adds another of that id. Nothing here reads the name again later.
  const api = chrome;
  globalThis[Symbol.for(API_SLOT)] = api;
  // 2. zod's global configuration, which zod (in chunk-annotator.js) reads by name and creates only
  //    when the name reads nothing: `<form id="__zod_globalConfig">` made the annotator throw.
  globalThis.__zod_globalConfig = {};
  // 3. The content script's first read (content/watch/start-keys.ts), begun now rather than at
  //    document_idle; content/extension-api.ts `read` takes it. Marked stale if any of its keys changes
  //    before it is taken (the index stored, the reader pausing Backstory while the page loads): the
  //    content script then reads again.
  const start = { keys: START_KEYS, read: api.storage.local.get(START_KEYS).catch(() => undefined), stale: false };
  const changed = (changes, area) => {
    if (area === 'local' && start.keys.some((key) => key in changes)) start.stale = true;
  };
  start.done = () => api.storage.onChanged.removeListener(changed);
  api.storage.onChanged.addListener(changed);
  globalThis[Symbol.for(START_SLOT)] = start;
}
