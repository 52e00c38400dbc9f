/**
 * The sidebar's state against the real core: subscribing from the add dialog (FeedsState), the
 * feeds with their unread counts and the Library's, folders (FoldersState) grouping feeds and
 * summing their counts, and a refresh whose events bring the new counts.
 */
import { flushSync } from 'svelte';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppState } from '../../src/renderer/src/lib/app.svelte';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { numberedItems, rssFeed, serveFeed } from '../helpers/generated-feed';
import { memoryHash, openRendererCore, type RendererCore } from '../helpers/renderer-core';

let server: FixtureServer;
let core: RendererCore;
let app: AppState;
let growing = 1;

beforeAll(async () => {
  server = await startFixtureServer();
  serveFeed(server, '/growing.xml', () => rssFeed('Growing', numberedItems(growing)));
});
afterAll(() => server.close());
beforeEach(async () => {
  core = openRendererCore();
  app = new AppState({ ...core.connection, hash: memoryHash('#/all') });
  await app.start();
  expect(app.unreachable).toBeNull();
});
afterEach(() => {
  app.stop();
  core.close();
});

/** The sidebar's groups as `folder: feed titles (unread)`. */
function groups(): string[] {
  return app.sources.groups.map(
    (g) => `${g.folder ?? '-'}: ${g.feeds.map((f) => f.title).join(', ')} (${g.unreadCount})`,
  );
}

describe('SourcesState with FeedsState and FoldersState', () => {
  it('a feed subscribed from the add dialog is listed with its unread count and selected', async () => {
    expect(app.sources.loaded).toBe(true);
    expect(app.sources.feeds).toEqual([]);
    expect(app.sources.libraryUnread).toBe(1);
    expect(app.sources.unreadTotal).toBe(1);

    app.feeds.open({ kind: 'add' });
    expect(await app.feeds.add(server.url('/feeds/rss-2.0-basic.xml'), '  ')).toBeNull();
    expect(app.feeds.dialog).toBeNull();
    const [feed] = app.sources.feeds;
    expect(feed?.title).toBe('Example News');
    expect(feed?.folder).toBeNull();
    expect(feed?.unreadCount).toBe(2);
    expect(app.sources.unreadTotal).toBe(3);
    expect(app.sources.label(`feed-${feed!.id}`)).toBe('Example News');
    expect(app.route).toEqual({ source: `feed-${feed!.id}`, articleId: null });
    expect(app.list.items.map((a) => a.title).sort()).toEqual(['First story', 'Second story']);

    // Reading one counts it off, and what shows the badge hears of it (as a component would);
    // the core says the same after the events' reload.
    const badges: number[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        badges.push(app.sources.unreadTotal);
      });
    });
    flushSync();
    await app.move(1);
    flushSync();
    stop();
    expect(badges).toEqual([3, 2]);
    expect(app.sources.feed(feed!.id)?.unreadCount).toBe(1);
    await vi.waitFor(async () => {
      const [stored] = await core.connection.api['feeds.list']();
      expect(stored?.unreadCount).toBe(1);
    });
  });

  it('adding a feed followed already says so (an error envelope) and selects it', async () => {
    const url = server.url('/feeds/rss-2.0-basic.xml');
    expect(await app.feeds.add(url, 'World')).toBeNull();
    expect(app.sources.feeds[0]?.folder).toBe('World');
    await app.selectSource('all');

    expect(await app.feeds.add(url, '')).toBe('You already follow this feed.');
    expect(app.route.source).toBe(`feed-${app.sources.feeds[0]!.id}`);
    expect(await app.feeds.add('not a url', '')).toBe(
      'Enter a web address starting with http:// or https://',
    );
    expect(app.sources.feeds).toHaveLength(1);
  });

  it('folders group the feeds and add up their unread counts', async () => {
    const api = core.connection.api;
    const news = await api['feeds.add']({ url: server.url('/feeds/rss-2.0-basic.xml') });
    const podcast = await api['feeds.add']({ url: server.url('/feeds/rss-itunes-podcast.xml') });
    await app.sources.load();
    const podcastTitle = app.sources.feed(podcast.id)!.title;
    expect(groups()).toEqual([`-: Example News, ${podcastTitle} (3)`]);
    expect(app.sources.folders).toEqual([]);

    expect(await app.folders.create('World', [news.id])).toBeNull();
    expect(groups()).toEqual([`-: ${podcastTitle} (1)`, 'World: Example News (2)']);
    expect(app.sources.folders).toEqual(['World']);

    expect(await app.folders.rename('World', 'Abroad')).toBeNull();
    expect(app.sources.folders).toEqual(['Abroad']);

    expect(await app.folders.move(podcast.id, 'Abroad')).toBeNull();
    expect(groups()).toEqual(['-:  (0)', `Abroad: Example News, ${podcastTitle} (3)`]);

    // Reading an article of a foldered feed lowers the folder's count too.
    await app.selectSource(`feed-${news.id}`);
    await app.move(1);
    expect(app.sources.groups[1]?.unreadCount).toBe(2);

    expect(await app.folders.remove('Abroad')).toBeNull();
    expect(app.sources.folders).toEqual([]);
    expect(groups()).toEqual([`-: Example News, ${podcastTitle} (2)`]);
    expect(await app.folders.create(' ', [news.id])).toBe('Give the folder a name.');
  });

  it('a refresh says what it brought, and its events bring the new counts', async () => {
    growing = 1;
    expect(await app.feeds.add(server.url('/growing.xml'), '')).toBeNull();
    const id = app.sources.feeds[0]!.id;
    expect(app.sources.feed(id)?.unreadCount).toBe(1);
    expect(app.list.items).toHaveLength(1);

    growing = 4;
    await app.refreshFeeds();
    expect(app.refresh.running).toBe(false);
    expect(app.refresh.status).toBe('3 new articles');
    await vi.waitFor(() => {
      expect(app.sources.feed(id)?.unreadCount).toBe(4);
      expect(app.list.items.map((a) => a.title)).toEqual(['Item 4', 'Item 3', 'Item 2', 'Item 1']);
    });
  });
});
