/**
 * The parsing half of ingestion for one fetched feed: decode -> parse -> normalize (which
 * sanitizes). What the refresher calls (feedInBatches, or a pipeline worker's), and what the
 * benchmark and the conformance runner measure (feedFromBytes).
 */
import { decodeFeed } from './decode';
import { normalizeFeed } from './normalize';
import { normalizeInBatches } from './normalize-batches';
import { parseFeedText } from './parse';
import type { FeedInBatches, ItemBatch, NormalizedFeed } from './types';

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

/**
 * Returns the feed in `bytes` to be taken a batch at a time (types.ts FeedInBatches), each
 * normalized when asked for. Rejects like feedFromBytes; the pipeline worker runs the same steps.
 */
export async function feedInBatches(
  bytes: Uint8Array,
  meta: FeedBytesMeta,
  now = Date.now(),
): Promise<FeedInBatches> {
  const { text } = decodeFeed(bytes, meta.contentType);
  const { head, batches } = normalizeInBatches(await parseFeedText(text), meta.url, now);
  return {
    head,
    next: async () => nextBatch(batches),
    cancel: () => void batches.return(),
  };
}

/** Returns the generator's next batch; asking past the last is a bug. */
export function nextBatch(batches: Generator<ItemBatch, void, undefined>): ItemBatch {
  const { value, done } = batches.next();
  if (done) throw new Error('A feed was asked for a batch after its last.');
  return value;
}
