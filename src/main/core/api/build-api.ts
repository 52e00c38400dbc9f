/**
 * Assembles the Api from the services. Every method of the contract is present: those not built
 * yet answer NOT_IMPLEMENTED with the issue that brings them, rather than failing obscurely.
 */
import { ApiError, METHODS, type Api, type Method } from '../../../shared/contract';
import type { Store } from '../storage/store';
import type { EventHub } from '../events';
import { articlesService } from '../library/articles-service';
import { feedsService } from '../library/feeds-service';
import { fullTextService } from '../library/full-text';
import { savePageService } from '../library/save-page';
import { searchArticles } from '../library/search';
import { libraryService } from '../library/library-service';
import type { Refresher } from '../feeds/refresher';
import type { OfflineQueue } from '../library/offline-queue';
import { offlineService } from '../library/offline-service';
import { settingsService } from '../library/settings-service';

/** What the services need. */
export interface ApiDeps {
  store: Store;
  events: EventHub;
  refresher: Refresher;
  /** The background queue of full texts and images (offline.make waits on it). */
  offline: OfflineQueue;
}

/** Which capability brings each method that is not built yet (shown in NOT_IMPLEMENTED). */
const COMING_WITH: Partial<Record<Method, string>> = {
  'highlights.create': 'highlights and notes',
  'highlights.update': 'highlights and notes',
  'highlights.delete': 'highlights and notes',
  'highlights.list': 'highlights and notes',
  'notes.set': 'highlights and notes',
  'export.markdown': 'highlights and notes',
  'notes.list': 'highlights and notes',
  'annotations.exportW3C': 'highlights and notes',
  'annotations.importW3C': 'highlights and notes',
  'folders.rename': 'subscriptions',
  'folders.delete': 'subscriptions',
  'articles.related': 'subscriptions',
  'feeds.discover': 'subscriptions',
  'feeds.importOpml': 'subscriptions',
  'feeds.exportOpml': 'subscriptions',
  'feeds.related': 'subscriptions',
};

/** Returns the complete Api: built methods from the services, the rest NOT_IMPLEMENTED. */
export function buildApi({ store, events, refresher, offline }: ApiDeps): Api {
  // Full text and saved pages keep their images through the queue's limits before answering.
  const pages = { store, events, keepImages: (id: number) => offline.keepImages(id) };
  const built: Partial<Api> = {
    ...feedsService(store, events, refresher),
    ...articlesService(store, events),
    ...fullTextService(pages),
    ...savePageService(pages),
    ...libraryService(store, events),
    'articles.search': async (params) => searchArticles(store, params),
    ...settingsService(store, events),
    ...offlineService(store, offline),
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
