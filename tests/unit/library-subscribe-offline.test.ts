import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/events';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { feedsService } from '../../src/main/core/library/subscriptions/feeds-service';
import { Store } from '../../src/main/core/storage/store';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackNet } from '../helpers/net';

const FEED = readFileSync(join(__dirname, '..', 'fixtures', 'feeds', 'rss-2.0-basic.xml'));

/** A feed server that can be stopped and started again on the same port (the network coming back). */
class FlakyFeedServer {
  #server: Server | null = null;
  constructor(readonly port: number) {}

  url(path = '/news.xml'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async start(): Promise<void> {
    this.#server = createHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(FEED);
    });
    await new Promise<void>((done) => this.#server!.listen(this.port, '127.0.0.1', done));
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  }
}

/** Returns a port on 127.0.0.1 that refuses connections (bound once, then freed). */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('subscribing while the server cannot be reached', () => {
  let fixtures: FixtureServer;
  let flaky: FlakyFeedServer;
  let store: Store;
  let api: ReturnType<typeof feedsService>;

  beforeAll(async () => {
    fixtures = await startFixtureServer();
  });
  afterAll(() => fixtures.close());
  beforeEach(async () => {
    flaky = new FlakyFeedServer(await freePort());
    store = Store.open(':memory:');
    const events = new EventHub();
    api = feedsService(store, events, new Refresher({ store, events, net: loopbackNet() }));
  });
  afterEach(() => flaky.stop());

  it('keeps the feed with its error, then gets its articles once the server is back', async () => {
    const before = Date.now();
    const feed = await api['feeds.add']({ url: flaky.url(), folder: 'Later' });
    expect(feed).toMatchObject({
      url: flaky.url(),
      title: '127.0.0.1',
      folder: 'Later',
      unreadCount: 0,
      lastFetchedAt: null,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
    // The next fetch comes soon (minutes, not the usual half hour), and is already planned.
    const state = store.feeds.fetchState(feed.id)!;
    expect(state.errorCount).toBe(1);
    expect(state.nextFetchAt! - before).toBeGreaterThan(60_000);
    expect(state.nextFetchAt! - before).toBeLessThan(30 * 60_000);
    expect(store.feeds.dueIds(state.nextFetchAt!)).toEqual([feed.id]);

    await flaky.start();
    const result = await api['feeds.refresh']({ id: feed.id });
    expect(result.errors).toEqual([]);
    const back = store.feeds.get(feed.id)!;
    expect(back.lastError).toBeNull();
    expect(back.title).not.toBe('127.0.0.1');
    expect(back.unreadCount).toBeGreaterThan(0);
  });

  it("a web page subscribed offline becomes its site's feed once the site is back", async () => {
    // The train case: a site's address pasted with no network, so no page to look for feeds on.
    const page = await api['feeds.add']({ url: flaky.url('/index.html') });
    expect(page).toMatchObject({ url: flaky.url('/index.html'), lastFetchedAt: null });
    const site = await startFixtureServer({
      root: join(__dirname, '..', 'fixtures', 'sites', 'rel-alternate'),
      port: flaky.port,
    });
    try {
      const result = await api['feeds.refresh']({ id: page.id });
      expect(result.errors).toEqual([]);
      expect(result.newArticles).toBe(1);
      // The subscription moved to the feed the page announces, as after a permanent redirect.
      expect(store.feeds.get(page.id)).toMatchObject({
        url: flaky.url('/feed.xml'),
        title: 'Alternate News',
        lastError: null,
        unreadCount: 1,
      });
      expect(store.feeds.list()).toHaveLength(1);
    } finally {
      await site.close();
    }
  });

  it('keeps NOT_A_FEED on a page subscribed offline whose site has no feed', async () => {
    const page = await api['feeds.add']({ url: flaky.url('/index.html') });
    const site = await startFixtureServer({
      root: join(__dirname, '..', 'fixtures', 'sites', 'no-feed'),
      port: flaky.port,
    });
    try {
      const result = await api['feeds.refresh']({ id: page.id });
      expect(result.errors).toEqual([
        { feedId: page.id, code: 'NOT_A_FEED', message: expect.any(String) },
      ]);
      expect(store.feeds.get(page.id)).toMatchObject({ url: flaky.url('/index.html') });
    } finally {
      await site.close();
    }
  });

  it('refuses a second subscription to a feed kept offline', async () => {
    await api['feeds.add']({ url: flaky.url() });
    await expect(api['feeds.add']({ url: flaky.url() })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('still refuses HTTP errors and documents that are no feed, storing nothing', async () => {
    await expect(
      api['feeds.add']({ url: fixtures.url('/feeds/missing.xml') }),
    ).rejects.toMatchObject({ code: 'FETCH_FAILED', details: { status: 404 } });
    await expect(
      api['feeds.add']({ url: fixtures.url('/feeds/rss-2.0-basic.xml?status=500') }),
    ).rejects.toMatchObject({ code: 'FETCH_FAILED', details: { status: 500 } });
    await expect(api['feeds.add']({ url: fixtures.url('/feeds/empty.xml') })).rejects.toMatchObject(
      { code: 'NOT_A_FEED' },
    );
    expect(store.feeds.list()).toEqual([]);
  });
});

describe('subscribing with a page URL', () => {
  let server: FixtureServer;
  let store: Store;
  let api: ReturnType<typeof feedsService>;

  beforeAll(async () => {
    server = await startFixtureServer({
      root: join(__dirname, '..', 'fixtures', 'sites', 'rel-alternate'),
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    store = Store.open(':memory:');
    const events = new EventHub();
    api = feedsService(store, events, new Refresher({ store, events, net: loopbackNet() }));
  });

  it('subscribes to the best feed the page announces, with its articles', async () => {
    const feed = await api['feeds.add']({ url: server.url('/index.html') });
    expect(feed).toMatchObject({ url: server.url('/feed.xml'), title: 'Alternate News' });
    expect(feed.unreadCount).toBe(1);
  });

  it('refuses the page when its best feed is already followed', async () => {
    await api['feeds.add']({ url: server.url('/feed.xml') });
    await expect(api['feeds.add']({ url: server.url('/index.html') })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('answers NOT_A_FEED with a clear message when the page leads to no feed', async () => {
    const none = await startFixtureServer({
      root: join(__dirname, '..', 'fixtures', 'sites', 'no-feed'),
    });
    try {
      await expect(api['feeds.add']({ url: none.url('/index.html') })).rejects.toMatchObject({
        code: 'NOT_A_FEED',
        message: expect.stringContaining('found no feed'),
      });
    } finally {
      await none.close();
    }
  });
});
