/**
 * Worker threads need built JavaScript: this bundles real worker entries as the app's build
 * does, into a folder inside the repo (as the benchmark does) so that their dependencies load
 * from node_modules, and removes it when the test file ends.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { build } from 'vite';
import { REPO_DIR } from './temp-dir';

/** The worker entries of src/, by the name their built file gets. */
export const WORKER_ENTRIES = {
  'pipeline-worker': 'src/main/core/feeds/pipeline-worker.ts',
  'reader-worker': 'src/main/core/library/readers/reader-worker.ts',
} as const;

/** Builds the named workers and returns the folder holding `<name>.cjs` for each. */
export async function buildWorkers(
  names: readonly (keyof typeof WORKER_ENTRIES)[],
): Promise<string> {
  mkdirSync(join(REPO_DIR, '.cache'), { recursive: true });
  const dir = mkdtempSync(join(REPO_DIR, '.cache', 'test-workers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: REPO_DIR,
    build: {
      ssr: true,
      outDir: dir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        input: Object.fromEntries(
          names.map((name) => [name, join(REPO_DIR, WORKER_ENTRIES[name])]),
        ),
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: '[name]-[hash].cjs',
        },
      },
    },
  });
  return dir;
}
