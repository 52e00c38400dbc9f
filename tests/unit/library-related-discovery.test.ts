/**
 * Related feeds from the sites an article comes from and links to, discovered on demand through
 * the real autodiscovery against fixture sites on 127.0.0.1, and cached per host in site_feeds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { discoverFeeds } from '../../src/main/core/feeds/discover';
import { FetchLimiter } from '../../src/main/core/net/fetch-limiter';
import { importSeedOnce } from '../../src/main/core/library/seed';
import { relatedFeeds } from '../../src/main/core/library/related/related-feeds';
import { relatedService } from '../../src/main/core/library/related/related-service';
import { articleForRelated } from '../../src/main/core/library/related/related-candidates';
import {
  SiteDiscovery,
  sitesToDiscover,
} from '../../src/main/core/library/related/related-discovery';
import { catalogEntries } from '../../src/main/core/library/related/feed-catalog';
import { canonicalFeedUrl } from '../../src/main/core/library/related/related-urls';
import type { RelatedFeed } from '../../src/shared/model';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackNet } from '../helpers/net';

const SITES = join(__dirname, '..', 'fixtures', 'sites');

let store: Store;
let servers: FixtureServer[] = [];

beforeEach(() => {
  store = Store.open(':memory:');
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  store.close();
});

/** Serves a fixture site at the root of its own server, its home page at `/` as a real site's. */
async function site(name: string): Promise<FixtureServer> {
  const server = await startFixtureServer({ root: join(SITES, name) });
  server.route('/', (_req, res) => void res.writeHead(302, { Location: '/index.html' }).end());
  servers.push(server);
  return server;
}

/** The real autodiscovery with its own limiter, counting the pages it is asked about. */
function discovery() {
  const limiter = new FetchLimiter();
  const asked: string[] = [];
  const discover = (url: string) => {
    asked.push(url);
    return discoverFeeds(url, loopbackNet(limiter));
  };
  return { asked, discover };
}

/** A saved article about baking (which no news feed covers well), at `url`, with `html`. */
function addArticle(url: string | null, html: string): number {
  const text =
    'A sourdough loaf needs flour, water, salt and a lively starter fed the night before.';
  return store.articles.insert({
    uid: `library:test:${Math.random()}`,
    feedId: null,
    kind: 'saved',
    url,
    title: 'Baking a sourdough loaf at home',
    author: null,
    publishedAt: null,
    contentHtml: `<p>${text}</p>${html}`,
    text,
  });
}

const link = (url: string) => `<p>See <a href="${url}">this guide</a>.</p>`;
const hostOf = (server: FixtureServer) => `127.0.0.1:${server.port}`;
const from = (related: RelatedFeed[], server: FixtureServer) =>
  related.filter((f) => f.url.startsWith(server.origin));

