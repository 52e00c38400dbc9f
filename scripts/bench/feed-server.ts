/**
 * The child process of figure 6: a plain node:http server on 127.0.0.1 serving `feeds` generated
 * RSS feeds of `items` items each with strong ETags (304 on If-None-Match), spread over `ports`
 * ports so the fetch limiter sees `ports` hosts, as with a real subscription list. It runs apart
 * so that serving does not share the event loop of the refresh being measured.
 * Messages: sends {type: 'ready', urls}; answers {type: 'stats'} with request counts and resets.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rssDocument } from './feed-documents';
import { loadVocabulary, seededRandom, ZipfWords } from './words';

/** What the parent asks for (argv[2], JSON). */
export interface FeedServerConfig {
  vocabularyFile: string;
  feeds: number;
  items: number;
  ports: number;
}

/** What the server counted since the last `stats` message. */
export interface FeedServerStats {
  ok: number;
  notModified: number;
  conditional: number;
  notFound: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as FeedServerConfig;
  const words = new ZipfWords(loadVocabulary(config.vocabularyFile), seededRandom(6));
  const bodies = Array.from({ length: config.feeds }, (_, i) => {
    const body = Buffer.from(
      rssDocument(words, {
        items: config.items,
        htmlBytes: 3000,
        site: `https://site${i}.example.org`,
        title: `Feed ${i}`,
        newest: Date.UTC(2025, 0, 31) - i * 60_000,
      }),
    );
    return { body, etag: `"${createHash('sha1').update(body).digest('hex')}"` };
  });
  const stats: FeedServerStats = { ok: 0, notModified: 0, conditional: 0, notFound: 0 };
  const server = (): ReturnType<typeof createServer> =>
    createServer((req, res) => {
      const match = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '');
      const feed = match ? bodies[Number(match[1])] : undefined;
      if (!feed) {
        stats.notFound++;
        res.writeHead(404).end();
        return;
      }
      const noneMatch = req.headers['if-none-match'];
      if (noneMatch || req.headers['if-modified-since']) stats.conditional++;
      if (noneMatch === feed.etag) {
        stats.notModified++;
        res.writeHead(304, { ETag: feed.etag }).end();
        return;
      }
      stats.ok++;
      res.writeHead(200, {
        'Content-Type': 'application/rss+xml; charset=utf-8',
        'Content-Length': feed.body.length,
        ETag: feed.etag,
      });
      res.end(feed.body);
    });
  const ports = await Promise.all(
    Array.from({ length: config.ports }, async () => {
      const listening = server();
      await new Promise<void>((done) => listening.listen(0, '127.0.0.1', done));
      return (listening.address() as AddressInfo).port;
    }),
  );
  const urls = bodies.map((_, i) => `http://127.0.0.1:${ports[i % ports.length]}/feeds/${i}.xml`);
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'stats') return;
    process.send?.({ type: 'stats', stats: { ...stats } });
    Object.assign(stats, { ok: 0, notModified: 0, conditional: 0, notFound: 0 });
  });
  process.send?.({ type: 'ready', urls, bytes: bodies.reduce((sum, b) => sum + b.body.length, 0) });
}

void main();
