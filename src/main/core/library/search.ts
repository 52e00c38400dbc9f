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
 *
 * At a million articles, ranking every match is what costs (bm25 reads each match's length:
 * ~1 µs a match), and so is a prefix that begins many words (FTS5 merges all their doclists
 * before the first row). So when the words as typed, the last one whole, already match more
 * than SEARCH_BOUNDS.rankedAtMost articles, the last word is taken whole and only the newest of
 * those matches are ranked; a partial word that matches more than SEARCH_BOUNDS.unrankedPast
 * only as a prefix shows its newest matches; below that, every match of the prefix is ranked as
 * always, so a small library gets the same results as before (docs/technotes/search.md).
 */
import type { HighlightColor, SearchHit } from '../../../shared/model';
import type { Store } from '../storage/store';
import { MATCH_END, MATCH_START, type IndexHit } from '../storage/search-index';
import { escapeHtml } from '../../../shared/html';

/** How much of a large match set is ranked (docs/technotes/search.md says how they were chosen). */
export interface SearchBounds {
  /** Past this many matches for the words as typed, the best of the newest this many are shown. */
  rankedAtMost: number;
  /** Past this many matches of the prefix alone, its newest matches are shown unranked. */
  unrankedPast: number;
}

/** The bounds the app searches with. */
export const SEARCH_BOUNDS: SearchBounds = { rankedAtMost: 2000, unrankedPast: 20_000 };

/** What to search for; `limit` defaults to 50. */
export interface SearchQuery {
  query: string;
  limit?: number;
}

const MARKED = new RegExp(`${MATCH_START}([^${MATCH_START}${MATCH_END}]*)${MATCH_END}`, 'g');
const STRAY_MARKERS = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g');
/** What unicode61 keeps in a token: letters, numbers and combining marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Returns the best hits for the user's words, best first, each with an HTML snippet that is
 * escaped text with the matches in <mark>. Words are ANDed; the last matches as a prefix.
 * Articles come first, then highlights and notes (which keep at least a quarter of `limit`).
 */
export function searchArticles(
  store: Store,
  { query, limit = 50 }: SearchQuery,
  bounds = SEARCH_BOUNDS,
): SearchHit[] {
  const match = toMatchExpression(query);
  if (match === null) return [];
  const articles = articleHits(store, { query, match, limit }, bounds);
  const annotations = store.search.annotations(match, limit);
  const reserved = Math.min(annotations.length, Math.ceil(limit / 4));
  const shown = articles.slice(0, limit - reserved);
  const rows: IndexHit[] = [...shown, ...annotations.slice(0, limit - shown.length)];
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

/**
 * Returns the best article hits: of the newest `rankedAtMost` matches of the words as typed when
 * more match; else the newest matches of `match` when more than `unrankedPast` match it; else
 * the best of every match of `match`.
 */
function articleHits(
  store: Store,
  { query, match, limit }: { query: string; match: string; limit: number },
  { rankedAtMost, unrankedPast }: SearchBounds,
): IndexHit[] {
  const { search } = store;
  const whole = toMatchExpression(query, { prefix: false }) as string;
  const from = search.nthNewestMatch(whole, rankedAtMost);
  if (from !== null) return search.articlesFrom(whole, from, limit);
  // A partial word (rare as typed) that begins common words: ranking it would merge and rank
  // every match, so the newest come first.
  if (search.nthNewestMatch(match, unrankedPast) !== null) {
    return search.newestArticles(match, limit);
  }
  return search.articles(match, limit);
}

/**
 * Returns a safe FTS5 expression for the user's words, or null when there are none. The last
 * word matches as a prefix unless `prefix` is false.
 */
export function toMatchExpression(query: string, { prefix = true } = {}): string | null {
  const words = query.normalize('NFC').match(WORD);
  if (!words) return null;
  const star = (i: number): string => (prefix && i === words.length - 1 ? '*' : '');
  return words.map((word, i) => `"${word}"${star(i)}`).join(' ');
}

function markSnippet(snippet: string): string {
  return escapeHtml(snippet).replace(MARKED, '<mark>$1</mark>').replace(STRAY_MARKERS, '');
}
