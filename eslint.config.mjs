// ESLint: typescript-eslint and eslint-plugin-svelte, plus the layer rules of design.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.mjs';

const electronBan = {
  name: 'electron',
  message:
    'Only src/main/index.ts and its shell (src/main/shell/, src/preload/) may import electron.',
};

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      'native/',
      '.cache/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [{ group: ['electron/*'], message: electronBan.message }],
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    // Type-aware, for one rule: a promise returned unawaited from a try block escapes its catch
    // (a feed that failed to parse once failed a whole refresh that way).
    files: ['src/main/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: { '@typescript-eslint/return-await': ['error', 'in-try-catch'] },
  },
  {
    // The renderer talks only to the Api: no Node, no main-process code.
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            {
              group: ['**/main/**', '../../main/*'],
              message: 'The renderer never imports from src/main.',
            },
            { group: ['node:*'], message: 'No Node in the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // Core knows nothing of how it is called.
    files: ['src/main/core/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            {
              group: ['**/browser/*', '**/shell/*', '../serve', '../index'],
              message: 'Core and shared never import the transports.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Electron shell: the only place electron may be imported.
    files: ['src/main/index.ts', 'src/main/shell/**', 'src/preload/**', 'tests/fakes/electron.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The one allowed fake mirrors Electron's loosely typed surface.
    files: ['tests/fakes/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Playwright's page.evaluate callbacks run in the page.
    files: ['tests/e2e/**', 'scripts/screenshot.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan] }] },
  },
);
