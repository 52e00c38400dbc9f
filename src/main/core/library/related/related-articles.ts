/**
 * "More like this" under an article: the library's articles that share its most distinctive
 * words, ranked by FTS5's bm25. Bounded work (docs/technotes/related-feeds.md, "Bounded work"):
 * the words are chosen by their rarity in the library itself, each read with a bounded
 * statement; the query's postings are capped; the scoring runs a few words at a time, rarest
 * first, and stops when the budget is spent with the best ranking so far. Read-only throughout.
 */
import { ApiError } from '../../../../shared/contract';
import type { ArticleSummary } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import { UNBOUNDED, type WorkBudget } from '../work-budget';
import { idf } from './bm25';
import { anyOf, type LibraryVocabulary } from './library-vocabulary';
import { suggestionCache, textFingerprint } from './suggestion-cache';
import { articleTerms, rankTerms, type ArticleTerm, type KeyTerm } from './terms';

/** How many key terms are searched for at most. */
const QUERY_TERMS = 30;
/** How many of the article's words have their rarity looked up, most used first. */
const LOOKUP_TERMS = 300;
/**
 * How much of a bounded call the look-ups may take (about 0.2 ms a word not seen before at 1M
 * articles): the scoring needs the rest of the budget, and its first steps (the rarest words)
 * are what make the answer.
 */
const LOOKUP_MS = 50;
/**
 * Postings (article, word) the scoring may read in all, and for one word: what bounds its work
 * at any library size (about 1 µs a posting at 100k articles, 3 µs at 1M). A word in more
 * articles than TERM_POSTINGS is never searched (at 1M articles, one in a hundred: not what
 * makes an article distinctive); the rarer key terms fill the query.
 */
const MAX_POSTINGS = 24_000;
const TERM_POSTINGS = 10_000;
/** Postings per scoring statement: the budget is checked between statements. */
const STEP_POSTINGS = 2_000;
/** Terms per scoring statement: bm25 reads every phrase of the query for each matching row. */
const STEP_TERMS = 6;

/** The ranking and whether all of it was done (only a whole answer is cached). */
interface Ranking {
  ids: number[];
  complete: boolean;
}

/**
 * Returns up to `limit` articles most like article `id`, best first, without it; NOT_FOUND if
 * none. With a budget, stops once it is spent and returns the best found so far (maybe none).
 */
export function relatedArticles(
  store: Store,
  id: number,
  limit = 10,
  budget: WorkBudget = UNBOUNDED,
): ArticleSummary[] {
  const summary = store.articles.summary(id);
  const content = store.articles.content(id);
  if (!summary || !content) throw new ApiError('NOT_FOUND', `There is no article ${id}.`);
  const cache = suggestionCache(store);
  const key = `${id}:${limit}:${textFingerprint(summary.title, content.text)}`;
  const cached = cache.articles.get(key);
  if (cached) return store.articles.summaries(cached);
  const terms = articleTerms(summary.title, content.text);
  const ranking = rankSimilar(store, cache.vocabulary, id, terms, limit, budget);
  if (ranking.complete) cache.articles.set(key, ranking.ids);
  return store.articles.summaries(ranking.ids);
}

/** Ranks the library against the article's terms within the budget. */
function rankSimilar(
  store: Store,
  vocabulary: LibraryVocabulary,
  id: number,
  terms: readonly ArticleTerm[],
  limit: number,
  budget: WorkBudget,
): Ranking {
  const { query, complete: looked } = distinctiveTerms(vocabulary, terms, budget);
  const scores = new Map<number, number>();
  let complete = looked;
  for (const step of steps(query)) {
    if (budget.spent()) {
      complete = false;
      break;
    }
    for (const [rowid, score] of store.suggestions.scores(anyOf(step), id))
      scores.set(rowid, (scores.get(rowid) ?? 0) + score);
  }
  return { ids: best(scores, limit), complete };
}

/** Returns the `limit` ids of highest score (newer first among equals), without sorting all. */
function best(scores: ReadonlyMap<number, number>, limit: number): number[] {
  const top: [number, number][] = [];
  if (limit <= 0) return [];
  const better = (a: [number, number], b: [number, number]) =>
    a[1] > b[1] || (a[1] === b[1] && a[0] > b[0]);
  for (const entry of scores) {
    if (top.length === limit && !better(entry, top[top.length - 1] as [number, number])) continue;
    let i = top.length === limit ? limit - 1 : top.length;
    while (i > 0 && better(entry, top[i - 1] as [number, number])) {
      top[i] = top[i - 1] as [number, number];
      i--;
    }
    top[i] = entry;
  }
  return top.map(([id]) => id);
}

/** A key term with the articles it is in (its forms' together, this one left out). */
type QueryTerm = KeyTerm & { postings: number };

/**
 * Returns the article's key terms by their rarity in the library, within MAX_POSTINGS, and
 * whether every word was looked up. A word only this article has matches nothing else: out.
 */
function distinctiveTerms(
  vocabulary: LibraryVocabulary,
  terms: readonly ArticleTerm[],
  budget: WorkBudget,
): { query: QueryTerm[]; complete: boolean } {
  const others = new Map<string, number>();
  let complete = true;
  const until = budget === UNBOUNDED ? Infinity : performance.now() + LOOKUP_MS;
  for (const term of terms.slice(0, LOOKUP_TERMS)) {
    const known = term.forms.every((form) => vocabulary.has(form));
    if (!known && (budget.spent() || performance.now() >= until)) {
      complete = false;
      continue; // the words already known still count
    }
    let count = 0;
    for (const form of term.forms) count += Math.max(0, vocabulary.df(form) - 1);
    others.set(term.term, count);
  }
  const n = vocabulary.size;
  const rarity = (term: string) => {
    const count = others.get(term);
    return count === undefined || count === 0 ? null : idf(n, Math.min(n, count + 1));
  };
  const query: QueryTerm[] = [];
  let postings = 0;
  for (const term of rankTerms(terms, rarity, terms.length)) {
    const cost = (others.get(term.term) as number) + 1;
    if (cost > TERM_POSTINGS || postings + cost > MAX_POSTINGS) continue;
    postings += cost;
    query.push({ ...term, postings: cost });
    if (query.length >= QUERY_TERMS) break;
  }
  return { query, complete };
}

/** Returns the query's forms in statements of about STEP_POSTINGS postings, rarest first. */
function steps(query: readonly QueryTerm[]): string[][] {
  const out: string[][] = [];
  let step: string[] = [];
  let postings = 0;
  let terms = 0;
  for (const term of [...query].sort((a, b) => a.postings - b.postings)) {
    if (terms > 0 && (postings + term.postings > STEP_POSTINGS || terms >= STEP_TERMS)) {
      out.push(step);
      [step, postings, terms] = [[], 0, 0];
    }
    step.push(...term.forms);
    postings += term.postings;
    terms++;
  }
  if (step.length > 0) out.push(step);
  return out;
}
