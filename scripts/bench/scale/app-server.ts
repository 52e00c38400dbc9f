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
    resourcesDir: config.resourcesDir,
    scheduleRefresh: false,
  });
  const server = await startBrowserServer({ app, token: config.token, staticDir }, 0);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
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
      answer({ p99: delay.percentile(99) / 1e6, max: delay.max / 1e6, mean: delay.mean / 1e6 });
      delay.reset();
    } else if (request.type === 'markRead' || request.type === 'markAllRead') {
      writer ??= Store.open(app.databasePath);
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

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
