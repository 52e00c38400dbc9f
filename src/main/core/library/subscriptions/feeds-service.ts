/**
 * The feed methods of the Api: discover, subscribe (subscribe.ts), list, rename, move, remove,
 * refresh.
 */
import { ApiError, type Api } from '../../../../shared/contract';
import type { Feed } from '../../../../shared/model';
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import { discoverFeeds } from '../../feeds/discover';
import type { Refresher } from '../refresh/refresher';
import { subscribe } from './subscribe';
import { removeFeedInSteps } from './remove-feed';

type FeedMethods =
  'feeds.list' | 'feeds.add' | 'feeds.update' | 'feeds.remove' | 'feeds.refresh' | 'feeds.discover';

/** Returns the implementations of the feed methods. */
export function feedsService(
  store: Store,
  events: EventHub,
  refresher: Refresher,
): Pick<Api, FeedMethods> {
  return {
    'feeds.list': async () => store.feeds.list(),
    'feeds.add': (params) => subscribe({ store, events, refresher }, params),
    'feeds.discover': ({ url }) => discoverFeeds(url, refresher.net),
    'feeds.update': async ({ id, title, folder, fullText }) => {
      // A blank folder name is no folder: the feed moves to the top level.
      const inFolder = folder === undefined ? undefined : folder?.trim() || null;
      if (!store.feeds.update(id, { title, folder: inFolder, fullText })) throw noFeed(id);
      events.emit('feeds.changed', { feedIds: [id] });
      return store.feeds.get(id) as Feed;
    },
    'feeds.remove': async ({ id }) => {
      if (!store.feeds.get(id)) throw noFeed(id);
      if (!(await removeFeedInSteps(store, id))) throw noFeed(id);
      events.emit('feeds.changed', { feedIds: [id] });
      events.emit('articles.changed', { feedId: id });
      return { ok: true };
    },
    'feeds.refresh': async ({ id }) => {
      if (id !== undefined && !store.feeds.get(id)) throw noFeed(id);
      return refresher.refreshMany(id === undefined ? undefined : [id]);
    },
  };
}

function noFeed(id: number): ApiError {
  return new ApiError('NOT_FOUND', `There is no feed ${id}.`);
}
