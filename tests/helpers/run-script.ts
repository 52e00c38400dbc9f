/** Running one of the repository's scripts as CI does, for tests of their exit codes and words. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_DIR } from './temp-dir';

/** Runs `node scripts/<script> ...args` in the repository; returns its exit code and output. */
export function runScript(
  script: string,
  ...args: string[]
): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(REPO_DIR, 'scripts', script), ...args], {
    cwd: REPO_DIR,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
