/**
 * A feed bigger than the 10 MB every other fetch keeps: a podcast or archive feed of thousands of
 * items (feeds/fetch-feed.ts FEED_MAX_BYTES). It is subscribed whole, stored in short
 * transactions; one past the feed limit is refused with a clear error before it is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/events';
import { FEED_MAX_BYTES } from '../../src/main/core/feeds/fetch-feed';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { feedsService } from '../../src/main/core/library/subscriptions/feeds-service';
import { Store } from '../../src/main/core/storage/store';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { rssFeed } from '../helpers/generated-feed';
import { loopbackNet } from '../helpers/net';
import { feedInBatches } from '../../src/main/core/feeds/pipeline';
import type { FeedInBatches } from '../../src/main/core/feeds/types';
import { ApiError } from '../../src/shared/errors';

const PARAGRAPH = 'An episode of a long-running show, with its notes and links. '.repeat(20);

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
  const items = Array.from({ length: 5000 }, (_, i) => ({
    guid: `episode-${i}`,
    title: `Episode ${i}`,
    link: `https://example.com/episodes/${i}`,
    html: `<p>${PARAGRAPH}</p><p>${PARAGRAPH}${i}</p>`,
    published: new Date(Date.UTC(2015, 0, 1) + i * 3_600_000),
  }));
  const big = rssFeed('A long-running show', items);
  expect(Buffer.byteLength(big)).toBeGreaterThan(12 * 1024 * 1024);
  server.route('/archive.xml', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(big);
  });
  // Says it is past the limit: refused from the header, before its bytes are read.
  server.route('/huge.xml', (_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/rss+xml',
      'Content-Length': String(FEED_MAX_BYTES + 1),
    });
    res.write('<rss>');
  });
});
afterAll(() => server.close());

function feeds(parse?: typeof feedInBatches) {
  const store = Store.open(':memory:');
  const events = new EventHub();
  const refresher = new Refresher({
    store,
    events,
    net: loopbackNet(),
    ...(parse ? { parse } : {}),
  });
  return { store, api: feedsService(store, events, refresher) };
}

describe('a feed larger than 10 MB', () => {
  it('is subscribed with all its items', async () => {
    const { store, api } = feeds();
    const feed = await api['feeds.add']({ url: server.url('/archive.xml') });
    expect(feed.unreadCount).toBe(5000);
    expect(store.feeds.fetchState(feed.id)?.bodyHash).not.toBeNull();
    expect(store.articles.list({ feedId: feed.id, limit: 1 }).items[0]?.title).toBe('Episode 4999');
  }, 60_000);

  it('is refused past the feed limit, saying how large it may be', async () => {
    const { api } = feeds();
    await expect(api['feeds.add']({ url: server.url('/huge.xml') })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('64 MB'),
    });
  });
});

/** The real pipeline, whose second batch fails as a bug in normalizing would. */
const failingHalfWay: typeof feedInBatches = async (bytes, meta, now) => {
  const feed = await feedInBatches(bytes, meta, now);
  let taken = 0;
  const halfWay: FeedInBatches = {
    head: feed.head,
    next: () =>
      ++taken === 2
        ? Promise.reject(new ApiError('PARSE_FAILED', 'The parser stopped half way.'))
        : feed.next(),
    cancel: () => feed.cancel(),
  };
  return halfWay;
};

describe('a big feed whose batches fail half way', () => {
  it('is not subscribed: the feed and the articles already stored are removed', async () => {
    const { store, api } = feeds(failingHalfWay);
    await expect(api['feeds.add']({ url: server.url('/archive.xml') })).rejects.toMatchObject({
      code: 'PARSE_FAILED',
    });
    expect(store.feeds.list()).toEqual([]);
    expect(store.articles.list({ limit: 1 }).items).toEqual([]);
  }, 60_000);

  it('on refresh, keeps what was stored but not the body hash, and the feed’s error', async () => {
    const { store, api } = feeds(failingHalfWay);
    const url = server.url('/archive.xml');
    const id = store.feeds.insert({ url, title: 'A', siteUrl: null, folder: null }, 0);
    const result = await api['feeds.refresh']({ id });
    expect(result.errors).toMatchObject([{ feedId: id, code: 'PARSE_FAILED' }]);
    // Stored again, whole, by the next refresh: nothing lets it skip the body.
    expect(store.feeds.fetchState(id)?.bodyHash).toBeNull();
    const stored = store.articles.list({ feedId: id, limit: 5000 }).items.length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(5000);
    expect(store.feeds.get(id)?.lastError).toContain('half way');
  }, 60_000);
});
