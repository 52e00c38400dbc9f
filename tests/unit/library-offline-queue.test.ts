import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/events';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { feedsService } from '../../src/main/core/library/subscriptions/feeds-service';
import { OfflineQueue } from '../../src/main/core/library/offline/offline-queue';
import { offlineService } from '../../src/main/core/library/offline/offline-service';
import { updateSettings } from '../../src/main/core/library/settings';
import { Store } from '../../src/main/core/storage/store';
import type { Events, FolioEvent } from '../../src/shared/contract';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackGet, loopbackNet } from '../helpers/net';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

const PNG = readFileSync(join(__dirname, '../fixtures/images/red-2x2.png'));

/** An RSS feed whose items show the given image URLs (one item per entry). */
function feedWith(items: { guid: string; link: string; images: string[] }[]): string {
  const entries = items
    .map((item) => {
      const html = `<p>About ${item.guid}.</p>${item.images.map((src) => `<img src="${src}" alt="">`).join('')}`;
      return `<item><guid>${item.guid}</guid><title>Item ${item.guid}</title><link>${item.link}</link><description><![CDATA[${html}]]></description></item>`;
    })
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Pictures</title><link>http://pictures.test/</link>${entries}</channel></rss>`;
}

/** Counts how many requests a route serves at once (the fixture server is one host). */
class ConcurrencyMeter {
  now = 0;
  max = 0;
  /** Requests the client gave up before their answer was sent. */
  cancelled = 0;
  /** A handler answering a PNG after `delayMs`, counting requests in flight. */
  handler(delayMs: number, shared?: ConcurrencyMeter) {
    return (_req: IncomingMessage, res: ServerResponse) => {
      this.enter();
      shared?.enter();
      res.on('close', () => {
        if (!res.writableEnded) this.cancelled++;
      });
      setTimeout(() => {
        this.leave();
        shared?.leave();
        res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
      }, delayMs);
    };
  }
  enter() {
    this.now++;
    this.max = Math.max(this.max, this.now);
  }
  leave() {
    this.now--;
  }
}

