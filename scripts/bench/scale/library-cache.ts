/**
 * The cache of built scale libraries (`.cache/bench-libraries/`, or FOLIO_BENCH_CACHE): one file
 * per scale, generator version and schema version, `library-<articles>-g<generator>-s<schema>.db`.
 * A library of an older schema is copied and migrated by opening the copy with the current code,
 * instead of rebuilt. Files are only ever renamed into place when complete, so a name in the cache
 * is a finished library; a lock file with the builder's pid keeps a second build from starting.
 * Cached files are never opened for writing after that: users copy them first (README.md).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from '../../../src/main/core/storage/migrations';
import { Store } from '../../../src/main/core/storage/store';
import { buildScaleLibrary, type BuildStats } from './build-library';
import { GENERATOR_VERSION } from './library-shape';
import { writeCacheReadme } from './cache-readme';

/** Returns the cache folder: FOLIO_BENCH_CACHE, or `.cache/bench-libraries/` in the repo. */
export function cacheDir(repo: string): string {
  return process.env.FOLIO_BENCH_CACHE || path.join(repo, '.cache/bench-libraries');
}

/** Returns the file name of the library of `articles` at `schema`. */
export function libraryFileName(articles: number, schema = MIGRATIONS.length): string {
  return `library-${articles}-g${GENERATOR_VERSION}-s${schema}.db`;
}

/** Where a library came from on this call. */
export type LibrarySource = 'cached' | 'migrated' | 'built';

/**
 * Returns the path of the cached library of `articles` at the current schema, building or
 * migrating it first when needed (waiting when another process is building it).
 */
export async function ensureLibrary(
  repo: string,
  articles: number,
  log: (line: string) => void,
): Promise<{ file: string; source: LibrarySource; stats?: BuildStats }> {
  const dir = cacheDir(repo);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, libraryFileName(articles));
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) {
      writeCacheReadme(dir);
      return { file, source: 'cached' };
    }
    const holder = lockHolder(lock);
    if (holder === null) break;
    log(`waiting for process ${holder}, which is building ${path.basename(file)}`);
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  }
  writeFileSync(lock, String(process.pid));
  try {
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    const older = olderSchema(dir, articles);
    let source: LibrarySource;
    let stats: BuildStats | undefined;
    if (older !== null) {
      log(`migrating a copy of ${path.basename(older)}`);
      ensureRoomFor(statSync(older).size, dir);
      copyFileSync(older, partial);
      Store.open(partial).close();
      source = 'migrated';
    } else {
      log(`building ${path.basename(file)} (${articles} articles)`);
      stats = buildScaleLibrary(partial, articles, repo, log);
      source = 'built';
    }
    renameSync(partial, file);
    writeCacheReadme(dir, stats === undefined ? undefined : { file, stats });
    return { file, source, stats };
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Returns the pid in `lock` if that process still runs, else null (a stale lock is removed). */
function lockHolder(lock: string): number | null {
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    rmSync(lock, { force: true });
    return null;
  }
}

/** Returns the newest-schema cached file of this scale and generator below the current schema. */
function olderSchema(dir: string, articles: number): string | null {
  let best: { schema: number; file: string } | null = null;
  for (let schema = 1; schema < MIGRATIONS.length; schema++) {
    const file = path.join(dir, libraryFileName(articles, schema));
    if (existsSync(file) && statSync(file).size > 0 && (best === null || schema > best.schema)) {
      best = { schema, file };
    }
  }
  return best?.file ?? null;
}

/** Throws unless `dir`'s disk keeps 10 GB free after writing `bytes` (agents share the disk). */
export function ensureRoomFor(bytes: number, dir: string): void {
  const { bavail, bsize } = statfsSync(dir);
  const free = bavail * bsize;
  if (free < bytes + 10e9) {
    throw new Error(
      `Not enough disk in ${dir} for ${(bytes / 1e9).toFixed(1)} GB: ${(free / 1e9).toFixed(1)} GB free, and 10 GB must stay free.`,
    );
  }
}
