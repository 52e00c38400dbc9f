/**
 * What the user wrote on articles: highlights and article notes, never deleted automatically
 * (no cascade from articles: deleting an annotated article fails instead). Each table's queries
 * live in its own module; this groups them under `store.annotations`.
 */
import type { Connection } from './connection';
import type { ArticleNote } from '../../../shared/model';
import { HighlightsTable, type StoredHighlight } from './highlights-table';
import { NotesTable } from './notes-table';

/** Highlights and notes. */
export class AnnotationsTable {
  readonly highlights: HighlightsTable;
  readonly notes: NotesTable;

  constructor(private readonly sql: Connection) {
    this.highlights = new HighlightsTable(sql);
    this.notes = new NotesTable(sql);
  }

  /** Returns the ids of the articles that have highlights or a note, in id order. */
  annotatedArticleIds(): number[] {
    const rows = this.sql
      .statement('SELECT article_id AS id FROM highlights UNION SELECT article_id FROM notes')
      .all() as { id: number }[];
    return rows.map((row) => row.id);
  }

  /** Returns an article's stable uid (what an export names a library article by), or null. */
  uidOf(articleId: number): string | null {
    const row = this.sql.statement('SELECT uid FROM articles WHERE id = ?').get(articleId) as
      { uid: string } | undefined;
    return row?.uid ?? null;
  }

  /**
   * Returns, for each of these uids and URLs, the ids of the articles an imported annotation
   * may belong to (one page may be in two feeds), oldest first. One pass over articles for all
   * of them: there is no index on url.
   */
  articlesFor(uids: readonly string[], urls: readonly string[]): Map<string, number[]> {
    const rows = this.sql
      .statement(
        `SELECT id, uid AS key FROM articles WHERE uid IN (SELECT value FROM json_each(@uids))
         UNION ALL
         SELECT id, url FROM articles WHERE url IN (SELECT value FROM json_each(@urls))
         ORDER BY id`,
      )
      .all({ uids: JSON.stringify(uids), urls: JSON.stringify(urls) }) as {
      id: number;
      key: string;
    }[];
    const found = new Map<string, number[]>();
    for (const row of rows) found.set(row.key, [...(found.get(row.key) ?? []), row.id]);
    return found;
  }

  /**
   * Returns the highlights of one article in reading order, as stored (not re-anchored: the
   * Api reads them through library/annotations/reanchor.ts).
   */
  highlightsOf(articleId: number): StoredHighlight[] {
    return this.highlights.list({ articleId });
  }

  /** Returns the note on one article, or null. */
  noteOf(articleId: number): ArticleNote | null {
    return this.notes.get(articleId);
  }
}
