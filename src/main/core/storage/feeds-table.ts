/** Feeds: subscriptions with their fetch state, listed with unread counts. */
import type { Connection } from './connection';
import type { Feed } from '../../../shared/model';
import { isoOrNull } from './time';

interface FeedRow {
  id: number;
  url: string;
  site_url: string | null;
  title: string;
  folder: string | null;
  unread: number;
  last_fetched_at: number | null;
  last_error: string | null;
  full_text: 0 | 1;
}

/** What a new subscription holds. */
export interface NewFeed {
  url: string;
  title: string;
  siteUrl: string | null;
  folder: string | null;
}

/** What the fetcher needs from the last fetch of a feed, and when to fetch it next. */
export interface FeedFetchState {
  id: number;
  url: string;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  lastFetchedAt: number | null;
  nextFetchAt: number | null;
  errorCount: number;
  ttlMinutes: number | null;
}

/** The outcome of a successful fetch (a 200 or a 304). */
export interface FetchRecord {
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  /** The feed's new address after a permanent redirect (301/308), if any. */
  url?: string | null;
  fetchedAt: number;
  nextFetchAt: number | null;
  title?: string | null;
  siteUrl?: string | null;
}

/** A failed fetch or parse, kept on the feed and shown. */
export interface FetchErrorRecord {
  code: string;
  message: string;
  at: number;
  nextFetchAt: number | null;
}

// custom_title is the user's name for the feed; title follows the feed's own.
const FEED_SELECT = `SELECT f.id, f.url, f.site_url, coalesce(f.custom_title, f.title) AS title,
  f.folder, f.last_fetched_at, f.last_error, f.unread_count AS unread, f.full_text FROM feeds f`;

/**
 * An article of a feed the user touched (starred, highlighted, noted): it stays, as a library
 * article, when the feed goes. Starred is read from article_flags by id, which the feed's index
 * holds: the wide row of an article is read only when it is kept.
 */
const TOUCHED = `(EXISTS (SELECT 1 FROM article_flags g WHERE g.id = a.id AND g.starred_at IS NOT NULL)
  OR EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)
  OR EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id))`;

/** Queries and writes on feeds. */
export class FeedsTable {
  constructor(private readonly sql: Connection) {}

  /** Returns every feed with its unread count, ordered by folder then title. */
  list(): Feed[] {
    const rows = this.sql
      .statement(
        `${FEED_SELECT} ORDER BY f.folder IS NOT NULL, f.folder,
           coalesce(f.custom_title, f.title) COLLATE NOCASE, f.id`,
      )
      .all() as FeedRow[];
    return rows.map(toFeed);
  }

  /** Returns the feed with this id, or null. */
  get(id: number): Feed | null {
    const row = this.sql.statement(`${FEED_SELECT} WHERE f.id = ?`).get(id) as FeedRow | undefined;
    return row ? toFeed(row) : null;
  }

  /** Returns the feed subscribed at exactly this URL, or null. */
  byUrl(url: string): Feed | null {
    const row = this.sql.statement(`${FEED_SELECT} WHERE f.url = ?`).get(url) as
      FeedRow | undefined;
    return row ? toFeed(row) : null;
  }

  /** Adds a subscription and returns its id (the URL must not be subscribed yet). */
  insert(feed: NewFeed, now = Date.now()): number {
    const result = this.sql
      .statement(
        `INSERT INTO feeds (url, title, site_url, folder, created_at)
         VALUES (@url, @title, @siteUrl, @folder, @now)`,
      )
      .run({ ...feed, now });
    return Number(result.lastInsertRowid);
  }

  /**
   * Renames or moves a feed, or sets its "always fetch full text"; an empty title goes back to
   * the feed's own, a null folder to the top level. Returns false when there is no such feed.
   */
  update(
    id: number,
    change: { title?: string; folder?: string | null; fullText?: boolean },
  ): boolean {
    const sets: string[] = [];
    if (change.title !== undefined) sets.push("custom_title = nullif(trim(@title), '')");
    if (change.folder !== undefined) sets.push('folder = @folder');
    if (change.fullText !== undefined) sets.push('full_text = @fullText');
    if (sets.length === 0) return this.get(id) !== null;
    const result = this.sql.statement(`UPDATE feeds SET ${sets.join(', ')} WHERE id = @id`).run({
      id,
      title: change.title ?? null,
      folder: change.folder ?? null,
      fullText: change.fullText ? 1 : 0,
    });
    return result.changes > 0;
  }

  /**
   * Moves every feed of folder `from` into folder `to` (which may already hold feeds: they merge)
   * and returns the ids of the feeds moved.
   */
  renameFolder(from: string, to: string): number[] {
    return this.sql
      .column('UPDATE feeds SET folder = ? WHERE folder = ? RETURNING id')
      .all(to, from) as number[];
  }

  /** Takes every feed of folder `name` out of it (to the top level); returns their ids. */
  clearFolder(name: string): number[] {
    return this.sql
      .column('UPDATE feeds SET folder = NULL WHERE folder = ? RETURNING id')
      .all(name) as number[];
  }

