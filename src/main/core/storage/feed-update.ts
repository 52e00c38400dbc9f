/**
 * Storing one refresh of a feed, as NetNewsWire's ArticlesTable.update does it. Its input is
 * storage's own type (FeedUpdate: what a feed says of itself and its articles, as rows keep it),
 * not the parser's: the mapping from a parsed feed lives in library/refresh/feed-update-of.ts.
 * One IMMEDIATE transaction; user state is never written here, so a star or a read mark made at
 * the same time (another connection, another window) is never lost: it lives in article_state
 * under the article's uid, which this never touches, and articles are updated in place, never
 * deleted and re-inserted.
 */
import type { Enclosure } from '../../../shared/model';
import type { Connection } from './connection';

/** One article of a feed, as a feed update stores it. */
export interface ArticleUpdate {
  /** Stable identity within the feed: the uid is `<feed id>:<identity>`. */
  identity: string;
  url: string | null;
  title: string;
  author: string | null;
  /** Epoch ms; null for an undated article (it sorts at the time it was first stored). */
  publishedAt: number | null;
  /** Sanitized HTML, and its plain text for search and anchoring. */
  contentHtml: string;
  text: string;
  categories: string[];
  enclosures: Enclosure[];
  /** A hash of what the article shows: a row whose hash is unchanged is not written. */
  contentHash: string;
}

/** What one fetch of a feed brought: its own title, site and TTL, and its articles. */
export interface FeedUpdate {
  title: string;
  siteUrl: string | null;
  ttlMinutes: number | null;
  articles: ArticleUpdate[];
}

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

const FEED_EXISTS = 'SELECT 1 FROM feeds WHERE id = ?';
const EXISTING = `SELECT id, uid, content_hash FROM articles
  WHERE uid IN (SELECT value FROM json_each(?))`;
const INSERT = `INSERT INTO articles (uid, feed_id, kind, url, title, author, published_at, sort_at,
    fetched_at, updated_at, content_html, text, content_hash, categories, enclosures)
  VALUES (@uid, @feedId, 'feed', @url, @title, @author, @publishedAt, @sortAt,
    @now, @now, @contentHtml, @text, @contentHash, @categories, @enclosures)`;
// sort_at stays: an article edited upstream keeps its place in the list.
const UPDATE = `UPDATE articles SET url = @url, title = @title, author = @author,
    published_at = @publishedAt, content_html = @contentHtml,
    -- text is what the reader shows: the full text's, once there is one.
    text = CASE WHEN full_text_html IS NULL THEN @text ELSE text END,
    content_hash = @contentHash, categories = @categories, enclosures = @enclosures,
    updated_at = @now
  WHERE id = @id`;
const UPDATE_FEED = `UPDATE feeds SET title = coalesce(nullif(@title, ''), title),
    site_url = coalesce(@siteUrl, site_url), ttl_minutes = @ttlMinutes
  WHERE id = @id AND (title IS NOT coalesce(nullif(@title, ''), title)
    OR site_url IS NOT coalesce(@siteUrl, site_url) OR ttl_minutes IS NOT @ttlMinutes)`;

/** Returns the uid of a feed article: stable across refreshes (docs/technotes/storage.md). */
function feedArticleUid(feedId: number, identity: string): string {
  return `${feedId}:${identity}`;
}

/** Feed updates: the hot path of every refresh. */
export class FeedUpdates {
  constructor(private readonly sql: Connection) {}

  /**
   * Stores one refresh of feed `feedId` and returns the ids of the articles it added and
   * changed. Articles no longer in the feed are kept (retention is its own step).
   */
  apply(feedId: number, feed: FeedUpdate, now = Date.now()): FeedUpdateResult {
    const { sql } = this;
    return sql.transaction(() => {
      const result: FeedUpdateResult = { newArticleIds: [], updatedArticleIds: [] };
      // 0. The feed may have been unsubscribed while it was being fetched: store nothing.
      if (!sql.statement(FEED_EXISTS).get(feedId)) return result;

      // 1. Look up the existing articles by uid, in one query. An identity repeated within the
      //    document counts once, the first (newest) occurrence.
      const articles = new Map<string, ArticleUpdate>();
      for (const article of feed.articles) {
        const uid = feedArticleUid(feedId, article.identity);
        if (!articles.has(uid)) articles.set(uid, article);
      }
      const existing = new Map<string, ExistingRow>();
      const found = sql.statement(EXISTING).all(JSON.stringify([...articles.keys()]));
      for (const row of found as ExistingRow[]) existing.set(row.uid, row);

      // 2. Insert the new ones, last first: undated articles all sort at `now`, and the higher
      //    id wins the tie, so the document's order is kept in the list.
      const entries = [...articles];
      const inserted = new Map<string, number>();
      const insert = sql.statement(INSERT);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [uid, article] = entries[i] as [string, ArticleUpdate];
        if (existing.has(uid)) continue;
        const sortAt = article.publishedAt ?? now;
        const info = insert.run({ ...columns(article), uid, feedId, sortAt, now });
        inserted.set(uid, Number(info.lastInsertRowid));
      }

      // 3. Update the changed ones in place. Unchanged rows are not written at all, so neither
      //    the FTS trigger nor the WAL sees them.
      const update = sql.statement(UPDATE);
      for (const [uid, article] of entries) {
        const newId = inserted.get(uid);
        if (newId !== undefined) {
          result.newArticleIds.push(newId);
          continue;
        }
        const row = existing.get(uid) as ExistingRow;
        if (row.content_hash === article.contentHash) continue;
        update.run({ ...columns(article), id: row.id, now });
        result.updatedArticleIds.push(row.id);
      }

      // 4. article_state, highlights and notes are the user's: not touched here.

      // 5. The feed's own title, site and TTL, written only when they changed.
      sql.statement(UPDATE_FEED).run({
        id: feedId,
        title: feed.title,
        siteUrl: feed.siteUrl,
        ttlMinutes: feed.ttlMinutes,
      });
      return result;
    });
  }
}

/** The article columns an update gives, as statement parameters. */
function columns(article: ArticleUpdate): Record<string, unknown> {
  return {
    url: article.url,
    title: article.title,
    author: article.author,
    publishedAt: article.publishedAt,
    contentHtml: article.contentHtml,
    text: article.text,
    contentHash: article.contentHash,
    categories: article.categories.length > 0 ? JSON.stringify(article.categories) : null,
    enclosures: article.enclosures.length > 0 ? JSON.stringify(article.enclosures) : null,
  };
}
