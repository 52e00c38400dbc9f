import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import type { ArticleUpdate, FeedUpdate } from '../../src/main/core/storage/feed-update';
import {
  applyRetention,
  applyRetentionInSteps,
  cleanUp,
} from '../../src/main/core/library/offline/retention';
import { updateSettings } from '../../src/main/core/library/settings';
import { RetentionScheduler } from '../../src/main/core/library/offline/retention-scheduler';
import { EventHub } from '../../src/main/core/events';
import type { FolioEvent } from '../../src/shared/contract';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 5, 1);

function item(identity: string): ArticleUpdate {
  return {
    identity,
    url: `https://example.com/${identity}`,
    title: `Title ${identity}`,
    author: null,
    publishedAt: NOW - 365 * DAY,
    contentHtml: `<p>Body of ${identity}</p>`,
    text: `Body of ${identity}`,
    categories: [],
    enclosures: [],
    contentHash: identity,
  };
}

function feedOf(identities: string[]): FeedUpdate {
  return {
    title: 'Example',
    siteUrl: 'https://example.com/',
    ttlMinutes: null,
    articles: identities.map(item),
  };
}

function count(store: Store, sql: string, ...params: unknown[]): number {
  return rawDatabase(store)
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

function unreadCount(store: Store, feedId: number): number {
  return store.feeds.get(feedId)?.unreadCount ?? -1;
}

/** The unread count recomputed from the rows, to check the trigger-kept counter against. */
function unreadRecounted(store: Store, feedId: number): number {
  return count(
    store,
    `SELECT count(*) FROM articles a LEFT JOIN article_state s ON s.uid = a.uid
     WHERE a.feed_id = ? AND s.read_at IS NULL`,
    feedId,
  );
}

function exists(store: Store, id: number): boolean {
  return count(store, 'SELECT count(*) FROM articles WHERE id = ?', id) === 1;
}

describe('applyRetention', () => {
  let store: Store;
  let feedId: number;
  /** Article ids by identity, all fetched 200 days ago. */
  let ids: Record<string, number>;

  /** Stores the feed's items as fetched `daysAgo` and returns their ids by identity. */
  function ingest(identities: string[], daysAgo: number): Record<string, number> {
    store.feedUpdates.apply(feedId, feedOf(identities), NOW - daysAgo * DAY);
    return Object.fromEntries(
      identities.map((identity) => [identity, store.articles.idByUid(`${feedId}:${identity}`)!]),
    );
  }

  function readDaysAgo(id: number, daysAgo: number): void {
    store.articles.setState(id, { read: true }, NOW - daysAgo * DAY);
  }

  beforeEach(() => {
    store = Store.open(':memory:');
    feedId = store.feeds.insert({
      url: 'https://example.com/feed',
      title: 'Example',
      siteUrl: null,
      folder: null,
    });
    ids = ingest(['old-read', 'old-unread', 'recent-read', 'starred', 'highlighted', 'noted'], 200);
    readDaysAgo(ids['old-read']!, 150);
    readDaysAgo(ids['recent-read']!, 10);
    for (const name of ['starred', 'highlighted', 'noted']) readDaysAgo(ids[name]!, 150);
    store.articles.setState(ids['starred']!, { starred: true }, NOW - 150 * DAY);
    rawDatabase(store)
      .prepare(
        `INSERT INTO highlights (article_id, exact, start, "end", created_at, updated_at)
         VALUES (?, 'Body', 0, 4, 0, 0)`,
      )
      .run(ids['highlighted']);
    rawDatabase(store)
      .prepare('INSERT INTO notes (article_id, body, updated_at) VALUES (?, ?, 0)')
      .run(ids['noted'], 'Worth rereading.');
  });

  it('deletes an old read article and keeps an old unread one and a recently read one', () => {
    const result = applyRetention(store, NOW, 90);
    expect(result).toEqual({ deletedArticles: 1, deletedImages: 0, feedIds: [feedId] });
    expect(exists(store, ids['old-read']!)).toBe(false);
    expect(exists(store, ids['old-unread']!)).toBe(true);
    expect(exists(store, ids['recent-read']!)).toBe(true);
  });

  it('keeps starred, highlighted and noted articles whatever their age', () => {
    applyRetention(store, NOW + 10_000 * DAY, 1);
    for (const name of ['starred', 'highlighted', 'noted']) {
      expect(exists(store, ids[name]!), name).toBe(true);
    }
  });

  it('keeps saved pages and the seed whatever their age, even read', () => {
    const library = (['saved', 'seed'] as const).map((kind) =>
      store.articles.insert(
        {
          uid: `library:${kind}`,
          feedId: null,
          kind,
          url: null,
          title: kind,
          author: null,
          publishedAt: null,
          contentHtml: '<p>Kept</p>',
          text: 'Kept',
        },
        NOW - 1000 * DAY,
      ),
    );
    for (const id of library) store.articles.setState(id, { read: true }, NOW - 1000 * DAY);
    applyRetention(store, NOW, 1);
    for (const id of library) expect(exists(store, id)).toBe(true);
  });

  it('keeps a read article fetched recently: it came back in its feed after a clean-up', () => {
    // Read 150 days ago, but stored again 5 days ago: deleting it now would only make the next
    // refresh store it again.
    rawDatabase(store)
      .prepare('UPDATE articles SET fetched_at = ? WHERE id = ?')
      .run(NOW - 5 * DAY, ids['old-read']);
    expect(applyRetention(store, NOW, 90).deletedArticles).toBe(0);
  });

  it('keeps everything when retentionDays is 0 (the setting is the default for days)', () => {
    updateSettings(store, { retentionDays: 0 });
    const before = count(store, 'SELECT count(*) FROM articles');
    expect(applyRetention(store, NOW + 10_000 * DAY).deletedArticles).toBe(0);
    expect(count(store, 'SELECT count(*) FROM articles')).toBe(before);
    updateSettings(store, { retentionDays: 90 });
    expect(applyRetention(store, NOW).deletedArticles).toBe(1);
  });

  it('removes images only deleted articles used and keeps one a kept article still shows', () => {
    const link = rawDatabase(store).prepare(
      'INSERT INTO article_assets (article_id, asset_id) VALUES (?, ?)',
    );
    const onlyOld = store.assets.put(
      'https://example.com/only-old.png',
      'image/png',
      Buffer.alloc(100),
    );
    const shared = store.assets.put(
      'https://example.com/shared.png',
      'image/png',
      Buffer.alloc(50),
    );
    const orphan = store.assets.put(
      'https://example.com/orphan.png',
      'image/png',
      Buffer.alloc(10),
    );
    link.run(ids['old-read'], onlyOld);
    link.run(ids['old-read'], shared);
    link.run(ids['old-unread'], shared);

    expect(applyRetention(store, NOW, 90)).toMatchObject({ deletedArticles: 1, deletedImages: 2 });
    expect(store.assets.get(onlyOld)).toBeNull();
    expect(store.assets.get(orphan)).toBeNull();
    expect(store.assets.get(shared)?.data.length).toBe(50);
    expect(count(store, 'SELECT count(*) FROM article_assets')).toBe(1);
  });

  it('keeps the read state: the article reappearing in its feed is still read', () => {
    applyRetention(store, NOW, 90);
    expect(
      count(store, 'SELECT count(*) FROM article_state WHERE uid = ?', `${feedId}:old-read`),
    ).toBe(1);
    const unreadBefore = unreadCount(store, feedId);

    const again = ingest(['old-read'], 0)['old-read']!;
    expect(store.articles.summary(again)?.title).toBe('Title old-read');
    expect(store.articles.summary(again)?.readAt).toBe(new Date(NOW - 150 * DAY).toISOString());
    expect(unreadCount(store, feedId)).toBe(unreadBefore);
  });

  it('leaves the unread counts and the search index right', () => {
    applyRetention(store, NOW, 90);
    expect(unreadCount(store, feedId)).toBe(unreadRecounted(store, feedId));
    expect(unreadCount(store, feedId)).toBe(1); // old-unread
    rawDatabase(store)
      .prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
      .run();
    const hits = count(store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'old'");
    expect(hits).toBe(1); // old-unread only: old-read left the index with its row
  });
});

describe('retention in steps', () => {
  /** Two equal libraries: 3 feeds of 2,000 articles each, two thirds read long ago. */
  function twins(): [Store, Store] {
    return [Store.open(':memory:'), Store.open(':memory:')].map((store) => {
      for (let f = 0; f < 3; f++) {
        const feedId = store.feeds.insert({
          url: `https://example.com/${f}`,
          title: `F${f}`,
          siteUrl: null,
          folder: null,
        });
        const identities = Array.from({ length: 2000 }, (_, i) => `a${i}`);
        store.feedUpdates.apply(feedId, feedOf(identities), NOW - 200 * DAY);
        const ids = identities.map((i) => store.articles.idByUid(`${feedId}:${i}`)!);
        store.articles.markRead(
          ids.filter((_, i) => i % 3 !== 0),
          NOW - 200 * DAY,
        );
      }
      return store;
    }) as [Store, Store];
  }

  it('deletes what one pass deletes, letting the event loop turn between steps', async () => {
    const [stepped, whole] = twins();
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const result = await applyRetentionInSteps(stepped, NOW, 90, { first: 16, max: 64 });
    clearInterval(ticking);
    expect(result).toEqual(applyRetention(whole, NOW, 90));
    expect(result?.deletedArticles).toBe(3 * 1333);
    expect(turns).toBeGreaterThan(0);
    const left = (store: Store) => count(store, 'SELECT count(*) FROM articles');
    expect(left(stepped)).toBe(left(whole));
  });

  it('stops between steps when told to, keeping what it deleted', async () => {
    const [store] = twins();
    let steps = 0;
    const result = await applyRetentionInSteps(store, NOW, 90, {
      first: 16,
      max: 16,
      stopped: () => ++steps > 3,
    });
    expect(result).toBeNull();
    const left = count(store, 'SELECT count(*) FROM articles');
    expect(left).toBeLessThan(6000);
    expect(left).toBeGreaterThan(6000 - 3 * 1333);
  });
});

describe('cleanUp', () => {
  it('tells the windows which feeds changed, and stays quiet when nothing was deleted', async () => {
    const store = Store.open(':memory:');
    const events = new EventHub();
    const seen: FolioEvent[] = [];
    events.on((event) => seen.push(event));
    const feedId = store.feeds.insert({
      url: 'https://example.com/a',
      title: 'A',
      siteUrl: null,
      folder: null,
    });
    store.feedUpdates.apply(feedId, feedOf(['x']), NOW - 200 * DAY);
    store.articles.setState(
      store.articles.idByUid(`${feedId}:x`)!,
      { read: true },
      NOW - 200 * DAY,
    );

    expect(await cleanUp(store, events, NOW)).toEqual({ deletedArticles: 1, deletedImages: 0 });
    expect(seen).toEqual([
      { type: 'articles.changed', data: { feedId } },
      { type: 'feeds.changed', data: { feedIds: [feedId] } },
    ]);
    seen.length = 0;
    expect(await cleanUp(store, events, NOW)).toEqual({ deletedArticles: 0, deletedImages: 0 });
    expect(seen).toEqual([]);
  });
});

describe('RetentionScheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies retention a minute after start, then every day, until stopped', async () => {
    vi.useFakeTimers();
    const store = Store.open(':memory:');
    const feedId = store.feeds.insert({
      url: 'https://example.com/a',
      title: 'A',
      siteUrl: null,
      folder: null,
    });
    const readOld = (identity: string) => {
      store.feedUpdates.apply(feedId, feedOf([identity]), NOW - 200 * DAY);
      store.articles.setState(
        store.articles.idByUid(`${feedId}:${identity}`)!,
        { read: true },
        NOW - 200 * DAY,
      );
    };
    const articles = () => count(store, 'SELECT count(*) FROM articles');
    const scheduler = new RetentionScheduler(store, new EventHub(), () => NOW);
    readOld('first');
    scheduler.start();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(articles()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(articles()).toBe(0);

    readOld('second');
    await vi.advanceTimersByTimeAsync(DAY);
    expect(articles()).toBe(0);

    readOld('third');
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(articles()).toBe(1);
  });
});
