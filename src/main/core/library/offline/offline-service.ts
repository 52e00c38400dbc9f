/** `offline.make`: makes a feed, a folder or some articles available offline, and waits. */
import { ApiError, type Api, type Params } from '../../../../shared/contract';
import type { OfflineResult } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import type { OfflineQueue } from './offline-queue';

/** Returns the implementation of `offline.make` over the background queue. */
export function offlineService(store: Store, queue: OfflineQueue): Pick<Api, 'offline.make'> {
  return { 'offline.make': (params) => makeOffline(store, queue, params) };
}

/**
 * Queues every article of the target (full text when its feed wants it, images whatever the
 * keepImages setting: the request is explicit), waits for them and returns the counts. Progress
 * goes out as `offline` events. Unknown article ids are skipped; an unknown feed is NOT_FOUND.
 */
async function makeOffline(
  store: Store,
  queue: OfflineQueue,
  { feedId, folder, articleIds }: Params<'offline.make'>,
): Promise<OfflineResult> {
  let ids: readonly number[];
  if (articleIds !== undefined) ids = articleIds;
  else if (feedId !== undefined) {
    if (!store.feeds.get(feedId)) throw new ApiError('NOT_FOUND', `There is no feed ${feedId}.`);
    ids = store.offline.articleIds({ feedId });
  } else ids = store.offline.articleIds({ folder: folder as string });
  const results = await queue.make([...new Set(ids)]);
  return {
    articles: results.length,
    images: results.reduce((sum, r) => sum + r.images, 0),
    incomplete: results.filter((r) => !r.complete).length,
  };
}
