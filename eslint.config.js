// Lint: typescript-eslint's recommended rules, plus the project's safety rules for extension code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders whose code ships in the extension. */
export const SHIPPED = [
  'entrypoints',
  'components',
  'page',
  'matching',
  'messaging',
  'settings',
  'popup',
  'options',
  'pdf',
  'background',
  'platform',
  'search',
  'learning',
  'glossary',
];

const noMarkupSinks = [{ object: 'document', property: 'write', message: 'Build DOM with components/dom.ts.' }];

/**
 * The every-page bundle (glossary-content.js: page/light, page/shared) must stay light: it may
 * import types from the bundles injected later, never values (which would bundle their code).
 */
export const EVERY_PAGE = ['page/light/**', 'page/shared/**', 'entrypoints/glossary-content.ts'];
const injectedLater = {
  group: ['**/page/full/**', '**/page/tooltip/**', '@/page/full/**', '@/page/tooltip/**', '../full/**', '../tooltip/**'],
  allowTypeImports: true,
  message: 'The every-page bundle must not import values from page/full or page/tooltip (injected later); import types only.',
};
// tldts's suffix list is the largest part of a bundle that holds it (bench/README.md, bundle sizes).
const suffixList = {
  group: ['tldts', '**/settings/site-key', '@/settings/site-key'],
  allowTypeImports: true,
  message: "tldts's suffix list stays in the background: the popup asks it for a site key (get-site-key), a page never needs one.",
};
const POPUP = ['entrypoints/popup-script.ts', 'popup/**'];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'artifacts/**',
      'bench/results/**',
      'tests/e2e/fixtures/**/*.js',
      'tests/e2e/fixtures/**/*.jsx',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Code that ships in the extension: never turn strings into markup or code.
    // Every folder that ships (tests/unit/lint-rules.test.ts checks the list against the tree).
    files: SHIPPED.map((dir) => `${dir}/**`),
    rules: {
      'no-restricted-properties': ['error', ...noMarkupSinks],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Never assign innerHTML/outerHTML; build DOM with components/dom.ts.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Never insert HTML strings; build DOM with components/dom.ts.',
        },
        {
          selector: "CallExpression[callee.property.name='createContextualFragment']",
          message: 'Never parse HTML strings in extension code.',
        },
      ],
    },
  },
  {
    files: EVERY_PAGE,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [injectedLater, suffixList] }] },
  },
  {
    files: POPUP,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [suffixList] }] },
  },
);
