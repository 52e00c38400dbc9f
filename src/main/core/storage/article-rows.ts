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
  a.sort_at, substr(a.text, 1, ${EXCERPT_CHARS}) AS excerpt, s.read_at, s.starred_at,
  a.images_missing IS 0 AS offline_ready`;
export const SUMMARY_FROM = `
  FROM articles a
  LEFT JOIN feeds f ON f.id = a.feed_id
  LEFT JOIN article_state s ON s.uid = a.uid`;

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

export const FILTER_SQL: Record<ArticleFilter, string> = {
  all: '1',
  unread: 's.read_at IS NULL',
  starred: 's.starred_at IS NOT NULL',
  annotated:
    '(EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id) OR EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id))',
  // The library: articles without a feed (the seed and saved pages), see docs/technotes.
  saved: 'a.feed_id IS NULL',
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
