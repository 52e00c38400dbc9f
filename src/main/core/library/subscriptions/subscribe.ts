/**
 * Subscribing (feeds.add): a feed URL is fetched before replying; a page URL is autodiscovered
 * and its best feed subscribed; a server that cannot be reached at all (the network is down)
 * keeps the subscription with its error, to be fetched later (docs/technotes/autodiscovery.md,
 * "Subscribing").
 */
import { ApiError, type Params } from '../../../../shared/contract';
import type { Feed } from '../../../../shared/model';
import type { EventHub } from '../../events';
import { discoverFeeds } from '../../feeds/discover';
import type { Refresher } from '../refresh/refresher';
import { MINUTE, nextFetchAt } from '../../feeds/schedule';
import type { Store } from '../../storage/store';
import { storeBatches } from '../refresh/store-in-chunks';
import { removeFeedInSteps } from './remove-feed';
import { articleBatchesOf, feedHeadUpdateOf } from '../refresh/feed-update-of';

/** What subscribing uses. */
export interface SubscribeDeps {
  store: Store;
  events: EventHub;
  refresher: Refresher;
}

/**
 * The first retry of a subscription made offline: sooner than the usual 30 minutes (the user is
 * waiting for its articles), then the refresher's back-off doubles from 30 minutes as usual.
 */
const OFFLINE_RETRY_BASE_MS = 5 * MINUTE;

/** undici's causes that mean no HTTP answer came at all: no network, no DNS, no route, no server. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Subscribes to `url` and returns the feed. A feed is fetched and stored with its articles; a web
 * page is searched for feeds and the best one subscribed (NOT_A_FEED when there is none); an
 * unreachable server gives a feed kept with its error. Throws CONFLICT for a feed already
 * followed, and the fetch's ApiError for an HTTP error or a document that is no feed.
 */
export async function subscribe(
  deps: SubscribeDeps,
  { url, folder }: Params<'feeds.add'>,
): Promise<Feed> {
  const inFolder = folder?.trim() || null;
  refuseDuplicate(deps.store, url);
  try {
    return await subscribeToFeed(deps, url, inFolder);
  } catch (error) {
    if (isUnreachable(error)) return keepUnreached(deps, url, null, inFolder, error);
    if (!(error instanceof ApiError && error.code === 'NOT_A_FEED')) throw error;
  }
  const best = (await discoverFeeds(url, deps.refresher.net))[0];
  if (!best) {
    throw new ApiError(
      'NOT_A_FEED',
      `${url} is a web page, and Folio found no feed on it or at the usual places of its site.`,
    );
  }
  refuseDuplicate(deps.store, best.url);
  try {
    return await subscribeToFeed(deps, best.url, inFolder);
  } catch (error) {
    if (isUnreachable(error)) return keepUnreached(deps, best.url, best.title, inFolder, error);
    throw error;
  }
}

/**
 * Fetches the feed at `url`, then stores it and its articles, in short transactions as the
 * pipeline hands them over (a big feed's in batches). Should the rest of its batches fail
 * (normalizing threw, the parser's thread died), the feed is removed again: a subscription that
 * fails stores nothing.
 */
async function subscribeToFeed(
  { store, events, refresher }: SubscribeDeps,
  url: string,
  folder: string | null,
): Promise<Feed> {
  const { fetched, feed, bodyHash } = await refresher.fetchNew(url);
  // A feed that moved for good (301/308) is stored under its new address.
  const finalUrl = fetched.permanentUrl ?? url;
  const at = Date.now();
  // Until every article is stored, nothing that would let the next fetch skip the body (a 304
  // or the same hash) is kept: a subscription cut short is completed by its next refresh.
  const record = (complete: boolean) => ({
    etag: complete ? fetched.etag : null,
    lastModified: complete ? fetched.lastModified : null,
    bodyHash: complete ? bodyHash : null,
    fetchedAt: at,
    nextFetchAt: nextFetchAt({
      now: at,
      ttlMinutes: feed.head.ttlMinutes,
      maxAgeSeconds: fetched.maxAgeSeconds,
    }),
  });
  let id: number | null = null;
  let result;
  try {
    id = store.transaction(() => {
      refuseDuplicate(store, finalUrl);
      const feedId = store.feeds.insert(
        { url: finalUrl, title: feed.head.title, siteUrl: feed.head.siteUrl, folder },
        at,
      );
      // Not due while its articles are being stored.
      store.feeds.recordFetch(feedId, record(false));
      return feedId;
    });
    const feedId = id;
    // A big feed (10,000 items) is stored in short transactions, the fetch record in the last:
    // cut short, the feed is there with what was stored, and its next refresh stores the rest.
    result = await storeBatches(
      store,
      feedId,
      feedHeadUpdateOf(feed.head),
      articleBatchesOf(feed),
      at,
      () => store.feeds.recordFetch(feedId, record(true)),
    );
  } catch (error) {
    if (id !== null) await removeFeedInSteps(store, id);
    throw error;
  } finally {
    feed.cancel();
  }
  const stored = result?.newArticleIds ?? [];
  events.emit('feeds.changed', { feedIds: [id] });
  events.emit('articles.changed', { feedId: id });
  // Their full text and images are fetched in the background, after this reply.
  refresher.announceStored(id, stored);
  return store.feeds.get(id) as Feed;
}

/**
 * Keeps a subscription whose server could not be reached: named after its host until its first
 * good fetch brings the feed's own title, with the error shown and a retry soon.
 */
function keepUnreached(
  { store, events }: SubscribeDeps,
  url: string,
  title: string | null,
  folder: string | null,
  error: ApiError,
): Feed {
  const at = Date.now();
  const id = store.transaction(() => {
    refuseDuplicate(store, url);
    const feedId = store.feeds.insert(
      { url, title: title ?? hostTitle(url), siteUrl: null, folder },
      at,
    );
    store.feeds.recordError(feedId, {
      code: error.code,
      message: error.message,
      at,
      nextFetchAt: nextFetchAt({ now: at, errorCount: 1, baseIntervalMs: OFFLINE_RETRY_BASE_MS }),
    });
    return feedId;
  });
  events.emit('feeds.changed', { feedIds: [id] });
  return store.feeds.get(id) as Feed;
}

/**
 * True when no HTTP answer came at all: a TIMEOUT, or FETCH_FAILED caused by the network (no
 * status). An HTTP error (404, 500), a redirect loop or a bad certificate is an answer: refused.
 */
function isUnreachable(error: unknown): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'TIMEOUT') return true;
  const cause = (error.details as { cause?: unknown } | undefined)?.cause;
  return error.code === 'FETCH_FAILED' && typeof cause === 'string' && UNREACHABLE.has(cause);
}

/** Returns "example.com" for https://www.example.com/feed. */
function hostTitle(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** Throws CONFLICT when `url` is already followed. */
function refuseDuplicate(store: Store, url: string): void {
  const existing = store.feeds.byUrl(url);
  if (existing) {
    throw new ApiError('CONFLICT', `You already follow ${existing.title || url}.`, {
      feedId: existing.id,
    });
  }
}
