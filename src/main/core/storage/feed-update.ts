/**
 * Storing one refresh of a feed: the mapping from the pipeline's NormalizedFeed to rows, as
 * NetNewsWire's ArticlesTable.update does it. One IMMEDIATE transaction; user state is never
 * written here, so a star or a read mark made at the same time (another connection, another
 * window) is never lost: it lives in article_state under the article's uid, which this never
 * touches, and articles are updated in place, never deleted and re-inserted.
 */
import type Database from 'better-sqlite3';
import type { NormalizedFeed, NormalizedItem } from '../feeds/types';
import type { Store } from './store';

/** What one update changed: article ids in the feed's order. */
export interface FeedUpdateResult {
  newArticleIds: number[];
  updatedArticleIds: number[];
}

interface ExistingRow {
  id: number;
  uid: string;
  content_hash: string | null;
}

interface Statements {
  feedExists: Database.Statement<[number]>;
  existing: Database.Statement<[string]>;
  insert: Database.Statement<[Record<string, unknown>]>;
  update: Database.Statement<[Record<string, unknown>]>;
  updateFeed: Database.Statement<[Record<string, unknown>]>;
}

/** Prepared once per connection: this is the hot path of every refresh. */
const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let prepared = cache.get(db);
  if (!prepared) {
    prepared = {
      feedExists: db.prepare('SELECT 1 FROM feeds WHERE id = ?'),
      existing: db.prepare(
        'SELECT id, uid, content_hash FROM articles WHERE uid IN (SELECT value FROM json_each(?))',
      ),
      insert: db.prepare(
        `INSERT INTO articles (uid, feed_id, kind, url, title, author, published_at, sort_at,
           fetched_at, updated_at, content_html, text, content_hash, categories, enclosures)
         VALUES (@uid, @feedId, 'feed', @url, @title, @author, @publishedAt, @sortAt,
           @now, @now, @contentHtml, @text, @contentHash, @categories, @enclosures)`,
      ),
      // sort_at stays: an article edited upstream keeps its place in the list.
      update: db.prepare(
        `UPDATE articles SET url = @url, title = @title, author = @author,
           published_at = @publishedAt, content_html = @contentHtml,
           -- text is what the reader shows: the full text's, once there is one.
           text = CASE WHEN full_text_html IS NULL THEN @text ELSE text END,
           content_hash = @contentHash, categories = @categories, enclosures = @enclosures,
           updated_at = @now
         WHERE id = @id`,
      ),
      updateFeed: db.prepare(
        `UPDATE feeds SET title = coalesce(nullif(@title, ''), title),
           site_url = coalesce(@siteUrl, site_url), ttl_minutes = @ttlMinutes
         WHERE id = @id AND (title IS NOT coalesce(nullif(@title, ''), title)
           OR site_url IS NOT coalesce(@siteUrl, site_url) OR ttl_minutes IS NOT @ttlMinutes)`,
      ),
    };
    cache.set(db, prepared);
  }
  return prepared;
}

/** Returns the uid of a feed article: stable across refreshes (docs/technotes/storage.md). */
export function feedArticleUid(feedId: number, identity: string): string {
  return `${feedId}:${identity}`;
}

/**
 * Stores one refresh of feed `feedId` and returns the ids of the articles it added and changed.
 * Articles no longer in the feed are kept (retention is its own step).
 */
export function storeFeedUpdate(
  store: Store,
  feedId: number,
  feed: NormalizedFeed,
  now = Date.now(),
): FeedUpdateResult {
  const sql = statements(store.db);
  return store.transaction(() => {
    const result: FeedUpdateResult = { newArticleIds: [], updatedArticleIds: [] };
    // 0. The feed may have been unsubscribed while it was being fetched: store nothing.
    if (!sql.feedExists.get(feedId)) return result;

    // 1. Look up the existing articles of these items by uid, in one query. An identity repeated
    //    within the document counts once, the first (newest) occurrence.
    const items = new Map<string, NormalizedItem>();
    for (const item of feed.items) {
      const uid = feedArticleUid(feedId, item.identity);
      if (!items.has(uid)) items.set(uid, item);
    }
    const existing = new Map<string, ExistingRow>();
    for (const row of sql.existing.all(JSON.stringify([...items.keys()])) as ExistingRow[]) {
      existing.set(row.uid, row);
    }

    // 2. Insert the new ones, last item first: undated items all sort at `now`, and the higher
    //    id wins the tie, so the document's order is kept in the list.
    const entries = [...items];
    const inserted = new Map<string, number>();
    for (let i = entries.length - 1; i >= 0; i--) {
      const [uid, item] = entries[i] as [string, NormalizedItem];
      if (existing.has(uid)) continue;
      const info = sql.insert.run({
        ...columns(item),
        uid,
        feedId,
        sortAt: item.publishedAt ?? now,
        now,
      });
      inserted.set(uid, Number(info.lastInsertRowid));
    }

    // 3. Update the changed ones in place. Unchanged rows are not written at all, so neither the
    //    FTS trigger nor the WAL sees them.
    for (const [uid, item] of entries) {
      const newId = inserted.get(uid);
      if (newId !== undefined) {
        result.newArticleIds.push(newId);
        continue;
      }
      const row = existing.get(uid) as ExistingRow;
      if (row.content_hash === item.contentHash) continue;
      sql.update.run({ ...columns(item), id: row.id, now });
      result.updatedArticleIds.push(row.id);
    }

    // 4. article_state, highlights and notes are the user's: not touched here.

    // 5. The feed's own title, site and TTL, written only when they changed.
    sql.updateFeed.run({
      id: feedId,
      title: feed.title,
      siteUrl: feed.siteUrl,
      ttlMinutes: feed.ttlMinutes,
    });
    return result;
  });
}

/** The article columns an item gives, as statement parameters. */
function columns(item: NormalizedItem): Record<string, unknown> {
  return {
    url: item.url,
    title: item.title,
    author: item.author,
    publishedAt: item.publishedAt,
    contentHtml: item.contentHtml,
    text: item.text,
    contentHash: item.contentHash,
    categories: item.categories.length > 0 ? JSON.stringify(item.categories) : null,
    enclosures: item.enclosures.length > 0 ? JSON.stringify(item.enclosures) : null,
  };
}
