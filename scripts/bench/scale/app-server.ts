/**
 * The child process the scale figures measure (built as app-server.cjs): the real core served in
 * browser mode on 127.0.0.1, as `npm run serve` runs it, over a copy of a cached library, with
 * the tests' loopback-only fetch (nothing leaves this machine) and no background refresh. Apart
 * from the benchmark's process, so its event loop is only the app's: the main thread's delay is
 * measured here (monitorEventLoopDelay) and the latencies are measured by the parent.
 *
 * Messages (IPC): it sends {type: 'ready', port}; it answers {id, type} with {id, ...answer}:
 * 'loopDelay' (p99/max ms since the last call, then resets), 'markRead' {ids} and 'markAllRead'
 * (ms, on a second connection to the same file, as the Api would run them), 'memory' (rss, peak).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openApp } from '../../../src/main/core/app';
import { startBrowserServer } from '../../../src/main/browser/server';
import { Store } from '../../../src/main/core/storage/store';
import { loopbackFetch } from '../../../tests/helpers/net';

/** What the parent passes (argv[2], JSON). */
export interface AppServerConfig {
  dataDir: string;
  /** The database file (dataDir/folio.db unless the run uses a copy elsewhere). */
  databaseFile: string;
  resourcesDir: string;
  token: string;
}

type Request = { id: number; type: string; ids?: number[] };

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as AppServerConfig;
  const staticDir = path.join(config.dataDir, '..', 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Folio</title>');
  const app = openApp({
    fetch: loopbackFetch,
    dataDir: config.dataDir,
    databaseFile: config.databaseFile,
    resourcesDir: config.resourcesDir,
    scheduleRefresh: false,
    // Built beside this file by scripts/bench.mjs: the app's threads, as in npm run serve.
    readerWorker: path.join(__dirname, 'reader-worker.cjs'),
    pipelineWorker: path.join(__dirname, 'pipeline-worker.cjs'),
  });
  const server = await startBrowserServer({ app, token: config.token, staticDir }, 0);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const corrected = correctedLoopDelay();
  let writer: Store | null = null;
  const timed = (fn: () => number): { ms: number; count: number } => {
    const start = performance.now();
    const count = fn();
    return { ms: performance.now() - start, count };
  };
  process.on('message', (request: Request) => {
    const answer = (body: Record<string, unknown>): void => {
      process.send?.({ id: request.id, ...body });
    };
    if (request.type === 'loopDelay') {
      answer({
        p99: corrected.percentile(99),
        max: Math.max(corrected.max(), delay.max / 1e6),
        uncorrectedP99: delay.percentile(99) / 1e6,
      });
      delay.reset();
      corrected.reset();
    } else if (request.type === 'markRead' || request.type === 'markAllRead') {
      // As the app's writer with reader threads: no checkpoint at commit (a thread does it).
      writer ??= Store.open(app.databasePath);
      writer.maintenance.autoCheckpoint(0);
      const store = writer;
      answer(
        request.type === 'markRead'
          ? timed(() => store.articles.markRead(request.ids ?? []))
          : timed(() => store.articles.markAllRead()),
      );
    } else if (request.type === 'memory') {
      answer({ rss: process.memoryUsage().rss, peak: process.resourceUsage().maxRSS * 1024 });
    }
  });
  process.send?.({ type: 'ready', port: server.port });
}

/**
 * The main thread's event-loop delay with coordinated omission corrected: a 10 ms timer records
 * how late each tick fires, and a tick d ms late also records d - 10, d - 20, … (the ticks that
 * could not fire meanwhile), as HdrHistogram's recordCorrectedValue does. monitorEventLoopDelay
 * counts a 9 s block as one sample among thousands, so its p99 hides it; corrected, the p99 is
 * the delay a call arriving at a random moment would see.
 */
function correctedLoopDelay(): {
  percentile(p: number): number;
  max(): number;
  reset(): void;
} {
  const interval = 10;
  let samples: number[] = [];
  let expected = performance.now() + interval;
  setInterval(() => {
    const now = performance.now();
    for (let late = now - expected; late > 0; late -= interval) samples.push(late);
    if (now - expected <= 0) samples.push(0);
    expected = now + interval;
  }, interval).unref();
  return {
    percentile: (p) => {
      if (samples.length === 0) return 0;
      const sorted = [...samples].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
    },
    max: () => samples.reduce((a, b) => Math.max(a, b), 0),
    reset: () => {
      samples = [];
    },
  };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
