/**
 * docs/architecture.md shows the layers of src/main/core as they are: its generated block
 * matches the sources (npm run docs:architecture writes it), and a stale copy is caught.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_DIR, tempDir } from '../helpers/temp-dir';

const SCRIPT = join(REPO_DIR, 'scripts/architecture.mjs');

/** Runs the script with `args`; returns its exit code and output. */
function run(...args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stderr: string };
    return { code: failed.status, output: failed.stderr };
  }
}

describe('the layers in docs/architecture.md', () => {
  it('match the imports of src/main/core', () => {
    expect(run('--check')).toEqual({
      code: 0,
      output: 'docs/architecture.md: the layers are up to date\n',
    });
  });

  it('are reported stale when an import changed, and written again', () => {
    const doc = join(tempDir(), 'architecture.md');
    const real = readFileSync(join(REPO_DIR, 'docs/architecture.md'), 'utf8');
    writeFileSync(doc, real.replace('  content --> net\n', ''));
    const stale = run('--check', '--doc', doc);
    expect(stale.code).toBe(1);
    expect(stale.output).toContain('run npm run docs:architecture');
    expect(run('--doc', doc).code).toBe(0);
    expect(readFileSync(doc, 'utf8')).toBe(real);
  });
});
