import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import type { ArticleUpdate, FeedUpdate } from '../../src/main/core/storage/feed-update';
import { tempDir } from '../helpers/temp-dir';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

function item(identity: string, version = 1, extra: Partial<ArticleUpdate> = {}): ArticleUpdate {
  return {
    identity,
    url: `https://example.com/${identity}`,
    title: `Title ${identity}`,
    author: 'Anna',
    publishedAt: Date.UTC(2026, 0, 1),
    contentHtml: `<p>Body ${identity} version${version}</p>`,
    text: `Body ${identity} version${version}`,
    categories: [],
    enclosures: [],
    contentHash: `${identity}-v${version}`,
    ...extra,
  };
}

function feedOf(items: ArticleUpdate[], extra: Partial<FeedUpdate> = {}): FeedUpdate {
  return {
    title: 'Example',
    siteUrl: 'https://example.com/',
    ttlMinutes: null,
    articles: items,
    ...extra,
  };
}

function totalChanges(store: Store): number {
  return rawDatabase(store).prepare('SELECT total_changes()').pluck().get() as number;
}

function count(store: Store, sql: string, ...params: unknown[]): number {
  return rawDatabase(store)
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

describe('store.feedUpdates.apply', () => {
  let store: Store;
  let feedId: number;
  beforeEach(() => {
    store = Store.open(':memory:');
    feedId = store.feeds.insert({
      url: 'https://example.com/feed',
      title: '',
      siteUrl: null,
      folder: null,
    });
  });

  it('inserts new articles and sets the feed title and site', () => {
    const result = store.feedUpdates.apply(feedId, feedOf([item('a'), item('b')]), 5000);
    expect(result.updatedArticleIds).toEqual([]);
    expect(result.newArticleIds).toHaveLength(2);
    const [a] = result.newArticleIds as [number];
    expect(store.articles.summary(a)).toMatchObject({
      feedId,
      kind: 'feed',
      title: 'Title a',
      author: 'Anna',
    });
    expect(store.articles.content(a)?.text).toBe('Body a version1');
    expect(store.feeds.get(feedId)).toMatchObject({
      title: 'Example',
      siteUrl: 'https://example.com/',
      unreadCount: 2,
    });
  });

  it('writes nothing when the same feed is stored again', () => {
    const feed = feedOf([item('a'), item('b'), item('c')]);
    store.feedUpdates.apply(feedId, feed);
    const before = totalChanges(store);
    expect(store.feedUpdates.apply(feedId, feed)).toEqual({
      newArticleIds: [],
      updatedArticleIds: [],
    });
    expect(totalChanges(store) - before).toBe(0);
    expect(count(store, 'SELECT count(*) FROM articles')).toBe(3);
  });

  it('updates an article edited upstream in place, keeping its state and its place', () => {
    const [id] = store.feedUpdates.apply(feedId, feedOf([item('a')]), 1000).newArticleIds as [
      number,
    ];
    store.articles.setState(id, { read: true, starred: true });
    const sortBefore = count(store, 'SELECT sort_at FROM articles WHERE id = ?', id);
    const edited = item('a', 2, { title: 'Corrected title', publishedAt: Date.UTC(2026, 0, 2) });
    const result = store.feedUpdates.apply(feedId, feedOf([edited]), 2000);
    expect(result).toEqual({ newArticleIds: [], updatedArticleIds: [id] });
    expect(store.articles.summary(id)).toMatchObject({ title: 'Corrected title' });
    expect(store.articles.summary(id)?.readAt).not.toBeNull();
    expect(store.articles.summary(id)?.starredAt).not.toBeNull();
    expect(store.articles.content(id)?.text).toBe('Body a version2');
    expect(count(store, 'SELECT sort_at FROM articles WHERE id = ?', id)).toBe(sortBefore);
    // The index follows the new text.
    const matches = (word: string) =>
      count(store, 'SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?', word);
    expect(matches('version2')).toBe(1);
    expect(matches('version1')).toBe(0);
    expect(store.feeds.get(feedId)?.unreadCount).toBe(0);
  });

  it('keeps an article that is gone from the feed', () => {
    const [a] = store.feedUpdates.apply(feedId, feedOf([item('a'), item('b')])).newArticleIds as [
      number,
    ];
    const result = store.feedUpdates.apply(feedId, feedOf([item('b'), item('c')]));
    expect(result.newArticleIds).toHaveLength(1);
    expect(store.articles.summary(a)).not.toBeNull();
    expect(count(store, 'SELECT count(*) FROM articles WHERE feed_id = ?', feedId)).toBe(3);
  });

  it('stores an identity repeated within one document once', () => {
    const result = store.feedUpdates.apply(feedId, feedOf([item('a', 2), item('a', 1), item('b')]));
    expect(result.newArticleIds).toHaveLength(2);
    expect(count(store, 'SELECT count(*) FROM articles')).toBe(2);
    expect(store.articles.content(result.newArticleIds[0] as number)?.text).toBe('Body a version2');
  });

  it("keeps the document's order for undated items", () => {
    const undated = ['first', 'second', 'third'].map((id) => item(id, 1, { publishedAt: null }));
    store.feedUpdates.apply(feedId, feedOf(undated), 7000);
    expect(store.articles.list({ feedId }).items.map((a) => a.title)).toEqual([
      'Title first',
      'Title second',
      'Title third',
    ]);
  });

  it('stores a feed of many batches in order, its index whole and searchable', () => {
    // 149 rows = batches of 64, 64, 16, 4 and 1 (row-batches.ts).
    const names = Array.from({ length: 149 }, (_, i) => `n${i}`);
    const undated = names.map((id) => item(id, 1, { publishedAt: null }));
    const first = store.feedUpdates.apply(feedId, feedOf(undated), 7000);
    expect(first.newArticleIds).toHaveLength(149);
    // Ids in the feed's order, the last inserted first, so the list keeps the document's order.
    expect(first.newArticleIds).toEqual([...first.newArticleIds].sort((a, b) => b - a));
    const titles = store.articles.list({ feedId, limit: 200 }).items.map((a) => a.title);
    expect(titles).toEqual(names.map((id) => `Title ${id}`));
    const ids = new Map(names.map((id, i) => [id, first.newArticleIds[i]]));

    // Change every other one: the batched update keeps the index in step with the rows.
    const edited = names.map((id, i) =>
      i % 2 === 0 ? item(id, 2, { publishedAt: null }) : item(id, 1, { publishedAt: null }),
    );
    const second = store.feedUpdates.apply(feedId, feedOf(edited), 8000);
    expect(second.newArticleIds).toEqual([]);
    expect(second.updatedArticleIds).toEqual(
      names.filter((_, i) => i % 2 === 0).map((id) => ids.get(id)),
    );
    const match = (words: string): number =>
      count(store, 'SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?', words);
    expect(match('version2')).toBe(75);
    expect(match('version1')).toBe(74);
    expect(match('n148 version2')).toBe(1);
    expect(() =>
      rawDatabase(store).exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`),
    ).not.toThrow();
    expect(store.feeds.get(feedId)?.unreadCount).toBe(149);
  });

  it('keeps the same identity in two feeds apart', () => {
    const other = store.feeds.insert({
      url: 'https://other.example/feed',
      title: '',
      siteUrl: null,
      folder: null,
    });
    store.feedUpdates.apply(feedId, feedOf([item('a')]));
    expect(store.feedUpdates.apply(other, feedOf([item('a')])).newArticleIds).toHaveLength(1);
  });

  it('stores nothing for a feed removed while it was being fetched', () => {
    store.feeds.remove(feedId);
    expect(store.feedUpdates.apply(feedId, feedOf([item('a')]))).toEqual({
      newArticleIds: [],
      updatedArticleIds: [],
    });
    expect(count(store, 'SELECT count(*) FROM articles')).toBe(0);
  });
});

describe('feed updates with a second connection writing', () => {
  const dir = tempDir();
  let file: string;
  let a: Store;
  let b: Store;
  let n = 0;
  beforeEach(() => {
    file = join(dir, `folio-${++n}.db`);
    a = Store.open(file);
    b = Store.open(file);
  });
  afterEach(() => {
    a.close();
    b.close();
  });

  it("never loses the user's star or read mark made between refreshes", () => {
    const feedId = a.feeds.insert({
      url: 'https://example.com/feed',
      title: '',
      siteUrl: null,
      folder: null,
    });
    const [id] = a.feedUpdates.apply(feedId, feedOf([item('a', 1), item('b', 1)]))
      .newArticleIds as [number];

    // B reads the article (an open read snapshot) while A rewrites it.
    rawDatabase(b).exec('BEGIN');
    expect(b.articles.content(id)?.text).toBe('Body a version1');
    expect(
      a.feedUpdates.apply(feedId, feedOf([item('a', 2), item('b', 1)])).updatedArticleIds,
    ).toEqual([id]);
    expect(b.articles.content(id)?.text).toBe('Body a version1');
    rawDatabase(b).exec('COMMIT');

    // The user stars and reads it on B; A rewrites it again straight after.
    b.transaction(() => b.articles.setState(id, { starred: true, read: true }));
    a.feedUpdates.apply(feedId, feedOf([item('a', 3), item('b', 1)]));

    for (const store of [a, b]) {
      expect(store.articles.summary(id)?.starredAt).not.toBeNull();
      expect(store.articles.summary(id)?.readAt).not.toBeNull();
      expect(store.articles.content(id)?.text).toBe('Body a version3');
      expect(count(store, 'SELECT count(*) FROM articles')).toBe(2);
      expect(store.feeds.get(feedId)?.unreadCount).toBe(1);
    }
  });

  it('keeps every write when a refresh and user writes run at the same time', async () => {
    const feedId = a.feeds.insert({
      url: 'https://example.com/feed',
      title: '',
      siteUrl: null,
      folder: null,
    });
    const [id] = a.feedUpdates.apply(feedId, feedOf([item('a', 0)])).newArticleIds as [number];
    const uid = `${feedId}:a`;
    // flags[0]: the user's writes so far; flags[1]: 1 once the refreshes are done.
    const flags = new Int32Array(new SharedArrayBuffer(8));
    // The user's side: another thread, its own connection, the same upsert setState makes. It
    // writes before, during and after the 300 refreshes, so the two sides interleave for sure.
    const worker = new Worker(
      `
      const { workerData } = require('node:worker_threads');
      const Database = require('better-sqlite3');
      const db = new Database(workerData.file);
      db.pragma('busy_timeout = 5000');
      const star = db.prepare(
        'INSERT INTO article_state (uid, read_at, starred_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (uid) DO UPDATE SET read_at = excluded.read_at, starred_at = excluded.starred_at');
      const version = db.prepare('SELECT content_hash FROM articles WHERE uid = ?').pluck();
      const seen = new Set();
      const write = (i) => db.transaction(() => {
        seen.add(version.get(workerData.uid));
        star.run(workerData.uid, i % 2 ? null : i + 1, i + 1);
      }).immediate();
      let i = 0;
      while (Atomics.load(workerData.flags, 1) === 0) {
        write(i++);
        Atomics.add(workerData.flags, 0, 1);
        Atomics.notify(workerData.flags, 0);
      }
      write(299); // the last word: starred at 300, unread
      db.close();
      require('node:worker_threads').parentPort.postMessage([seen.size, i + 1]);
      `,
      { eval: true, workerData: { file, uid, flags } },
    );
    const outcome = new Promise<[number, number]>((resolve, reject) => {
      worker.on('message', resolve);
      worker.on('error', reject);
    });
    Atomics.wait(flags, 0, 0, 10_000); // the user has written once before the refreshes start
    for (let v = 1; v <= 300; v++) a.feedUpdates.apply(feedId, feedOf([item('a', v)]));
    Atomics.store(flags, 1, 1);
    const [versionsSeen, userWrites] = await outcome;

    // The user's writes saw the article change under them: the two sides really interleaved.
    expect(versionsSeen).toBeGreaterThan(1);
    expect(userWrites).toBeGreaterThan(1);
    await worker.terminate();
    const summary = a.articles.summary(id);
    expect(summary?.starredAt).toBe(new Date(300).toISOString());
    expect(summary?.readAt).toBeNull();
    expect(a.articles.content(id)?.text).toBe('Body a version300');
    expect(count(a, 'SELECT count(*) FROM articles')).toBe(1);
    expect(a.feeds.get(feedId)?.unreadCount).toBe(1);
  });
});

describe('categories and enclosures', () => {
  it('are kept with the article and given back by articles.get', async () => {
    const { Store } = await import('../../src/main/core/storage/store');
    const { getArticle } = await import('../../src/main/core/library/articles-service');
    const store = Store.open(':memory:');
    const feedId = store.feeds.insert({
      url: 'https://pod.test/feed',
      title: 'Pod',
      siteUrl: null,
      folder: null,
    });
    const enclosure = { url: 'https://pod.test/ep1.mp3', type: 'audio/mpeg', length: 1234 };
    const { newArticleIds } = store.feedUpdates.apply(feedId, {
      title: 'Pod',
      siteUrl: null,
      ttlMinutes: null,
      articles: [
        {
          identity: 'guid:ep1',
          url: 'https://pod.test/ep1',
          title: 'Episode 1',
          author: null,
          publishedAt: null,
          contentHtml: '<p>Show notes</p>',
          text: 'Show notes',
          categories: ['Asia', 'Trade'],
          enclosures: [enclosure],
          contentHash: 'h1',
        },
      ],
    });
    const article = getArticle(store, newArticleIds[0]!);
    expect(article.categories).toEqual(['Asia', 'Trade']);
    expect(article.enclosures).toEqual([enclosure]);
    store.close();
  });
});

describe('an article with its full text', () => {
  it('keeps the full text as its searchable text when the feed updates it', async () => {
    const { Store } = await import('../../src/main/core/storage/store');
    const store = Store.open(':memory:');
    const feedId = store.feeds.insert({
      url: 'https://n.test/feed',
      title: 'N',
      siteUrl: null,
      folder: null,
    });
    const item = (body: string, hash: string) => ({
      identity: 'guid:1',
      url: 'https://n.test/1',
      title: 'One',
      author: null,
      publishedAt: null,
      contentHtml: `<p>${body}</p>`,
      text: body,
      categories: [],
      enclosures: [],
      contentHash: hash,
    });
    const feed = (body: string, hash: string) => ({
      format: 'rss' as const,
      title: 'N',
      siteUrl: null,
      ttlMinutes: null,
      articles: [item(body, hash)],
    });
    const [id] = store.feedUpdates.apply(feedId, feed('Teaser only.', 'a')).newArticleIds as [
      number,
    ];
    store.articles.setFullText(id, {
      html: '<p>The whole story of the glacier.</p>',
      text: 'The whole story of the glacier.',
      at: 1,
    });
    store.feedUpdates.apply(feedId, feed('A longer teaser.', 'b'));
    const content = store.articles.content(id)!;
    expect(content.contentHtml).toBe('<p>A longer teaser.</p>');
    expect(content.text).toBe('The whole story of the glacier.');
    store.close();
  });
});
