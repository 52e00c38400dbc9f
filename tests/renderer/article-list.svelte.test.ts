/**
 * The article list's state (ArticleListState) against the real core: a source's first page,
 * the next ones by cursor, an article that dropped out of Unread kept under the reader, patching
 * a row, and the notebook (which lists no articles).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArticleListState } from '../../src/renderer/src/lib/articles.svelte';
import type { ApiClient } from '../../src/shared/contract';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { numberedItems, rssFeed, serveFeed } from '../helpers/generated-feed';
import { openRendererCore, type RendererCore } from '../helpers/renderer-core';

let server: FixtureServer;
let core: RendererCore;
let api: ApiClient;

beforeAll(async () => {
  server = await startFixtureServer();
  serveFeed(server, '/long.xml', () => rssFeed('Long', numberedItems(150)));
  serveFeed(server, '/short.xml', () => rssFeed('Short', numberedItems(5)));
});
afterAll(() => server.close());
beforeEach(() => {
  core = openRendererCore();
  api = core.connection.api;
});
afterEach(() => core.close());

describe('ArticleListState', () => {
  it('loads a feed newest first, 100 at a time, and appends the next page by its cursor', async () => {
    const feed = await api['feeds.add']({ url: server.url('/long.xml') });
    const list = new ArticleListState(api);

    await list.load(`feed-${feed.id}`);
    expect(list.source).toBe(`feed-${feed.id}`);
    expect(list.loading).toBe(false);
    expect(list.items).toHaveLength(100);
    expect(list.items[0]?.title).toBe('Item 150');
    expect(list.items[99]?.title).toBe('Item 51');
    expect(list.nextCursor).not.toBeNull();

    await list.loadMore();
    expect(list.items).toHaveLength(150);
    expect(list.items[149]?.title).toBe('Item 1');
    expect(new Set(list.items.map((a) => a.id)).size).toBe(150);
    expect(list.nextCursor).toBeNull();

    await list.loadMore();
    expect(list.items).toHaveLength(150);
    expect(list.indexOf(list.items[120]!.id)).toBe(120);
    expect(list.indexOf(null)).toBe(-1);
  });

  it('keeps the article just read in Unread until the list is loaded without it', async () => {
    const feed = await api['feeds.add']({ url: server.url('/short.xml') });
    const list = new ArticleListState(api);
    const source = `feed-${feed.id}` as const;
    await list.load('unread');
    // The five items and the seed, which is unread too (and newer).
    const titles = list.items.map((a) => a.title);
    expect(titles).toHaveLength(6);
    expect(titles.filter((t) => t.startsWith('Item '))).toEqual([
      'Item 5',
      'Item 4',
      'Item 3',
      'Item 2',
      'Item 1',
    ]);
    const at = titles.indexOf('Item 3');
    const read = list.items[at]!;
    await api['articles.update']({ id: read.id, read: true });

    await list.load('unread', read.id);
    expect(list.items).toHaveLength(6);
    expect(list.items[at]?.id).toBe(read.id);

    await list.load('unread');
    expect(list.items.map((a) => a.id)).not.toContain(read.id);
    expect(list.items).toHaveLength(5);

    // Kept only within one source: coming from another one, the read article is not brought back.
    await list.load(source);
    await list.load('unread', read.id);
    expect(list.items.map((a) => a.id)).not.toContain(read.id);
  });

  it('patches a row with a fresher summary, and lists nothing for the notebook', async () => {
    await api['feeds.add']({ url: server.url('/short.xml') });
    const list = new ArticleListState(api);
    await list.load('all');
    const row = list.items[1]!;
    expect(row.starredAt).toBeNull();

    list.patch(await api['articles.update']({ id: row.id, starred: true }));
    expect(list.items[1]?.id).toBe(row.id);
    expect(list.items[1]?.starredAt).not.toBeNull();

    await list.load('starred');
    expect(list.items.map((a) => a.id)).toEqual([row.id]);

    await list.load('notebook');
    expect(list.source).toBe('notebook');
    expect(list.items).toEqual([]);
    expect(list.nextCursor).toBeNull();
  });
});
