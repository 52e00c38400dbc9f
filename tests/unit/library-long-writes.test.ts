/**
 * Long writes in short transactions (library/in-steps.ts). Big feeds are stored in steps
 * (library/refresh/store-in-chunks.ts): the result is what one transaction stored, in the
 * document's order, the event loop turns between the transactions, and an update cut short
 * keeps nothing that would let the next fetch skip it. A big feed is unsubscribed in steps too.
 */
import { describe, expect, it } from 'vitest';
import { storeInChunks } from '../../src/main/core/library/refresh/store-in-chunks';
import { Store } from '../../src/main/core/storage/store';
import { EventHub } from '../../src/main/core/events';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { feedsService } from '../../src/main/core/library/subscriptions/feeds-service';
import { loopbackNet } from '../helpers/net';
import type { ArticleUpdate, FeedUpdate } from '../../src/main/core/storage/feed-update';

const NOW = Date.parse('2025-03-01T12:00:00Z');

/** An undated item: undated articles sort by id, so the order of storing shows in the list. */
function item(n: number, version = 1): ArticleUpdate {
  return {
    identity: `i${n}`,
    url: `https://example.com/${n}`,
    title: `Item ${n} v${version}`,
    author: null,
    publishedAt: null,
    contentHtml: `<p>Text of item ${n}, version ${version}.</p>`,
    text: `Text of item ${n}, version ${version}.`,
    categories: [],
    enclosures: [],
    contentHash: `${n}:${version}`,
  };
}

function feedOf(articles: ArticleUpdate[]): FeedUpdate {
  return { title: 'Big', siteUrl: null, ttlMinutes: null, articles };
}

function newFeed(store: Store): number {
  return store.feeds.insert({
    url: 'https://example.com/big',
    title: '',
    siteUrl: null,
    folder: null,
  });
}

/** Returns every title of the feed as the list shows them, newest first. */
function titles(store: Store, feedId: number): string[] {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = store.articles.list({ feedId, limit: 500, cursor });
    out.push(...page.items.map((a) => a.title));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('storeInChunks', () => {
  it('stores a big feed as one apply() would, in the document’s order, letting the loop turn', async () => {
    const items = Array.from({ length: 5000 }, (_, n) => item(n));
    // A repeated identity counts once, its first occurrence, even across chunks.
    items.push({ ...item(3, 9), identity: 'i3' });
    const chunked = Store.open(':memory:');
    const whole = Store.open(':memory:');
    const feedId = newFeed(chunked);
    newFeed(whole);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    let lastRan = 0;
    const result = await storeInChunks(chunked, feedId, feedOf(items), NOW, () => {
      lastRan++;
    });
    clearInterval(ticking);
    const expected = whole.feedUpdates.apply(feedId, feedOf(items), NOW);
    expect(result).toEqual(expected);
    expect(titles(chunked, feedId)).toEqual(titles(whole, feedId));
    expect(titles(chunked, feedId)[0]).toBe('Item 0 v1');
    expect(lastRan).toBe(1);
    expect(turns).toBeGreaterThan(0);

    // Stored again with some items changed: the same updates as one apply().
    const changed = items.map((it, n) => (n % 1000 === 7 ? item(n, 2) : it));
    const again = await storeInChunks(chunked, feedId, feedOf(changed), NOW + 1, () => {});
    expect(again).toEqual(whole.feedUpdates.apply(feedId, feedOf(changed), NOW + 1));
    expect(again?.updatedArticleIds).toHaveLength(5);
  });

  it('stops between transactions once closing, without running the last step', async () => {
    const store = Store.open(':memory:');
    const feedId = newFeed(store);
    const closing = new AbortController();
    let lastRan = false;
    const pending = storeInChunks(
      store,
      feedId,
      feedOf(Array.from({ length: 20_000 }, (_, n) => item(n))),
      NOW,
      () => {
        lastRan = true;
      },
      { closing: closing.signal },
    );
    setImmediate(() => closing.abort());
    expect(await pending).toBeNull();
    expect(lastRan).toBe(false);
    const stored = store.articles.list({ feedId, limit: 500 }).items.length;
    expect(stored).toBeGreaterThan(0);
  });

  it('stores nothing for a feed removed while it was being stored', async () => {
    const store = Store.open(':memory:');
    const feedId = newFeed(store);
    store.feeds.remove(feedId);
    const result = await storeInChunks(store, feedId, feedOf([item(1)]), NOW, () => {});
    expect(result).toEqual({ newArticleIds: [], updatedArticleIds: [] });
  });
});

describe('feeds.remove of a big feed', () => {
  it('deletes its articles in steps, keeping the starred one as a library article', async () => {
    const store = Store.open(':memory:');
    const events = new EventHub();
    const api = feedsService(store, events, new Refresher({ store, events, net: loopbackNet() }));
    const feedId = newFeed(store);
    store.feedUpdates.apply(feedId, feedOf(Array.from({ length: 6000 }, (_, n) => item(n))), NOW);
    const starred = store.articles.idByUid(`${feedId}:i42`) as number;
    store.articles.setState(starred, { starred: true });
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    await api['feeds.remove']({ id: feedId });
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
    expect(store.feeds.get(feedId)).toBeNull();
    const left = store.articles.list({ limit: 10 }).items;
    expect(left.map((a) => [a.id, a.kind, a.feedId])).toEqual([[starred, 'saved', null]]);
    await expect(api['feeds.remove']({ id: feedId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
