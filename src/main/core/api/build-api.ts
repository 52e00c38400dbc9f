/**
 * Assembles the Api from the services. Every method of the contract is present: those not built
 * yet answer NOT_IMPLEMENTED with the issue that brings them, rather than failing obscurely.
 */
import { ApiError, METHODS, type Api, type Method } from '../../../shared/contract';
import type { Store } from '../storage/store';
import type { EventHub } from '../events';
import { articlesService } from '../library/articles-service';
import { feedsService } from '../library/feeds-service';
import { searchArticles } from '../library/search';
import type { Refresher } from '../feeds/refresher';

/** What the services need. */
export interface ApiDeps {
  store: Store;
  events: EventHub;
  refresher: Refresher;
}

/** Which capability brings each method that is not built yet (shown in NOT_IMPLEMENTED). */
const COMING_WITH: Partial<Record<Method, string>> = {
  'articles.fetchFullText': 'offline reading',
  'articles.save': 'offline reading',
  'settings.get': 'offline reading',
  'settings.update': 'offline reading',
  'offline.make': 'offline reading',
  'library.usage': 'offline reading',
  'library.cleanup': 'offline reading',
  'library.compact': 'offline reading',
  'highlights.create': 'highlights and notes',
  'highlights.update': 'highlights and notes',
  'highlights.delete': 'highlights and notes',
  'highlights.list': 'highlights and notes',
  'notes.set': 'highlights and notes',
  'export.markdown': 'highlights and notes',
  'feeds.discover': 'subscriptions',
  'feeds.importOpml': 'subscriptions',
  'feeds.exportOpml': 'subscriptions',
  'feeds.related': 'subscriptions',
};

/** Returns the complete Api: built methods from the services, the rest NOT_IMPLEMENTED. */
export function buildApi({ store, events, refresher }: ApiDeps): Api {
  const built: Partial<Api> = {
    ...feedsService(store, events, refresher),
    ...articlesService(store, events),
    'articles.search': async (params) => searchArticles(store, params),
  };
  const api = {} as Record<Method, (params: never) => Promise<unknown>>;
  for (const method of METHODS) {
    api[method] = (built[method] as (params: never) => Promise<unknown>) ?? notImplemented(method);
  }
  return api as Api;
}

function notImplemented(method: Method): () => Promise<never> {
  const what = COMING_WITH[method] ?? 'a later version';
  return async () => {
    throw new ApiError(
      'NOT_IMPLEMENTED',
      `${method} is not implemented yet (it comes with ${what}).`,
    );
  };
}
