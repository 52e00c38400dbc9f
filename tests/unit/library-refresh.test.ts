import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/events';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { feedsService } from '../../src/main/core/library/subscriptions/feeds-service';
import { Store } from '../../src/main/core/storage/store';
import type { FolioEvent } from '../../src/shared/contract';
import { ApiError } from '../../src/shared/errors';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackNet } from '../helpers/net';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

/** A small RSS feed whose items a test can change between refreshes. */
function rss(items: { guid: string; title: string; body: string }[], title = 'Changing News') {
  const entries = items
    .map(
      (i) =>
        `<item><guid>${i.guid}</guid><title>${i.title}</title><link>http://news.test/${i.guid}</link>` +
        `<description>${i.body}</description><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://news.test/</link>${entries}</channel></rss>`;
}

describe('subscribing and refreshing', () => {
  let server: FixtureServer;
  let store: Store;
  let events: EventHub;
  let seen: FolioEvent[];
  let api: ReturnType<typeof feedsService>;
  let live: { guid: string; title: string; body: string }[];

  beforeAll(async () => {
    server = await startFixtureServer();
    // A feed without validators: only the body hash can tell it is unchanged.
    server.route('/live.xml', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.end(rss(live));
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    store = Store.open(':memory:');
    events = new EventHub();
    seen = [];
    events.on((e) => seen.push(e));
    api = feedsService(store, events, new Refresher({ store, events, net: loopbackNet() }));
    live = [
      { guid: 'a', title: 'Harbin expo opens', body: 'Trade between the neighbours grows.' },
      { guid: 'b', title: 'Rail link planned', body: 'A new line across the Amur.' },
    ];
  });

  it('adds a feed with its articles and unread count, fetched before replying', async () => {
    const feed = await api['feeds.add']({ url: server.url('/feeds/rss-2.0-basic.xml') });
    expect(feed.title).not.toBe('');
    expect(feed.unreadCount).toBeGreaterThan(0);
    expect(feed.lastFetchedAt).not.toBeNull();
    expect(store.articles.list({ feedId: feed.id }).items).toHaveLength(feed.unreadCount);
    expect(seen.map((e) => e.type)).toContain('articles.changed');
  });

  it('refuses a second subscription to the same feed with CONFLICT', async () => {
    const url = server.url('/feeds/rss-2.0-basic.xml');
    await api['feeds.add']({ url });
    await expect(api['feeds.add']({ url })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('answers NOT_A_FEED for a web page and stores nothing', async () => {
    await expect(
      api['feeds.add']({ url: server.url('/feeds/html-page-not-a-feed.html') }),
    ).rejects.toMatchObject({
      code: 'NOT_A_FEED',
    });
    expect(store.feeds.list()).toEqual([]);
  });

  it('answers FETCH_FAILED for a 404 and stores nothing', async () => {
    await expect(
      api['feeds.add']({ url: server.url('/feeds/missing.xml') }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(store.feeds.list()).toEqual([]);
  });

  it('sends the stored ETag and spends no parsing on a 304', async () => {
    const feed = await api['feeds.add']({ url: server.url('/feeds/rss-2.0-basic.xml') });
    const result = await api['feeds.refresh']({ id: feed.id });
    expect(result).toEqual({ feeds: 1, newArticles: 0, errors: [] });
    const last = server.requests.at(-1)!;
    expect(last.headers['if-none-match']).toBeTruthy();
  });

  it('skips an unchanged body by its hash, and stores only what changed', async () => {
    const feed = await api['feeds.add']({ url: server.url('/live.xml') });
    expect(feed.unreadCount).toBe(2);
    const writes = rawDatabase(store).prepare('SELECT total_changes() AS n').pluck();
    const before = writes.get() as number;
    await api['feeds.refresh']({ id: feed.id });
    // Only the feed's fetch record was written.
    expect((writes.get() as number) - before).toBe(1);

    live = [{ guid: 'c', title: 'Summit ends', body: 'Leaders sign a statement.' }, ...live];
    live[2]!.body = 'A new line across the Amur, with a bridge.';
    const result = await api['feeds.refresh']({ id: feed.id });
    expect(result.newArticles).toBe(1);
    const titles = store.articles.list({ feedId: feed.id }).items.map((a) => a.title);
    expect(titles.sort()).toEqual(['Harbin expo opens', 'Rail link planned', 'Summit ends']);
  });

  it("keeps a user's star and read state when an article changes upstream", async () => {
    const feed = await api['feeds.add']({ url: server.url('/live.xml') });
    const article = store.articles
      .list({ feedId: feed.id })
      .items.find((a) => a.title === 'Rail link planned')!;
    // The user stars and reads it while a refresh is on its way.
    live[1]!.title = 'Rail link approved';
    const refreshing = api['feeds.refresh']({ id: feed.id });
    store.articles.setState(article.id, { starred: true, read: true });
    await refreshing;
    const after = store.articles.summary(article.id)!;
    expect(after.title).toBe('Rail link approved');
    expect(after.starredAt).not.toBeNull();
    expect(after.readAt).not.toBeNull();
    expect(store.articles.list({ feedId: feed.id }).items).toHaveLength(2);
    expect(store.feeds.get(feed.id)!.unreadCount).toBe(1);
  });

  it("keeps going when one feed fails, keeps that feed's error, and reports progress", async () => {
    const good = await api['feeds.add']({ url: server.url('/live.xml') });
    const flaky = await api['feeds.add']({ url: server.url('/feeds/rss-2.0-basic.xml') });
    rawDatabase(store)
      .prepare('UPDATE feeds SET url = ? WHERE id = ?')
      .run(server.url('/feeds/rss-2.0-basic.xml?status=503&retryAfter=7200'), flaky.id);
    live = [{ guid: 'z', title: 'Late news', body: 'Something happened.' }, ...live];
    seen.length = 0;
    const result = await api['feeds.refresh']({});
    expect(result.feeds).toBe(2);
    expect(result.newArticles).toBe(1);
    expect(result.errors).toEqual([
      { feedId: flaky.id, code: 'FETCH_FAILED', message: expect.stringContaining('503') },
    ]);
    const listed = store.feeds.list().find((f) => f.id === flaky.id)!;
    expect(listed.lastError).toContain('503');
    // Retry-After (2 h) beats the first back-off step (30 min).
    const state = store.feeds.fetchState(flaky.id)!;
    expect(state.errorCount).toBe(1);
    expect(state.nextFetchAt! - Date.now()).toBeGreaterThan(7000 * 1000);
    const progress = seen.filter((e) => e.type === 'refresh').map((e) => e.data);
    expect(progress[0]).toMatchObject({ done: 0, total: 2 });
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2 });
    expect(store.feeds.get(good.id)!.lastError).toBeNull();
  });

  it('keeps a feed that stopped being a feed as an error on that feed, and refreshes the others', async () => {
    // A site redesign, a parked domain: the feed's address now answers with a web page, or with
    // XML that no longer parses. Parsing fails after the fetch succeeded.
    let broken = '<html><body>Moved</body></html>';
    server.route('/turned-into-a-page.xml', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(broken);
    });
    const good = await api['feeds.add']({ url: server.url('/live.xml') });
    const turned = await api['feeds.add']({ url: server.url('/feeds/rss-2.0-basic.xml') });
    rawDatabase(store)
      .prepare('UPDATE feeds SET url = ? WHERE id = ?')
      .run(server.url('/turned-into-a-page.xml'), turned.id);
    live = [{ guid: 'y', title: 'Later news', body: 'Another thing happened.' }, ...live];
    const result = await api['feeds.refresh']({});
    expect(result.newArticles).toBe(1);
    expect(result.errors).toEqual([
      { feedId: turned.id, code: 'NOT_A_FEED', message: expect.any(String) },
    ]);
    expect(store.feeds.get(turned.id)!.lastError).toMatch(/web page/);
    expect(store.feeds.fetchState(turned.id)!.errorCount).toBe(1);
    expect(store.feeds.get(good.id)!.lastError).toBeNull();

    broken = '<rss version="2.0"><channel></item></rss>';
    const again = await api['feeds.refresh']({ id: turned.id });
    expect(again.errors).toEqual([
      { feedId: turned.id, code: 'PARSE_FAILED', message: expect.any(String) },
    ]);
    expect(store.feeds.fetchState(turned.id)!.errorCount).toBe(2);
  });

  it('stops at once when closed mid-refresh: the fetch is cancelled and nothing is written', async () => {
    const slow = await api['feeds.add']({ url: server.url('/feeds/rss-2.0-basic.xml') });
    rawDatabase(store)
      .prepare('UPDATE feeds SET url = ? WHERE id = ?')
      .run(server.url('/slow'), slow.id);
    const refresher = new Refresher({ store, events, net: loopbackNet() });
    const running = refresher.refreshMany([slow.id]);
    // /slow sends a byte every 100 ms for a minute: wait until it is being fetched.
    while (!server.requests.some((r) => r.path === '/slow')) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    refresher.close();
    store.close(); // as the app does right after: any later write would throw
    const result = await running;
    expect(result.errors).toEqual([
      { feedId: slow.id, code: 'UNAVAILABLE', message: expect.any(String) },
    ]);
    expect(result.newArticles).toBe(0);
    // And a refresh asked for after closing does nothing either.
    expect((await refresher.refreshFeed(slow.id)).error?.code).toBe('UNAVAILABLE');
  });

  it('moves a feed to its new address after a 301', async () => {
    const target = server.url('/feeds/rss-2.0-basic.xml');
    const feed = await api['feeds.add']({
      url: server.url(`/moved.xml?redirect=301&to=/feeds/rss-2.0-basic.xml`),
    });
    expect(feed.url).toBe(target);
  });
});
