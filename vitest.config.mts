import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Unit and integration tests run in plain Node. Core code never imports electron; the
// shell's wiring tests get the one allowed fake through this alias.
//
// The renderer's states (*.svelte.ts) and their tests (tests/renderer/*.svelte.test.ts) are
// compiled by Svelte with the root svelte.config.mjs, as the app is. They are compiled for the
// client even though Node runs them (Vite would pick the server output, where runes are plain
// values and nothing reacts), and `svelte` itself is the client entry for the same reason
// (flushSync, $effect.root); no other package is switched to its browser build.
export default defineConfig({
  plugins: [
    svelte({
      configFile: here('./svelte.config.mjs'),
      dynamicCompileOptions: () => ({ generate: 'client' }),
    }),
  ],
  resolve: {
    alias: [
      { find: 'electron', replacement: here('./tests/fakes/electron.ts') },
      { find: /^svelte$/, replacement: here('./node_modules/svelte/src/index-client.js') },
    ],
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.svelte.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
