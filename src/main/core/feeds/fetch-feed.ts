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
 * Fetches one feed with a conditional GET through `get` and returns its bytes and validators, or
 * `{status: 'not-modified'}` for a 304. Limits, redirects and errors are fetchBytes's.
 */
export function fetchFeed(get: HttpGet, request: FetchRequest): Promise<FetchOutcome> {
  return get(request, FEED_ACCEPT);
}
