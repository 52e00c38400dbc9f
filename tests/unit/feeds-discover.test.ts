import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFeeds } from '../../src/main/core/feeds/discover';
import { looksLikeFeedUrl, scanPage } from '../../src/main/core/feeds/discover-page';
import { platformFeedUrls } from '../../src/main/core/feeds/discover-platforms';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackNet } from '../helpers/net';

const SITES = join(__dirname, '..', 'fixtures', 'sites');

/** Each fixture site is served at the root of its own server, as a real site is. */
const servers = new Map<string, FixtureServer>();
async function site(name: string): Promise<FixtureServer> {
  let server = servers.get(name);
  if (!server) {
    server = await startFixtureServer({ root: join(SITES, name) });
    servers.set(name, server);
  }
  return server;
}
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

/** Paths requested after the page itself, in order. */
function requestsAfterPage(server: FixtureServer): string[] {
  return server.requests.map((r) => r.path).filter((p) => p !== '/index.html');
}

describe('feeds.discover on fixture sites', () => {
  it('finds rel=alternate RSS and Atom feeds in page order, the comments feed last', async () => {
    const s = await site('rel-alternate');
    const found = await discoverFeeds(s.url('/index.html'), loopbackNet());
    expect(found).toEqual([
      { url: s.url('/feed.xml'), title: 'Alternate News', type: 'rss' },
      { url: s.url('/atom.xml'), title: 'Alternate News (Atom)', type: 'atom' },
      { url: s.url('/comments.xml'), title: 'Comments for Alternate News', type: 'rss' },
    ]);
    // The hreflang alternate (a translation of the page) was never fetched as a feed.
    expect(s.requests.map((r) => r.path)).not.toContain('/index-fr.html');
  });

  it('finds a feed that only an <a href="/feed"> link names, skipping the sitemap', async () => {
    const s = await site('anchor-only');
    const found = await discoverFeeds(s.url('/index.html'), loopbackNet());
    expect(found).toEqual([{ url: s.url('/feed'), title: 'Anchor Weekly', type: 'rss' }]);
    expect(requestsAfterPage(s)).toEqual(['/feed']);
  });

  it('tries the usual paths one at a time and stops at the first feed', async () => {
    const s = await site('usual-path');
    const found = await discoverFeeds(s.url('/index.html'), loopbackNet());
    expect(found).toEqual([{ url: s.url('/feed'), title: 'Quiet Blog', type: 'rss' }]);
    expect(requestsAfterPage(s)).toEqual(['/feed']);
  });

  it('answers [] for a site without feeds, after a handful of sequential guesses', async () => {
    const s = await site('no-feed');
    // Each guess answers 404 after a moment, counting how many were asked at once.
    let inFlight = 0;
    let most = 0;
    for (const path of ['/feed', '/rss', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml']) {
      s.route(path, async (_req, res) => {
        most = Math.max(most, ++inFlight);
        await new Promise((done) => setTimeout(done, 20));
        inFlight--;
        res.writeHead(404).end();
      });
    }
    expect(await discoverFeeds(s.url('/index.html'), loopbackNet())).toEqual([]);
    const guesses = requestsAfterPage(s);
    expect(guesses.slice(0, 3)).toEqual(['/feed', '/rss', '/rss.xml']);
    expect(guesses.length).toBeLessThanOrEqual(7);
    expect(most).toBe(1);
  });

  it('resolves relative feed links against <base href>', async () => {
    const s = await site('base-href');
    const found = await discoverFeeds(s.url('/index.html'), loopbackNet());
    expect(found).toEqual([{ url: s.url('/blog/feed.xml'), title: 'Based Blog', type: 'rss' }]);
  });

  it('builds the channel feed of a YouTube-like page from its channelId meta', async () => {
    const s = await site('youtube-channel');
    const found = await discoverFeeds(s.url('/index.html'), loopbackNet());
    expect(found).toEqual([
      {
        url: s.url('/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv'),
        title: 'Fixture Channel',
        type: 'atom',
      },
    ]);
  });

  it('skips an alternate link that answers 404 and keeps the working one', async () => {
    const s = await site('broken-alternate');
    const found = await discoverFeeds(s.url('/index.html'), loopbackNet());
    expect(found).toEqual([{ url: s.url('/feed.xml'), title: 'Mended Site', type: 'rss' }]);
    expect(requestsAfterPage(s)).toContain('/old-feed.xml');
  });

  it('answers the feed itself when the URL is a feed', async () => {
    const s = await site('rel-alternate');
    expect(await discoverFeeds(s.url('/atom.xml'), loopbackNet())).toEqual([
      { url: s.url('/atom.xml'), title: 'Alternate News (Atom)', type: 'atom' },
    ]);
  });

  it('answers FETCH_FAILED when the page cannot be reached', async () => {
    const port = await closedPort();
    await expect(discoverFeeds(`http://127.0.0.1:${port}/`, loopbackNet())).rejects.toMatchObject({
      code: 'FETCH_FAILED',
    });
  });

  it('answers FETCH_FAILED for a page that answers 404', async () => {
    const s = await site('no-feed');
    await expect(discoverFeeds(s.url('/gone.html'), loopbackNet())).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { status: 404 },
    });
  });
});

