/**
 * The parsing half of ingestion for one fetched feed: decode -> parse -> normalize (which
 * sanitizes). What the refresher calls, and what the benchmark and the conformance runner measure.
 */
import { decodeFeed } from './decode';
import { normalizeFeed } from './normalize';
import { parseFeedText } from './parse';
import type { NormalizedFeed } from './types';

/** What the fetch learnt about the body. */
export interface FeedBytesMeta {
  /** The URL the body came from (after redirects): the base of relative URLs. */
  url: string;
  contentType: string | null;
}

/**
 * Returns the normalized feed in `bytes`. Rejects with ApiError NOT_A_FEED or PARSE_FAILED
 * (from parseFeedText) when the body is not a readable feed.
 */
export async function feedFromBytes(
  bytes: Uint8Array,
  meta: FeedBytesMeta,
  now = Date.now(),
): Promise<NormalizedFeed> {
  const { text } = decodeFeed(bytes, meta.contentType);
  return normalizeFeed(await parseFeedText(text), meta.url, now);
}
