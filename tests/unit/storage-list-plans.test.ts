// Lists and counts at a million articles (docs/technotes/storage.md): every list filter, deep
// cursor, mark-read and library.usage walks an index (EXPLAIN QUERY PLAN), and article_flags and
// source_usage give exactly what the scans over articles and article_state gave before them.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { MIGRATIONS } from '../../src/main/core/storage/migrations';
import { rawDatabase } from '../../src/main/core/storage/raw-database';
import { markAllReadInBulk } from '../../src/main/core/storage/bulk-read';
import { Connection } from '../../src/main/core/storage/connection';
import type { ArticleUpdate, FeedUpdate } from '../../src/main/core/storage/feed-update';
import type { ArticleFilter } from '../../src/shared/model';
import { ARTICLE_FILTERS } from '../../src/shared/model';
import { tempDir } from '../helpers/temp-dir';

const NOW = Date.UTC(2026, 5, 1);
const HOUR = 3_600_000;

/** Runs `run` on a fresh store and returns the query plan of each statement it prepared. */
function plansOf(run: (store: Store) => void): { sql: string; plan: string }[] {
  const store = Store.open(':memory:');
  const db = rawDatabase(store);
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    run(store);
  } finally {
    db.prepare = prepare;
  }
  return prepared
    .filter((sql) => /\barticle/.test(sql) || /source_usage/.test(sql))
    .map((sql) => {
      // Plans do not depend on the values (no ANALYZE statistics): bind 1 to every parameter.
      const names = [...new Set(sql.match(/@\w+/g) ?? [])].map((n) => n.slice(1));
      const params = Object.fromEntries(names.map((n) => [n, 1]));
      const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const positional = (sql.match(/\?/g) ?? []).map(() => 1);
      const rows = (names.length > 0 ? statement.all(params) : statement.all(...positional)) as {
        detail: string;
      }[];
      return { sql, plan: rows.map((row) => row.detail).join('\n') };
    });
}

/** The one plan of the statements `run` prepared (fails when it prepared none or several). */
function planOf(run: (store: Store) => void): string {
  const plans = plansOf(run);
  expect(plans).toHaveLength(1);
  return (plans[0] as { plan: string }).plan;
}

/** True when the plan reads every row of articles or article_flags (a SCAN without an index). */
function scansTable(plan: string): boolean {
  return /^SCAN (a|g|articles|article_flags)$/m.test(plan);
}