describe('the offline queue', () => {
  let server: FixtureServer;
  let store: Store;
  let events: EventHub;
  let seen: FolioEvent[];
  let queue: OfflineQueue;
  let feeds: ReturnType<typeof feedsService>;
  let feedXml: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/pictures.xml', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feedXml);
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    store = Store.open(':memory:');
    events = new EventHub();
    seen = [];
    events.on((e) => seen.push(e));
    queue = new OfflineQueue({ store, events, get: loopbackGet });
    const refresher = new Refresher({
      store,
      events,
      net: loopbackNet(),
      onArticlesStored: queue.articlesStored,
    });
    feeds = feedsService(store, events, refresher);
  });
  afterEach(async () => {
    await queue.close();
    store.close();
  });

  const articlesOf = (feedId: number) => store.articles.list({ feedId }).items;
  const eventsOf = <E extends keyof Events>(type: E) =>
    seen.filter((e) => e.type === type).map((e) => e.data as Events[E]);

  it('stores the images of a new feed in the background, after the reply', async () => {
    feedXml = feedWith([
      {
        guid: 'a',
        link: 'http://pictures.test/a',
        images: [server.url('/images/red-2x2.png?delayMs=100')],
      },
      { guid: 'b', link: 'http://pictures.test/b', images: [server.url('/images/grey-1x1.jpg')] },
    ]);
    const feed = await feeds['feeds.add']({ url: server.url('/pictures.xml') });
    // The subscription answered before any image arrived: the queue never blocks it.
    expect(articlesOf(feed.id).some((a) => a.offlineReady)).toBe(false);
    await queue.idle();
    expect(articlesOf(feed.id).map((a) => a.offlineReady)).toEqual([true, true]);
    expect(rawDatabase(store).prepare('SELECT count(*) FROM assets').pluck().get()).toBe(2);
    const progress = eventsOf('offline');
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 });
    expect(eventsOf('articles.changed').some((e) => e.articleIds?.length)).toBe(true);
  });

  it('picks up articles a refresh stores, and leaves images alone when keepImages is off', async () => {
    feedXml = feedWith([{ guid: 'a', link: 'http://pictures.test/a', images: [] }]);
    const feed = await feeds['feeds.add']({ url: server.url('/pictures.xml') });
    await queue.idle();
    updateSettings(store, { keepImages: false });
    feedXml = feedWith([
      { guid: 'a', link: 'http://pictures.test/a', images: [] },
      { guid: 'c', link: 'http://pictures.test/c', images: [server.url('/images/black-1x1.gif')] },
    ]);
    await feeds['feeds.refresh']({ id: feed.id });
    await queue.idle();
    expect(rawDatabase(store).prepare('SELECT count(*) FROM assets').pluck().get()).toBe(0);
    updateSettings(store, { keepImages: true });
    feedXml = feedWith([
      { guid: 'c', link: 'http://pictures.test/c', images: [server.url('/images/black-1x1.gif')] },
      { guid: 'd', link: 'http://pictures.test/d', images: [server.url('/images/pixel-1x1.webp')] },
    ]);
    await feeds['feeds.refresh']({ id: feed.id });
    await queue.idle();
    // Only the new article was queued by this refresh; c's image waits for "make offline".
    expect(rawDatabase(store).prepare('SELECT type FROM assets').pluck().all()).toEqual([
      'image/webp',
    ]);
  });

  it('fetches the full text of a full-text feed’s articles, then the page’s images', async () => {
    feedXml = feedWith([
      { guid: 'ice', link: server.url('/images/page-with-images.html'), images: [] },
    ]);
    // Subscribed without full text, then switched on: the next new article gets it.
    const feed = await feeds['feeds.add']({ url: server.url('/pictures.xml') });
    await queue.idle();
    expect((await feeds['feeds.update']({ id: feed.id, fullText: true })).fullText).toBe(true);
    const [article] = articlesOf(feed.id);
    queue.articlesStored(feed.id, [article!.id]);
    await queue.idle();
    const content = store.articles.content(article!.id);
    expect(content?.fullTextHtml).toContain('Every winter the Amur freezes');
    expect([...store.offline.storedImages(article!.id).keys()].sort()).toEqual([
      server.url('/images/blue-4x3.png'),
      server.url('/images/red-2x2.png'),
    ]);
    expect(store.articles.summary(article!.id)?.offlineReady).toBe(true);
  });

  it('fetches at most 4 images at once, and 2 per host', async () => {
    // Three fixture servers are three hosts (the port is part of the host).
    const others = [await startFixtureServer(), await startFixtureServer()];
    const all = new ConcurrencyMeter();
    const meters = [server, ...others].map((s) => {
      const meter = new ConcurrencyMeter();
      s.route('/counted.png', meter.handler(40, all));
      return meter;
    });
    try {
      const images = [server, ...others].flatMap((s) =>
        Array.from({ length: 6 }, (_, i) => s.url(`/counted.png?n=${i}`)),
      );
      const id = store.articles.insert({
        uid: 'library:many-images',
        feedId: null,
        kind: 'saved',
        url: null,
        title: 'Eighteen images on three hosts',
        author: null,
        publishedAt: null,
        contentHtml: images.map((src) => `<img src="${src}" alt="" />`).join(''),
        text: '',
      });
      const [result] = await queue.make([id]);
      expect(result).toEqual({ articleId: id, images: 18, complete: true });
      for (const meter of meters) expect(meter.max).toBeLessThanOrEqual(2);
      expect(all.max).toBeLessThanOrEqual(4);
      expect(all.max).toBeGreaterThan(2);
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });

  it('offline.make for a feed fetches every image whatever the setting, with progress', async () => {
    updateSettings(store, { keepImages: false });
    feedXml = feedWith([
      { guid: 'a', link: 'http://pictures.test/a', images: [server.url('/images/red-2x2.png?m')] },
      { guid: 'b', link: 'http://pictures.test/b', images: [server.url('/images/blue-4x3.png?m')] },
      { guid: 'c', link: 'http://pictures.test/c', images: [server.url('/images/missing.png')] },
    ]);
    const feed = await feeds['feeds.add']({ url: server.url('/pictures.xml') });
    await queue.idle();
    seen.length = 0;
    const make = offlineService(store, queue)['offline.make'];
    expect(await make({ feedId: feed.id })).toEqual({ articles: 3, images: 2, incomplete: 1 });
    expect(eventsOf('offline')).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
    expect(articlesOf(feed.id).filter((a) => a.offlineReady)).toHaveLength(2);
    // Done again, nothing is fetched twice.
    expect(await make({ feedId: feed.id })).toEqual({ articles: 3, images: 0, incomplete: 1 });
    await expect(make({ feedId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stops cleanly on close: nothing is written afterwards', async () => {
    const meter = new ConcurrencyMeter();
    server.route('/slow.png', meter.handler(150));
    const id = store.articles.insert({
      uid: 'library:slow',
      feedId: null,
      kind: 'saved',
      url: null,
      title: 'Slow images',
      author: null,
      publishedAt: null,
      contentHtml: [1, 2, 3].map((n) => `<img src="${server.url(`/slow.png?${n}`)}" />`).join(''),
      text: '',
    });
    const made = queue.make([id]);
    while (meter.now < 2) await new Promise((r) => setTimeout(r, 5));
    await queue.close();
    expect(await made).toEqual([]);
    // The fetches in flight were cancelled (their connections closed before any answer), so no
    // image can arrive to be written; the third was never asked for.
    while (meter.cancelled < 2) await new Promise((r) => setTimeout(r, 5));
    expect(server.requests.filter((r) => r.path.startsWith('/slow.png'))).toHaveLength(2);
    expect(rawDatabase(store).prepare('SELECT count(*) FROM assets').pluck().get()).toBe(0);
    expect(store.offline.state(id)?.imagesMissing).toBeNull();
    expect(await queue.enqueue(id, { images: 'always', retryFullText: false })).toBeNull();
  });
});

describe('offline.make of a big feed whose articles need nothing fetched', () => {
  it('lets the event loop turn while its jobs settle', async () => {
    const store = Store.open(':memory:');
    const events = new EventHub();
    const feedId = store.feeds.insert({
      url: 'http://127.0.0.1:9/text.xml',
      title: 'Text only',
      siteUrl: null,
      folder: null,
    });
    for (let i = 0; i < 3000; i++) {
      store.articles.insert({
        uid: `${feedId}:t${i}`,
        feedId,
        kind: 'feed',
        url: null,
        title: `Text ${i}`,
        author: null,
        publishedAt: Date.UTC(2025, 0, 1) + i,
        contentHtml: `<p>Words only, ${i}.</p>`,
        text: `Words only, ${i}.`,
      });
    }
    const queue = new OfflineQueue({ store, events, get: loopbackGet });
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const result = await offlineService(store, queue)['offline.make']({ feedId });
    clearInterval(ticking);
    expect(result).toEqual({ articles: 3000, images: 0, incomplete: 0 });
    // Without a turn now and then, 3,000 jobs settled in one run of microtasks.
    expect(turns).toBeGreaterThan(0);
    await queue.close();
  });
});
