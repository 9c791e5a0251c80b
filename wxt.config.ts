import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'wxt';
import { iconManifest, renderIcons } from './scripts/build/icons';
import { PRIVACY_PAGE, renderPrivacyPage } from './scripts/build/privacy';
import { GUARD_SLOTS } from './content/chrome-api';
import { START_KEYS } from './content/watch/start-keys';

const { icons, toolbar } = iconManifest();
const ACTION_TITLE = '__MSG_actionTitle__';

/**
 * The extension pages' content security policy (sidebar, popup, options, privacy page, background),
 * for built extensions: only the extension's own scripts, styles, images and fonts; no plugins, no
 * <base>, no form posts; and no connection at all (fetch, XHR, WebSocket, beacons), so the browser
 * itself keeps the promise of no network request. `wxt dev` keeps WXT's default policy: its pages
 * load scripts, inline styles and a WebSocket from the dev server.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Build configuration for both browsers. Permissions are the fewest that do the job:
// - storage: the match index (storage.local) and per-tab detection state (storage.session);
// - unlimitedStorage: researchers' annotations in IndexedDB must never be evicted for quota;
// - contextMenus: "Annotate" on a text selection, "Show context in the side panel";
// - sidePanel (Chromium only): the browser's own side panel,
//   the one surface no page can cover. Firefox's sidebar_action needs no permission.
// Content scripts declare their own host matches; no host_permissions, no network.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser, command }) => ({
    // Every user-visible manifest string comes from public/_locales/<lang>/messages.json (en, zh_CN,
    // zh_TW, ug, it, tr); tests/unit/locales.test.ts holds each locale to every key used here.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // sidePanel: WXT adds it for the sidepanel entrypoint anyway; named here so that the privacy test
    // holds PRIVACY.md to it like to the others.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    icons,
    action: { default_title: ACTION_TITLE, default_icon: toolbar },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandToggleSidebar__',
      },
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandAnnotateSelection__',
      },
      // Firefox's own command for the sidebar_action: a way to open the side panel from the keyboard
      // (Firefox opens it only from its own controls, never from a page's note).
      ...(browser === 'firefox' ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+S' } } } : {}),
    },
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    // sidebar.html and note.html (the note at a post or video that carries the story) are framed into
    // matching pages; chunk-*.js are the content script's lazily
    // imported chunks. `use_dynamic_url` (Chromium): they answer only at a URL with a per-session
    // random id that runtime.getURL gives the content script, never at chrome-extension://<id>/..., so
    // a page that knows Backstory's id cannot probe for it (SECURITY.md). Firefox ignores the key: its
    // moz-extension:// host is already a random UUID per install.
    // Chromium: content/api-guard.js runs at document_start, so that a page's element named "chrome"
    // cannot take the extension API's name in the content script's world (content/extension-api.ts).
    // Firefox's `browser` is the content script's own global whatever the page holds.
    ...(browser === 'firefox' ? {} : { content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['api-guard.js'], run_at: 'document_start' }] }),
    web_accessible_resources: [
      {
        resources: ['sidebar.html', 'note.html', 'chunk-detector.js', 'chunk-ui.js', 'chunk-annotator.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The icons are drawn once (assets/icon.svg) and rendered here, into .wxt/ (not committed), on
    // every build, so both browsers' outputs and zips carry PNGs made from the current drawing.
    'build:publicAssets': (wxt, files) => {
      files.push(...renderIcons(path.join(wxt.config.wxtDir, 'icons')));
      // PRIVACY.md is the one text of the policy; the Options page links to this packaged copy.
      files.push({ relativeDest: PRIVACY_PAGE, contents: renderPrivacyPage() });
      // Chromium's document_start guard for the extension API's name (content_scripts above), without
      // its comments: every page loads it.
      if (wxt.config.browser !== 'firefox') {
        const guard = readFileSync(path.resolve('content/api-guard.js'), 'utf8').replace(/^\s*\/\/.*\n/gm, '');
        const written = guard
          .replaceAll('START_KEYS', JSON.stringify(START_KEYS))
          .replaceAll('API_SLOT', JSON.stringify(GUARD_SLOTS.api))
          .replaceAll('START_SLOT', JSON.stringify(GUARD_SLOTS.start));
        files.push({ relativeDest: 'api-guard.js', contents: written });
      }
    },
    // WXT copies the popup page's <title> over action.default_title; the toolbar tooltip is a manifest
    // string like the others, so put the localized one back.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = ACTION_TITLE;
    },
  },
  // Store zips carry no source maps (they would hold this machine's paths and the whole source); the
  // sources zip AMO asks for is the place for the source. Generated and test output stays out of it.
  zip: {
    exclude: ['**/*.map'],
    // What .gitignore leaves out of the repository stays out of the sources zip too.
    excludeSources: ['test-results/**', 'playwright-report/**', 'blob-report/**', 'tmp/**', '**/*.log', 'stats.html', 'docs/screenshots/**', 'docs/store/**'],
  },
  vite: () => ({
    build: { target: 'es2022', sourcemap: false },
    // WXT's content-script context announces each script to the page (a postMessage and DOM events
    // whose type holds the extension id); the content script gets Backstory's quiet one instead.
    resolve: {
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: path.resolve('content/script-context.ts') }],
    },
  }),
});