describe('reading a page for feeds (pure)', () => {
  it('takes rel="feed" links, JSON Feed alternates and FeedBurner links', () => {
    const scan = scanPage(
      `<html><head>
        <link rel="feed" href="/posts.atom">
        <link rel="alternate" type="application/feed+json" href="/feed.json" title="JSON">
        <link rel="alternate" type="text/html" href="/print">
      </head><body><a href="https://feeds.feedburner.com/Example">Subscribe</a>
      <a href="/2025/01/a-post-about-rss-readers">A post</a></body></html>`,
      'https://example.com/blog/',
    );
    expect(scan.alternates.map((l) => l.url)).toEqual([
      'https://example.com/posts.atom',
      'https://example.com/feed.json',
    ]);
    expect(scan.anchors).toEqual([
      { url: 'https://feeds.feedburner.com/Example', title: 'Subscribe' },
    ]);
  });

  it('tells feed-like URLs from others', () => {
    const like = (u: string) => looksLikeFeedUrl(new URL(u));
    expect(like('https://a.test/feed/')).toBe(true);
    expect(like('https://a.test/blog/rss.xml')).toBe(true);
    expect(like('https://a.test/index.xml')).toBe(true);
    expect(like('https://a.test/news.rss')).toBe(true);
    expect(like('https://a.test/?feed=rss2')).toBe(true);
    expect(like('https://a.test/feeds/posts/default')).toBe(true);
    expect(like('https://a.test/sitemap.xml')).toBe(false);
    expect(like('https://a.test/feedback')).toBe(false);
    expect(like('https://a.test/about')).toBe(false);
  });
});

describe('platform rules (pure)', () => {
  it('knows the feeds of YouTube, Reddit, Medium, Substack, GitHub and Mastodon', () => {
    expect(platformFeedUrls('https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv')).toEqual([
      'https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv',
    ]);
    expect(
      platformFeedUrls('https://www.youtube.com/@somebody', 'UCabcdefghijklmnopqrstuv'),
    ).toEqual(['https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv']);
    expect(platformFeedUrls('https://old.reddit.com/r/rss/comments/abc/x/')).toEqual([
      'https://www.reddit.com/r/rss/.rss',
    ]);
    expect(platformFeedUrls('https://medium.com/@someone')).toEqual([
      'https://medium.com/feed/@someone',
    ]);
    expect(platformFeedUrls('https://letters.substack.com/p/a-post')).toEqual([
      'https://letters.substack.com/feed',
    ]);
    expect(platformFeedUrls('https://github.com/miniflux/v2')).toEqual([
      'https://github.com/miniflux/v2/releases.atom',
    ]);
    expect(platformFeedUrls('https://mastodon.social/@Gargron')).toEqual([
      'https://mastodon.social/@Gargron.rss',
    ]);
    expect(platformFeedUrls('https://example.com/about')).toEqual([]);
  });
});

/** Returns a port on 127.0.0.1 that refuses connections (bound once, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
