// Backstory, Chromium only (wxt.config.ts; content/extension-api.ts says why). Runs at document_start,
// in the content scripts' isolated world, before the page's markup can name anything after the
// globals this world's code looks up: a page element with an id or a name shadows a global the world
// does not have as its own property, and Chromium, making the world later, leaves out its own `chrome`
// when the name is already taken. The build strips these comments and writes START_KEYS in.
// 1. The extension API, kept under a symbol (the world's own; a page cannot name a symbol): even
//    `<html id="chrome">`, which exists at document_start, leaves `chrome` reading a page element.
globalThis[Symbol.for('backstory.api')] = chrome;
// 2. zod's global configuration, which zod (in chunk-annotator.js) reads by name and creates only
//    when the name reads nothing: `<form id="__zod_globalConfig">` made the annotator throw.
globalThis.__zod_globalConfig = {};
// 3. The content script's first read (content/watch/start-keys.ts), begun now rather than at
//    document_idle; content/extension-api.ts `startRead` takes it.
globalThis[Symbol.for('backstory.start')] = { keys: START_KEYS, read: chrome.storage.local.get(START_KEYS).catch(() => undefined) };
