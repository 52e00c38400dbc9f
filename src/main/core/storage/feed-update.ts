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
import { inBatches, valuesList } from './row-batches';

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
/** One statement inserts a batch of rows (row-batches.ts says why), returning each one's id. */
const INSERT_ROW = `(?, ?, 'feed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const insertSql = (rows: number): string => `INSERT INTO articles (uid, feed_id, kind, url, title,
    author, published_at, sort_at, fetched_at, updated_at, content_html, text, content_hash,
    categories, enclosures)
  VALUES ${valuesList(INSERT_ROW, rows)}
  RETURNING id, uid`;
/**
 * One statement updates a batch of rows. sort_at stays: an article edited upstream keeps its
 * place in the list.
 */
const UPDATE_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const updateSql = (rows: number): string => `WITH u (id, url, title, author, published_at,
    content_html, text, content_hash, categories, enclosures, updated_at)
  AS (VALUES ${valuesList(UPDATE_ROW, rows)})
  UPDATE articles SET url = u.url, title = u.title, author = u.author,
    published_at = u.published_at, content_html = u.content_html,
    -- text is what the reader shows: the full text's, once there is one.
    text = CASE WHEN articles.full_text_html IS NULL THEN u.text ELSE articles.text END,
    content_hash = u.content_hash, categories = u.categories, enclosures = u.enclosures,
    updated_at = u.updated_at
  FROM u WHERE articles.id = u.id`;
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
      //    id wins the tie, so the document's order is kept in the list. Many rows a
      //    statement, so that FTS5 writes one segment a batch, not one a row.
      const entries = [...articles];
      const fresh = entries.filter(([uid]) => !existing.has(uid)).reverse();
      const inserted = new Map<string, number>();
      for (const batch of inBatches(fresh)) {
        const params = batch.flatMap(([uid, article]) => insertParams(feedId, uid, article, now));
        const rows = sql.statement(insertSql(batch.length)).all(params) as ExistingRow[];
        for (const row of rows) inserted.set(row.uid, row.id);
      }

      // 3. Update the changed ones in place, in batches too. Unchanged rows are not written at
      //    all, so neither the FTS trigger nor the WAL sees them.
      const changed: [number, ArticleUpdate][] = [];
      for (const [uid, article] of entries) {
        const newId = inserted.get(uid);
        if (newId !== undefined) {
          result.newArticleIds.push(newId);
          continue;
        }
        const row = existing.get(uid) as ExistingRow;
        if (row.content_hash === article.contentHash) continue;
        changed.push([row.id, article]);
        result.updatedArticleIds.push(row.id);
      }
      for (const batch of inBatches(changed)) {
        const params = batch.flatMap(([id, article]) => updateParams(id, article, now));
        sql.statement(updateSql(batch.length)).run(params);
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

/** A new row's parameters, in INSERT_ROW's order. */
function insertParams(feedId: number, uid: string, article: ArticleUpdate, now: number): unknown[] {
  const sortAt = article.publishedAt ?? now;
  return [
    uid,
    feedId,
    article.url,
    article.title,
    article.author,
    article.publishedAt,
    sortAt,
    now,
    now,
    article.contentHtml,
    article.text,
    article.contentHash,
    ...lists(article),
  ];
}

/** A changed row's parameters, in UPDATE_ROW's order. */
function updateParams(id: number, article: ArticleUpdate, now: number): unknown[] {
  return [
    id,
    article.url,
    article.title,
    article.author,
    article.publishedAt,
    article.contentHtml,
    article.text,
    article.contentHash,
    ...lists(article),
    now,
  ];
}

/** Categories and enclosures as JSON arrays, NULL when there are none. */
function lists(article: ArticleUpdate): [string | null, string | null] {
  return [
    article.categories.length > 0 ? JSON.stringify(article.categories) : null,
    article.enclosures.length > 0 ? JSON.stringify(article.enclosures) : null,
  ];
}
