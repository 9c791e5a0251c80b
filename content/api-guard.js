// Backstory (Chromium only; see wxt.config.ts and content/extension-api.ts). Injected at
// document_start, before the page's markup exists, so that Chromium installs the extension API's
// `chrome` as a property of the content scripts' own global. Installed later, at document_idle, it
// is not installed at all when the page already has an element named "chrome" (`<form id="chrome">`):
// the name then reads the page's element, and the page would have switched Backstory off.
void chrome.runtime;
