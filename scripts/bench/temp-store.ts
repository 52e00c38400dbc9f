/**
 * Temporary file databases for the benchmark: the app uses a file in WAL mode, so every
 * measurement does too (:memory: would hide the journal and the page cache misses).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Store } from '../../src/main/core/storage/store';

/** A folder under the OS temp dir that `cleanup()` removes with everything in it. */
export interface TempDir {
  path: string;
  cleanup(): void;
}

/** Returns a new temp folder named after `label`. */
export function makeTempDir(label: string): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), `folio-bench-${label}-`));
  return { path: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let counter = 0;

/** Returns a new, migrated Store in a fresh file (WAL) inside `dir`. */
export function openTempStore(dir: TempDir): Store {
  return Store.open(path.join(dir.path, `bench-${++counter}.db`));
}

/** Subscribes `url` directly in the store (no fetch) and returns the feed id. */
export function subscribe(store: Store, url: string, title = ''): number {
  return store.feeds.insert({ url, title, siteUrl: null, folder: null });
}
