import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadArticleImages } from '../../src/main/core/library/offline/image-download';
import { Store } from '../../src/main/core/storage/store';
import { getArticle } from '../../src/main/core/library/articles-service';
import { updateSettings } from '../../src/main/core/library/settings';
import { FetchLimiter } from '../../src/main/core/net/fetch-limiter';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackGet } from '../helpers/net';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

describe('downloading an article’s images', () => {
  let server: FixtureServer;
  let store: Store;
  let next = 0;

  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());
  /** What the offline queue hands downloads: the store, the app's GET and its own limiter. */
  let images: { store: Store; get: typeof loopbackGet; limiter: FetchLimiter };
  beforeEach(() => {
    store = Store.open(':memory:');
    images = { store, get: loopbackGet, limiter: new FetchLimiter(4, 2) };
  });

  /** Stores a library article showing these fixture images and returns its id. */
  function article(images: string[]): number {
    const html = images.map((path) => `<img src="${server.url(path)}" alt="" />`).join('');
    return store.articles.insert({
      uid: `library:test-${++next}`,
      feedId: null,
      kind: 'saved',
      url: null,
      title: 'Pictures',
      author: null,
      publishedAt: null,
      contentHtml: `<p>Text.</p>${html}`,
      text: 'Text.',
    });
  }

  const imagesMissing = (id: number) =>
    (
      rawDatabase(store).prepare('SELECT images_missing FROM articles WHERE id = ?').get(id) as {
        images_missing: number | null;
      }
    ).images_missing;
  const requestsFor = (path: string) => server.requests.filter((r) => r.path === path).length;

  it('stores each kept format with its sniffed type and size, and links it', async () => {
    const paths = [
      '/images/red-2x2.png',
      '/images/grey-1x1.jpg',
      '/images/black-1x1.gif',
      '/images/pixel-1x1.webp',
    ];
    const id = article(paths);
    expect(imagesMissing(id)).toBeNull();
    expect(await downloadArticleImages(images, id)).toEqual({
      stored: 4,
      downloaded: 4,
      missing: 0,
    });
    const rows = rawDatabase(store)
      .prepare(
        `SELECT s.url, s.type, s.size FROM assets s JOIN article_assets aa ON aa.asset_id = s.id
         WHERE aa.article_id = ? ORDER BY s.url`,
      )
      .all(id);
    // Images download concurrently, so the order they were stored in is not fixed.
    expect(rows).toEqual([
      { url: server.url(paths[2]!), type: 'image/gif', size: 42 },
      { url: server.url(paths[1]!), type: 'image/jpeg', size: 134 },
      { url: server.url(paths[3]!), type: 'image/webp', size: 34 },
      { url: server.url(paths[0]!), type: 'image/png', size: 73 },
    ]);
    expect(imagesMissing(id)).toBe(0);
    expect(store.articles.summary(id)?.offlineReady).toBe(true);
    const accept = server.requests.find((r) => r.path === paths[0])?.headers.accept;
    expect(accept).toMatch(/^image\/avif,image\/webp/);
  });

  it('refuses SVG, files over 5 MB, text named .png and broken links; the rest is kept', async () => {
    const id = article([
      '/images/svg-with-script.svg',
      '/images/over-cap-6mb.png',
      '/images/text-named.png',
      '/images/missing.png',
      '/images/blue-4x3.png',
    ]);
    expect(await downloadArticleImages(images, id)).toEqual({
      stored: 1,
      downloaded: 1,
      missing: 4,
    });
    const types = rawDatabase(store).prepare('SELECT type FROM assets').pluck().all();
    expect(types).toEqual(['image/png']);
    expect(imagesMissing(id)).toBe(4);
    expect(store.articles.summary(id)?.offlineReady).toBe(false);
  });

  it('stops taking images past the per-article cap; they stay remote', async () => {
    // 73 + 73 bytes fit under 150; the third PNG would pass it.
    const id = article(['/images/red-2x2.png', '/images/blue-4x3.png', '/images/red-2x2.png?3']);
    const result = await downloadArticleImages(images, id, { maxArticleBytes: 150 });
    expect(result).toEqual({ stored: 2, downloaded: 2, missing: 1 });
    expect(imagesMissing(id)).toBe(1);
  });

  it('reuses an image already stored under the same URL instead of fetching it again', async () => {
    const first = article(['/images/black-1x1.gif?reuse']);
    await downloadArticleImages(images, first);
    expect(requestsFor('/images/black-1x1.gif?reuse')).toBe(1);
    const second = article(['/images/black-1x1.gif?reuse']);
    expect(await downloadArticleImages(images, second)).toEqual({
      stored: 1,
      downloaded: 0,
      missing: 0,
    });
    expect(requestsFor('/images/black-1x1.gif?reuse')).toBe(1);
    expect(store.offline.storedImages(second).size).toBe(1);
    expect(rawDatabase(store).prepare('SELECT count(*) FROM assets').pluck().get()).toBe(1);
  });

  it('counts an image shown twice once, and an article without images as complete', async () => {
    const twice = article(['/images/red-2x2.png?twice', '/images/red-2x2.png?twice']);
    expect((await downloadArticleImages(images, twice)).stored).toBe(1);
    const none = article([]);
    expect(await downloadArticleImages(images, none)).toEqual({
      stored: 0,
      downloaded: 0,
      missing: 0,
    });
    expect(store.articles.summary(none)?.offlineReady).toBe(true);
  });

  it('articles.get shows stored images from /assets/<id>, and blocks the rest when asked', async () => {
    const id = article(['/images/red-2x2.png?get', '/images/missing.png?get']);
    await downloadArticleImages(images, id);
    const assetId = store.offline.storedImages(id).get(server.url('/images/red-2x2.png?get'));
    const shown = getArticle(store, id).contentHtml;
    expect(shown).toContain(`<img alt="" src="/assets/${assetId}" />`);
    expect(shown).toContain(`src="${server.url('/images/missing.png?get')}"`);
    updateSettings(store, { blockRemoteContent: true });
    const blocked = getArticle(store, id).contentHtml;
    expect(blocked).toContain(`src="/assets/${assetId}"`);
    expect(blocked).toContain(
      `<img alt="" data-remote-src="${server.url('/images/missing.png?get')}" />`,
    );
    // The stored HTML keeps its remote URLs: only what the reader gets is rewritten.
    expect(store.articles.content(id)?.contentHtml).toContain(
      server.url('/images/red-2x2.png?get'),
    );
  });

  it('answers NOT_FOUND for an unknown article', async () => {
    await expect(downloadArticleImages(images, 9999)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
