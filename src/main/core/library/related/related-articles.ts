/**
 * "More like this" under an article: the library's articles that share its key terms, found by
 * FTS5. The terms (terms.ts, as for related feeds) go into MATCH only as quoted strings, each
 * word as the article wrote it, so nothing of the text is ever parsed as query syntax.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../../shared/contract';
import type { ArticleSummary } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import { indexedCatalog } from './feed-catalog';
import { idf } from './bm25';
import { keyTerms } from './terms';

/** How many key terms of the article are searched for. */
const QUERY_TERMS = 30;
/**
 * The text is what "like this" is about; a shared title word still says more than one more
 * mention in a long text, the author (a shared byline) little.
 */
const RELATED_SQL = `
  SELECT rowid AS id FROM articles_fts
  WHERE articles_fts MATCH ? AND rowid != ? AND rank MATCH 'bm25(3.0, 0.5, 1.0)'
  ORDER BY rank LIMIT ?`;

const prepared = new WeakMap<Database.Database, Database.Statement<[string, number, number]>>();

/** Returns up to `limit` articles most like article `id`, best first, without it; NOT_FOUND if none. */
export function relatedArticles(store: Store, id: number, limit = 10): ArticleSummary[] {
  const summary = store.articles.summary(id);
  const content = store.articles.content(id);
  if (!summary || !content) throw new ApiError('NOT_FOUND', `There is no article ${id}.`);
  const match = relatedMatchExpression(summary.title, content.text);
  if (match === null) return [];
  let statement = prepared.get(store.db);
  if (!statement) {
    statement = store.db.prepare(RELATED_SQL);
    prepared.set(store.db, statement);
  }
  const rows = statement.all(match, id, limit) as { id: number }[];
  return store.articles.summaries(rows.map((row) => row.id));
}

/**
 * Returns an FTS5 OR expression of the article's key terms, or null when it has none. Each term
 * is searched in every form the article used ("relations" and "relation"), since the index
 * does not stem. Rarity comes from the feed catalog, a general news vocabulary; a term it lacks
 * counts as rare (the library's own bm25 then weighs it).
 */
export function relatedMatchExpression(title: string, text: string): string | null {
  const catalog = indexedCatalog();
  const n = catalog.entries.length;
  const terms = keyTerms(title, text, (term) => idf(n, catalog.df.get(term) ?? 0), QUERY_TERMS);
  const forms = new Set(terms.flatMap((t) => [t.term, ...t.forms]));
  if (forms.size === 0) return null;
  return [...forms].map((form) => `"${form.replace(/"/g, '""')}"`).join(' OR ');
}
