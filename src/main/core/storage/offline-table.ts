/**
 * The queries of offline reading: which stored images an article uses (article_assets), finding
 * stored images by URL so one is never fetched twice, each article's count of images still
 * missing, and what the background queue needs to know of an article.
 */
import type { Connection } from './connection';

/** What the offline queue needs to decide an article's jobs. */
export interface OfflineState {
  articleId: number;
  feedId: number | null;
  /** The feed asks for full text ("always fetch full text"). */
  feedWantsFullText: boolean;
  hasFullText: boolean;
  /** When the full text was last tried (ms), whether it worked or not. */
  fullTextTriedAt: number | null;
  /** NULL until the images were looked at, then how many are not stored. */
  imagesMissing: number | null;
}

/** A stored asset found by URL. */
export interface FoundAsset {
  id: number;
  size: number;
}

/** Reads and writes what makes articles readable offline. */
export class OfflineTable {
  constructor(private readonly sql: Connection) {}

  /** Returns the article's linked images as URL → asset id (one query, for articles.get). */
  storedImages(articleId: number): Map<string, number> {
    const rows = this.sql
      .statement(
        `SELECT s.url, s.id FROM article_assets aa JOIN assets s ON s.id = aa.asset_id
         WHERE aa.article_id = ?`,
      )
      .all(articleId) as { url: string; id: number }[];
    return new Map(rows.map((row) => [row.url, row.id]));
  }

  /** Returns the stored assets among `urls`, by URL. */
  findAssets(urls: readonly string[]): Map<string, FoundAsset> {
    if (urls.length === 0) return new Map();
    const rows = this.sql
      .statement(`SELECT url, id, size FROM assets WHERE url IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(urls)) as { url: string; id: number; size: number }[];
    return new Map(rows.map((row) => [row.url, { id: row.id, size: row.size }]));
  }

  /** Links a stored asset to an article (idempotent); false when the article is gone. */
  link(articleId: number, assetId: number): boolean {
    if (!this.exists(articleId)) return false;
    this.sql
      .statement('INSERT OR IGNORE INTO article_assets (article_id, asset_id) VALUES (?, ?)')
      .run(articleId, assetId);
    return true;
  }

  /** Records how many of the article's images are not stored (0: it reads offline). */
  setImagesMissing(articleId: number, missing: number): void {
    this.sql
      .statement('UPDATE articles SET images_missing = ? WHERE id = ?')
      .run(missing, articleId);
  }

  /** Returns what the queue needs to know of an article, or null when it is gone. */
  state(articleId: number): OfflineState | null {
    const row = this.sql
      .statement(
        `SELECT a.id AS articleId, a.feed_id AS feedId, coalesce(f.full_text, 0) AS wants,
           a.full_text_html IS NOT NULL AS hasFullText, a.full_text_at AS fullTextTriedAt,
           a.images_missing AS imagesMissing
         FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?`,
      )
      .get(articleId) as
      | (Omit<OfflineState, 'feedWantsFullText' | 'hasFullText'> & {
          wants: 0 | 1;
          hasFullText: 0 | 1;
        })
      | undefined;
    if (!row) return null;
    const { wants, hasFullText, ...rest } = row;
    return { ...rest, feedWantsFullText: wants === 1, hasFullText: hasFullText === 1 };
  }

  /** Returns the ids of a feed's articles, or of every feed's in a folder, newest first. */
  articleIds(scope: { feedId: number } | { folder: string }): number[] {
    const sql =
      'feedId' in scope
        ? 'SELECT id FROM articles WHERE feed_id = ? ORDER BY sort_at DESC, id DESC'
        : `SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.folder = ?
           ORDER BY a.sort_at DESC, a.id DESC`;
    const value = 'feedId' in scope ? scope.feedId : scope.folder;
    return this.sql.column(sql).all(value) as number[];
  }

  /** True when the article exists. */
  exists(articleId: number): boolean {
    return this.sql.statement('SELECT 1 FROM articles WHERE id = ?').get(articleId) !== undefined;
  }
}
