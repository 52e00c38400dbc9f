/**
 * The "related" methods of the Api: related feeds (local ranking, plus the feeds discovered on
 * the article's own and linked sites when a discover function is given) and "More like this".
 */
import { ApiError, type Api } from '../../../../shared/contract';
import type { Store } from '../../storage/store';
import { relatedFeeds } from './related-feeds';
import { relatedArticles } from './related-articles';
import { articleForRelated } from './related-candidates';
import { SiteDiscovery, type SiteDiscoveryOptions } from './related-discovery';

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
  const { discover, budgetMs } = deps;
  const sites = discover ? new SiteDiscovery(store, { discover, budgetMs }) : null;
  return {
    'feeds.related': async ({ articleId }) => {
      const article = articleForRelated(store, articleId);
      if (!article) throw new ApiError('NOT_FOUND', `There is no article ${articleId}.`);
      const discovered = sites ? await sites.feedsFor(article) : [];
      return relatedFeeds(store, articleId, undefined, discovered);
    },
    'articles.related': async ({ id, limit }) => relatedArticles(store, id, limit),
  };
}
