/**
 * How articles are read out of the database for lists: the columns and joins of a summary, the
 * list filters as SQL, the row-to-summary mapping and the paging cursor, shared by the
 * queries of articles-table.ts.
 */
import type { ArticleFilter, ArticleKind, ArticleSummary } from '../../../shared/model';
import { ApiError } from '../../../shared/errors';
import { isoOrNull } from './time';

const EXCERPT_CHARS = 240;

export const SUMMARY_COLUMNS = `
  a.id, a.feed_id, f.title AS feed_title, a.kind, a.url, a.title, a.author, a.published_at,
  a.sort_at, substr(a.text, 1, ${EXCERPT_CHARS}) AS excerpt, g.read_at, g.starred_at,
  a.images_missing IS 0 AS offline_ready`;
/** Read and starred come from article_flags (migration 7), a copy of article_state by article. */
export const SUMMARY_FROM = `
  FROM articles a
  LEFT JOIN feeds f ON f.id = a.feed_id
  LEFT JOIN article_flags g ON g.id = a.id`;

export interface SummaryRow {
  id: number;
  feed_id: number | null;
  feed_title: string | null;
  kind: ArticleKind;
  url: string | null;
  title: string;
  author: string | null;
  published_at: number | null;
  sort_at: number;
  excerpt: string;
  read_at: number | null;
  starred_at: number | null;
  offline_ready: 0 | 1;
}

/**
 * How a list reads each filter: `from` is the driving table and its joins, `where` the
 * filter, `order` the alias whose (sort_at, id) the ORDER BY and the cursor use, so that the
 * index walked gives the order (docs/technotes/storage.md, "Lists and counts at a million
 * articles"). Unread and starred walk article_flags' partial indexes; annotated starts from the
 * few annotated articles and sorts them; the others walk articles' time indexes.
 */
export interface FilterPlan {
  from: string;
  where: string;
  order: 'a' | 'g';
}

const FROM_ARTICLES = `FROM articles a
  LEFT JOIN feeds f ON f.id = a.feed_id
  LEFT JOIN article_flags g ON g.id = a.id`;
// CROSS JOIN keeps the driving table first: SQLite never reorders it.
const FROM_FLAGS = `FROM article_flags g CROSS JOIN articles a ON a.id = g.id
  LEFT JOIN feeds f ON f.id = a.feed_id`;
const FROM_ANNOTATED = `FROM (SELECT article_id AS id FROM highlights
    UNION SELECT article_id FROM notes) t
  CROSS JOIN articles a ON a.id = t.id
  LEFT JOIN feeds f ON f.id = a.feed_id
  LEFT JOIN article_flags g ON g.id = a.id`;

export const FILTER_PLAN: Record<ArticleFilter, FilterPlan> = {
  all: { from: FROM_ARTICLES, where: '1', order: 'a' },
  unread: { from: FROM_FLAGS, where: 'g.read_at IS NULL', order: 'g' },
  starred: { from: FROM_FLAGS, where: 'g.starred_at IS NOT NULL', order: 'g' },
  annotated: { from: FROM_ANNOTATED, where: '1', order: 'a' },
  // The library: articles without a feed (the seed and saved pages), see docs/technotes.
  saved: { from: FROM_ARTICLES, where: 'a.feed_id IS NULL', order: 'a' },
};

/** Returns the Api summary of a summary row. */
export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    feedId: row.feed_id,
    feedTitle: row.feed_title,
    kind: row.kind,
    title: row.title,
    url: row.url,
    author: row.author,
    publishedAt: isoOrNull(row.published_at),
    excerpt: row.excerpt,
    readAt: isoOrNull(row.read_at),
    starredAt: isoOrNull(row.starred_at),
    offlineReady: row.offline_ready === 1,
  };
}

/** Parses a `sortAt.id` cursor; a malformed one is a caller's error. */
export function decodeCursor(cursor: string): { sortAt: number; id: number } {
  const match = /^(-?\d{1,16})\.(\d{1,16})$/.exec(cursor);
  if (!match) throw new ApiError('BAD_REQUEST', `Malformed cursor: ${cursor}`);
  return { sortAt: Number(match[1]), id: Number(match[2]) };
}
