/**
 * Selection in AppState against the real core: j/k (move) through a feed's list and through
 * search hits, the hash that keeps the selection, opening an article (read in the reader and the
 * list, one fewer unread for its feed or the Library), and the next page loaded near the end.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppState } from '../../src/renderer/src/lib/app.svelte';
import type { Feed } from '../../src/shared/model';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { numberedItems, rssFeed, serveFeed } from '../helpers/generated-feed';
import { memoryHash, openRendererCore, type RendererCore } from '../helpers/renderer-core';

let server: FixtureServer;
let core: RendererCore;
let state: AppState | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
  serveFeed(server, '/three.xml', () =>
    rssFeed('Three', [
      ...numberedItems(3).map((item) => ({ ...item, html: `<p>${item.title} about rivers.</p>` })),
    ]),
  );
  serveFeed(server, '/animals.xml', () =>
    rssFeed('Animals', [
      { guid: 'z1', title: 'Zebra crossings', published: new Date('2025-05-03T00:00:00Z') },
      { guid: 'o1', title: 'Otters at play', published: new Date('2025-05-02T00:00:00Z') },
      { guid: 'z2', title: 'The zebra herd', published: new Date('2025-05-01T00:00:00Z') },
    ]),
  );
  serveFeed(server, '/long.xml', () => rssFeed('Long', numberedItems(150)));
});
afterAll(() => server.close());
beforeEach(() => {
  core = openRendererCore();
});
afterEach(() => {
  state?.stop();
  state = undefined;
  core.close();
});

/** Subscribes to the feed at `path` and starts the app at `hash` (a function of the feed). */
async function startAt(path: string, hash: (feed: Feed) => string) {
  const feed = await core.connection.api['feeds.add']({ url: server.url(path) });
  const where = memoryHash(hash(feed));
  state = new AppState({ ...core.connection, hash: where });
  await state.start();
  expect(state.unreachable).toBeNull();
  expect(state.started).toBe(true);
  return { app: state, feed, hash: where };
}

