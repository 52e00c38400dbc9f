/** The feed methods of the Api: subscribe (with the first fetch), list, rename, remove, refresh. */
import { ApiError, type Api, type Params } from '../../../shared/contract';
import type { Feed } from '../../../shared/model';
import type { EventHub } from '../events';
import type { Store } from '../storage/store';
import { storeFeedUpdate } from '../storage/feed-update';
import type { Refresher } from '../feeds/refresher';
import { nextFetchAt } from '../feeds/schedule';

type FeedMethods = 'feeds.list' | 'feeds.add' | 'feeds.update' | 'feeds.remove' | 'feeds.refresh';

/** Returns the implementations of the feed methods. */
export function feedsService(
  store: Store,
  events: EventHub,
  refresher: Refresher,
): Pick<Api, FeedMethods> {
  return {
    'feeds.list': async () => store.feeds.list(),
    'feeds.add': (params) => addFeed(store, events, refresher, params),
    'feeds.update': async ({ id, title, folder, fullText }) => {
      if (!store.feeds.update(id, { title, folder, fullText })) throw noFeed(id);
      events.emit('feeds.changed', { feedIds: [id] });
      return store.feeds.get(id) as Feed;
    },
    'feeds.remove': async ({ id }) => {
      if (!store.feeds.remove(id)) throw noFeed(id);
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

/**
 * Subscribes to a feed URL: the first fetch is done before replying, so the answer is either a
 * feed with its articles or a clear error (NOT_A_FEED for a web page, FETCH_FAILED, TIMEOUT,
 * TOO_LARGE, PARSE_FAILED), and nothing is stored on error.
 */
async function addFeed(
  store: Store,
  events: EventHub,
  refresher: Refresher,
  { url, folder }: Params<'feeds.add'>,
): Promise<Feed> {
  refuseDuplicate(store, url);
  const { fetched, feed, bodyHash } = await refresher.fetchNew(url);
  // A feed that moved for good (301/308) is stored under its new address.
  const finalUrl = fetched.permanentUrl ?? url;
  const at = Date.now();
  let stored: number[] = [];
  const id = store.transaction(() => {
    refuseDuplicate(store, finalUrl);
    const feedId = store.feeds.insert(
      { url: finalUrl, title: feed.title, siteUrl: feed.siteUrl, folder: folder?.trim() || null },
      at,
    );
    stored = storeFeedUpdate(store, feedId, feed, at).newArticleIds;
    store.feeds.recordFetch(feedId, {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      bodyHash,
      fetchedAt: at,
      nextFetchAt: nextFetchAt({
        now: at,
        ttlMinutes: feed.ttlMinutes,
        maxAgeSeconds: fetched.maxAgeSeconds,
      }),
    });
    return feedId;
  });
  events.emit('feeds.changed', { feedIds: [id] });
  events.emit('articles.changed', { feedId: id });
  // Their full text and images are fetched in the background, after this reply.
  refresher.announceStored(id, stored);
  return store.feeds.get(id) as Feed;
}

function refuseDuplicate(store: Store, url: string): void {
  const existing = store.feeds.byUrl(url);
  if (existing) {
    throw new ApiError('CONFLICT', `You already follow ${existing.title || url}.`, {
      feedId: existing.id,
    });
  }
}

function noFeed(id: number): ApiError {
  return new ApiError('NOT_FOUND', `There is no feed ${id}.`);
}
