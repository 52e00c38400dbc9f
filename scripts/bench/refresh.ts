/**
 * Figure 6: refreshing 500 local feeds of 20 items each with the real Refresher (real fetch,
 * limiter, pipeline in a worker thread through PipelinePool as the app runs it, store), first and
 * unchanged (ETag -> 304), against the feed-server child; then Newsboat on the same URLs, when
 * installed, for the ratios.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EventHub } from '../../src/main/core/events';
import { defaultPoolSize, PipelinePool } from '../../src/main/core/feeds/pipeline-pool';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { collectGarbage, type BenchContext } from './context';
import type { FeedServerConfig, FeedServerStats } from './feed-server';
import { benchNewsboat, newsboatInstalled } from './newsboat';
import { emit, median, timeAsync } from './report';
import { openTempStore, subscribe } from './temp-store';
import { createNet } from '../../src/main/core/net/net';

const FEEDS = 500;
const ITEMS = 20;
/** 50 hosts of 10 feeds: the limiter's 2-per-host rule binds as it would on feedburner or substack. */
const PORTS = 50;
/** Unchanged refreshes timed (median reported). */
const UNCHANGED_RUNS = 3;

/** The running feed-server child. */
export interface FeedServer {
  urls: string[];
  bytes: number;
  /** Returns the request counts since the last call. */
  stats(): Promise<FeedServerStats>;
  stop(): void;
}

/** Measures figure 6. */
export async function benchRefresh(ctx: BenchContext): Promise<void> {
  const server = await startFeedServer(ctx);
  try {
    const store = openTempStore(ctx.temp);
    const ids = store.transaction(() => server.urls.map((url) => subscribe(store, url)));
    // As the app runs it; the worker starts on the first parse, inside the timing.
    // --in-process-parse gives the figure as it was before the worker, to compare.
    const pool = new PipelinePool({
      workerScript: ctx.inProcessParse ? null : ctx.pipelineWorkerScript,
    });
    if (!ctx.inProcessParse && !pool.threaded)
      throw new Error(`no pipeline worker at ${ctx.pipelineWorkerScript}`);
    const refresher = new Refresher({
      store,
      events: new EventHub(),
      net: createNet(globalThis.fetch),
      parse: pool.parse,
    });
    await server.stats();
    collectGarbage();
    // How long the main thread could not answer (the UI's IPC calls, in the app).
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const firstMs = await timeAsync(() => refreshAll(refresher, ids, FEEDS * ITEMS));
    delay.disable();
    const firstStats = await server.stats();
    const unchanged: number[] = [];
    for (let run = 0; run < UNCHANGED_RUNS; run++) {
      collectGarbage();
      unchanged.push(await timeAsync(() => refreshAll(refresher, ids, 0)));
    }
    const unchangedStats = await server.stats();
    await pool.close();
    store.close();
    const unchangedMs = median(unchanged);
    emit({
      figure: 'refresh.first',
      value: firstMs,
      unit: 'ms',
      feeds: FEEDS,
      items: FEEDS * ITEMS,
      hosts: PORTS,
      bytes: server.bytes,
      parse: pool.threaded ? `${defaultPoolSize()} worker thread(s)` : 'in-process',
      eventLoopDelayMs: {
        p50: delay.percentile(50) / 1e6,
        p99: delay.percentile(99) / 1e6,
        max: delay.max / 1e6,
      },
      server: firstStats,
    });
    emit({
      figure: 'refresh.unchanged',
      value: unchangedMs,
      unit: 'ms',
      feeds: FEEDS,
      samplesMs: unchanged,
      server: unchangedStats,
    });

    if (!newsboatInstalled()) {
      emit({ figure: 'refresh.newsboat', skipped: 'newsboat not installed' });
      return;
    }
    const newsboat = await benchNewsboat(ctx, server, UNCHANGED_RUNS);
    const firstRatio = firstMs / newsboat.firstMs;
    const unchangedRatio = unchangedMs / newsboat.unchangedMs;
    emit({
      figure: 'refresh.newsboat.first',
      value: newsboat.firstMs,
      unit: 'ms',
      version: newsboat.version,
      server: newsboat.firstStats,
    });
    emit({
      figure: 'refresh.newsboat.second',
      value: newsboat.secondMs,
      unit: 'ms',
      note: 'Newsboat refetches everything on its 2nd reload',
      server: newsboat.secondStats,
    });
    emit({
      figure: 'refresh.newsboat.unchanged',
      value: newsboat.unchangedMs,
      unit: 'ms',
      samplesMs: newsboat.unchangedSamples,
      server: newsboat.unchangedStats,
    });
    emit({
      figure: 'refresh.first.ratioToNewsboat',
      value: firstRatio,
      unit: 'ratio',
      note: 'Folio time / Newsboat time',
      target: '<= 1',
      met: firstRatio <= 1,
    });
    emit({
      figure: 'refresh.unchanged.ratioToNewsboat',
      value: unchangedRatio,
      unit: 'ratio',
      note: 'Folio time / Newsboat time',
      target: '< 0.1',
      met: unchangedRatio < 0.1,
    });
  } finally {
    server.stop();
  }
}

async function refreshAll(refresher: Refresher, ids: number[], expectedNew: number): Promise<void> {
  const result = await refresher.refreshMany(ids);
  if (result.errors.length > 0)
    throw new Error(`${result.errors.length} feeds failed: ${JSON.stringify(result.errors[0])}`);
  if (result.newArticles !== expectedNew)
    throw new Error(`expected ${expectedNew} new articles, got ${result.newArticles}`);
}

/** Starts the feed-server child and waits until it listens. */
function startFeedServer(ctx: BenchContext): Promise<FeedServer> {
  const config: FeedServerConfig = {
    vocabularyFile: path.join(ctx.repo, 'scripts/bench/vocabulary.txt'),
    feeds: FEEDS,
    items: ITEMS,
    ports: PORTS,
  };
  const child: ChildProcess = fork(ctx.feedServerScript, [JSON.stringify(config)], {
    stdio: 'inherit',
  });
  const reply = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: { type: string } & T): void => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null): void =>
        reject(new Error(`feed server exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return reply<{ urls: string[]; bytes: number }>('ready').then(({ urls, bytes }) => ({
    urls,
    bytes,
    stats: () => {
      const answer = reply<{ stats: FeedServerStats }>('stats');
      child.send({ type: 'stats' });
      return answer.then((m) => m.stats);
    },
    stop: () => void child.kill(),
  }));
}
