// ESLint: typescript-eslint and eslint-plugin-svelte, plus the layer rules of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.mjs';
import { CORE_FILES, CORE_LAYERS } from './scripts/architecture/layers.mjs';

const electronBan = {
  name: 'electron',
  message:
    'Only src/main/index.ts and its shell (src/main/shell/, src/preload/) may import electron.',
};

const electronPattern = { group: ['electron/*'], message: electronBan.message };

/**
 * Returns the rules entry refusing electron and what `patterns` name. Where configs overlap,
 * flat config replaces a rule's options instead of merging them, so each config states its
 * whole list through this.
 */
function restrictImports(...patterns) {
  return {
    'no-restricted-imports': [
      'error',
      { paths: [electronBan], patterns: [electronPattern, ...patterns] },
    ],
  };
}

const noTransports = {
  group: ['**/browser/*', '**/shell/*', '../serve', '../index'],
  message: 'Core and shared never import the transports.',
};

/** A relative import that lands on core's `name` (a folder or a top-level file). */
function coreTarget(name) {
  return `^\\.\\.?/(\\.\\./)*${name}(/|$)`;
}

const onlyTransportsOpenTheApp = {
  regex: '(^|/)app$',
  message:
    'Only the transports (src/main/index.ts and shell/, serve.ts and browser/) open the app.',
};
const noRawDatabase = {
  regex: '(^|/)storage/raw-database$',
  message: 'The database is reached through the Store, never its raw connection (tests only).',
};

/** Returns one config per core layer that refuses its imports of the layers above it. */
function coreLayerRules() {
  return Object.entries(CORE_LAYERS).map(([layer, allowed]) => {
    const refused = Object.keys(CORE_LAYERS).filter((l) => l !== layer && !allowed.includes(l));
    return {
      files: CORE_FILES.has(layer) ? [`src/main/core/${layer}.ts`] : [`src/main/core/${layer}/**`],
      rules: restrictImports(
        noTransports,
        {
          regex: coreTarget(`(${refused.join('|')})`),
          message:
            allowed.length > 0
              ? `core/${layer} may import only ${allowed.map((l) => `core/${l}`).join(', ')} ` +
                'of core (and src/shared): layers point down (docs/architecture.md).'
              : `core/${layer} imports nothing of core, only src/shared (docs/architecture.md).`,
        },
        { ...onlyTransportsOpenTheApp, regex: coreTarget('app') },
        ...(layer === 'storage' ? [] : [noRawDatabase]),
      ),
    };
  });
}

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
      ...restrictImports(),
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
    rules: restrictImports(
      {
        group: ['**/main/**', '../../main/*'],
        message: 'The renderer never imports from src/main.',
      },
      { group: ['node:*'], message: 'No Node in the renderer.' },
    ),
  },
  {
    // Core and shared know nothing of how they are called.
    files: ['src/main/core/**', 'src/shared/**'],
    rules: restrictImports(noTransports),
  },
  {
    // Shared is below everything: types, the contract, pure helpers.
    files: ['src/shared/**'],
    rules: restrictImports(noTransports, {
      regex: '(^|/)main(/|$)',
      message: 'src/shared imports nothing of src/main.',
    }),
  },
  // Inside core, each layer imports only the layers below it (docs/architecture.md).
  ...coreLayerRules(),
  {
    // The composition root is opened by the two transports only.
    files: ['src/main/**/*.ts'],
    ignores: [
      'src/main/core/**',
      'src/main/index.ts',
      'src/main/shell/**',
      'src/main/serve.ts',
      'src/main/browser/**',
    ],
    rules: restrictImports(onlyTransportsOpenTheApp, noRawDatabase),
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
    rules: restrictImports(),
  },
);
