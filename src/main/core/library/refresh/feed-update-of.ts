/**
 * The one mapping from what the pipeline made of a feed (feeds/types.ts NormalizedFeed, the
 * parser's side) to what storage keeps of it (storage/feed-update.ts FeedUpdate), as
 * NetNewsWire's ParsedItem is mapped to its stored Article in one place. Refreshes and new
 * subscriptions both store through it.
 */
import type { FeedHead, FeedInBatches, NormalizedFeed, NormalizedItem } from '../../feeds/types';
import type { ArticleUpdate, FeedUpdate } from '../../storage/feed-update';
import type { ArticleBatch } from './store-in-chunks';

/** Returns the feed update that stores `feed`: its title, site, TTL and articles. */
export function feedUpdateOf(feed: NormalizedFeed): FeedUpdate {
  return {
    title: feed.title,
    siteUrl: feed.siteUrl,
    ttlMinutes: feed.ttlMinutes,
    articles: feed.items.map(articleUpdateOf),
  };
}

/** Returns what a feed update says of the feed itself, from a feed's head. */
export function feedHeadUpdateOf(head: FeedHead): Omit<FeedUpdate, 'articles'> {
  return { title: head.title, siteUrl: head.siteUrl, ttlMinutes: head.ttlMinutes };
}

/** Returns `feed`'s batches as storeBatches takes them: the next one's articles each time. */
export function articleBatchesOf(feed: FeedInBatches): () => Promise<ArticleBatch> {
  return async () => {
    const { items, last } = await feed.next();
    return { articles: items.map(articleUpdateOf), last };
  };
}

/** An item's updated date is not kept: the row's updated_at is when Folio last changed it. */
function articleUpdateOf(item: NormalizedItem): ArticleUpdate {
  return {
    identity: item.identity,
    url: item.url,
    title: item.title,
    author: item.author,
    publishedAt: item.publishedAt,
    contentHtml: item.contentHtml,
    text: item.text,
    categories: item.categories,
    enclosures: item.enclosures,
    contentHash: item.contentHash,
  };
}
