import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import type { ArticleUpdate, FeedUpdate } from '../../src/main/core/storage/feed-update';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

function item(identity: string, extra: Partial<ArticleUpdate> = {}): ArticleUpdate {
  return {
    identity,
    url: `https://example.com/${identity}`,
    title: `Title ${identity}`,
    author: null,
    publishedAt: Date.UTC(2026, 0, 1),
    contentHtml: `<p>Body ${identity}</p>`,
    text: `Body ${identity}`,
    categories: [],
    enclosures: [],
    contentHash: `h-${identity}`,
    ...extra,
  };
}

function feedOf(items: ArticleUpdate[]): FeedUpdate {
  return {
    title: 'Example',
    siteUrl: null,
    ttlMinutes: null,
    articles: items,
  };
}

describe('FeedsTable', () => {
  let store: Store;
  beforeEach(() => {
    store = Store.open(':memory:');
  });

  it('inserts, gets, finds by URL and lists a feed', () => {
    const id = store.feeds.insert({
      url: 'https://example.com/feed.xml',
      title: 'Example',
      siteUrl: 'https://example.com/',
      folder: 'News',
    });
    const feed = store.feeds.get(id);
    expect(feed).toMatchObject({
      id,
      title: 'Example',
      folder: 'News',
      unreadCount: 0,
      lastError: null,
    });
    expect(store.feeds.byUrl('https://example.com/feed.xml')?.id).toBe(id);
    expect(store.feeds.byUrl('https://example.com/other')).toBeNull();
    expect(store.feeds.list().map((f) => f.id)).toEqual([id]);
    expect(store.feeds.get(id + 1)).toBeNull();
  });

  it("keeps the user's name for a feed over the feed's own title, until cleared", () => {
    const id = store.feeds.insert({ url: 'u', title: 'Feed title', siteUrl: null, folder: null });
    expect(store.feeds.update(id, { title: 'Mine', folder: 'Tech' })).toBe(true);
    store.feedUpdates.apply(id, { ...feedOf([]), title: 'Feed title, renamed upstream' });
    expect(store.feeds.get(id)).toMatchObject({ title: 'Mine', folder: 'Tech' });
    store.feeds.update(id, { title: '', folder: null });
    expect(store.feeds.get(id)).toMatchObject({
      title: 'Feed title, renamed upstream',
      folder: null,
    });
    expect(store.feeds.update(999, { title: 'x' })).toBe(false);
  });

  it('records a fetch, follows a permanent redirect and clears the error', () => {
    const id = store.feeds.insert({
      url: 'https://old.example/feed',
      title: '',
      siteUrl: null,
      folder: null,
    });
    store.feeds.recordError(id, {
      code: 'TIMEOUT',
      message: 'Timed out',
      at: 1000,
      nextFetchAt: 5000,
    });
    store.feeds.recordError(id, {
      code: 'TIMEOUT',
      message: 'Timed out again',
      at: 2000,
      nextFetchAt: 9000,
    });
    expect(store.feeds.get(id)?.lastError).toBe('Timed out again');
    expect(store.feeds.fetchState(id)).toMatchObject({ errorCount: 2, nextFetchAt: 9000 });

    store.feeds.recordFetch(id, {
      etag: '"abc"',
      lastModified: 'Wed, 01 Jan 2026 00:00:00 GMT',
      bodyHash: 'hash',
      url: 'https://new.example/feed',
      fetchedAt: 10_000,
      nextFetchAt: 20_000,
      title: 'New title',
      siteUrl: 'https://new.example/',
    });
    expect(store.feeds.get(id)).toMatchObject({
      url: 'https://new.example/feed',
      title: 'New title',
      siteUrl: 'https://new.example/',
      lastError: null,
      lastFetchedAt: new Date(10_000).toISOString(),
    });
    expect(store.feeds.fetchState(id)).toMatchObject({
      etag: '"abc"',
      lastModified: 'Wed, 01 Jan 2026 00:00:00 GMT',
      bodyHash: 'hash',
      errorCount: 0,
      nextFetchAt: 20_000,
    });
  });

  it('does not move a feed onto the URL of another subscription', () => {
    const a = store.feeds.insert({
      url: 'https://a.example/feed',
      title: 'A',
      siteUrl: null,
      folder: null,
    });
    store.feeds.insert({ url: 'https://b.example/feed', title: 'B', siteUrl: null, folder: null });
    store.feeds.recordFetch(a, {
      etag: null,
      lastModified: null,
      bodyHash: null,
      url: 'https://b.example/feed',
      fetchedAt: 1,
      nextFetchAt: null,
    });
    expect(store.feeds.get(a)?.url).toBe('https://a.example/feed');
  });

  it('lists the feeds due for a fetch, never-fetched first', () => {
    const never = store.feeds.insert({ url: 'n', title: 'N', siteUrl: null, folder: null });
    const late = store.feeds.insert({ url: 'l', title: 'L', siteUrl: null, folder: null });
    const later = store.feeds.insert({ url: 'r', title: 'R', siteUrl: null, folder: null });
    const fetched = { etag: null, lastModified: null, bodyHash: null, fetchedAt: 1 };
    store.feeds.recordFetch(later, { ...fetched, nextFetchAt: 900 });
    store.feeds.recordFetch(late, { ...fetched, nextFetchAt: 100 });
    expect(store.feeds.dueIds(500)).toEqual([never, late]);
    expect(store.feeds.dueIds(1000)).toEqual([never, late, later]);
  });

  it('clears an error on demand', () => {
    const id = store.feeds.insert({ url: 'u', title: 't', siteUrl: null, folder: null });
    store.feeds.recordError(id, {
      code: 'PARSE_FAILED',
      message: 'Bad XML',
      at: 1,
      nextFetchAt: null,
    });
    store.feeds.clearError(id);
    expect(store.feeds.get(id)?.lastError).toBeNull();
    expect(store.feeds.fetchState(id)?.errorCount).toBe(0);
  });

  it('keeps unread counts right through reads, stars, new articles and removal', () => {
    const a = store.feeds.insert({ url: 'a', title: 'A', siteUrl: null, folder: null });
    const b = store.feeds.insert({ url: 'b', title: 'B', siteUrl: null, folder: null });
    const { newArticleIds: ids } = store.feedUpdates.apply(
      a,
      feedOf([item('1'), item('2'), item('3')]),
    );
    store.feedUpdates.apply(b, feedOf([item('1')]));
    const unread = () => ({
      A: store.feeds.get(a)?.unreadCount,
      B: store.feeds.get(b)?.unreadCount,
    });
    expect(unread()).toEqual({ A: 3, B: 1 });
    store.articles.setState(ids[0] as number, { read: true });
    store.articles.setState(ids[0] as number, { read: true, starred: true });
    store.articles.setState(ids[1] as number, { starred: true });
    expect(unread()).toEqual({ A: 2, B: 1 });
    store.articles.setState(ids[0] as number, { read: false });
    expect(unread()).toEqual({ A: 3, B: 1 });
    expect(store.articles.markRead(ids)).toBe(3);
    expect(store.articles.markRead(ids)).toBe(0);
    expect(unread()).toEqual({ A: 0, B: 1 });
    store.feedUpdates.apply(a, feedOf([item('4'), item('1')]));
    expect(unread()).toEqual({ A: 1, B: 1 });
    expect(store.articles.markAllRead({ feedId: b })).toBe(1);
    expect(unread()).toEqual({ A: 1, B: 0 });
    // The count agrees with the articles themselves.
    expect(store.articles.list({ feedId: a, filter: 'unread' }).items).toHaveLength(1);
  });

  it('marks everything read across feeds', () => {
    const a = store.feeds.insert({ url: 'a', title: 'A', siteUrl: null, folder: null });
    const b = store.feeds.insert({ url: 'b', title: 'B', siteUrl: null, folder: null });
    store.feedUpdates.apply(a, feedOf([item('1'), item('2')]));
    store.feedUpdates.apply(b, feedOf([item('1')]));
    expect(store.articles.markAllRead()).toBe(3);
    expect(store.feeds.list().map((f) => f.unreadCount)).toEqual([0, 0]);
    expect(store.articles.list({ filter: 'unread' }).items).toEqual([]);
  });

  it('removes a feed, keeping starred, highlighted and noted articles in the library', () => {
    const id = store.feeds.insert({ url: 'a', title: 'A', siteUrl: null, folder: null });
    const { newArticleIds } = store.feedUpdates.apply(
      id,
      feedOf([item('plain'), item('read'), item('starred'), item('highlighted'), item('noted')]),
    );
    const [plain, read, starred, highlighted, noted] = newArticleIds as [
      number,
      number,
      number,
      number,
      number,
    ];
    store.articles.setState(read, { read: true });
    store.articles.setState(starred, { starred: true });
    rawDatabase(store)
      .prepare(
        `INSERT INTO highlights (article_id, exact, start, "end", created_at, updated_at)
         VALUES (?, 'Body', 0, 4, 1, 1)`,
      )
      .run(highlighted);
    rawDatabase(store)
      .prepare('INSERT INTO notes (article_id, body, updated_at) VALUES (?, ?, 1)')
      .run(noted, 'Mine');

    expect(store.feeds.remove(id)).toBe(true);
    expect(store.feeds.get(id)).toBeNull();
    expect(store.articles.summary(plain)).toBeNull();
    expect(store.articles.summary(read)).toBeNull();
    for (const kept of [starred, highlighted, noted]) {
      expect(store.articles.summary(kept)).toMatchObject({ feedId: null, kind: 'saved' });
    }
    expect(store.articles.summary(starred)?.starredAt).not.toBeNull();
    expect(store.annotations.highlightsOf(highlighted)).toHaveLength(1);
    expect(store.annotations.noteOf(noted)?.body).toBe('Mine');
    expect(store.articles.list({ filter: 'saved' }).items).toHaveLength(3);
    // The read mark of a deleted article does not linger for a feed that reuses the id.
    const uids = rawDatabase(store).prepare('SELECT uid FROM article_state').pluck().all();
    expect(uids).toEqual([`${id}:starred`]);
    expect(store.feeds.remove(id)).toBe(false);
  });
});
