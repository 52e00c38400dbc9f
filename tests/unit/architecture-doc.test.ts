/**
 * docs/architecture.md shows the layers of src/main/core as they are: its generated block
 * matches the sources (npm run docs:architecture writes it), and a stale copy is caught.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script';
import { REPO_DIR, tempDir } from '../helpers/temp-dir';

/** Runs `npm run docs:architecture` (the script itself) with `args`. */
const run = (...args: string[]) => runScript('architecture.mjs', ...args);

describe('the layers in docs/architecture.md', () => {
  it('match the imports of src/main/core', () => {
    expect(run('--check')).toEqual({
      status: 0,
      output: 'docs/architecture.md: the layers are up to date\n',
    });
  });

  it('are reported stale when an import changed, and written again', () => {
    const doc = join(tempDir(), 'architecture.md');
    const real = readFileSync(join(REPO_DIR, 'docs/architecture.md'), 'utf8');
    writeFileSync(doc, real.replace('  content --> net\n', ''));
    const stale = run('--check', `--file=${doc}`);
    expect(stale.status).toBe(1);
    expect(stale.output).toContain('run npm run docs:architecture');
    expect(run(`--file=${doc}`).status).toBe(0);
    expect(readFileSync(doc, 'utf8')).toBe(real);
  });
});
