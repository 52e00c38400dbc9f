/**
 * Refreshes feeds: fetch (through the app's Net, within its limiter) -> ingestFetched (skip when
 * unchanged, else parse, in a worker thread when the app gives a PipelinePool's, and store), or
 * the failure kept on the feed with when to try again. One feed's failure never stops the others.
 */
import { ApiError } from '../../../../shared/errors';
import type { RefreshResult } from '../../../../shared/model';
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import type { FeedFetchState } from '../../storage/feeds-table';
import { discoverFeeds } from '../../feeds/discover';
import { fetchFeed } from '../../feeds/fetch-feed';
import { hostOf } from '../../net/fetch-limiter';
import type { Net } from '../../net/net';
import type { FetchedBody, FetchOutcome } from '../../net/types';
import { feedInBatches, type FeedBytesMeta } from '../../feeds/pipeline';
import { nextFetchAt } from '../../feeds/schedule';
import {
  hashBody,
  ingestFetched,
  stopped,
  type FeedRefreshOutcome,
  type IngestDeps,
} from './ingest-fetched';
import type { FeedInBatches } from '../../feeds/types';
import { WriteGate } from '../write-gate';

/** What the refresher works with; `now` is the real clock except in tests. */
export interface RefresherDeps {
  store: Store;
  events: EventHub;
  /** The app's way to the web; its limiter is shared with autodiscovery. */
  net: Net;
  now?: () => number;
  /**
   * Decode -> parse -> normalize -> sanitize of a fetched body, handed over in batches:
   * feedInBatches in-process by default; the app passes PipelinePool's, which runs it in a
   * worker thread (and may take a big body's bytes: they are hashed before).
   */
  parse?: (bytes: Uint8Array, meta: FeedBytesMeta, now: number) => Promise<FeedInBatches>;
  /** Where writes wait while an old library is compacted on a thread (default: never held). */
  gate?: WriteGate;
  /** Told the ids of new and updated articles after each store (the offline queue's hook). */
  onArticlesStored?: (feedId: number, articleIds: number[]) => void;
}

export type { FeedRefreshOutcome } from './ingest-fetched';

/** Refreshes one feed or all within the Net's limiter; a feed already being refreshed is joined. */
export class Refresher {
  readonly #deps: Required<RefresherDeps>;
  readonly #inFlight = new Map<number, Promise<FeedRefreshOutcome>>();
  /** Aborted by close(): fetches in flight stop, and nothing more is written. */
  readonly #closing = new AbortController();
  readonly #ingestDeps: IngestDeps;

