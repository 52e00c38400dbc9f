/**
 * A tiny web for the feed end-to-end tests: an HTTP server on 127.0.0.1 (free port) that
 * serves the World Desk feed (tests/fixtures/e2e/world-news.xml) and a plain web page, and lets
 * a test change the feed, slow it down or make it fail between refreshes. Kept apart from
 * tests/helpers/fixture-server.ts so the end-to-end suite stays self-contained.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The fixture feed as served at first. */
export const WORLD_NEWS = readFileSync(
  join(__dirname, '..', 'fixtures', 'e2e', 'world-news.xml'),
  'utf8',
);

/** A page that is not a feed and links to none (so autodiscovery finds nothing). */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>World Desk</title>
</head><body><h1>World Desk</h1><p>Our front page. Subscribe in your reader.</p></body></html>`;

/** The running server; change its fields to change what it answers next. */
export interface FeedServer {
  /** `http://127.0.0.1:PORT/world-news.xml`. */
  feedUrl: string;
  /** `http://127.0.0.1:PORT/front-page.html`. */
  pageUrl: string;
  /** The feed's body from now on. */
  feed: string;
  /** Wait this long before answering the feed. */
  delayMs: number;
  /** Answer the feed with this status (and no feed) when set. */
  failWith: number | null;
  /** How many times the feed was requested. */
  hits: number;
  close(): Promise<void>;
}

/** Starts the server. */
export async function startFeedServer(): Promise<FeedServer> {
  const state = { feed: WORLD_NEWS, delayMs: 0, failWith: null as number | null, hits: 0 };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/front-page.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    if (path !== '/world-news.xml') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    state.hits++;
    setTimeout(() => {
      if (state.failWith !== null) {
        res.writeHead(state.failWith, { 'Content-Type': 'text/plain' }).end('server error');
      } else {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
        res.end(state.feed);
      }
    }, state.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handle = {
    feedUrl: `${origin}/world-news.xml`,
    pageUrl: `${origin}/front-page.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return Object.assign(state, handle) as FeedServer;
}
