/**
 * Highlights: what the user marked, never deleted automatically. Rows keep the quote, its
 * context and its last known position (W3C TextQuoteSelector + TextPositionSelector); whether
 * it can still be placed is worked out when it is read (library/annotations/reanchor.ts).
 */
import type { Connection } from './connection';
import type { Highlight, HighlightColor } from '../../../shared/model';

/** A highlight as stored: everything the Api shows but `orphaned`, which is computed. */
export type StoredHighlight = Omit<Highlight, 'orphaned'>;

/** What a new highlight holds. */
export interface NewHighlight {
  articleId: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  color: HighlightColor;
  note: string;
  /** Kept when a highlight comes back (an import); now otherwise. */
  createdAt?: number;
  updatedAt?: number;
}

/** Filters of `list`; all optional, ANDed. */
export interface HighlightFilter {
  articleId?: number;
  feedId?: number;
  color?: HighlightColor;
}

interface HighlightRow {
  id: number;
  article_id: number;
  article_title: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  color: HighlightColor;
  note: string;
  created_at: number;
  updated_at: number;
  feed_id: number | null;
}

const SELECT = `SELECT h.*, a.title AS article_title, a.feed_id
  FROM highlights h JOIN articles a ON a.id = h.article_id`;

/** Reads and writes the highlights table. Callers wrap writes in Store.transaction. */
export class HighlightsTable {
  constructor(private readonly sql: Connection) {}

  /** Inserts a highlight and returns its id. */
  create(highlight: NewHighlight, now = Date.now()): number {
    const info = this.sql
      .statement(
        `INSERT INTO highlights (article_id, exact, prefix, suffix, start, "end", color, note,
           created_at, updated_at)
         VALUES (@articleId, @exact, @prefix, @suffix, @start, @end, @color, @note,
           @createdAt, @updatedAt)`,
      )
      .run({
        ...highlight,
        createdAt: highlight.createdAt ?? now,
        updatedAt: highlight.updatedAt ?? highlight.createdAt ?? now,
      });
    return Number(info.lastInsertRowid);
  }

  /** Returns one highlight, or null. */
  get(id: number): StoredHighlight | null {
    const row = this.sql.statement(`${SELECT} WHERE h.id = ?`).get(id) as HighlightRow | undefined;
    return row ? toHighlight(row) : null;
  }

  /**
   * Returns the highlights matching `filter`: one article's in reading order, otherwise newest
   * first (the notebook's order).
   */
  list(filter: HighlightFilter = {}): StoredHighlight[] {
    const where: string[] = [];
    if (filter.articleId !== undefined) where.push('h.article_id = @articleId');
    if (filter.feedId !== undefined) where.push('a.feed_id = @feedId');
    if (filter.color !== undefined) where.push('h.color = @color');
    const order = filter.articleId !== undefined ? 'h.start, h.id' : 'h.created_at DESC, h.id DESC';
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`;
    return (this.sql.statement(sql).all(filter) as HighlightRow[]).map(toHighlight);
  }

  /** Changes colour and/or note; returns false when there is no such highlight. */
  update(id: number, change: { color?: HighlightColor; note?: string }, now = Date.now()): boolean {
    const result = this.sql
      .statement(
        `UPDATE highlights SET color = coalesce(@color, color), note = coalesce(@note, note),
           updated_at = @now WHERE id = @id`,
      )
      .run({ id, color: change.color ?? null, note: change.note ?? null, now });
    return result.changes > 0;
  }

  /**
   * Records where re-anchoring found the quote. Writes only when the position changed, and
   * leaves updated_at alone: the user changed nothing.
   */
  move(id: number, start: number, end: number): void {
    this.sql
      .statement(
        `UPDATE highlights SET start = @start, "end" = @end
         WHERE id = @id AND (start IS NOT @start OR "end" IS NOT @end)`,
      )
      .run({ id, start, end });
  }

  /** Deletes one highlight; returns false when there was none. */
  delete(id: number): boolean {
    return this.sql.statement('DELETE FROM highlights WHERE id = ?').run(id).changes > 0;
  }

  /** True when the article already has a highlight of this quote starting at one of `starts`. */
  exists(articleId: number, exact: string, starts: readonly number[]): boolean {
    return (
      this.sql
        .statement(
          `SELECT 1 FROM highlights WHERE article_id = ? AND exact = ?
             AND start IN (SELECT value FROM json_each(?))`,
        )
        .get(articleId, exact, JSON.stringify(starts)) !== undefined
    );
  }

  /** Returns the current plain text of each of these articles (what highlights anchor in). */
  articleTexts(articleIds: readonly number[]): Map<number, string> {
    const rows = this.sql
      .statement('SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(articleIds)])) as { id: number; text: string }[];
    return new Map(rows.map((row) => [row.id, row.text]));
  }
}

function toHighlight(row: HighlightRow): StoredHighlight {
  return {
    id: row.id,
    articleId: row.article_id,
    articleTitle: row.article_title,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    color: row.color,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    feedId: row.feed_id,
  };
}
