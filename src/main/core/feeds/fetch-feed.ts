/** The fetch step of ingestion: a feed's bytes and headers, through the app's bounded GET. */
import type { HttpGet } from '../net/fetch-bytes';
import type { FetchOutcome, FetchRequest } from '../net/types';

/**
 * What we ask feed servers for: the feed types first, generic XML and JSON next (many feeds are
 * served as text/xml or application/json), anything else last so a page URL still answers and
 * can be autodiscovered.
 */
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/**
 * The largest feed body read: a podcast or archive feed of 10,000 items is about 35 MB (the 10 MB
 * every other fetch keeps refused it). Still a bound: parsing and storing such a feed stays
 * under 400 MB of memory (docs/technotes/reader-threads.md, "Large feeds").
 */
export const FEED_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Fetches one feed with a conditional GET through `get` and returns its bytes, their hash (what
 * tells an unchanged body without parsing it) and validators, or `{status: 'not-modified'}` for a
 * 304. Redirects, errors and other limits are fetchBytes's.
 */
export function fetchFeed(get: HttpGet, request: FetchRequest): Promise<FetchOutcome> {
  return get({ maxBytes: FEED_MAX_BYTES, hashBody: true, ...request }, FEED_ACCEPT);
}
