/**
 * Figure 2: re-ingest of an unchanged 1,000-item feed through the Refresher against a server on
 * 127.0.0.1: served without validators (the body-hash skip saves the work) and with an ETag (a
 * 304). Both are compared with the first refresh of the same feed; and the pipeline + store run
 * on the unchanged document without the skip shows what the skip saves. The server is a child
 * process, as figure 6's: in this process it read and hashed the file for every answer, 304s
 * included, and wrote 3.7 MB on the event loop being measured (docs/technotes/benchmark.md).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EventHub } from '../../src/main/core/events';
import { feedFromBytes } from '../../src/main/core/feeds/pipeline';
import { feedUpdateOf } from '../../src/main/core/library/refresh/feed-update-of';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { collectGarbage, type BenchContext } from './context';
import type { IngestDocument } from './ingest';
import { emit, median, timeAsync } from './report';
import { openTempStore, subscribe } from './temp-store';
import { createNet } from '../../src/main/core/net/net';

/** Unchanged refreshes timed after each first one (all of them go into the median). */
const REPEATS = 3;
const TARGET = 0.03;

/** Measures figure 2 on `doc`. */
export async function benchReingest(ctx: BenchContext, doc: IngestDocument): Promise<void> {
  const file = path.join(ctx.temp.path, 'feed.xml');
  writeFileSync(file, doc.bytes);
  const server = await startServer(file, doc.contentType);
  const variants = [
    { name: 'bodyHashSkip', url: server.url('/no-validators.xml') },
    { name: 'etag304', url: server.url('/feed.xml') },
  ];
  const first: number[] = [];
  const unchanged = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const withoutSkip: number[] = [];
  try {
    // Both variants' first refreshes are first ingests: 2 samples a run, so fewer runs suffice.
    const runs = Math.max(3, Math.ceil(ctx.runs / 2));
    for (let run = 0; run <= runs; run++) {
      for (const variant of variants) {
        collectGarbage();
        const store = openTempStore(ctx.temp);
        const refresher = new Refresher({
          store,
          events: new EventHub(),
          net: createNet(globalThis.fetch),
        });
        const feedId = subscribe(store, variant.url);
        const firstMs = await timeAsync(() => refreshOk(refresher, feedId));
        const again: number[] = [];
        for (let i = 0; i < REPEATS; i++) {
          // As before every timed run: the first refresh's garbage (~100 MB of parse) is not
          // collected during the unchanged one.
          collectGarbage();
          again.push(await timeAsync(() => refreshOk(refresher, feedId, false)));
        }
        if (variant.name === 'bodyHashSkip') {
          // What the skip saves: the same bytes through the pipeline and the store (no row changes).
          collectGarbage();
          const ms = await timeAsync(async () => {
            const feed = await feedFromBytes(doc.bytes, {
              url: variant.url,
              contentType: doc.contentType,
            });
            store.feedUpdates.apply(feedId, feedUpdateOf(feed));
          });
          if (run > 0) withoutSkip.push(ms);
        }
        store.close();
        if (run === 0) continue;
        first.push(firstMs);
        unchanged.get(variant.name)?.push(...again);
      }
    }
  } finally {
    server.close();
  }
  const firstMs = median(first);
  const name = `reingest.${doc.format}`;
  emit({
    figure: `${name}.first`,
    value: firstMs,
    unit: 'ms',
    items: doc.items,
    via: 'Refresher, fixture server',
    runs: first.length,
  });
  for (const [variant, times] of unchanged) {
    const ms = median(times);
    const ratio = ms / firstMs;
    emit({
      figure: `${name}.unchanged.${variant}`,
      value: ms,
      unit: 'ms',
      ratio,
      target: `< ${TARGET}`,
      met: ratio < TARGET,
      runs: times.length,
    });
  }
  const noSkip = median(withoutSkip);
  emit({
    figure: `${name}.unchanged.noSkip`,
    value: noSkip,
    unit: 'ms',
    ratio: noSkip / firstMs,
    note: 'pipeline + store on the unchanged bytes, no hash skip',
    runs: withoutSkip.length,
  });
}

/** Refreshes one feed and fails loudly if the refresh did not do what the figure assumes. */
async function refreshOk(refresher: Refresher, feedId: number, expectNew = true): Promise<void> {
  const result = await refresher.refreshMany([feedId]);
  if (result.errors.length > 0) throw new Error(`refresh failed: ${JSON.stringify(result.errors)}`);
  if (expectNew !== result.newArticles > 0)
    throw new Error(`unexpected refresh result ${JSON.stringify(result)}`);
}

/**
 * The child's server: `/no-validators.xml` answers the bytes with no ETag or Last-Modified (only
 * the body hash can tell they are unchanged), `/feed.xml` the same with an ETag, 304 on
 * If-None-Match. Plain JavaScript run by `node -e`, so that bench.mjs builds nothing more.
 */
const SERVER = `
  const { createServer } = require('node:http');
  const body = require('node:fs').readFileSync(process.argv[1]);
  const type = process.argv[2];
  const etag = '"' + require('node:crypto').createHash('sha1').update(body).digest('hex') + '"';
  const server = createServer((req, res) => {
    if (req.url === '/feed.xml' && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    const validators = req.url === '/feed.xml' ? { ETag: etag } : {};
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, ...validators });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));`;

/** A running child server: the URL of a path on it, and how to stop it. */
interface ChildServer {
  url(path: string): string;
  close(): void;
}

/** Starts the child server on `file` and resolves when it listens. */
function startServer(file: string, contentType: string): Promise<ChildServer> {
  const child: ChildProcess = fork('-e', [SERVER, file, contentType], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => {
      const { port } = message as { port: number };
      resolve({
        url: (route) => `http://127.0.0.1:${port}${route}`,
        close: () => child.kill(),
      });
    });
  });
}
