/**
 * AppOptions.fetch: the whole core reaches the web through the fetch function it is given (the
 * desktop shell hands in Electron's net.fetch). Tests see every request by passing their own,
 * as here: whatever the fixture server was asked, the given fetch asked it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type FolioApp } from '../../src/main/core/app';
import type { FetchFunction } from '../../src/main/core/net/fetch-bytes';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { recordingFetch } from '../helpers/net';
import { RESOURCES_DIR, tempDir } from '../helpers/temp-dir';

describe('the fetch function the app is given', () => {
  let server: FixtureServer;
  let app: FolioApp | null = null;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/pages.xml', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Pages</title>` +
          `<link>${server.origin}/</link><item><guid>p1</guid><title>A post</title>` +
          `<link>${server.url('/pages/blog-post.html')}</link><description>` +
          `&lt;p&gt;A summary.&lt;/p&gt;&lt;img src="${server.url('/images/red-2x2.png')}"&gt;` +
          `</description></item></channel></rss>`,
      );
    });
  });
  afterAll(() => server.close());
  afterEach(() => {
    app?.close();
    app = null;
  });

  function open(fetch: FetchFunction): FolioApp {
    app = openApp({
      dataDir: tempDir(),
      resourcesDir: RESOURCES_DIR,
      databaseFile: ':memory:',
      scheduleRefresh: false,
      fetch,
    });
    return app;
  }

  it('carries every request: subscribing, refreshing, discovery, full text and images', async () => {
    const recorded = recordingFetch();
    const { api } = open(recorded.fetch);
    server.requests.length = 0;

    const feed = await api['feeds.add']({ url: server.url('/pages.xml') });
    await api['feeds.refresh']({ id: feed.id });
    await api['feeds.discover']({ url: server.url('/pages/blog-post.html') });
    const [article] = (await api['articles.list']({ feedId: feed.id })).items;
    await api['articles.fetchFullText']({ id: article!.id });
    await api['offline.make']({ feedId: feed.id });

    const asked = server.requests.map((r) => r.path).sort();
    const sent = recorded.urls.map((url) => url.slice(server.origin.length)).sort();
    expect(sent).toEqual(asked);
    expect(sent.filter((path) => path === '/pages.xml').length).toBeGreaterThanOrEqual(2);
    expect(sent).toContain('/pages/blog-post.html');
    expect(sent).toContain('/images/red-2x2.png');
  });

  it('is all there is: a fetch that refuses leaves the network untouched', async () => {
    const refused: string[] = [];
    const offline: FetchFunction = (url) => {
      refused.push(url);
      const cause = Object.assign(new Error(`connect ECONNREFUSED ${url}`), {
        code: 'ECONNREFUSED',
      });
      return Promise.reject(new TypeError('fetch failed', { cause }));
    };
    const { api } = open(offline);
    server.requests.length = 0;

    // The subscription is kept for later, as on a train with no network.
    const feed = await api['feeds.add']({ url: server.url('/pages.xml') });
    expect(feed.lastError).toContain('ECONNREFUSED');
    expect(refused).toEqual([server.url('/pages.xml')]);
    expect(server.requests).toEqual([]);
  });
});
