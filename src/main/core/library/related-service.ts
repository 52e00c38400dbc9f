/** The "related" methods of the Api: related feeds and "More like this", both from local data. */
import type { Api } from '../../../shared/contract';
import type { Store } from '../storage/store';
import { relatedFeeds } from './related-feeds';
import { relatedArticles } from './related-articles';

/** Returns the implementations of `feeds.related` and `articles.related`. */
export function relatedService(store: Store): Pick<Api, 'feeds.related' | 'articles.related'> {
  return {
    'feeds.related': async ({ articleId }) => relatedFeeds(store, articleId),
    'articles.related': async ({ id, limit }) => relatedArticles(store, id, limit),
  };
}