describe('AppState selection', () => {
  it('j/k move through the list; opening marks read and lowers the unread count once', async () => {
    const { app, feed, hash } = await startAt('/three.xml', (f) => `#/feed-${f.id}`);
    const source = `feed-${feed.id}`;
    expect(app.route).toEqual({ source, articleId: null });
    expect(app.list.items.map((a) => a.title)).toEqual(['Item 3', 'Item 2', 'Item 1']);
    expect(app.sources.feed(feed.id)?.unreadCount).toBe(3);
    expect(app.sources.unreadTotal).toBe(4);
    const [third, second, first] = app.list.items.map((a) => a.id);

    await app.move(1);
    expect(app.route).toEqual({ source, articleId: third });
    expect(hash.value).toBe(`#/${source}/${third}`);
    expect(app.reader.article?.id).toBe(third);
    expect(app.reader.article?.readAt).not.toBeNull();
    expect(app.list.items[0]?.readAt).not.toBeNull();
    expect(app.sources.feed(feed.id)?.unreadCount).toBe(2);
    expect(app.sources.unreadTotal).toBe(3);

    await app.move(1);
    expect(app.reader.article?.id).toBe(second);
    expect(app.sources.feed(feed.id)?.unreadCount).toBe(1);

    // Back to one already read: nothing more to count.
    await app.move(-1);
    expect(app.route.articleId).toBe(third);
    expect(app.sources.feed(feed.id)?.unreadCount).toBe(1);

    await app.move(-10);
    expect(app.route.articleId).toBe(third);
    await app.move(10);
    expect(app.route.articleId).toBe(first);
    expect(hash.value).toBe(`#/${source}/${first}`);
    expect(app.sources.feed(feed.id)?.unreadCount).toBe(0);

    // The core agrees, once the reload its events ask for has come.
    await vi.waitFor(async () => {
      const [stored] = await core.connection.api['feeds.list']();
      expect(stored?.unreadCount).toBe(0);
      expect(app.sources.feed(feed.id)?.unreadCount).toBe(0);
    });
  });

  it("opens the hash's article at start, and reading the seed lowers the Library's count", async () => {
    const seed = (await core.connection.api['articles.list']({ filter: 'saved' })).items[0]!;
    const { app, hash } = await startAt('/three.xml', () => `#/library/${seed.id}`);
    expect(app.route).toEqual({ source: 'library', articleId: seed.id });
    expect(app.list.items.map((a) => a.id)).toEqual([seed.id]);
    expect(app.reader.article?.id).toBe(seed.id);
    expect(app.reader.article?.readAt).not.toBeNull();
    expect(app.sources.libraryUnread).toBe(0);
    expect(app.sources.unreadTotal).toBe(3);

    // j with the only article open keeps it; a source chosen closes the reader.
    await app.move(1);
    expect(app.route.articleId).toBe(seed.id);
    await app.selectSource('unread');
    expect(app.route).toEqual({ source: 'unread', articleId: null });
    expect(hash.value).toBe('#/unread');
    expect(app.reader.article).toBeNull();
    expect(app.list.items.map((a) => a.title)).toEqual(['Item 3', 'Item 2', 'Item 1']);
  });

  it('j/k follow the search hits while a query is typed, and the list again after', async () => {
    const { app, feed } = await startAt('/animals.xml', (f) => `#/feed-${f.id}`);
    const byTitle = (title: string) => app.list.items.find((a) => a.title === title)!.id;

    app.search.setQuery('zebra');
    expect(app.search.active).toBe(true);
    await vi.waitFor(() => expect(app.search.searching).toBe(false));
    expect(app.search.hits.map((hit) => hit.title).sort()).toEqual([
      'The zebra herd',
      'Zebra crossings',
    ]);
    const [firstHit, secondHit] = app.search.ids;

    await app.move(1);
    expect(app.route).toEqual({ source: `feed-${feed.id}`, articleId: firstHit });
    await app.move(1);
    expect(app.route.articleId).toBe(secondHit);
    await app.move(1);
    expect(app.route.articleId).toBe(secondHit);
    const otters = byTitle('Otters at play');
    expect(app.search.ids).not.toContain(otters);

    // Without the query, j/k are the list's again: Otters lies between the two zebra articles.
    app.search.clear();
    expect(app.search.active).toBe(false);
    expect(app.search.hits).toEqual([]);
    await app.move(app.list.indexOf(secondHit!) === 0 ? 1 : -1);
    expect(app.route.articleId).toBe(otters);
  });

  it('a query the core refuses (too long) finds nothing and is not reported', async () => {
    const { app } = await startAt('/animals.xml', (f) => `#/feed-${f.id}`);
    app.search.setQuery('zebra');
    await vi.waitFor(() => expect(app.search.hits).toHaveLength(2));

    const reported = vi.spyOn(console, 'error');
    app.search.setQuery('zebra '.repeat(100));
    expect(app.search.searching).toBe(true);
    await vi.waitFor(() => expect(app.search.searching).toBe(false));
    expect(app.search.hits).toEqual([]);
    expect(reported).not.toHaveBeenCalled();
    reported.mockRestore();
    expect(app.unreachable).toBeNull();
    await app.move(1);
    expect(app.route.articleId).toBeNull();
  });

  it('moving within five of the end of the list loads its next page', async () => {
    const { app } = await startAt('/long.xml', (f) => `#/feed-${f.id}`);
    expect(app.list.items).toHaveLength(100);

    await app.move(1);
    await app.move(90);
    expect(app.list.indexOf(app.route.articleId)).toBe(90);
    expect(app.list.items).toHaveLength(100);

    await app.move(5);
    expect(app.list.indexOf(app.route.articleId)).toBe(95);
    await vi.waitFor(() => expect(app.list.items).toHaveLength(150));
    expect(app.list.nextCursor).toBeNull();
    await app.move(100);
    expect(app.list.items.find((a) => a.id === app.route.articleId)?.title).toBe('Item 1');
  });
});
