/**
 * The layering rule (README, "Layout"): the folder says the world, and imports run one way.
 *
 *   core/ (pure)  <-  content/ · extension/ · components/  <-  entrypoints/
 *   scripts/ (Node tools) may use anything; product code never imports scripts/ or tests/.
 *
 * Each rule is named after the world it protects. `npm test` runs this (npm run lint:deps).
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ runs anywhere (content script, background, pages, Node): it imports only core/ and pure packages.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(content|extension|components|entrypoints|scripts|tests)/' },
    },
    {
      name: 'core-has-no-browser-api',
      comment: 'core/ never reaches the browser: no webextension-polyfill, no wxt runtime, no idb.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '(^|/)node_modules/(webextension-polyfill|wxt|@wxt-dev|idb|preact)/' },
    },
    {
      name: 'content-world-stays-in-the-page',
      comment: 'content/ runs in the page\'s isolated world: it cannot use extension-origin code (IndexedDB stores, the background) or UI components.',
      severity: 'error',
      from: { path: '^content/' },
      to: { path: '^(extension|components|entrypoints|scripts|tests)/' },
    },
    {
      name: 'extension-world-stays-in-the-extension',
      comment: 'extension/ (background and extension pages) does not import the content script\'s DOM code or entry points.',
      severity: 'error',
      from: { path: '^extension/' },
      to: { path: '^(content|entrypoints|scripts|tests)/' },
    },
    {
      name: 'components-are-pure-ui',
      comment: 'components/ render what they are given: no stores, no browser.*, no content-script code.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^(content|extension|entrypoints|scripts|tests)/' },
    },
    {
      name: 'entrypoints-are-leaves',
      comment: 'Nothing imports an entry point: they only wire.',
      severity: 'error',
      from: { pathNot: '^entrypoints/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'product-never-imports-tools',
      comment: 'Node tools and tests are not shipped.',
      severity: 'error',
      from: { path: '^(core|content|extension|components|entrypoints)/' },
      to: { path: '^(scripts|tests)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be read apart.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
