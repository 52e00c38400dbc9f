/**
 * Newsboat (Debian's package) on the same URLs as figure 6's refresh: `newsboat -x reload` with a
 * temp config (reload-threads 6, as our limiter's 6 at once), a temp cache and urls file, and
 * HOME in a temp folder so the user's own Newsboat is never touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext } from './context';
import type { FeedServerStats } from './feed-server';
import type { FeedServer } from './refresh';
import { median } from './report';

/** Newsboat's times (ms) and what the server saw during each phase. */
export interface NewsboatResult {
  version: string;
  firstMs: number;
  firstStats: FeedServerStats;
  /** The second reload: Newsboat 2.21 fetches everything again (see below). */
  secondMs: number;
  secondStats: FeedServerStats;
  /** The median of the reloads after it, which send If-None-Match and get 304s. */
  unchangedMs: number;
  unchangedSamples: number[];
  unchangedStats: FeedServerStats;
}

/** Returns true when a `newsboat` command is on the PATH. */
export function newsboatInstalled(): boolean {
  return spawnSync('sh', ['-c', 'command -v newsboat'], { stdio: 'ignore' }).status === 0;
}

/**
 * Runs Newsboat's first reload into an empty cache, a second one, then `unchangedRuns` more.
 * Newsboat 2.21 does not keep the validators of a feed's very first fetch (its cache row does not
 * exist yet when it records them; the fixture server sees no conditional request on the second
 * reload), so only from the third reload on is "unchanged" a round of 304s, as ours is.
 */
export async function benchNewsboat(
  ctx: BenchContext,
  server: FeedServer,
  unchangedRuns: number,
): Promise<NewsboatResult> {
  const home = path.join(ctx.temp.path, 'newsboat-home');
  mkdirSync(home, { recursive: true });
  const files = {
    config: path.join(home, 'config'),
    urls: path.join(home, 'urls'),
    cache: path.join(home, 'cache.db'),
  };
  writeFileSync(files.config, 'reload-threads 6\nshow-read-feeds yes\n');
  writeFileSync(files.urls, `${server.urls.join('\n')}\n`);
  const version = execFileSync('newsboat', ['-v'], { encoding: 'utf8' }).split('\n')[0] ?? '';
  const reload = (): number => {
    const start = process.hrtime.bigint();
    const run = spawnSync(
      'newsboat',
      ['-x', 'reload', '-C', files.config, '-u', files.urls, '-c', files.cache],
      {
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home },
        encoding: 'utf8',
      },
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0)
      throw new Error(`newsboat failed (${run.status}): ${run.stderr || run.stdout}`);
    return ms;
  };
  await server.stats();
  const firstMs = reload();
  const firstStats = await server.stats();
  const secondMs = reload();
  const secondStats = await server.stats();
  const unchanged = Array.from({ length: unchangedRuns }, reload);
  const unchangedStats = await server.stats();
  return {
    version,
    firstMs,
    firstStats,
    secondMs,
    secondStats,
    unchangedMs: median(unchanged),
    unchangedSamples: unchanged,
    unchangedStats,
  };
}
