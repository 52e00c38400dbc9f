/**
 * Retention: read feed articles older than the setting (90 days by default) are deleted, with the
 * images only they used. Nothing the user touched goes: starred, highlighted
 * and noted articles, saved pages and the seed stay whatever their age, and read state outlives
 * the rows (docs/technotes/offline-reading.md, "Retention").
 */
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import { readSettings } from '../settings';
import { inSteps, type StepOptions } from '../in-steps';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Article ids looked at per unit of step size: most ids of a range are not expired (or no
 * longer exist), and looking one up in article_flags costs far less than deleting one.
 */
const IDS_PER_STEP_UNIT = 8;

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
 * Returns what applyRetention returns, deleting in steps of a range of article ids (in-steps.ts)
 * with the event loop turning between them: one DELETE of hundreds of thousands of articles (each
 * with its full-text entries) held the app for seconds. Returns null when `stopped()` cut it short
 * (what was deleted stays deleted; the next pass goes on).
 */
export async function applyRetentionInSteps(
  store: Store,
  now: number,
  days: number = readSettings(store).retentionDays,
  options: StepOptions = {},
): Promise<RetentionResult | null> {
  let deletedArticles = 0;
  const feedIds = new Set<number>();
  if (days > 0) {
    const cutoff = now - days * DAY_MS;
    const lastId = store.articles.maxId();
    let fromId = 0;
    const done = await inSteps((size) => {
      const toId = fromId + size * IDS_PER_STEP_UNIT - 1;
      const step = store.transaction(() =>
        store.maintenance.deleteExpiredArticles(cutoff, { fromId, toId }),
      );
      deletedArticles += step.deleted;
      for (const id of step.feedIds) feedIds.add(id);
      fromId = toId + 1;
      return fromId > lastId;
    }, options);
    if (!done) return null;
  }
  const deletedImages = store.transaction(() => store.maintenance.deleteOrphanAssets());
  return { deletedArticles, deletedImages, feedIds: [...feedIds].sort((a, b) => a - b) };
}

/**
 * Runs retention now, in steps, and tells the windows when it deleted anything; returns the
 * counts (zero when `stopped()` cut it short). Used by `library.cleanup` and the daily timer.
 */
export async function cleanUp(
  store: Store,
  events: EventHub,
  now = Date.now(),
  options: StepOptions = {},
): Promise<{ deletedArticles: number; deletedImages: number }> {
  const result = await applyRetentionInSteps(store, now, undefined, options);
  if (!result) return { deletedArticles: 0, deletedImages: 0 };
  const { deletedArticles, deletedImages, feedIds } = result;
  if (deletedArticles > 0 || deletedImages > 0) {
    for (const feedId of feedIds) events.emit('articles.changed', { feedId });
    events.emit('feeds.changed', { feedIds });
  }
  return { deletedArticles, deletedImages };
}
