/**
 * The full-text indexes' queries (articles_fts: title, author, text; annotations_fts: highlights'
 * quotes and notes, article notes). Callers give a MATCH expression they built safely
 * (library/search.ts); what to search for and how to show the hits is theirs, the SQL is here.
 * "More like this" has its own bounded queries (suggestion-queries.ts).
 */
import type { Connection } from './connection';

/**
 * Private-use characters that mark the matched words in a snippet, so that the caller can
 * escape the text before turning them into <mark> (the renderer shows snippets with {@html}).
 */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
const SNIPPET_TOKENS = 16;

/**
 * Title above author above text: a word in the title says more about the article. The ranking
 * and the LIMIT run inside FTS5 (its `ORDER BY rank LIMIT` path), and only the best rows are
 * joined to articles: joining every match first cost 50 ms for a word in a quarter of 100k
 * articles (docs/technotes/benchmark.md). Newer first among equal ranks.
 */
const ARTICLES_SQL = `
  WITH hits AS (
    SELECT rowid, rank,
      snippet(articles_fts, 2, '${MATCH_START}', '${MATCH_END}', '…', ${SNIPPET_TOKENS}) AS snippet
    FROM articles_fts
    WHERE articles_fts MATCH ? AND rank MATCH 'bm25(10.0, 2.0, 1.0)'
    ORDER BY rank LIMIT ?)
  SELECT a.id AS articleId, a.title AS title, hits.snippet AS snippet
  FROM hits JOIN articles a ON a.id = hits.rowid
  ORDER BY hits.rank, a.sort_at DESC`;

/**
 * The best highlights and notes, ranked inside FTS5 as above. The rowid says which table a hit
 * is from (a highlight's id * 2, a note's article_id * 2 + 1); snippet() takes the column that
 * matched best, the quote or the note.
 */
const ANNOTATIONS_SQL = `
  WITH hits AS (
    SELECT rowid, rank,
      snippet(annotations_fts, -1, '${MATCH_START}', '${MATCH_END}', '…', ${SNIPPET_TOKENS}) AS snippet
    FROM annotations_fts
    WHERE annotations_fts MATCH ?
    ORDER BY rank LIMIT ?)
  SELECT a.id AS articleId, a.title AS title, hits.snippet AS snippet,
    CASE WHEN h.id IS NOT NULL THEN 'highlight' ELSE 'note' END AS kind,
    h.id AS highlightId, h.color AS color
  FROM hits
  LEFT JOIN highlights h ON hits.rowid % 2 = 0 AND h.id = hits.rowid / 2
  LEFT JOIN notes n ON hits.rowid % 2 = 1 AND n.article_id = hits.rowid / 2
  JOIN articles a ON a.id = coalesce(h.article_id, n.article_id)
  ORDER BY hits.rank, hits.rowid DESC`;

/** One hit, with its snippet marked by MATCH_START and MATCH_END. */
export interface IndexHit {
  articleId: number;
  title: string;
  snippet: string | null;
  /** Set on annotation hits only. */
  kind?: 'highlight' | 'note';
  highlightId?: number | null;
  color?: string | null;
}

/** Queries of the full-text indexes. */
export class SearchIndex {
  constructor(private readonly sql: Connection) {}

  /** Returns the best `limit` articles for the MATCH expression, best first. */
  articles(match: string, limit: number): IndexHit[] {
    return this.sql.statement(ARTICLES_SQL).all(match, limit) as IndexHit[];
  }

  /** Returns the best `limit` highlights and notes for the MATCH expression, best first. */
  annotations(match: string, limit: number): IndexHit[] {
    return this.sql.statement(ANNOTATIONS_SQL).all(match, limit) as IndexHit[];
  }
}
