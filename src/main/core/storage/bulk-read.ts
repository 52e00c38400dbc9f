/**
 * Mark all read at a million articles (docs/technotes/storage.md, "Marking many read"): the
 * unread articles of a scope marked in set-based statements instead of one trigger cascade per
 * article, which cost ~8 µs an article (300k took 2.8 s).
 */
import type { Connection } from './connection';

/** Which unread articles markAllRead marks: see ArticlesTable.markAllRead. */
export interface MarkAllScope {
  feedId?: number;
  limit?: number;
  throughId?: number;
}

/**
 * From this many unread articles in a whole-library mark on, the two unread indexes are dropped
 * and made again instead of losing an entry per article: making them reads the narrow flags once
 * (~0.1 s at 1M), taking 300k entries out one at a time cost ~0.5 s.
 */
const REINDEX_FROM = 50_000;

/** The unread indexes as migration 7 made them (dropped and made again by a big mark). */
const UNREAD_INDEXES = `
  CREATE INDEX article_flags_unread ON article_flags (sort_at) WHERE read_at IS NULL;
  CREATE INDEX article_flags_unread_by_feed ON article_flags (feed_id, sort_at)
  WHERE read_at IS NULL;`;

/**
 * Marks the unread articles of `scope` read in one transaction and returns how many it marked.
 * With `limit`, the newest `limit` of them (a range of the unread index). `reindexFrom` is for
 * tests, which cannot afford 50,000 articles.
 */
export function markAllReadInBulk(
  sql: Connection,
  scope: MarkAllScope,
  now: number,
  reindexFrom = REINDEX_FROM,
): number {
  if (scope.limit !== undefined && scope.limit <= 0) return 0;
  const where = ['g.read_at IS NULL'];
  if (scope.feedId !== undefined) where.push('g.feed_id = @feedId');
  // "+" keeps SQLite on the unread index instead of a rowid range over every article.
  if (scope.throughId !== undefined) where.push('+g.id <= @throughId');
  const params: Record<string, unknown> = {
    now,
    feedId: scope.feedId ?? null,
    throughId: scope.throughId ?? null,
  };
  return sql.transaction(() => {
    if (scope.limit !== undefined) {
      // The chunk is the newest `limit`: everything from the limit-th newest on, a range of
      // the unread index that the statements below all read alike.
      const edge = sql
        .statement(
          `SELECT g.sort_at AS sortAt, g.id AS id FROM article_flags g
           WHERE ${where.join(' AND ')} ORDER BY g.sort_at DESC, g.id DESC LIMIT 1 OFFSET @skip`,
        )
        .get({ ...params, skip: scope.limit - 1 }) as { sortAt: number; id: number } | undefined;
      if (edge) {
        where.push('g.sort_at >= @edgeSortAt AND (g.sort_at > @edgeSortAt OR g.id >= @edgeId)');
        Object.assign(params, { edgeSortAt: edge.sortAt, edgeId: edge.id });
      }
    }
    const whole = scope.feedId === undefined && scope.limit === undefined;
    return whole && unreadCount(sql) >= reindexFrom
      ? markReindexing(sql, where.join(' AND '), params)
      : markAlongIndex(sql, where.join(' AND '), params);
  });
}

/** Returns how many feed articles are unread (the counters' sum: ~1,000 rows). */
function unreadCount(sql: Connection): number {
  return sql.column('SELECT coalesce(sum(unread_count), 0) FROM feeds').get() as number;
}

/**
 * Marks the unread articles `where` selects (article_flags as `g`) along the unread index:
 * the counters once per feed, the state rows in uid order (neighbours share pages), then the
 * flags, with the per-row triggers set aside (migration 8). Returns how many it marked.
 */
function markAlongIndex(sql: Connection, where: string, params: Record<string, unknown>): number {
  return inBulk(sql, () => {
    sql
      .statement(
        `UPDATE feeds SET unread_count = unread_count - m.marked
         FROM (SELECT g.feed_id, count(*) AS marked FROM article_flags g
               WHERE ${where} AND g.feed_id IS NOT NULL GROUP BY g.feed_id) AS m
         WHERE feeds.id = m.feed_id`,
      )
      .run(params);
    const marked = insertState(sql, where, params);
    sql.statement(`UPDATE article_flags AS g SET read_at = @now WHERE ${where}`).run(params);
    return marked;
  });
}

/**
 * Marks a large part of the whole library read: the flags read in rowid order (one pass over
 * the narrow table rather than a random probe per unread article) with the unread indexes
 * dropped meanwhile and made again after, and the counters recounted from the new index.
 */
function markReindexing(sql: Connection, where: string, params: Record<string, unknown>): number {
  // "+" on read_at: the flags are read in rowid order, not through the index being dropped.
  const scan = where.replace('g.read_at IS NULL', '+g.read_at IS NULL');
  return inBulk(sql, () => {
    const marked = insertState(sql, scan, params);
    sql.db.exec('DROP INDEX article_flags_unread; DROP INDEX article_flags_unread_by_feed;');
    sql.statement(`UPDATE article_flags AS g SET read_at = @now WHERE ${scan}`).run(params);
    sql.db.exec(UNREAD_INDEXES);
    sql
      .statement(
        `UPDATE feeds SET unread_count = (SELECT count(*) FROM article_flags g
           WHERE g.feed_id = feeds.id AND g.read_at IS NULL)
         WHERE unread_count > 0`,
      )
      .run();
    return marked;
  });
}

/** Writes the read time of the articles `where` selects into article_state, in uid order. */
function insertState(sql: Connection, where: string, params: Record<string, unknown>): number {
  return sql
    .statement(
      `INSERT INTO article_state (uid, read_at)
       SELECT g.uid, @now FROM article_flags g WHERE ${where} ORDER BY g.uid
       ON CONFLICT (uid) DO UPDATE SET read_at = excluded.read_at`,
    )
    .run(params).changes;
}

/**
 * Runs `fn` with bulk_state_change's row in place, so the per-row state triggers stand aside
 * (migration 8); the caller's transaction guarantees the row never outlives it.
 */
function inBulk<T>(sql: Connection, fn: () => T): T {
  sql.statement('INSERT INTO bulk_state_change (id) VALUES (1)').run();
  const result = fn();
  sql.statement('DELETE FROM bulk_state_change').run();
  return result;
}
