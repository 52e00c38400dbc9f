import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/events';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { feedsService } from '../../src/main/core/library/subscriptions/feeds-service';
import { fetchFullText, fullTextService } from '../../src/main/core/library/offline/full-text';
import { savedPageUid, savePageService } from '../../src/main/core/library/offline/save-page';
import { searchArticles } from '../../src/main/core/library/search';
import { Store } from '../../src/main/core/storage/store';
import type { FolioEvent } from '../../src/shared/contract';
import { ApiError } from '../../src/shared/errors';
import { pageFetcher } from '../../src/main/core/content/fetch-page';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackGet, loopbackNet } from '../helpers/net';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

/** An RSS feed of short summaries linking to fixture pages on this server. */
function rss(server: FixtureServer, pages: string[]): string {
  const items = pages
    .map(
      (page, i) =>
        `<item><guid>item-${i}</guid><title>Item ${i}</title><link>${server.url(page)}</link>` +
        `<description>FEEDONLY summary of ${page}.</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Pages</title><link>${server.origin}/</link>${items}</channel></rss>`;
}

/** Runs `promise` and returns the ApiError it rejects with. */
async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Web pages through the tests' loopback-only fetch. */
const fetchPage = pageFetcher(loopbackGet);

describe('full text and saved pages, through the fixture server', () => {
  let server: FixtureServer;
  let store: Store;
  let events: EventHub;
  let seen: FolioEvent[];
  let api: ReturnType<typeof fullTextService> & ReturnType<typeof savePageService>;
  let changing: string;

  const PAGES = ['/pages/blog-post.html', '/pages/no-article-here.html', '/pages/missing.html'];

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/pages.xml', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.end(rss(server, PAGES));
    });
    server.route('/changing.html', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(changing);
    });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    store = Store.open(':memory:');
    events = new EventHub();
    seen = [];
    events.on((e) => seen.push(e));
    api = {
      ...fullTextService({ store, events, fetchPage }),
      ...savePageService({ store, events, fetchPage }),
    };
    const feeds = feedsService(store, events, new Refresher({ store, events, net: loopbackNet() }));
    await feeds['feeds.add']({ url: server.url('/pages.xml') });
    seen.length = 0;
  });

  /** The id of the feed article linking to `page`. */
  function articleFor(page: string): number {
    const item = store.articles.list().items.find((a) => a.url === server.url(page));
    if (!item) throw new Error(`no article links to ${page}`);
    return item.id;
  }

  function fullTextColumns(id: number) {
    return rawDatabase(store)
      .prepare('SELECT full_text_at, full_text_error, text FROM articles WHERE id = ?')
      .get(id) as { full_text_at: number | null; full_text_error: string | null; text: string };
  }

  it('keeps the full text beside the feed’s version, and search finds a word only in the full text', async () => {
    const id = articleFor('/pages/blog-post.html');
    expect(searchArticles(store, { query: 'samovar' })).toEqual([]);

    const article = await api['articles.fetchFullText']({ id });
    expect(article.fullTextHtml).toContain('Somewhere east of Krasnoyarsk');
    expect(article.contentHtml).toContain('FEEDONLY summary');
    expect(searchArticles(store, { query: 'samovar' }).map((hit) => hit.articleId)).toEqual([id]);
    // The article's text is now the full text's: what highlights anchor in.
    expect(fullTextColumns(id).text).toContain('BLOG-ONLY-WORD samovar');
    expect(fullTextColumns(id).full_text_error).toBeNull();
    expect(fullTextColumns(id).full_text_at).toBeGreaterThan(0);
    expect(seen).toContainEqual({
      type: 'articles.changed',
      data: { feedId: article.feedId, articleIds: [id] },
    });
  });

  it('keeps the feed’s text and records the error when the page has no article', async () => {
    const id = articleFor('/pages/no-article-here.html');
    const error = await apiErrorOf(api['articles.fetchFullText']({ id }));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('Folio could not find the article text on that page');
    const row = fullTextColumns(id);
    expect(row.text).toContain('FEEDONLY summary');
    expect(row.full_text_error).toBe(error.message);
    expect(row.full_text_at).toBeGreaterThan(0);
    expect(store.articles.content(id)?.fullTextHtml).toBeNull();
  });

  it('answers FETCH_FAILED for a page that is gone, keeping the feed’s text', async () => {
    const id = articleFor('/pages/missing.html');
    const error = await apiErrorOf(fetchFullText({ store, events, fetchPage }, id));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toContain('404');
    expect(fullTextColumns(id)).toMatchObject({ full_text_error: error.message });
    expect(fullTextColumns(id).text).toContain('FEEDONLY summary');
  });

  it('refuses an article without a web address, and one that does not exist', async () => {
    const id = store.articles.insert({
      uid: 'library:test:no-url',
      feedId: null,
      kind: 'saved',
      url: null,
      title: 'Notes to self',
      author: null,
      publishedAt: null,
      contentHtml: '<p>Just text.</p>',
      text: 'Just text.',
    });
    const noUrl = await apiErrorOf(api['articles.fetchFullText']({ id }));
    expect(noUrl).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This article has no web address.',
    });
    expect(fullTextColumns(id).full_text_at).toBeNull();
    expect((await apiErrorOf(api['articles.fetchFullText']({ id: 9999 }))).code).toBe('NOT_FOUND');
  });

  it('saves a page as one library article, whatever tracking parameters or fragment the URL has', async () => {
    const page = server.url('/pages/news-page-with-nav-and-sidebar.html');
    const first = await api['articles.save']({
      url: `${page}?utm_source=newsletter&utm_medium=email`,
    });
    expect(first).toMatchObject({
      kind: 'saved',
      feedId: null,
      url: page,
      title: 'Harbin trade fair draws record crowds as rail link opens',
      author: 'Mei Lin',
      publishedAt: '2024-06-18T07:30:00.000Z',
    });
    expect(first.contentHtml).toContain('The China-Russia Expo opened in Harbin');
    expect(first.contentHtml).toContain(`src="${server.url('/pages/images/chart-trade.png')}"`);
    expect(store.articles.idByUid(savedPageUid(page))).toBe(first.id);

    const again = await api['articles.save']({ url: page });
    const third = await api['articles.save']({ url: `${page}?fbclid=abc#comments` });
    expect([again.id, third.id]).toEqual([first.id, first.id]);
    expect(store.articles.countByKind('saved')).toBe(1);
    expect(store.articles.list({ filter: 'saved' }).items.map((a) => a.id)).toContain(first.id);
    expect(searchArticles(store, { query: 'buckthorn' }).map((hit) => hit.articleId)).toEqual([
      first.id,
    ]);
  });

  it('updates a saved page saved again after it changed', async () => {
    const paragraph = (word: string) =>
      `<p>${`The ferry to the island runs twice a day in summer, carrying ${word} and passengers. `.repeat(6)}</p>`;
    changing = `<html><head><title>Ferry</title></head><body><article>${paragraph('melons')}${paragraph('melons')}</article></body></html>`;
    const first = await api['articles.save']({ url: server.url('/changing.html') });
    seen.length = 0;
    changing = changing.replaceAll('melons', 'bicycles');
    const second = await api['articles.save']({ url: server.url('/changing.html') });
    expect(second.id).toBe(first.id);
    expect(second.contentHtml).toContain('bicycles');
    expect(searchArticles(store, { query: 'melons' })).toEqual([]);
    expect(seen.map((e) => e.type)).toEqual(['articles.changed']);
    // Unchanged: nothing written, nothing told.
    seen.length = 0;
    await api['articles.save']({ url: server.url('/changing.html') });
    expect(seen).toEqual([]);
  });

  it('resolves a redirected page against where it really came from', async () => {
    const saved = await api['articles.save']({
      url: server.url('/go?redirect=302&to=/pages/relative-urls.html'),
    });
    expect(saved.url).toBe(server.url('/pages/relative-urls.html'));
    expect(saved.contentHtml).toContain(`src="${server.url('/pages/images/river-ice.jpg')}"`);
    expect(saved.contentHtml).toContain(`href="${server.url('/pages/blog-post.html')}"`);
  });

  it('reads a windows-1251 page that only its <meta> declares', async () => {
    // ?contentType drops the fixture server's default charset=utf-8.
    const saved = await api['articles.save']({
      url: server.url('/pages/windows-1251-meta-charset.html?contentType=text/html'),
    });
    expect(saved.title).toMatch(/^Хабаровск встретил первый лёд на Амуре/);
    expect(saved.contentHtml).toContain('Сергей Ёлкин');
  });

  it('stores nothing for a page that is gone or is not a web page', async () => {
    const gone = await apiErrorOf(api['articles.save']({ url: server.url('/pages/missing.html') }));
    expect(gone.code).toBe('FETCH_FAILED');
    const image = await apiErrorOf(
      api['articles.save']({ url: server.url('/pages/images/river-ice.jpg') }),
    );
    expect(image.code).toBe('PARSE_FAILED');
    expect(image.message).toContain('is not a web page (it is image/jpeg)');
    const empty = await apiErrorOf(
      api['articles.save']({ url: server.url('/pages/no-article-here.html') }),
    );
    expect(empty.code).toBe('PARSE_FAILED');
    expect(store.articles.countByKind('saved')).toBe(0);
    expect(seen).toEqual([]);
  });
});
