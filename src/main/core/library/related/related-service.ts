/**
 * The "related" methods of the Api: related feeds (local ranking, plus the feeds discovered on
 * the article's own and linked sites when a discover function is given) and "More like this".
 * Each computation runs with a SUGGESTION_BUDGET_MS budget, cancelled when a newer call of the
 * same method arrives (the reader moved on to another article: its answer would be dropped).
 */
import { ApiError, type Api } from '../../../../shared/contract';
import type { Store } from '../../storage/store';
import { SUGGESTION_BUDGET_MS, timeBudget, type WorkBudget } from '../work-budget';
import { relatedFeeds } from './related-feeds';
import { relatedArticles } from './related-articles';
import { articleForRelated } from './related-candidates';
import { SiteDiscovery, type SiteDiscoveryOptions } from './related-discovery';
import type { SiteFeeds } from '../../storage/site-feeds-table';

/** What the related methods may use beyond the store. */
export interface RelatedDeps {
  /** Autodiscovery through the app's FetchLimiter; without it, related feeds stay local. */
  discover?: SiteDiscoveryOptions['discover'];
  /** How long feeds.related waits for discoveries, in ms (default 2.5 s). */
  budgetMs?: number;
}

/** Returns the implementations of `feeds.related` and `articles.related`. */
export function relatedService(
  store: Store,
  deps: RelatedDeps = {},
): Pick<Api, 'feeds.related' | 'articles.related'> {
  const discoveredFor = relatedDiscovery(store, deps);
  const feedsCalls = latestCall();
  const articlesCalls = latestCall();
  return {
    'feeds.related': async ({ articleId }) => {
      const budget = feedsCalls.begin();
      const discovered = await discoveredFor(articleId);
      return relatedFeeds(store, articleId, undefined, discovered, budget());
    },
    'articles.related': async ({ id, limit }) =>
      relatedArticles(store, id, limit, articlesCalls.begin()()),
  };
}

/**
 * Returns the main-side half of feeds.related: the feeds known on the article's own and linked
 * sites, discovering stale ones within the budget (no discovery without `discover`). It fetches
 * and writes the site_feeds cache, so it never runs on a read-only reader thread; the ranking
 * does. Throws NOT_FOUND for an unknown article.
 */
export function relatedDiscovery(
  store: Store,
  deps: RelatedDeps = {},
): (articleId: number) => Promise<SiteFeeds[]> {
  const { discover, budgetMs } = deps;
  const sites = discover ? new SiteDiscovery(store, { discover, budgetMs }) : null;
  return async (articleId) => {
    const article = articleForRelated(store, articleId);
    if (!article) throw new ApiError('NOT_FOUND', `There is no article ${articleId}.`);
    return sites ? sites.feedsFor(article) : [];
  };
}

/**
 * Returns a counter of calls: `begin()` marks a new call and returns a function making its
 * budget, which starts when it is made (after any waiting) and is cancelled once a later call
 * has begun.
 */
export function latestCall(): { begin(): () => WorkBudget } {
  let latest = 0;
  return {
    begin() {
      const call = ++latest;
      return () => timeBudget(SUGGESTION_BUDGET_MS, () => call !== latest);
    },
  };
}
