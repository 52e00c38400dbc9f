/** Article notes: one Markdown note per article, never deleted automatically. */
import type { Connection } from './connection';
import type { ArticleNote, ListedNote } from '../../../shared/model';

interface NoteRow {
  article_id: number;
  body: string;
  updated_at: number;
}

/** Reads and writes the notes table. Callers wrap writes in Store.transaction. */
export class NotesTable {
  constructor(private readonly sql: Connection) {}

  /** Returns the note on one article, or null. */
  get(articleId: number): ArticleNote | null {
    const row = this.sql
      .statement('SELECT article_id, body, updated_at FROM notes WHERE article_id = ?')
      .get(articleId) as NoteRow | undefined;
    return row ? toNote(row) : null;
  }

  /** Writes the note of an article (creating or replacing it) and returns it. */
  set(articleId: number, body: string, now = Date.now()): ArticleNote {
    this.sql
      .statement(
        `INSERT INTO notes (article_id, body, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET body = excluded.body,
           updated_at = excluded.updated_at`,
      )
      .run(articleId, body, now);
    return { articleId, body, updatedAt: new Date(now).toISOString() };
  }

  /** Deletes the note of an article; returns false when there was none. */
  delete(articleId: number): boolean {
    return this.sql.statement('DELETE FROM notes WHERE article_id = ?').run(articleId).changes > 0;
  }

  /** Returns every note with its article's title and feed, most recently edited first. */
  list(): ListedNote[] {
    const rows = this.sql
      .statement(
        `SELECT n.article_id, n.body, n.updated_at, a.title, a.feed_id
         FROM notes n JOIN articles a ON a.id = n.article_id
         ORDER BY n.updated_at DESC, n.article_id DESC`,
      )
      .all() as (NoteRow & { title: string; feed_id: number | null })[];
    return rows.map((row) => ({ ...toNote(row), articleTitle: row.title, feedId: row.feed_id }));
  }
}

function toNote(row: NoteRow): ArticleNote {
  return {
    articleId: row.article_id,
    body: row.body,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
