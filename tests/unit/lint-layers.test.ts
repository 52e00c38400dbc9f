/**
 * The layer rules of eslint.config.mjs, proven the way `npm run lint` meets them: throwaway files
 * written into the real tree, linted by ESLint's Node API with the project's own config, then
 * removed. A wrong-way import is refused with the layer's message; a right-way one is not.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_DIR } from '../helpers/temp-dir';

/** [file under the repository, what it imports, whether the layers allow it]. */
const CASES: [string, string, boolean][] = [
  ['src/main/core/storage/probe.ts', '../feeds/types', false],
  ['src/main/core/storage/probe.ts', '../library/seed', false],
  ['src/main/core/storage/probe.ts', '../../../shared/model', true],
  ['src/main/core/net/probe.ts', '../storage/store', false],
  ['src/main/core/net/probe.ts', '../content/sanitize', false],
  ['src/main/core/content/probe.ts', '../feeds/urls', false],
  ['src/main/core/content/probe.ts', '../net/fetch-bytes', true],
  ['src/main/core/feeds/probe.ts', '../storage/store', false],
  ['src/main/core/feeds/probe.ts', '../events', false],
  ['src/main/core/feeds/probe.ts', '../library/seed', false],
  ['src/main/core/feeds/probe.ts', '../content/sanitize', true],
  ['src/main/core/feeds/probe.ts', '../net/net', true],
  ['src/main/core/library/offline/probe.ts', '../../api/dispatch', false],
  ['src/main/core/library/offline/probe.ts', '../../app', false],
  ['src/main/core/library/offline/probe.ts', '../../storage/raw-database', false],
  ['src/main/core/library/offline/probe.ts', '../../storage/store', true],
  ['src/main/core/library/offline/probe.ts', '../../feeds/discover', true],
  ['src/main/core/api/probe.ts', '../storage/store', false],
  ['src/main/core/api/probe.ts', '../feeds/discover', false],
  ['src/main/core/api/probe.ts', '../library/search', true],
  ['src/main/probe.ts', './core/app', false],
  ['src/main/browser/probe.ts', '../core/app', true],
  ['src/shared/probe.ts', '../main/core/storage/store', false],
];

describe('layer rules', () => {
  const written = new Set<string>();
  let results: Map<string, ESLint.LintResult>;

  beforeAll(async () => {
    // One probe file per case, so that each is linted alone; all in one ESLint run (type-aware
    // linting starts a TypeScript project, the slow part).
    const files = CASES.map(([file, specifier], i) => {
      const path = join(REPO_DIR, file.replace(/probe\.ts$/, `zz-layer-probe-${i}.ts`));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `import '${specifier}';\n`);
      written.add(path);
      return path;
    });
    const eslint = new ESLint({ cwd: REPO_DIR });
    results = new Map((await eslint.lintFiles(files)).map((result) => [result.filePath, result]));
  }, 120_000);

  afterAll(() => {
    for (const path of written) rmSync(path, { force: true });
  });

  it.each(CASES.map((c, i) => [...c, i] as const))(
    '%s importing %s: allowed %s',
    (file, _specifier, allowed, i) => {
      const path = join(REPO_DIR, file.replace(/probe\.ts$/, `zz-layer-probe-${i}.ts`));
      const refusals = (results.get(path)?.messages ?? []).filter(
        (m) => m.ruleId === 'no-restricted-imports',
      );
      if (allowed) {
        expect(refusals).toEqual([]);
      } else {
        expect(refusals).toHaveLength(1);
        expect(refusals[0]?.message).toMatch(/may import only|imports nothing|open the app|Store/);
      }
    },
  );

  it('names what the layer may import', () => {
    const i = CASES.findIndex(
      ([file, spec]) => file.includes('/storage/') && spec.includes('feeds'),
    );
    const path = join(REPO_DIR, CASES[i]![0].replace(/probe\.ts$/, `zz-layer-probe-${i}.ts`));
    const message = results.get(path)?.messages.find((m) => m.ruleId === 'no-restricted-imports');
    expect(message?.message).toContain('core/storage imports nothing of core, only src/shared');
  });
});
