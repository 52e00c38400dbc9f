/**
 * Housekeeping queries: retention's deletes, the orphaned-asset sweep, space used per source and
 * compacting the file. Policy (which age, when to run) lives in library/offline/retention.ts and
 * library/offline/usage.ts; these only run SQL (docs/technotes/offline-reading.md, "Retention").
 */
import { statSync } from 'node:fs';
import type { SourceUsage } from '../../../shared/model';
import type { Connection } from './connection';

/**
 * An article nothing protects: a feed article, read, whose read time and fetch time are both
 * before @cutoff, neither starred nor highlighted nor noted. Driven from article_flags (narrow
 * rows holding read and starred): only the articles read before the cutoff are looked up in
 * the wide articles rows, not every read article at every run.
 */
const EXPIRED_SQL = `
  SELECT a.id, a.feed_id AS feedId
  FROM article_flags g CROSS JOIN articles a ON a.id = g.id
  WHERE g.id BETWEEN @fromId AND @toId
    AND g.read_at < @cutoff AND g.starred_at IS NULL AND g.feed_id IS NOT NULL
    AND a.fetched_at < @cutoff AND a.kind = 'feed'
    AND NOT EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)`;

const ORPHAN_ASSETS_SQL = `
  DELETE FROM assets WHERE id IN (
    SELECT x.id FROM assets x
    WHERE NOT EXISTS (SELECT 1 FROM article_assets l WHERE l.asset_id = x.id))`;

/**
 * Text and image bytes per source (see usageBySource), from source_usage: the sums migration 7's
 * triggers keep as articles, links and assets change, so nothing here scans the articles.
 */
const USAGE_SQL = `
  WITH sources AS (
    SELECT id AS feed_id, coalesce(custom_title, title) AS title FROM feeds
    UNION ALL SELECT NULL, 'Library')
  SELECT s.feed_id AS feedId, s.title, coalesce(u.articles, 0) AS articles,
    coalesce(u.text_bytes, 0) AS textBytes, coalesce(u.image_bytes, 0) AS imageBytes
  FROM sources s
  LEFT JOIN source_usage u ON u.source = coalesce(s.feed_id, 0)
  ORDER BY textBytes + imageBytes DESC, s.title COLLATE NOCASE, s.feed_id`;

/** Retention's deletes, the orphaned-asset sweep, space used, and compacting. */
export class Maintenance {
  constructor(private readonly sql: Connection) {}

  /**
   * Deletes the expired articles (see EXPIRED_SQL) among ids `fromId`–`toId` (all by default; a
   * range is one step of a pass in steps) and returns how many and from which feeds.
   * Their article_state rows stay: an article that reappears in its feed is still read. The FTS
   * and unread-count triggers and article_assets' cascade follow the deletes. Call in a
   * transaction.
   */
  deleteExpiredArticles(
    cutoff: number,
    ids: { fromId: number; toId: number } = { fromId: 0, toId: Number.MAX_SAFE_INTEGER },
  ): { deleted: number; feedIds: number[] } {
    const rows = this.sql.statement(EXPIRED_SQL).all({ cutoff, ...ids }) as {
      id: number;
      feedId: number;
    }[];
    if (rows.length === 0) return { deleted: 0, feedIds: [] };
    const result = this.sql
      .statement('DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(rows.map((row) => row.id)));
    const feedIds = [...new Set(rows.map((row) => row.feedId))].sort((a, b) => a - b);
    return { deleted: result.changes, feedIds };
  }

  /**
   * Deletes assets no article links to any more (after retention, a removed feed, a replaced
   * full text) and returns how many. SQLite takes the ids from the url index (a covering scan),
   * not the table, whose leaf pages hold the start of each image's bytes.
   */
  deleteOrphanAssets(): number {
    return this.sql.statement(ORPHAN_ASSETS_SQL).run().changes;
  }

  /**
   * Returns the space used by each feed and by the library (feedId null, title "Library"),
   * largest first. Text bytes are UTF-8 bytes of content_html, full_text_html and text. An
   * image shared by several articles counts once, for the source of the article with the lowest
   * id that links it, so the sources add up to the total. Kept up to date by triggers
   * (source_usage), so this reads ~1,000 rows whatever the library's size.
   */
  usageBySource(): SourceUsage[] {
    return this.sql.statement(USAGE_SQL).all() as SourceUsage[];
  }

  /** Returns the bytes the database takes: its pages plus the WAL file beside it (if any). */
  databaseBytes(): number {
    const { db } = this.sql;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return pages * pageSize + this.#walBytes();
  }

  /**
   * Checkpoints the WAL into the file, rewrites the file without free pages (VACUUM) and
   * checkpoints again: in WAL mode VACUUM writes the new pages to the WAL, and only the second
   * checkpoint shrinks the file. Returns the bytes (file + WAL) before and after. VACUUM fails
   * inside a transaction, so a caller that holds one gets an error rather than a half-done job.
   */
  compact(): { beforeBytes: number; afterBytes: number } {
    const { db } = this.sql;
    if (db.inTransaction) throw new Error('Cannot compact the database inside a transaction.');
    const beforeBytes = this.#fileBytes();
    db.pragma('wal_checkpoint(TRUNCATE)');
    // A library made before incremental vacuum is switched to it by this one full VACUUM.
    db.pragma('auto_vacuum = INCREMENTAL');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { beforeBytes, afterBytes: this.#fileBytes() };
  }

  /**
   * True when free pages can be given back step by step (auto_vacuum = INCREMENTAL: every
   * library created since issue 11, and any other after its first full compact).
   */
  get incremental(): boolean {
    return this.sql.db.pragma('auto_vacuum', { simple: true }) === 2;
  }

  /**
   * Gives back up to `pages` free pages (moving pages from the end of the file into free ones,
   * then truncating it) and returns how many free pages are left. One short write transaction.
   */
  vacuumStep(pages: number): number {
    const { db } = this.sql;
    db.pragma(`incremental_vacuum(${Math.max(1, Math.floor(pages))})`);
    return db.pragma('freelist_count', { simple: true }) as number;
  }

  /**
   * Checkpoints the WAL into the file: TRUNCATE (after a compaction's steps) waits for readers
   * and empties the WAL file; PASSIVE (the reader thread's periodic one) copies what it can
   * without waiting for anyone.
   */
  checkpoint(mode: 'PASSIVE' | 'TRUNCATE' = 'TRUNCATE'): void {
    this.sql.db.pragma(`wal_checkpoint(${mode})`);
  }

  /**
   * Sets after how many WAL pages a commit checkpoints by itself (SQLite's default 1,000; 0 never):
   * the app turns it off on the main thread's connection while a reader thread checkpoints.
   */
  autoCheckpoint(pages: number): void {
    this.sql.db.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(pages))}`);
  }

  /** Returns the bytes of the main file plus the WAL (what a compaction reports). */
  fileBytes(): number {
    return this.#fileBytes();
  }

  /** The main file's size plus the WAL's; page count × size for an in-memory database. */
  #fileBytes(): number {
    const { db } = this.sql;
    if (db.memory) return this.databaseBytes();
    return sizeOf(db.name) + this.#walBytes();
  }

  #walBytes(): number {
    const { db } = this.sql;
    return db.memory ? 0 : sizeOf(`${db.name}-wal`);
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // no WAL file (checkpointed and truncated, or never written)
  }
}
