/**
 * Storing a feed's articles in short transactions, the event loop turning between them: the one
 * writer is the main thread, and a 60,000-item feed stored in one transaction kept every Api call
 * waiting 14.6 s (issue 11). Each transaction takes about STEP_MS (in-steps.ts); what ends the update (the
 * fetch record with its body hash) goes into the last one, so a refresh cut short (Folio closed,
 * the machine slept) is simply stored again next time: articles are upserted by uid. A big feed
 * comes in batches from the pipeline (storeBatches), each stored as it comes.
 */
import type { ArticleUpdate, FeedUpdate, FeedUpdateResult } from '../../storage/feed-update';
import type { Store } from '../../storage/store';
import type { WriteGate } from '../write-gate';
import { inSteps } from '../in-steps';

/** What may stop or hold an update between its transactions. */
export interface ChunkOptions {
  /** Aborted when the app closes: nothing more is written. */
  closing?: AbortSignal;
  /** Waited for before each transaction (a compaction on a thread). */
  gate?: WriteGate;
}

/** Some of a feed's articles, in the document's order; `last` holds the document's first. */
export interface ArticleBatch {
  articles: ArticleUpdate[];
  last: boolean;
}

/**
 * Stores `update` for feed `feedId` and returns the ids it added and changed in the feed's
 * order, or null when `closing` stopped it. `last` runs inside the final transaction.
 */
export async function storeInChunks(
  store: Store,
  feedId: number,
  update: FeedUpdate,
  at: number,
  last: () => void,
  options: ChunkOptions = {},
): Promise<FeedUpdateResult | null> {
  // An identity repeated in the document counts once, its first (newest) occurrence: as
  // FeedUpdates.apply does within one call, here across the chunks too.
  const seen = new Set<string>();
  const articles = update.articles.filter((a) => !seen.has(a.identity) && seen.add(a.identity));
  const { title, siteUrl, ttlMinutes } = update;
  const batch = { articles, last: true };
  return storeBatches(
    store,
    feedId,
    { title, siteUrl, ttlMinutes },
    async () => batch,
    at,
    last,
    options,
  );
}

/**
 * Stores a feed that comes in batches (a big feed's, as the pipeline normalizes it): `next`
 * gives them from the document's end to its start, each identity once, and each is stored in
 * short transactions as it comes, so the main thread never holds all of a 35 MB feed's
 * articles. Returns as storeInChunks does; rejects with `next`'s error, leaving the batches
 * already stored (without the fetch record: the next refresh stores the feed again).
 */
export async function storeBatches(
  store: Store,
  feedId: number,
  feed: Omit<FeedUpdate, 'articles'>,
  next: () => Promise<ArticleBatch>,
  at: number,
  last: () => void,
  options: ChunkOptions = {},
): Promise<FeedUpdateResult | null> {
  // From the end: apply() inserts last first (undated articles keep the document's order by
  // their ids), so the chunks go last first as well.
  const parts: FeedUpdateResult[] = [];
  for (;;) {
    const batch = await next();
    const { articles } = batch;
    let end = articles.length;
    const done = await inSteps(
      (size) => {
        const start = Math.max(0, end - size);
        const part = store.transaction(() => {
          const result = store.feedUpdates.apply(
            feedId,
            { ...feed, articles: articles.slice(start, end) },
            at,
          );
          if (start === 0 && batch.last) last();
          return result;
        });
        parts.unshift(part);
        end = start;
        return end === 0;
      },
      { stopped: () => options.closing?.aborted === true, gate: options.gate },
    );
    if (!done) return null;
    if (batch.last) break;
  }
  return {
    newArticleIds: parts.flatMap((p) => p.newArticleIds),
    updatedArticleIds: parts.flatMap((p) => p.updatedArticleIds),
  };
}