describe('related feeds discovered on the article’s sites', () => {
  it('suggests its own site’s feed and the feed of the site it links to', async () => {
    const own = await site('usual-path');
    const linked = await site('rel-alternate');
    const id = addArticle(own.url('/2024/05/sourdough.html'), link(linked.url('/starter.html')));
    const { asked, discover } = discovery();

    const related = await relatedService(store, { discover })['feeds.related']({ articleId: id });

    expect(related[0]).toEqual({
      url: own.url('/feed'),
      title: 'Quiet Blog',
      reason: 'The site of this article',
      score: expect.any(Number),
      subscribed: false,
    });
    // Its RSS, Atom and comments feeds are one stream: one suggestion.
    expect(from(related, linked)).toEqual([
      {
        url: linked.url('/feed.xml'),
        title: 'Alternate News',
        reason: 'Linked from this article',
        score: expect.any(Number),
        subscribed: false,
      },
    ]);
    expect(asked).toEqual([own.url('/'), linked.url('/')]);
    expect(store.siteFeeds.get(hostOf(linked))).toMatchObject({
      feeds: [{ url: linked.url('/feed.xml') }, { url: linked.url('/atom.xml') }, {}],
      error: null,
    });
  });

  it('answers a second call from the cache, without a request', async () => {
    const own = await site('usual-path');
    const linked = await site('rel-alternate');
    const id = addArticle(own.url('/story.html'), link(linked.url('/starter.html')));
    const first = await relatedService(store, discovery())['feeds.related']({ articleId: id });
    const requests = own.requests.length + linked.requests.length;

    // Another service over the same database: the app after a restart.
    const { asked, discover } = discovery();
    const second = await relatedService(store, { discover })['feeds.related']({ articleId: id });

    expect(second).toEqual(first);
    expect(asked).toEqual([]);
    expect(own.requests.length + linked.requests.length).toBe(requests);
  });

  it('answers without error when a site cannot be reached, and caches the failure for a day', async () => {
    const gone = await site('rel-alternate');
    const url = gone.url('/story.html');
    await gone.close();
    servers = servers.filter((s) => s !== gone);
    const id = addArticle(url, '');
    const { asked, discover } = discovery();
    const api = relatedService(store, { discover });

    const related = await api['feeds.related']({ articleId: id });

    // What the local ranking alone says, as when discovery is not there at all.
    expect(related).toEqual(relatedFeeds(store, id));
    expect(store.siteFeeds.get(hostOf(gone))).toMatchObject({
      feeds: [],
      error: expect.any(String),
    });
    await api['feeds.related']({ articleId: id });
    expect(asked).toHaveLength(1);

    // A day later the site is asked again.
    const now = Date.now() + 24 * 60 * 60 * 1000 + 1;
    const later = discovery();
    const article = articleForRelated(store, id);
    if (!article) throw new Error('the article is stored');
    await new SiteDiscovery(store, { discover: later.discover, now: () => now }).feedsFor(article);
    expect(later.asked).toEqual([gone.url('/')]);
  });

  it('does not wait for a slow site beyond the budget, and shows it on a later call', async () => {
    const slow = await site('anchor-only');
    let answer = () => {};
    const held = new Promise<void>((done) => (answer = done));
    slow.route('/', async (_req, res) => {
      await held;
      res.writeHead(302, { Location: '/index.html' }).end();
    });
    const id = addArticle(null, link(slow.url('/issue-12.html')));
    const { asked, discover } = discovery();
    const api = relatedService(store, { discover, budgetMs: 200 });

    // The home page is not answered until `answer()`: this call returns on the budget alone.
    const first = await api['feeds.related']({ articleId: id });
    expect(from(first, slow)).toEqual([]);
    expect(slow.requests.map((r) => r.path)).toEqual(['/']);

    // A call while the discovery is still running waits for it again, without a second one.
    await api['feeds.related']({ articleId: id });
    expect(asked).toEqual([slow.url('/')]);

    answer();
    const table = store.siteFeeds;
    await vi.waitFor(() => expect(table.get(hostOf(slow))).not.toBeNull(), { timeout: 10_000 });
    const later = await api['feeds.related']({ articleId: id });
    expect(from(later, slow)).toEqual([
      {
        url: slow.url('/feed'),
        title: 'Anchor Weekly',
        reason: 'Linked from this article',
        score: expect.any(Number),
        subscribed: false,
      },
    ]);
    expect(asked).toHaveLength(1);
  });

  it('discovers at most four new sites per call, the rest on the next', async () => {
    const sites = await Promise.all(Array.from({ length: 6 }, () => site('rel-alternate')));
    const id = addArticle(null, sites.map((s) => link(s.url('/a.html'))).join(''));
    const { asked, discover } = discovery();
    const api = relatedService(store, { discover });

    await api['feeds.related']({ articleId: id });
    expect(asked).toHaveLength(4);
    const second = await api['feeds.related']({ articleId: id });
    expect(asked).toHaveLength(6);
    expect(second.filter((f) => f.reason === 'Linked from this article')).toHaveLength(6);
  });

  it('skips social networks, reference sites and sites the catalog or a subscription covers', async () => {
    const news = await site('rel-alternate');
    store.feeds.insert({
      url: 'https://followed.example.org/feed.xml',
      title: 'Followed',
      siteUrl: 'https://www.followed.example.org/',
      folder: null,
    });
    const links = [
      'https://twitter.com/someone/status/1',
      'https://t.co/abc',
      'https://en.wikipedia.org/wiki/Sourdough',
      'https://www.youtube.com/watch?v=x',
      'https://www.google.co.uk/search?q=bread',
      'https://github.com/someone/bread',
      'https://meduza.io/en/feature/2024/05/17/x', // in the catalog
      'https://blog.followed.example.org/post', // a subscription's site
      news.url('/a.html'),
    ];
    const id = addArticle(null, links.map(link).join(''));
    const article = articleForRelated(store, id);
    if (!article) throw new Error('the article is stored');

    expect(sitesToDiscover(store, article)).toEqual([hostOf(news)]);
  });

  it('leaves the seed (no URL, no links) as it was: the catalog’s top five, nothing fetched', async () => {
    const seed = importSeedOnce(
      store,
      readFileSync('resources/seed/harbin-visit.txt', 'utf8'),
    ) as number;
    const { asked, discover } = discovery();

    const related = await relatedService(store, { discover })['feeds.related']({ articleId: seed });

    expect(related).toEqual(relatedFeeds(store, seed));
    const catalog = new Set(catalogEntries().map((e) => canonicalFeedUrl(e.feedUrl)));
    expect(related.slice(0, 5).every((f) => catalog.has(canonicalFeedUrl(f.url)))).toBe(true);
    expect(asked).toEqual([]);
  });
});