  /**
   * Unsubscribes. Articles the user starred, highlighted or wrote a note on stay, as library
   * articles (feed_id NULL, kind 'saved'), with their uid and so their state; the others go,
   * with the state rows under the feed's uid prefix, so that a later feed reusing the id does not
   * inherit them. Returns false when there is no such feed.
   */
  remove(id: number): boolean {
    return this.sql.transaction(() => {
      if (!this.sql.statement('SELECT 1 FROM feeds WHERE id = ?').get(id)) return false;
      this.sql
        .statement(
          `UPDATE articles AS a SET feed_id = NULL, kind = 'saved' WHERE feed_id = ? AND ${TOUCHED}`,
        )
        .run(id);
      this.sql.statement('DELETE FROM articles WHERE feed_id = ?').run(id);
      // uids are "<feed id>:<identity>"; ';' is the character after ':'.
      this.sql
        .statement(
          `DELETE FROM article_state WHERE uid >= @lo AND uid < @hi
             AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.uid = article_state.uid)`,
        )
        .run({ lo: `${id}:`, hi: `${id};` });
      this.sql.statement('DELETE FROM feeds WHERE id = ?').run(id);
      return true;
    });
  }

  /**
   * Deletes up to `limit` of the feed's articles that remove() would delete (none the user
   * touched) and returns how many: a big feed is unsubscribed in such steps, then remove()
   * finishes it in one short transaction.
   */
  deleteUntouchedArticles(id: number, limit: number): number {
    return this.sql
      .statement(
        `DELETE FROM articles WHERE id IN (
           SELECT a.id FROM articles a WHERE a.feed_id = @id AND NOT ${TOUCHED} LIMIT @limit)`,
      )
      .run({ id, limit }).changes;
  }

  /** Returns the ids of the feeds due for a fetch at `now` (never fetched first, then oldest due). */
  dueIds(now: number): number[] {
    return this.sql
      .column(
        `SELECT id FROM feeds WHERE next_fetch_at IS NULL OR next_fetch_at <= ?
         ORDER BY next_fetch_at IS NOT NULL, next_fetch_at, id`,
      )
      .all(now) as number[];
  }

  /** Returns what the fetcher needs to fetch this feed again, or null. */
  fetchState(id: number): FeedFetchState | null {
    const row = this.sql
      .statement(
        `SELECT id, url, etag, last_modified AS lastModified, body_hash AS bodyHash,
           last_fetched_at AS lastFetchedAt, next_fetch_at AS nextFetchAt,
           error_count AS errorCount, ttl_minutes AS ttlMinutes
         FROM feeds WHERE id = ?`,
      )
      .get(id) as FeedFetchState | undefined;
    return row ?? null;
  }

  /**
   * Records a successful fetch: validators, body hash, times, and clears the error. A permanent
   * redirect moves the feed to its new URL unless another subscription already has that URL.
   */
  recordFetch(id: number, fetch: FetchRecord): void {
    this.sql
      .statement(
        `UPDATE feeds SET etag = @etag, last_modified = @lastModified, body_hash = @bodyHash,
           last_fetched_at = @fetchedAt, next_fetch_at = @nextFetchAt,
           url = CASE WHEN @url IS NULL OR EXISTS (SELECT 1 FROM feeds o WHERE o.url = @url)
                      THEN url ELSE @url END,
           title = coalesce(nullif(@title, ''), title),
           site_url = coalesce(@siteUrl, site_url),
           last_error = NULL, last_error_code = NULL, last_error_at = NULL, error_count = 0
         WHERE id = @id`,
      )
      .run({
        id,
        etag: fetch.etag,
        lastModified: fetch.lastModified,
        bodyHash: fetch.bodyHash,
        fetchedAt: fetch.fetchedAt,
        nextFetchAt: fetch.nextFetchAt,
        url: fetch.url ?? null,
        title: fetch.title ?? null,
        siteUrl: fetch.siteUrl ?? null,
      });
  }

  /** Records a failed fetch or parse and counts it (for back-off). */
  recordError(id: number, error: FetchErrorRecord): void {
    this.sql
      .statement(
        `UPDATE feeds SET last_error = @message, last_error_code = @code, last_error_at = @at,
           error_count = error_count + 1, next_fetch_at = @nextFetchAt
         WHERE id = @id`,
      )
      .run({
        id,
        code: error.code,
        message: error.message,
        at: error.at,
        nextFetchAt: error.nextFetchAt,
      });
  }

  /** Forgets the feed's last error. */
  clearError(id: number): void {
    this.sql
      .statement(
        `UPDATE feeds SET last_error = NULL, last_error_code = NULL, last_error_at = NULL,
           error_count = 0 WHERE id = ?`,
      )
      .run(id);
  }
}

function toFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    url: row.url,
    siteUrl: row.site_url,
    title: row.title,
    folder: row.folder,
    unreadCount: row.unread,
    lastFetchedAt: isoOrNull(row.last_fetched_at),
    lastError: row.last_error,
    fullText: row.full_text === 1,
  };
}
