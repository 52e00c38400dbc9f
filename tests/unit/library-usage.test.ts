import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import type { ArticleUpdate, FeedUpdate } from '../../src/main/core/storage/feed-update';
import Database from 'better-sqlite3';
import { migrate } from '../../src/main/core/storage/migrations';
import { compactLibrary, libraryUsage } from '../../src/main/core/library/offline/usage';
import { applyRetention } from '../../src/main/core/library/offline/retention';
import { libraryService } from '../../src/main/core/library/library-service';
import { EventHub } from '../../src/main/core/events';
import { tempDir } from '../helpers/temp-dir';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 5, 1);

function item(identity: string, body: string): ArticleUpdate {
  return {
    identity,
    url: `https://example.com/${identity}`,
    title: `Title ${identity}`,
    author: null,
    publishedAt: NOW - DAY,
    contentHtml: `<p>${body}</p>`,
    text: body,
    categories: [],
    enclosures: [],
    contentHash: `${identity}:${body.length}`,
  };
}

function feedOf(items: FeedUpdate['articles']): FeedUpdate {
  return { title: '', siteUrl: null, ttlMinutes: null, articles: items };
}

function addFeed(store: Store, title: string): number {
  return store.feeds.insert({
    url: `https://example.com/${title}`,
    title,
    siteUrl: null,
    folder: null,
  });
}

function linkImage(store: Store, articleId: number, url: string, size: number): number {
  const assetId = store.assets.put(url, 'image/png', Buffer.alloc(size, 1));
  rawDatabase(store)
    .prepare('INSERT INTO article_assets (article_id, asset_id) VALUES (?, ?)')
    .run(articleId, assetId);
  return assetId;
}

function total(store: Store, sql: string): number {
  return rawDatabase(store).prepare(sql).pluck().get() as number;
}

describe('libraryUsage', () => {
  it('gives one row per feed and one for the library, in UTF-8 bytes', () => {
    const store = Store.open(':memory:');
    const news = addFeed(store, 'News');
    const empty = addFeed(store, 'Empty');
    // "é" and "ß" are two bytes each in UTF-8: 4 characters, 6 bytes.
    store.feedUpdates.apply(news, feedOf([item('a', 'Café'), item('b', 'Maß')]), NOW);
    const a = store.articles.idByUid(`${news}:a`)!;
    rawDatabase(store)
      .prepare('UPDATE articles SET full_text_html = ? WHERE id = ?')
      .run('<p>Café!</p>', a);
    const saved = store.articles.insert({
      uid: 'library:saved:1',
      feedId: null,
      kind: 'saved',
      url: null,
      title: 'Saved',
      author: null,
      publishedAt: null,
      contentHtml: '<p>ok</p>',
      text: 'ok',
    });
    linkImage(store, a, 'https://example.com/a.png', 300);
    linkImage(store, saved, 'https://example.com/s.png', 40);

    const usage = libraryUsage(store);
    expect(usage.sources).toEqual([
      // <p>Café</p> 12 + Café 5 + <p>Café!</p> 13, and <p>Maß</p> 11 + Maß 4
      {
        feedId: news,
        title: 'News',
        articles: 2,
        textBytes: 12 + 5 + 13 + 11 + 4,
        imageBytes: 300,
      },
      { feedId: null, title: 'Library', articles: 1, textBytes: 9 + 2, imageBytes: 40 },
      { feedId: empty, title: 'Empty', articles: 0, textBytes: 0, imageBytes: 0 },
    ]);
  });

  it('counts an image shared by two sources once, for the first article that stored it', () => {
    const store = Store.open(':memory:');
    const first = addFeed(store, 'First');
    const second = addFeed(store, 'Second');
    store.feedUpdates.apply(first, feedOf([item('x', 'one')]), NOW);
    store.feedUpdates.apply(second, feedOf([item('y', 'two'), item('z', 'three')]), NOW);
    const [x, y, z] = [`${first}:x`, `${second}:y`, `${second}:z`].map((uid) =>
      store.articles.idByUid(uid)!,
    );
    const logo = linkImage(store, x!, 'https://example.com/logo.png', 1000);
    const link = rawDatabase(store).prepare(
      'INSERT INTO article_assets (article_id, asset_id) VALUES (?, ?)',
    );
    link.run(y, logo);
    link.run(z, logo);
    linkImage(store, z!, 'https://example.com/z.png', 70);

    const bySource = new Map(libraryUsage(store).sources.map((s) => [s.feedId, s]));
    expect(bySource.get(first)?.imageBytes).toBe(1000);
    expect(bySource.get(second)?.imageBytes).toBe(70);
  });

  it('adds up: the sources hold every article, every text byte and every linked image', () => {
    const store = Store.open(':memory:');
    for (let f = 0; f < 5; f++) {
      const feedId = addFeed(store, `Feed ${f}`);
      const items = Array.from({ length: 20 }, (_, i) =>
        item(`i${i}`, 'word '.repeat(i * (f + 1))),
      );
      store.feedUpdates.apply(feedId, feedOf(items), NOW);
    }
    const ids = rawDatabase(store)
      .prepare('SELECT id FROM articles ORDER BY id')
      .pluck()
      .all() as number[];
    ids.forEach((id, i) => {
      linkImage(store, id, `https://example.com/${i % 37}.png`, 100 + (i % 37));
    });

    const { sources } = libraryUsage(store);
    const sum = (key: 'articles' | 'textBytes' | 'imageBytes') =>
      sources.reduce((n, s) => n + s[key], 0);
    expect(sum('articles')).toBe(total(store, 'SELECT count(*) FROM articles'));
    expect(sum('textBytes')).toBe(
      total(
        store,
        `SELECT sum(length(CAST(content_html AS BLOB)) + length(CAST(text AS BLOB))
           + coalesce(length(CAST(full_text_html AS BLOB)), 0)) FROM articles`,
      ),
    );
    expect(sum('imageBytes')).toBe(total(store, 'SELECT sum(size) FROM assets'));
  });

  it('measures the database file and its WAL', () => {
    const file = join(tempDir(), 'usage.db');
    const store = Store.open(file);
    const before = libraryUsage(store).databaseBytes;
    const feedId = addFeed(store, 'Big');
    store.feedUpdates.apply(feedId, feedOf([item('big', 'x'.repeat(200_000))]), NOW);

    const after = libraryUsage(store).databaseBytes;
    const pages =
      (rawDatabase(store).pragma('page_count', { simple: true }) as number) *
      (rawDatabase(store).pragma('page_size', { simple: true }) as number);
    expect(after).toBe(pages + statSync(`${file}-wal`).size);
    expect(after - before).toBeGreaterThan(400_000); // content_html and text, and FTS
    store.close();
  });
});

function digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Every row of every table (FTS shadow tables included), to compare before and after. */
function dump(store: Store): Record<string, unknown[]> {
  const tables = rawDatabase(store)
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables
      .filter((name) => name !== 'articles_fts') // the virtual table itself: read via its shadows
      .map((name) => {
        const rows = rawDatabase(store)
          .prepare(`SELECT * FROM "${name}" ORDER BY 1`)
          .raw()
          .all() as unknown[][];
        // Blobs by digest: comparing images byte by byte in toEqual takes seconds.
        return [
          name,
          rows.map((row) => row.map((cell) => (Buffer.isBuffer(cell) ? digest(cell) : cell))),
        ];
      }),
  );
}

describe('compactLibrary', () => {
  it('shrinks the file after a clean-up and keeps every remaining row', async () => {
    const file = join(tempDir(), 'compact.db');
    const store = Store.open(file);
    const feedId = addFeed(store, 'Photos');
    const items = Array.from({ length: 60 }, (_, i) => item(`p${i}`, `photo ${i} `.repeat(2000)));
    store.feedUpdates.apply(feedId, feedOf(items), NOW - 200 * DAY);
    const ids = items.map((it) => store.articles.idByUid(`${feedId}:${it.identity}`)!);
    ids.forEach((id, i) => linkImage(store, id, `https://example.com/p${i}.jpg`, 50_000));
    // Two thirds read long ago: those go, with their images.
    store.articles.markRead(
      ids.filter((_, i) => i % 3 !== 0),
      NOW - 200 * DAY,
    );
    expect(applyRetention(store, NOW, 90)).toMatchObject({
      deletedArticles: 40,
      deletedImages: 40,
    });
    const kept = dump(store);
    expect(kept['articles']).toHaveLength(20);
    expect(kept['assets']).toHaveLength(20);

    // A new library gives its free pages back in steps (incremental vacuum).
    expect(store.maintenance.incremental).toBe(true);
    const { beforeBytes, afterBytes } = await compactLibrary(store);
    expect(afterBytes).toBeLessThan(beforeBytes / 2);
    expect(afterBytes).toBe(
      statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0),
    );
    expect(dump(store)).toEqual(kept);
    rawDatabase(store)
      .prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
      .run();
    expect(rawDatabase(store).pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();

    const reopened = Store.open(file);
    expect(dump(reopened)).toEqual(kept);
    const hits = rawDatabase(reopened)
      .prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'photo'")
      .pluck()
      .get();
    expect(hits).toBe(20);
    reopened.close();
  });

  it('refuses inside a transaction rather than fail halfway', async () => {
    const store = Store.open(':memory:');
    rawDatabase(store).exec('BEGIN');
    await expect(compactLibrary(store)).rejects.toThrow(/busy/);
    rawDatabase(store).exec('ROLLBACK');
  });

  it('rewrites a library made before incremental vacuum once, switching it over', async () => {
    const file = join(tempDir(), 'legacy.db');
    const legacy = new Database(file);
    legacy.pragma('journal_mode = WAL');
    migrate(legacy); // as Folio made it before issue 11: auto_vacuum NONE
    legacy.close();
    const store = Store.open(file);
    expect(store.maintenance.incremental).toBe(false);
    const feedId = addFeed(store, 'Old');
    store.feedUpdates.apply(feedId, feedOf([item('x', 'old text '.repeat(5000))]), NOW);
    const { afterBytes } = await compactLibrary(store);
    expect(afterBytes).toBeGreaterThan(0);
    expect(store.maintenance.incremental).toBe(true);
    expect(store.articles.list().items).toHaveLength(1);
    store.close();
  });
});

describe('library service', () => {
  it('answers library.usage, library.cleanup and library.compact', async () => {
    const store = Store.open(join(tempDir(), 'service.db'));
    const api = libraryService(store, new EventHub());
    expect((await api['library.usage']({})).sources).toEqual([
      { feedId: null, title: 'Library', articles: 0, textBytes: 0, imageBytes: 0 },
    ]);
    expect(await api['library.cleanup']({})).toEqual({ deletedArticles: 0, deletedImages: 0 });
    const { beforeBytes, afterBytes } = await api['library.compact']({});
    expect(afterBytes).toBeGreaterThan(0);
    expect(afterBytes).toBeLessThanOrEqual(beforeBytes);
    store.close();
  });
});
