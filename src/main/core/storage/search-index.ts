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

/** bm25 weights of title, author and text: a word in the title says more about the article. */
const WEIGHTS = '10.0, 2.0, 1.0';
const SNIPPET = `snippet(articles_fts, 2, '${MATCH_START}', '${MATCH_END}', '…', ${SNIPPET_TOKENS})`;

/**
 * Every match ranked: the ranking and the LIMIT run inside FTS5 (its `ORDER BY rank LIMIT`
 * path, which computes the snippet of the best rows only), and only those rows are joined to
 * articles: joining every match first cost 50 ms for a word in a quarter of 100k articles
 * (docs/technotes/benchmark.md). Newer first among equal ranks.
 */
const ARTICLES_SQL = `
  WITH hits AS (
    SELECT rowid, rank, ${SNIPPET} AS snippet
    FROM articles_fts
    WHERE articles_fts MATCH ? AND rank MATCH 'bm25(${WEIGHTS})'
    ORDER BY rank LIMIT ?)
  SELECT a.id AS articleId, a.title AS title, hits.snippet AS snippet
  FROM hits JOIN articles a ON a.id = hits.rowid
  ORDER BY hits.rank, a.sort_at DESC`;

/**
 * The n-th newest match by rowid: FTS5 walks its doclists in rowid order without ranking, so
 * this costs the n steps, not the whole match set.
 */
const NTH_NEWEST_SQL = `
  SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
  ORDER BY rowid DESC LIMIT 1 OFFSET ?`;

/**
 * The newest matches, newest first, without ranking: FTS5 answers ORDER BY rowid DESC from its
 * doclists, and computes the snippets of the rows returned only.
 */
const NEWEST_SQL = `
  WITH hits AS (
    SELECT rowid, ${SNIPPET} AS snippet FROM articles_fts
    WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
  SELECT a.id AS articleId, a.title AS title, hits.snippet AS snippet
  FROM hits JOIN articles a ON a.id = hits.rowid
  ORDER BY hits.rowid DESC`;

/**
 * The best of the matches from rowid ? on, by the same bm25 as ARTICLES_SQL. bm25() in the
 * select list with SQLite's ORDER BY, not FTS5's rank sort: FTS5's sort ranks every match
 * whatever the rowid range (73 ms for a word in half of 100k articles, with the range or
 * without), while here FTS5 visits only the range. No snippet here: SQLite would compute it
 * for every row it sorts.
 */
const RANKED_FROM_SQL = `
  SELECT rowid FROM articles_fts
  WHERE articles_fts MATCH ? AND rowid >= ?
  ORDER BY bm25(articles_fts, ${WEIGHTS}), rowid DESC LIMIT ?`;

/**
 * The snippet of one chosen row: FTS5 seeks to the rowid. Fifty of these cost 1.6 ms for a word
 * in half of 100k articles, against 5.6 ms for one more pass over the range with
 * `rowid IN (…)`.
 */
const SNIPPET_SQL = `
  SELECT ${SNIPPET} FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`;
const TITLES_SQL = `
  SELECT id, title FROM articles WHERE id IN (SELECT value FROM json_each(?))`;

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

interface Titled {
  id: number;
  title: string;
}

/** Queries of the full-text indexes. */
export class SearchIndex {
  constructor(private readonly sql: Connection) {}

  /** Returns the best `limit` articles for the MATCH expression, best first, ranking all. */
  articles(match: string, limit: number): IndexHit[] {
    return this.sql.statement(ARTICLES_SQL).all(match, limit) as IndexHit[];
  }

  /**
   * Returns the rowid of the `n`-th newest article that matches (1 is the newest), or null when
   * fewer match: a bounded probe of the match set's size.
   */
  nthNewestMatch(match: string, n: number): number | null {
    const rowid = this.sql.column(NTH_NEWEST_SQL).get(match, n - 1) as number | undefined;
    return rowid ?? null;
  }

  /** Returns the newest `limit` articles that match, newest (last stored) first, unranked. */
  newestArticles(match: string, limit: number): IndexHit[] {
    return this.sql.statement(NEWEST_SQL).all(match, limit) as IndexHit[];
  }

  /**
   * Returns the best `limit` articles among the matches with an id of `fromId` or more, best
   * first (newer first among equal ranks): a ranking bounded by the range.
   */
  articlesFrom(match: string, fromId: number, limit: number): IndexHit[] {
    const ids = this.sql.column(RANKED_FROM_SQL).all(match, fromId, limit) as number[];
    if (ids.length === 0) return [];
    const titles = this.sql.statement(TITLES_SQL).all(JSON.stringify(ids)) as Titled[];
    const titleOf = new Map(titles.map((row) => [row.id, row.title]));
    const snippet = this.sql.column(SNIPPET_SQL);
    return ids.map((id) => ({
      articleId: id,
      title: titleOf.get(id) ?? '',
      snippet: (snippet.get(match, id) as string | null) ?? null,
    }));
  }

  /** Returns the best `limit` highlights and notes for the MATCH expression, best first. */
  annotations(match: string, limit: number): IndexHit[] {
    return this.sql.statement(ANNOTATIONS_SQL).all(match, limit) as IndexHit[];
  }
}
