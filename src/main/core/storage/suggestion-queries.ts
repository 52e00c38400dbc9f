/**
 * The SQL of suggestion work ("More like this", related feeds: library/related/): reads of the
 * full-text index that are each bounded, so that work with a time budget can stop between them
 * (docs/technotes/related-feeds.md, "Bounded work"). Read-only: it runs on the reader pool's
 * read-only connections as well as on the writer's.
 */
import type { Connection } from './connection';

/**
 * The first `LIMIT` articles holding a word, in rowid order (FTS5's doclist order, read lazily):
 * how many there are, and the rowid of the last one. Reading stops at the limit, so a word in
 * every article costs no more than a rare one; the last rowid tells how densely it occurs.
 */
const TERM_SAMPLE_SQL = `
  SELECT count(*) AS count, max(rowid) AS lastId FROM (
    SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`;

/** Both ends of the rowid b-tree: two seeks (min and max together would scan). */
const ID_RANGE_SQL = `
  SELECT (SELECT min(id) FROM articles) AS firstId, (SELECT max(id) FROM articles) AS lastId`;

/**
 * Every article matching some of the query's words, with its score: FTS5's bm25 is a sum over
 * the query's phrases, so the scores of queries over disjoint word sets add up to the score of
 * one query over them all, and the work can go a few words at a time. Weights as search's, the
 * text counting most: it is what "like this" is about; a shared byline says little.
 */
const SCORES_SQL = `
  SELECT rowid, -rank FROM articles_fts
  WHERE articles_fts MATCH ? AND rowid != ? AND rank MATCH 'bm25(3.0, 0.5, 1.0)'`;

/** The statements above, for the test that reads their query plans. */
export const SUGGESTION_SQL = {
  termSample: TERM_SAMPLE_SQL,
  idRange: ID_RANGE_SQL,
  scores: SCORES_SQL,
} as const;

/** How often a word occurs among the articles, as far as a bounded read saw. */
export interface TermSample {
  /** Articles holding it that were read: all of them when below the limit asked. */
  count: number;
  /** The rowid of the last one read, null when none holds it. */
  lastId: number | null;
}

/** The rowids of the first and last article, null when the library is empty. */
export interface IdRange {
  firstId: number | null;
  lastId: number | null;
}

/** Bounded reads of the full-text index for suggestions. */
export class SuggestionQueries {
  constructor(private readonly sql: Connection) {}

  /** Returns how many of the first `limit` articles in rowid order match `match` (one word). */
  termSample(match: string, limit: number): TermSample {
    return this.sql.statement(TERM_SAMPLE_SQL).get(match, limit) as TermSample;
  }

  /** Returns the rowids of the first and last article. */
  idRange(): IdRange {
    return this.sql.statement(ID_RANGE_SQL).get() as IdRange;
  }

  /**
   * Returns [articleId, score] for every article matching `match` but `exceptId`, higher
   * better, unordered. Its cost is the matching articles' count: the caller bounds it.
   */
  scores(match: string, exceptId: number): [number, number][] {
    return this.sql.statement(SCORES_SQL).raw(true).all(match, exceptId) as [number, number][];
  }
}
