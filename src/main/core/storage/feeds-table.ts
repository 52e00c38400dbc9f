/** Feeds: subscriptions with their fetch state, listed with unread counts. */
import type Database from 'better-sqlite3';
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
}

/** Queries and writes on feeds. */
export class FeedsTable {
  constructor(private readonly db: Database.Database) {}

  /** Returns every feed with its unread count, ordered by folder then title. */
  list(): Feed[] {
    const rows = this.db
      .prepare(
        `SELECT f.id, f.url, f.site_url, f.title, f.folder, f.last_fetched_at, f.last_error,
           (SELECT count(*) FROM articles a LEFT JOIN article_state s ON s.uid = a.uid
             WHERE a.feed_id = f.id AND s.read_at IS NULL) AS unread
         FROM feeds f ORDER BY f.folder IS NOT NULL, f.folder, f.title COLLATE NOCASE, f.id`,
      )
      .all() as FeedRow[];
    return rows.map((row) => ({
      id: row.id,
      url: row.url,
      siteUrl: row.site_url,
      title: row.title,
      folder: row.folder,
      unreadCount: row.unread,
      lastFetchedAt: isoOrNull(row.last_fetched_at),
      lastError: row.last_error,
    }));
  }
}
