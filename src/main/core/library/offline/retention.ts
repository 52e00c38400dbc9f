/**
 * Retention: read feed articles older than the setting (90 days by default) are deleted, with the
 * images only they used. Nothing the user touched goes: starred, highlighted
 * and noted articles, saved pages and the seed stay whatever their age, and read state outlives
 * the rows (docs/technotes/offline-reading.md, "Retention").
 */
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import { readSettings } from '../settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one retention pass deleted, and the feeds it deleted from. */
export interface RetentionResult {
  deletedArticles: number;
  deletedImages: number;
  feedIds: number[];
}

/**
 * Deletes, in one transaction, the read feed articles whose read time and fetch time are both
 * more than `days` before `now` (0 keeps everything), then every asset no article links to.
 * Returns the counts and the feeds that lost articles.
 */
export function applyRetention(
  store: Store,
  now: number,
  days: number = readSettings(store).retentionDays,
): RetentionResult {
  return store.transaction(() => {
    let deletedArticles = 0;
    let feedIds: number[] = [];
    if (days > 0) {
      ({ deleted: deletedArticles, feedIds } = store.maintenance.deleteExpiredArticles(
        now - days * DAY_MS,
      ));
    }
    // Orphans also come from removed feeds and replaced full texts, so this runs even at 0 days.
    const deletedImages = store.maintenance.deleteOrphanAssets();
    return { deletedArticles, deletedImages, feedIds };
  });
}

/**
 * Runs retention now and tells the windows when it deleted anything; returns the counts. Used by
 * `library.cleanup` and the daily timer.
 */
export function cleanUp(
  store: Store,
  events: EventHub,
  now = Date.now(),
): { deletedArticles: number; deletedImages: number } {
  const { deletedArticles, deletedImages, feedIds } = applyRetention(store, now);
  if (deletedArticles > 0 || deletedImages > 0) {
    for (const feedId of feedIds) events.emit('articles.changed', { feedId });
    events.emit('feeds.changed', { feedIds });
  }
  return { deletedArticles, deletedImages };
}
