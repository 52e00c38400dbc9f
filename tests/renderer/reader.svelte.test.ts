/**
 * The reader's state against the real core: opening an article, fetching its full web page from
 * a fixture server and switching between the feed's text and the full text (the choice kept per
 * article for the session), a page without an article, and starring through AppState.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppState } from '../../src/renderer/src/lib/app.svelte';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { rssFeed, serveFeed } from '../helpers/generated-feed';
import { memoryHash, openRendererCore, type RendererCore } from '../helpers/renderer-core';

let server: FixtureServer;
let core: RendererCore;
let app: AppState;
let ids: { blog: number; nothing: number };

const FEED_TEXT = 'FEEDONLY summary';
const PAGE_TEXT = 'Somewhere east of Krasnoyarsk';

beforeAll(async () => {
  server = await startFixtureServer();
  serveFeed(server, '/pages.xml', () =>
    rssFeed('Pages', [
      {
        guid: 'blog',
        title: 'A train without signal',
        link: server.url('/pages/blog-post.html'),
        html: `<p>${FEED_TEXT} of the blog post.</p>`,
        published: new Date('2025-05-02T00:00:00Z'),
      },
      {
        guid: 'nothing',
        title: 'A page with no article',
        link: server.url('/pages/no-article-here.html'),
        html: `<p>${FEED_TEXT} of nothing much.</p>`,
        published: new Date('2025-05-01T00:00:00Z'),
      },
    ]),
  );
});
afterAll(() => server.close());
beforeEach(async () => {
  core = openRendererCore();
  const feed = await core.connection.api['feeds.add']({ url: server.url('/pages.xml') });
  app = new AppState({ ...core.connection, hash: memoryHash(`#/feed-${feed.id}`) });
  await app.start();
  const id = (title: string) => app.list.items.find((a) => a.title === title)!.id;
  ids = { blog: id('A train without signal'), nothing: id('A page with no article') };
});
afterEach(() => {
  app.stop();
  core.close();
});

describe('ReaderState', () => {
  it("fetches the full text and switches between it and the feed's text", async () => {
    const { reader } = app;
    await app.openArticle(ids.blog);
    expect(reader.article?.id).toBe(ids.blog);
    expect(reader.loading).toBe(false);
    expect(reader.view).toBe('feed');
    expect(reader.hasBothTexts).toBe(false);
    expect(reader.bodyHtml).toContain(FEED_TEXT);
    // Without a full text there is nothing to switch to.
    reader.choose('full');
    expect(reader.view).toBe('feed');

    await app.fetchFullText();
    expect(reader.fetching).toBe(false);
    expect(reader.fullTextError).toBeNull();
    expect(reader.hasBothTexts).toBe(true);
    expect(reader.view).toBe('full');
    expect(reader.bodyHtml).toContain(PAGE_TEXT);
    expect(reader.bodyHtml).not.toContain(FEED_TEXT);

    reader.choose('feed');
    expect(reader.bodyHtml).toContain(FEED_TEXT);
    reader.choose('full');
    expect(reader.bodyHtml).toContain(PAGE_TEXT);

    // The core kept it: a fresh reader opens the article on its full text.
    const again = new AppState({ ...core.connection, hash: memoryHash(`#/all/${ids.blog}`) });
    await again.start();
    expect(again.reader.view).toBe('full');
    expect(again.reader.bodyHtml).toContain(PAGE_TEXT);
    again.stop();
  });

  it('remembers the text chosen for each article while the session lasts', async () => {
    const { reader } = app;
    await app.openArticle(ids.blog);
    await app.fetchFullText();
    reader.choose('feed');

    await app.move(1);
    expect(reader.article?.id).toBe(ids.nothing);
    expect(reader.view).toBe('feed');

    await app.move(-1);
    expect(reader.article?.id).toBe(ids.blog);
    expect(reader.hasBothTexts).toBe(true);
    expect(reader.view).toBe('feed');
    expect(reader.bodyHtml).toContain(FEED_TEXT);
  });

  it("says when a page has no article to take, and keeps the feed's text", async () => {
    const { reader } = app;
    await app.openArticle(ids.nothing);
    await app.fetchFullText();
    expect(reader.fetching).toBe(false);
    expect(reader.fullTextError).toBe(
      "Folio could not find the article's text on that page. The feed's text is shown instead.",
    );
    expect(reader.hasBothTexts).toBe(false);
    expect(reader.view).toBe('feed');
    expect(reader.bodyHtml).toContain(FEED_TEXT);

    // Another article starts without the message.
    await app.openArticle(ids.blog);
    expect(reader.fullTextError).toBeNull();
  });

  it('stars the open article in the reader and the list; a missing one says it is gone', async () => {
    await app.openArticle(ids.blog);
    await app.toggleStar();
    expect(app.reader.article?.starredAt).not.toBeNull();
    expect(app.list.items.find((a) => a.id === ids.blog)?.starredAt).not.toBeNull();
    await app.toggleStar();
    expect(app.reader.article?.starredAt).toBeNull();
    expect(app.list.items.find((a) => a.id === ids.blog)?.starredAt).toBeNull();

    await app.openArticle(99_999);
    expect(app.reader.article).toBeNull();
    expect(app.reader.error).toBe('This article is no longer in your library.');
    expect(app.unreachable).toBeNull();
  });
});
