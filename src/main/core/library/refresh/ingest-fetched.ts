/**
 * One fetched answer of a subscribed feed into the store (docs/technotes/refresh.md, "One
 * feed"): a 304, or the body of last time, only records the fetch; anything else is parsed, then
 * its articles are stored in short transactions as the pipeline hands them over in batches
 * (store-in-chunks.ts) with the fetch record in the last, so the body hash is never kept without
 * the articles it gave.
 */
import { createHash } from 'node:crypto';
import type { EventHub } from '../../events';
import type { FeedFetchState } from '../../storage/feeds-table';
import type { Store } from '../../storage/store';
import type { FeedBytesMeta } from '../../feeds/pipeline';
import { articleBatchesOf, feedHeadUpdateOf } from './feed-update-of';
import { storeBatches } from './store-in-chunks';
import type { WriteGate } from '../write-gate';
import { nextFetchAt } from '../../feeds/schedule';
import type { FeedInBatches } from '../../feeds/types';
import type { FetchOutcome } from '../../net/types';

/** The outcome of refreshing one feed. */
export interface FeedRefreshOutcome {
  feedId: number;
  newArticles: number;
  /** False when the feed was unchanged (304 or same body). */
  changed: boolean;
  error: { code: string; message: string } | null;
}

/** What ingesting needs from the Refresher. */
export interface IngestDeps {
  store: Store;
  events: EventHub;
  now: () => number;
  /** The pipeline; it may empty `bytes` (a big body is handed to its worker): hash them first. */
  parse: (bytes: Uint8Array, meta: FeedBytesMeta, now: number) => Promise<FeedInBatches>;
  /** Told the ids of new and updated articles after the store. */
  announceStored: (feedId: number, articleIds: number[]) => void;
  /** Aborted when the app closes: nothing is written after that. */
  closing: AbortSignal;
  /** Waited for before writing (a compaction on a thread holds it). */
  gate?: WriteGate;
}

/**
 * Records a fetch of the feed `state` describes and stores what it brought; returns the outcome.
 * Rejects with the parse's ApiError (NOT_A_FEED, PARSE_FAILED) for the caller to keep; one that
 * comes while the batches are stored leaves those stored, without the fetch record.
 */
export async function ingestFetched(
  deps: IngestDeps,
  state: FeedFetchState,
  outcome: FetchOutcome,
): Promise<FeedRefreshOutcome> {
  const { store, events, now, parse, closing } = deps;
  if (closing.aborted) return stopped(state.id);
  const at = now();
  const record = {
    etag: outcome.etag,
    lastModified: outcome.lastModified,
    url: outcome.permanentUrl,
    fetchedAt: at,
  };
  // A 304, or the body of last time (NetNewsWire's AvoidFeedParsing): nothing to parse.
  const bodyHash =
    outcome.status === 'not-modified'
      ? state.bodyHash
      : (outcome.bodyHash ?? hashBody(outcome.bytes));
  if (outcome.status === 'not-modified' || bodyHash === state.bodyHash) {
    await deps.gate?.idle();
    if (closing.aborted) return stopped(state.id);
    store.feeds.recordFetch(state.id, {
      ...record,
      bodyHash,
      nextFetchAt: nextFetchAt({
        now: at,
        ttlMinutes: state.ttlMinutes,
        maxAgeSeconds: outcome.maxAgeSeconds,
      }),
    });
    return { feedId: state.id, newArticles: 0, changed: false, error: null };
  }
  const feed = await parse(
    outcome.bytes,
    { url: outcome.finalUrl, contentType: outcome.contentType },
    at,
  );
  let stored;
  try {
    if (closing.aborted) return stopped(state.id);
    stored = await storeBatches(
      store,
      state.id,
      feedHeadUpdateOf(feed.head),
      articleBatchesOf(feed),
      at,
      () =>
        store.feeds.recordFetch(state.id, {
          ...record,
          bodyHash,
          title: feed.head.title,
          siteUrl: feed.head.siteUrl,
          nextFetchAt: nextFetchAt({
            now: at,
            ttlMinutes: feed.head.ttlMinutes,
            maxAgeSeconds: outcome.maxAgeSeconds,
          }),
        }),
      { closing, gate: deps.gate },
    );
  } finally {
    // Stopped or failed half way: the worker is told to drop the rest.
    feed.cancel();
  }
  if (!stored) return stopped(state.id);
  const changedIds = [...stored.newArticleIds, ...stored.updatedArticleIds];
  if (changedIds.length > 0) {
    events.emit('articles.changed', { feedId: state.id, articleIds: changedIds });
    deps.announceStored(state.id, changedIds);
  }
  return {
    feedId: state.id,
    newArticles: stored.newArticleIds.length,
    changed: true,
    error: null,
  };
}

/** Returns the outcome of a refresh cut short by the app closing. */
export function stopped(feedId: number): FeedRefreshOutcome {
  const error = { code: 'UNAVAILABLE', message: 'Folio is closing: the refresh was stopped.' };
  return { feedId, newArticles: 0, changed: false, error };
}

/**
 * Returns the hash that tells an unchanged body without parsing it: SHA-256, base64url, as
 * fetchFeed computes it while the body arrives (FetchedBody.bodyHash).
 */
export function hashBody(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}
