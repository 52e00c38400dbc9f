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
 *
 * Highlights (quote and note) and article notes are searched in annotations_fts (migration 5,
 * same tokenizer) and come back as kind 'highlight' and 'note' after the articles: bm25 scores
 * of two indexes are not comparable, and the list the hits go into is the article list. So that
 * a common word cannot crowd out the user's own words, they keep a quarter of the limit when
 * they have that many hits (docs/technotes/highlights-and-notes.md).
 */
import type Database from 'better-sqlite3';
import type { HighlightColor, SearchHit } from '../../../shared/model';
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

/**
 * The best highlights and notes, ranked inside FTS5 as above. The rowid says which table a hit
 * is from (a highlight's id * 2, a note's article_id * 2 + 1); snippet() takes the column that
 * matched best, the quote or the note.
 */
const ANNOTATION_SQL = `
  WITH hits AS (
    SELECT rowid, rank,
      snippet(annotations_fts, -1, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
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

type Statements = Record<'articles' | 'annotations', Database.Statement<[string, number]>>;
const prepared = new WeakMap<Database.Database, Statements>();

/**
 * Returns the best hits for the user's words, best first, each with an HTML snippet that is
 * escaped text with the matches in <mark>. Words are ANDed; the last matches as a prefix.
 * Articles come first, then highlights and notes (which keep at least a quarter of `limit`).
 */
export function searchArticles(store: Store, { query, limit = 50 }: SearchQuery): SearchHit[] {
  const match = toMatchExpression(query);
  if (match === null) return [];
  let statements = prepared.get(store.db);
  if (!statements) {
    statements = {
      articles: store.db.prepare(ARTICLE_SQL),
      annotations: store.db.prepare(ANNOTATION_SQL),
    };
    prepared.set(store.db, statements);
  }
  const articles = statements.articles.all(match, limit) as Row[];
  const annotations = statements.annotations.all(match, limit) as Row[];
  const reserved = Math.min(annotations.length, Math.ceil(limit / 4));
  const shown = articles.slice(0, limit - reserved);
  const rows = [...shown, ...annotations.slice(0, limit - shown.length)];
  return rows.map((row) => {
    const hit: SearchHit = {
      articleId: row.articleId,
      title: row.title,
      snippet: markSnippet(row.snippet ?? ''),
      kind: row.kind ?? 'article',
    };
    if (row.highlightId != null) {
      hit.highlightId = row.highlightId;
      hit.color = row.color as HighlightColor;
    }
    return hit;
  });
}

interface Row {
  articleId: number;
  title: string;
  snippet: string | null;
  kind?: 'highlight' | 'note';
  highlightId?: number | null;
  color?: string | null;
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