describe('list plans at any size', () => {
  const cases: {
    filter: ArticleFilter;
    index: string;
    feedIndex: string;
    sorts?: boolean;
  }[] = [
    { filter: 'all', index: 'articles_by_time', feedIndex: 'articles_by_feed_time' },
    { filter: 'unread', index: 'article_flags_unread', feedIndex: 'article_flags_unread_by_feed' },
    { filter: 'starred', index: 'article_flags_starred', feedIndex: 'article_flags_starred' },
    // The user's own annotations are few: they are read first and sorted.
    {
      filter: 'annotated',
      index: 'highlights_by_article',
      feedIndex: 'highlights_by_article',
      sorts: true,
    },
    { filter: 'saved', index: 'articles_by_feed_time', feedIndex: 'articles_by_feed_time' },
  ];
  it('covers every filter', () => {
    expect(cases.map((c) => c.filter).sort()).toEqual([...ARTICLE_FILTERS].sort());
  });
  for (const { filter, index, feedIndex, sorts } of cases) {
    it(`walks an index for ${filter}: first page, per feed and deep cursor`, () => {
      for (const [query, expected] of [
        [{ filter }, index],
        [{ filter, feedId: 1 }, feedIndex],
        [{ filter, cursor: '1000.5' }, index],
        [{ filter, feedId: 1, cursor: '1000.5' }, feedIndex],
      ] as const) {
        const plan = planOf((store) => store.articles.list(query));
        expect(plan, JSON.stringify(query)).toContain(`INDEX ${expected}`);
        expect(scansTable(plan), plan).toBe(false);
        expect(plan.includes('TEMP B-TREE FOR ORDER BY'), plan).toBe(sorts === true);
        if ('cursor' in query && !sorts) {
          // The cursor seeks into the index instead of walking down to it.
          expect(plan, plan).toMatch(/USING INDEX \w+ \((feed_id=\? AND )?sort_at<\?\)/);
        }
      }
    });
  }

  it('looks marked articles up by id, and walks the unread index to mark all read', () => {
    expect(planOf((store) => store.articles.markRead([1, 2]))).toContain(
      'SEARCH g USING INTEGER PRIMARY KEY (rowid=?)',
    );
    for (const [scope, index] of [
      [{}, 'article_flags_unread'],
      [{ limit: 100, throughId: 5 }, 'article_flags_unread'],
      [{ feedId: 1, limit: 100, throughId: 5 }, 'article_flags_unread_by_feed'],
    ] as const) {
      const plans = plansOf((store) => store.articles.markAllRead(scope));
      // The chunk's edge (with a limit), the counters, the state rows, the flags.
      expect(plans, JSON.stringify(scope)).toHaveLength('limit' in scope ? 4 : 3);
      for (const { sql, plan } of plans) {
        expect(plan, sql).toContain(`USING INDEX ${index}`);
        expect(scansTable(plan), plan).toBe(false);
      }
      const state = plans.find((p) => p.sql.includes('INSERT INTO article_state'))?.plan ?? '';
      // The one sort: the state rows written in uid order (neighbours share pages).
      expect(state.match(/TEMP B-TREE/g), state).toHaveLength(1);
      const counters = plans.find((p) => p.sql.includes('UPDATE feeds'))?.plan ?? '';
      // Counted per feed in the by-feed index's order (no sort); each feed found by its key.
      expect(counters).not.toContain('TEMP B-TREE');
      expect(counters).toContain('SEARCH feeds USING INTEGER PRIMARY KEY (rowid=?)');
    }
  });

  it('walks ids and feeds by index for the steps of retention and of removing a feed', () => {
    const expiry = planOf((store) =>
      store.maintenance.deleteExpiredArticles(1, { fromId: 1, toId: 100 }),
    );
    expect(expiry).toContain('SEARCH g USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
    expect(scansTable(expiry), expiry).toBe(false);
    const removal = plansOf((store) => store.feeds.deleteUntouchedArticles(1, 100))
      .map((p) => p.plan)
      .join('\n');
    expect(removal).toMatch(
      /SEARCH a USING (COVERING )?INDEX articles_by_feed_time \(feed_id=\?\)/,
    );
    expect(scansTable(removal), removal).toBe(false);
  });

  it('reads library.usage from the per-source sums, not the articles', () => {
    const plan = planOf((store) => store.maintenance.usageBySource());
    expect(plan).toContain('SEARCH u USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan).not.toMatch(/\barticles\b|\bSCAN a\b/);
  });

  it('finds an article id by uid from the uid index alone (the state triggers do this)', () => {
    const store = Store.open(':memory:');
    const plan = rawDatabase(store)
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM articles WHERE uid = ?')
      .all('x') as { detail: string }[];
    expect(plan.map((row) => row.detail).join()).toMatch(/USING COVERING INDEX/);
  });
});

// ---- The same results as before article_flags and source_usage -------------------------------

/** The filters as articles-table.ts wrote them before migration 7, over article_state. */
const OLD_FILTER_SQL: Record<ArticleFilter, string> = {
  all: '1',
  unread: 's.read_at IS NULL',
  starred: 's.starred_at IS NOT NULL',
  annotated:
    '(EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id) OR EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id))',
  saved: 'a.feed_id IS NULL',
};

/** maintenance.ts's usage query before source_usage: a scan of every article. */
const OLD_USAGE_SQL = `
  WITH text_use AS (
    SELECT feed_id, count(*) AS articles,
      sum(octet_length(content_html) + coalesce(octet_length(full_text_html), 0)
          + octet_length(text)) AS text_bytes
    FROM articles GROUP BY feed_id),
  owner AS (
    SELECT asset_id, min(article_id) AS article_id FROM article_assets GROUP BY asset_id),
  image_use AS (
    SELECT a.feed_id, sum(x.size) AS image_bytes
    FROM owner o JOIN articles a ON a.id = o.article_id JOIN assets x ON x.id = o.asset_id
    GROUP BY a.feed_id),
  sources AS (
    SELECT id AS feed_id, coalesce(custom_title, title) AS title FROM feeds
    UNION ALL SELECT NULL, 'Library')
  SELECT s.feed_id AS feedId, s.title, coalesce(t.articles, 0) AS articles,
    coalesce(t.text_bytes, 0) AS textBytes, coalesce(i.image_bytes, 0) AS imageBytes
  FROM sources s
  LEFT JOIN text_use t ON t.feed_id IS s.feed_id
  LEFT JOIN image_use i ON i.feed_id IS s.feed_id
  ORDER BY textBytes + imageBytes DESC, s.title COLLATE NOCASE, s.feed_id`;

type Row = { id: number; read: boolean; starred: boolean };

function oldList(db: Database.Database, filter: ArticleFilter, feedId?: number): Row[] {
  const where = [OLD_FILTER_SQL[filter]];
  if (feedId !== undefined) where.push(`a.feed_id = ${feedId}`);
  const rows = db
    .prepare(
      `SELECT a.id, s.read_at, s.starred_at FROM articles a
       LEFT JOIN article_state s ON s.uid = a.uid WHERE ${where.join(' AND ')}
       ORDER BY a.sort_at DESC, a.id DESC`,
    )
    .all() as { id: number; read_at: number | null; starred_at: number | null }[];
  return rows.map((r) => ({ id: r.id, read: r.read_at !== null, starred: r.starred_at !== null }));
}

function newList(store: Store, filter: ArticleFilter, feedId?: number): Row[] {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const page = store.articles.list({ filter, feedId, cursor, limit: 3 });
    rows.push(
      ...page.items.map((a) => ({
        id: a.id,
        read: a.readAt !== null,
        starred: a.starredAt !== null,
      })),
    );
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** A small deterministic random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function item(identity: string, body: string, publishedAt: number): ArticleUpdate {
  return {
    identity,
    url: `https://example.com/${identity}`,
    title: `Title ${identity}`,
    author: null,
    publishedAt,
    contentHtml: `<p>${body}</p>`,
    text: body,
    categories: [],
    enclosures: [],
    contentHash: `${identity}:${body}`,
  };
}

function feedOf(items: ArticleUpdate[]): FeedUpdate {
  return { title: '', siteUrl: null, ttlMinutes: null, articles: items };
}

/** Expects every list, count and usage figure to equal the old scans'. */
function expectSameAsScans(store: Store): void {
  const db = rawDatabase(store);
  const feedIds = store.feeds.list().map((f) => f.id);
  for (const filter of ARTICLE_FILTERS) {
    expect(newList(store, filter), filter).toEqual(oldList(db, filter));
    for (const feedId of feedIds) {
      expect(newList(store, filter, feedId), `${filter} ${feedId}`).toEqual(
        oldList(db, filter, feedId),
      );
    }
  }
  const counted = db
    .prepare(
      `SELECT f.id, (SELECT count(*) FROM articles a LEFT JOIN article_state s ON s.uid = a.uid
         WHERE a.feed_id = f.id AND s.read_at IS NULL) AS unread FROM feeds f ORDER BY f.id`,
    )
    .all() as { id: number; unread: number }[];
  expect(
    store.feeds
      .list()
      .map((f) => ({ id: f.id, unread: f.unreadCount }))
      .sort((a, b) => a.id - b.id),
  ).toEqual(counted);
  expect(store.maintenance.usageBySource()).toEqual(db.prepare(OLD_USAGE_SQL).all());
  // article_flags is article_state seen from each article, and nothing else.
  expect(
    db
      .prepare(
        `SELECT count(*) FROM articles a LEFT JOIN article_state s ON s.uid = a.uid
         LEFT JOIN article_flags g ON g.id = a.id
         WHERE g.id IS NULL OR g.uid IS NOT a.uid OR g.feed_id IS NOT a.feed_id
           OR g.sort_at IS NOT a.sort_at OR g.read_at IS NOT s.read_at
           OR g.starred_at IS NOT s.starred_at`,
      )
      .pluck()
      .get(),
  ).toBe(0);
  expect(db.prepare('SELECT count(*) FROM article_flags').pluck().get()).toBe(
    db.prepare('SELECT count(*) FROM articles').pluck().get(),
  );
}

/** Builds a small library through the store and changes it in every way the app does. */
function exercise(store: Store, random: () => number, check: () => void): void {
  const db = rawDatabase(store);
  const feeds = [1, 2, 3].map((i) =>
    store.feeds.insert({
      url: `https://f${i}.example/`,
      title: `Feed ${i}`,
      siteUrl: null,
      folder: null,
    }),
  );
  // A read mark stored before its article (re-ingested after retention).
  db.prepare('INSERT INTO article_state (uid, read_at, starred_at) VALUES (?, ?, ?)').run(
    `${feeds[0]}:back`,
    NOW - 5 * HOUR,
    NOW - 4 * HOUR,
  );
  for (const [n, feedId] of feeds.entries()) {
    // Equal times on purpose: the id breaks ties, in lists and cursors.
    const items = Array.from({ length: 12 + n * 5 }, (_, i) =>
      item(`a${i}`, `body ${i} ${'x'.repeat(i)}`, NOW - Math.floor(i / 3) * HOUR),
    );
    if (n === 0) items.push(item('back', 'came back', NOW - 30 * HOUR));
    store.feedUpdates.apply(feedId, feedOf(items));
  }
  for (let i = 0; i < 4; i++) {
    store.articles.insert({
      uid: `library:${i}`,
      feedId: null,
      kind: 'saved',
      url: null,
      title: `Saved ${i}`,
      author: null,
      publishedAt: NOW - i * HOUR,
      contentHtml: `<p>saved ${i}</p>`,
      text: `saved ${i}`,
    });
  }
  check();
  const ids = db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
  const pick = () => ids[Math.floor(random() * ids.length)] as number;
  for (let i = 0; i < 25; i++) {
    store.articles.setState(pick(), { read: random() < 0.6, starred: random() < 0.3 });
  }
  store.articles.markRead([pick(), pick(), pick(), pick()]);
  db.prepare("INSERT OR REPLACE INTO notes (article_id, body, updated_at) VALUES (?, 'n', 0)").run(
    pick(),
  );
  const annotated = pick();
  db.prepare(
    `INSERT INTO highlights (article_id, exact, start, "end", created_at, updated_at)
     VALUES (?, 'x', 0, 1, 0, 0)`,
  ).run(annotated);
  // Images, some shared between articles of different sources.
  const assets = Array.from({ length: 6 }, (_, i) =>
    store.assets.put(`https://img.example/${i}`, 'image/png', Buffer.alloc(100 + i * 10)),
  );
  for (let i = 0; i < 14; i++) {
    store.offline.link(pick(), assets[Math.floor(random() * assets.length)] as number);
  }
  check();
  // A bigger image under the same URL, an unlinked image, a deleted one, a new full text.
  store.assets.put('https://img.example/0', 'image/png', Buffer.alloc(999));
  const link = db.prepare('SELECT article_id, asset_id FROM article_assets LIMIT 1').get() as
    { article_id: number; asset_id: number } | undefined;
  if (link) {
    db.prepare('DELETE FROM article_assets WHERE article_id = ? AND asset_id = ?').run(
      link.article_id,
      link.asset_id,
    );
  }
  db.prepare('DELETE FROM assets WHERE id = ?').run(assets[5]);
  store.articles.setFullText(pick(), {
    html: '<p>much longer full text</p>',
    text: 'much longer full text',
    at: NOW,
  });
  // An upstream edit, marking a feed read in chunks, then all.
  store.feedUpdates.apply(feeds[1] as number, feedOf([item('a1', 'edited body, longer now', NOW)]));
  while (store.articles.markAllRead({ feedId: feeds[2], limit: 4 }) === 4);
  check();
  store.articles.markAllRead();
  for (let i = 0; i < 10; i++) store.articles.setState(pick(), { read: false });
  check();
  // Retention, then unsubscribing (kept articles become library articles, with their images).
  store.transaction(() => store.maintenance.deleteExpiredArticles(NOW + HOUR));
  check();
  store.feeds.remove(feeds[0] as number);
  check();
  store.maintenance.deleteOrphanAssets();
  check();
}

describe('same results as the scans they replace', () => {
  const dir = tempDir();
  for (const seed of [1, 2, 3]) {
    it(`lists, counts and usage match after every kind of change (seed ${seed})`, () => {
      const store = Store.open(':memory:');
      exercise(store, seeded(seed), () => expectSameAsScans(store));
    });
  }

  it('builds article_flags, the counters and source_usage for an existing library', () => {
    const file = join(dir, 'old.db');
    // A library from before this part of the schema: the migrations up to and including the
    // related-feeds one (site_feeds), written the way that version did.
    const last = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE site_feeds'));
    const old = new Database(file);
    for (let v = 0; v <= last; v++) old.exec(MIGRATIONS[v] as string);
    old.pragma(`user_version = ${last + 1}`);
    old.exec(`
      INSERT INTO feeds (id, url, title, created_at) VALUES (1, 'a', 'A', 0), (2, 'b', 'B', 0);
      INSERT INTO articles (id, uid, feed_id, kind, title, sort_at, fetched_at, updated_at,
        content_html, text) VALUES
        (1, '1:x', 1, 'feed', 'x', 10, 0, 0, '<p>héllo</p>', 'héllo'),
        (2, '1:y', 1, 'feed', 'y', 20, 0, 0, '<p>y</p>', 'y'),
        (3, '2:z', 2, 'feed', 'z', 20, 0, 0, '<p>zz</p>', 'zz'),
        (4, 'library:s', NULL, 'saved', 's', 5, 0, 0, '<p>s</p>', 's');
      INSERT INTO article_state (uid, read_at, starred_at) VALUES ('1:x', 1, NULL),
        ('2:z', NULL, 2), ('library:s', 3, 3), ('1:gone', 4, NULL);
      INSERT INTO assets (id, url, type, size, data, fetched_at) VALUES
        (1, 'i1', 'image/png', 50, x'00', 0), (2, 'i2', 'image/png', 70, x'00', 0);
      INSERT INTO article_assets (article_id, asset_id) VALUES (3, 1), (1, 1), (4, 2);
      INSERT INTO notes (article_id, body, updated_at) VALUES (2, 'n', 0);
    `);
    const before = old.prepare(OLD_USAGE_SQL).all();
    old.close();
    const store = Store.open(file);
    expect(store.maintenance.usageBySource()).toEqual(before);
    expectSameAsScans(store);
    store.close();
  });
});

describe('markAllRead in chunks', () => {
  it('marks at most `limit` per call, newest first, and leaves later articles unread', () => {
    const store = Store.open(':memory:');
    const feed = store.feeds.insert({ url: 'u', title: 'F', siteUrl: null, folder: null });
    store.feedUpdates.apply(
      feed,
      feedOf(Array.from({ length: 10 }, (_, i) => item(`a${i}`, 'b', NOW - i * HOUR))),
    );
    const throughId = store.articles.maxId();
    store.feedUpdates.apply(feed, feedOf([item('later', 'b', NOW + HOUR)]));
    const unread = () =>
      store.articles.list({ filter: 'unread', limit: 100 }).items.map((a) => a.title);
    expect(store.articles.markAllRead({ limit: 4, throughId })).toBe(4);
    expect(unread()).toEqual(['Title later', ...[4, 5, 6, 7, 8, 9].map((i) => `Title a${i}`)]);
    expect(store.articles.markAllRead({ limit: 4, throughId })).toBe(4);
    expect(store.articles.markAllRead({ limit: 4, throughId })).toBe(2);
    expect(store.articles.markAllRead({ limit: 4, throughId })).toBe(0);
    expect(unread()).toEqual(['Title later']);
    expect(store.feeds.get(feed)?.unreadCount).toBe(1);
    expect(store.articles.markAllRead()).toBe(1);
    expect(store.feeds.get(feed)?.unreadCount).toBe(0);
    expect(store.articles.maxId()).toBe(throughId + 1);
  });
});

describe('markAllRead in bulk (migration 8)', () => {
  /** Everything a mark changes: state rows, flags, counters, and the schema of the indexes. */
  function snapshot(store: Store) {
    const db = rawDatabase(store);
    // exercise() marks at the clock's time: any time after the library's NOW reads as 'clock'.
    const times = `CASE WHEN read_at > ${NOW} THEN 'clock' ELSE read_at END AS read_at,
      CASE WHEN starred_at > ${NOW} THEN 'clock' ELSE starred_at END AS starred_at`;
    return {
      state: db.prepare(`SELECT uid, ${times} FROM article_state ORDER BY uid`).all(),
      flags: db
        .prepare(`SELECT id, uid, feed_id, sort_at, ${times} FROM article_flags ORDER BY id`)
        .all(),
      counters: db.prepare('SELECT id, unread_count FROM feeds ORDER BY id').all(),
      schema: db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(),
    };
  }

  /** A library after every kind of change, and the one write connection over it. */
  function library(seed: number): { store: Store; sql: Connection } {
    const store = Store.open(':memory:');
    exercise(store, seeded(seed), () => {});
    // Unread again, some starred: state rows with read_at NULL that the upsert must update.
    const ids = store.articles.list({ filter: 'all', limit: 200 }).items.map((a) => a.id);
    for (const id of ids.filter((_, i) => i % 3 === 0)) {
      store.articles.setState(id, { read: false, starred: true }, NOW);
    }
    return { store, sql: new Connection(rawDatabase(store)) };
  }

  for (const seed of [1, 2]) {
    it(`gives the same library whether it reindexes or walks the index (seed ${seed})`, () => {
      const walked = library(seed);
      const reindexed = library(seed);
      const before = snapshot(walked.store);
      const unread = before.flags.filter((f) => (f as { read_at: null }).read_at === null);
      expect(unread.length).toBeGreaterThan(10);
      expect(markAllReadInBulk(walked.sql, {}, NOW, Infinity)).toBe(unread.length);
      expect(markAllReadInBulk(reindexed.sql, {}, NOW, 1)).toBe(unread.length);
      const after = snapshot(reindexed.store);
      const other = snapshot(walked.store);
      expect(after.state).toEqual(other.state);
      expect(after.flags).toEqual(other.flags);
      expect(after.counters).toEqual(other.counters);
      expect(after.schema).toEqual(other.schema);
      // The indexes were made again exactly as migration 7 made them.
      expect(after.schema).toEqual(before.schema);
      expect(after.counters.every((c) => (c as { unread_count: number }).unread_count === 0)).toBe(
        true,
      );
      for (const { store } of [walked, reindexed]) {
        expectSameAsScans(store);
        expect(
          rawDatabase(store).prepare('SELECT count(*) FROM bulk_state_change').pluck().get(),
        ).toBe(0);
        // The per-row triggers are back: one article marked unread is unread everywhere.
        const one = store.articles.list({ filter: 'all', limit: 1 }).items[0]!;
        store.articles.setState(one.id, { read: false });
        expect(store.articles.list({ filter: 'unread', limit: 10 }).items.map((a) => a.id)).toEqual(
          [one.id],
        );
        expectSameAsScans(store);
        store.close();
      }
    });
  }

  it('leaves what was stored after throughId unread, in either form', () => {
    for (const reindexFrom of [1, Infinity]) {
      const { store, sql } = library(3);
      const throughId = store.articles.maxId();
      const feed = store.feeds.list()[0]!.id;
      store.feedUpdates.apply(feed, feedOf([item('later', 'new', NOW + HOUR)]));
      markAllReadInBulk(sql, { throughId }, NOW, reindexFrom);
      const unread = store.articles.list({ filter: 'unread', limit: 10 }).items;
      expect(unread.map((a) => a.title)).toEqual(['Title later']);
      expect(store.feeds.get(feed)?.unreadCount).toBe(1);
      expectSameAsScans(store);
      store.close();
    }
  });
});
