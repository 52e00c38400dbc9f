// Bundles TypeScript entry points for plain Node with vite's build API (ssr: true), so a script
// can import our real code: dependencies stay external and load from node_modules. Shared by the
// scripts that run src/ outside Electron and vitest (the benchmark; conformance can move here).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/**
 * Builds `entries` ({name: absolute .ts path}) into `outDir` as `<name>.<ext>` and returns a
 * loader: `load(name)` imports the built module. `format` 'es' (default) or 'cjs' (for code
 * that uses __dirname, such as tests/helpers/fixture-server.ts).
 */
export async function buildForNode({ root, outDir, entries, format = 'es' }) {
  const ext = format === 'cjs' ? 'cjs' : 'mjs';
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        input: entries,
        output: { format, entryFileNames: `[name].${ext}`, chunkFileNames: `[name]-[hash].${ext}` },
      },
    },
  });
  return {
    file: (name) => path.join(outDir, `${name}.${ext}`),
    load: (name) => import(pathToFileURL(path.join(outDir, `${name}.${ext}`)).href),
  };
}
