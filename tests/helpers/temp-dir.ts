/** Temporary folders for tests, removed after each test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Returns a new empty folder that is deleted when the test file ends. */
export function tempDir(prefix = 'folio-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The repository's root folder. */
export const REPO_DIR = join(__dirname, '..', '..');

/** The repository's resources folder (the shipped seed lives there). */
export const RESOURCES_DIR = join(REPO_DIR, 'resources');
