// ESLint: typescript-eslint's recommended rules, plus a ban on HTML-from-string and eval in product
// code (a page's or an import's text must never become markup or code).
import tseslint from 'typescript-eslint';

const noHtmlFromStrings = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: 'Build DOM nodes or use Preact; never parse HTML from strings.' },
    { property: 'outerHTML', message: 'Build DOM nodes or use Preact; never parse HTML from strings.' },
    { property: 'insertAdjacentHTML', message: 'Build DOM nodes or use Preact; never parse HTML from strings.' },
    { object: 'document', property: 'write', message: 'document.write is never needed.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in components.' },
    { selector: "Property[key.name='dangerouslySetInnerHTML']", message: 'No raw HTML in components.' },
    { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML.' },
    { selector: "MemberExpression[property.name='outerHTML']", message: 'No outerHTML.' },
  ],
};

export default tseslint.config(
  { ignores: ['.scratch/**', '.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['entrypoints/**', 'components/**', 'core/**', 'content/**', 'extension/**'],
    rules: noHtmlFromStrings,
  },
  {
    // Playwright fixtures use an empty destructuring pattern by convention.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
