/** Taking a feed handed over in batches (FeedInBatches) whole, to compare it with feedFromBytes. */
import type { FeedInBatches, NormalizedFeed } from '../../src/main/core/feeds/types';

/** Returns the feed whole: every batch taken, the items back in the document's order. */
export async function collectFeed(feed: FeedInBatches): Promise<NormalizedFeed> {
  const batches = [];
  for (;;) {
    const batch = await feed.next();
    batches.unshift(batch.items);
    if (batch.last) break;
  }
  return { ...feed.head, items: batches.flat() };
}

/** Returns `feed` with each identity once, its first occurrence: what the batches carry. */
export function withoutRepeats(feed: NormalizedFeed): NormalizedFeed {
  const seen = new Set<string>();
  return {
    ...feed,
    items: feed.items.filter((i) => !seen.has(i.identity) && seen.add(i.identity)),
  };
}
