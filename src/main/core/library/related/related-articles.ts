/**
 * "More like this" under an article: the library's articles that share its key terms, found by
 * FTS5. The terms (terms.ts, as for related feeds) go into MATCH only as quoted strings, each
 * word as the article wrote it, so nothing of the text is ever parsed as query syntax.
 */
import { ApiError } from '../../../../shared/contract';
import type { ArticleSummary } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import { indexedCatalog } from './feed-catalog';
import { idf } from './bm25';
import { keyTerms } from './terms';
import { UNBOUNDED, type WorkBudget } from '../work-budget';

/** How many key terms of the article are searched for. */
const QUERY_TERMS = 30;

/** Returns up to `limit` articles most like article `id`, best first, without it; NOT_FOUND if none. */
export function relatedArticles(
  store: Store,
  id: number,
  limit = 10,
  _budget: WorkBudget = UNBOUNDED,
): ArticleSummary[] {
  const summary = store.articles.summary(id);
  const content = store.articles.content(id);
  if (!summary || !content) throw new ApiError('NOT_FOUND', `There is no article ${id}.`);
  const match = relatedMatchExpression(summary.title, content.text);
  if (match === null) return [];
  return store.articles.summaries(store.search.similar(match, id, limit));
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