  constructor(deps: RefresherDeps) {
    this.#deps = {
      now: Date.now,
      parse: feedInBatches,
      onArticlesStored: () => undefined,
      gate: new WriteGate(),
      ...deps,
    };
    this.#ingestDeps = {
      ...this.#deps,
      announceStored: (feedId, articleIds) => this.announceStored(feedId, articleIds),
      closing: this.#closing.signal,
    };
  }

  /**
   * Stops refreshing, for the app closing its store: fetches in flight are cancelled, and
   * refreshes still running write nothing more (not even an error on their feed: the feed did
   * nothing wrong) and end with UNAVAILABLE.
   */
  close(): void {
    this.#closing.abort();
  }

  /** The Net every fetch goes through; autodiscovery shares it to stay polite per host. */
  get net(): Net {
    return this.#deps.net;
  }

  /** Refreshes one feed; never throws for the feed's own failures (they are in `error`). */
  refreshFeed(feedId: number): Promise<FeedRefreshOutcome> {
    const running = this.#inFlight.get(feedId);
    if (running) return running;
    const job = this.#refresh(feedId).finally(() => this.#inFlight.delete(feedId));
    this.#inFlight.set(feedId, job);
    return job;
  }

  /**
   * Refreshes the given feeds (all when omitted) concurrently within the limiter, emitting
   * `refresh` progress after each, and `articles.changed` when anything new arrived.
   */
  async refreshMany(feedIds?: number[]): Promise<RefreshResult> {
    const { store, events } = this.#deps;
    const ids = feedIds ?? store.feeds.list().map((feed) => feed.id);
    let done = 0;
    events.emit('refresh', { done, total: ids.length, feedId: null });
    const outcomes = await Promise.all(
      ids.map(async (id) => {
        const outcome = await this.refreshFeed(id);
        done++;
        events.emit('refresh', { done, total: ids.length, feedId: id });
        return outcome;
      }),
    );
    const result: RefreshResult = { feeds: ids.length, newArticles: 0, errors: [] };
    for (const outcome of outcomes) {
      result.newArticles += outcome.newArticles;
      if (outcome.error) result.errors.push({ feedId: outcome.feedId, ...outcome.error });
    }
    events.emit('feeds.changed', { feedIds: ids });
    return result;
  }

  /**
   * Fetches and parses a feed that is not stored yet (a new subscription), within the limiter;
   * its items are the caller's to take in batches (and to cancel if it stops). Throws ApiError
   * (FETCH_FAILED, TIMEOUT, TOO_LARGE, NOT_A_FEED, PARSE_FAILED).
   */
  async fetchNew(
    url: string,
  ): Promise<{ fetched: FetchedBody; feed: FeedInBatches; bodyHash: string }> {
    const { net, now, parse } = this.#deps;
    const signal = this.#closing.signal;
    const fetched = await net.limiter.run(hostOf(url), () => fetchFeed(net.get, { url, signal }));
    if (fetched.status !== 'ok')
      throw new ApiError('FETCH_FAILED', `${url} answered 304 to a first fetch.`);
    // Hashed first (fetchFeed hashes as the body arrives): parsing may hand a big body to the
    // pipeline's worker, leaving it empty.
    const bodyHash = fetched.bodyHash ?? hashBody(fetched.bytes);
    const feed = await parse(
      fetched.bytes,
      { url: fetched.finalUrl, contentType: fetched.contentType },
      now(),
    );
    return { fetched, feed, bodyHash };
  }

  /** Tells the onArticlesStored hook about stored articles; a failing hook never fails a refresh. */
  announceStored(feedId: number, articleIds: number[]): void {
    try {
      this.#deps.onArticlesStored(feedId, articleIds);
    } catch (error) {
      console.error('[refresh] onArticlesStored failed:', error);
    }
  }

  async #refresh(feedId: number): Promise<FeedRefreshOutcome> {
    const { store, events, net, now } = this.#deps;
    if (this.#closing.signal.aborted) return stopped(feedId);
    const state = store.feeds.fetchState(feedId);
    if (!state) throw new ApiError('NOT_FOUND', `There is no feed ${feedId}.`);
    try {
      const outcome = await net.limiter.run(hostOf(state.url), () => this.#fetch(state));
      // Awaited here, so that a body that fails to parse is this feed's error like a failed
      // fetch (a bare `return` let it escape the catch and fail the whole refresh).
      return await ingestFetched(this.#ingestDeps, state, outcome);
    } catch (error) {
      const rediscovered = await this.#rediscover(state, error);
      if (rediscovered) return rediscovered;
      await this.#deps.gate.idle();
      if (this.#closing.signal.aborted) return stopped(feedId);
      const failure = asApiError(error);
      const details = failure.details as { retryAfterSeconds?: number } | undefined;
      const at = now();
      store.feeds.recordError(feedId, {
        code: failure.code,
        message: failure.message,
        at,
        nextFetchAt: nextFetchAt({
          now: at,
          errorCount: state.errorCount + 1,
          retryAfterSeconds: details?.retryAfterSeconds ?? null,
        }),
      });
      events.emit('feeds.changed', { feedIds: [feedId] });
      return {
        feedId,
        newArticles: 0,
        changed: false,
        error: { code: failure.code, message: failure.message },
      };
    }
  }

  /**
   * A subscription kept while the network was down may be a web page's address: feeds.add could
   * not reach the page to look for its feed (the train case). The first time such a feed answers
   * with a page, its feed is looked for as feeds.add would and taken in its place: fetched,
   * stored, and the subscription moved to the feed's address as after a permanent redirect.
   * Returns null when this does not apply, finds nothing, or fails (the page's NOT_A_FEED stays).
   */
  async #rediscover(state: FeedFetchState, error: unknown): Promise<FeedRefreshOutcome | null> {
    const page = error instanceof ApiError && error.code === 'NOT_A_FEED';
    if (!page || state.lastFetchedAt !== null || this.#closing.signal.aborted) return null;
    try {
      const { net, store } = this.#deps;
      const best = (await discoverFeeds(state.url, net))[0];
      if (!best || store.feeds.byUrl(best.url)) return null;
      const moved = { ...state, url: best.url, etag: null, lastModified: null };
      const outcome = await net.limiter.run(hostOf(best.url), () => this.#fetch(moved));
      if (outcome.status !== 'ok') return null;
      return await ingestFetched(this.#ingestDeps, moved, {
        ...outcome,
        permanentUrl: outcome.permanentUrl ?? best.url,
      });
    } catch {
      return null;
    }
  }

  #fetch(state: FeedFetchState): Promise<FetchOutcome> {
    return fetchFeed(this.#deps.net.get, {
      url: state.url,
      etag: state.etag,
      lastModified: state.lastModified,
      signal: this.#closing.signal,
    });
  }
}

/** Returns `error` as an ApiError (a bug in parsing becomes PARSE_FAILED, kept on the feed). */
function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  console.error('[refresh] unexpected failure:', error);
  return new ApiError('PARSE_FAILED', `Folio could not read this feed: ${message}`);
}
