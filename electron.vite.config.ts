import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Main builds three entries: the Electron shell (index), browser mode (serve) and the worker
// that parses feeds off the main thread (pipeline-worker, started by core/app.ts). They share
// src/main/core; only index.ts imports electron, and the worker imports no storage.
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
          'pipeline-worker': resolve(__dirname, 'src/main/core/feeds/pipeline-worker.ts'),
          // The reader threads (core/library/readers/reader-pool.ts): the long reads beside the writer.
          'reader-worker': resolve(__dirname, 'src/main/core/library/readers/reader-worker.ts'),
        },
        // Shared chunks beside the entries (not in chunks/): then __dirname is out/main in every
        // module, which is how app.ts (itself in a shared chunk) finds pipeline-worker.js.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // A sandboxed preload can only require('electron'): bundle everything else into it.
    build: {
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.mjs') })],
    build: {
      // Not "assets": browser mode serves stored images at /assets/<id> (docs/architecture.md).
      assetsDir: 'static',
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
