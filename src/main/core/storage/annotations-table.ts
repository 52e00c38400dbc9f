/** Highlights and article notes: what the user wrote, never deleted automatically. */
import type Database from 'better-sqlite3';
import type { ArticleNote, Highlight, HighlightColor } from '../../../shared/model';

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

/** Reads highlights and notes. (Writing them comes with the highlights issue.) */
export class AnnotationsTable {
  constructor(private readonly db: Database.Database) {}

  /** Returns the highlights of one article in reading order. */
  highlightsOf(articleId: number): Highlight[] {
    const rows = this.db
      .prepare(
        `SELECT h.*, a.title AS article_title, a.feed_id FROM highlights h JOIN articles a ON a.id = h.article_id
         WHERE h.article_id = ? ORDER BY h.start, h.id`,
      )
      .all(articleId) as HighlightRow[];
    return rows.map((row) => ({
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
      // Re-anchoring against the current text comes with the highlights issue.
      orphaned: false,
      feedId: row.feed_id,
    }));
  }

  /** Returns the note on one article, or null. */
  noteOf(articleId: number): ArticleNote | null {
    const row = this.db
      .prepare('SELECT article_id, body, updated_at FROM notes WHERE article_id = ?')
      .get(articleId) as { article_id: number; body: string; updated_at: number } | undefined;
    return row
      ? {
          articleId: row.article_id,
          body: row.body,
          updatedAt: new Date(row.updated_at).toISOString(),
        }
      : null;
  }
}
