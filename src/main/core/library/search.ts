/**
 * Full-text search over the library (articles_fts: title, author, text; unicode61 with
 * diacritics removed: every script folds case, but only Latin letters lose accents). The user's
 * words never reach MATCH as syntax: each becomes a quoted token, the last one a prefix, so
 * `"`, `AND (` or `title:x` are searched as words, never parsed.
 *
 * So Cyrillic ё is not е and Greek ό is not ο: "елка" does not find "ёлка" (a tokenizer
 * change, later, if users ask).
 * CJK: unicode61 has no word breaker for Chinese or Japanese, so a run of ideographs is one
 * token; a query finds it only as the whole run or (last word) its beginning. A trigram index
 * would fix that; not needed yet.
 */
import type Database from 'better-sqlite3';
import type { SearchHit } from '../../../shared/model';
import type { Store } from '../storage/store';
import { escapeHtml } from '../../../shared/html';

/** What to search for; `limit` defaults to 50. */
export interface SearchQuery {
  query: string;
  limit?: number;
}

// Private-use characters mark the match in snippet() so the text can be escaped before the
// markers become <mark>: the renderer shows snippets with {@html}.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKED = new RegExp(`${OPEN}([^${OPEN}${CLOSE}]*)${CLOSE}`, 'g');
const STRAY_MARKERS = new RegExp(`[${OPEN}${CLOSE}]`, 'g');
/** What unicode61 keeps in a token: letters, numbers and combining marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const SNIPPET_TOKENS = 16;
/**
 * Title above author above text: a word in the title says more about the article. The ranking
 * and the LIMIT run inside FTS5 (its `ORDER BY rank LIMIT` path), and only the best rows are
 * joined to articles: joining every match first cost 50 ms for a word in a quarter of 100k
 * articles (docs/technotes/benchmark.md). Newer first among equal ranks.
 */
const ARTICLE_SQL = `
  WITH hits AS (
    SELECT rowid, rank,
      snippet(articles_fts, 2, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
    FROM articles_fts
    WHERE articles_fts MATCH ? AND rank MATCH 'bm25(10.0, 2.0, 1.0)'
    ORDER BY rank LIMIT ?)
  SELECT a.id AS articleId, a.title AS title, hits.snippet AS snippet
  FROM hits JOIN articles a ON a.id = hits.rowid
  ORDER BY hits.rank, a.sort_at DESC`;

const prepared = new WeakMap<Database.Database, Database.Statement<[string, number]>>();

/**
 * Returns the best hits for the user's words, best first, each with an HTML snippet that is
 * escaped text with the matches in <mark>. Words are ANDed; the last matches as a prefix.
 */
export function searchArticles(store: Store, { query, limit = 50 }: SearchQuery): SearchHit[] {
  const match = toMatchExpression(query);
  if (match === null) return [];
  let statement = prepared.get(store.db);
  if (!statement) {
    statement = store.db.prepare(ARTICLE_SQL);
    prepared.set(store.db, statement);
  }
  const rows = statement.all(match, limit) as {
    articleId: number;
    title: string;
    snippet: string;
  }[];
  // Highlights and notes join here as kind 'highlight' and 'note' (the annotations issue).
  return rows.map((row) => ({
    articleId: row.articleId,
    title: row.title,
    snippet: markSnippet(row.snippet ?? ''),
    kind: 'article' as const,
  }));
}

/** Returns a safe FTS5 expression for the user's words, or null when there are none. */
export function toMatchExpression(query: string): string | null {
  const words = query.normalize('NFC').match(WORD);
  if (!words) return null;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

function markSnippet(snippet: string): string {
  return escapeHtml(snippet).replace(MARKED, '<mark>$1</mark>').replace(STRAY_MARKERS, '');
}
