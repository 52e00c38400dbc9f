/**
 * The suggestions under an article against the real core: "More like this" shows as soon as it
 * arrives, while related feeds still wait on the article's site (a fixture server whose home
 * page is held), and moving on to another article drops the first one's answers.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RelatedState } from '../../src/renderer/src/lib/related.svelte';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { rssFeed, serveFeed } from '../helpers/generated-feed';
import { openRendererCore, type RendererCore } from '../helpers/renderer-core';

/** Articles on one subject, so that each has others like it. */
const SUBJECT = 'glacier meltwater fjord iceberg permafrost tundra expedition';

let server: FixtureServer;
let core: RendererCore;
let ids: number[];
let release: () => void;

beforeAll(async () => {
  server = await startFixtureServer();
  serveFeed(server, '/glaciers.xml', () =>
    rssFeed(
      'Glaciers',
      Array.from({ length: 6 }, (_, i) => ({
        guid: `g${i}`,
        title: `Glacier report ${i}: ${SUBJECT.split(' ')[i]}`,
        link: server.url(`/posts/${i}.html`),
        html: `<p>${SUBJECT} ${SUBJECT.split(' ').slice(i).join(' ')} measured again.</p>`,
        published: new Date(Date.UTC(2025, 4, 1 + i)),
      })),
    ),
  );
});
afterAll(() => server.close());
beforeEach(async () => {
  // The articles' site: its home page (where related feeds look for the site's own feeds)
  // answers only when the test says so.
  const held = new Promise<void>((done) => (release = done));
  server.route('/', async (_req, res) => {
    await held;
    res.writeHead(404).end();
  });
  core = openRendererCore();
  const api = core.connection.api;
  const feed = await api['feeds.add']({ url: server.url('/glaciers.xml') });
  const page = await api['articles.list']({ feedId: feed.id, limit: 50 });
  ids = page.items.map((a) => a.id);
});
afterEach(() => {
  release();
  core.close();
});

describe('RelatedState', () => {
  it('shows More like this before the related feeds arrive', async () => {
    const related = new RelatedState(core.connection.api);
    const loaded = related.load(ids[0] as number);
    await vi.waitFor(() => expect(related.articles.length).toBeGreaterThan(0));
    expect(related.loading).toBe(true);
    expect(related.feeds).toEqual([]);
    expect(related.articles.map((a) => a.id)).not.toContain(ids[0]);
    release();
    await loaded;
    expect(related.loading).toBe(false);
    expect(related.feeds.length).toBeGreaterThan(0); // the catalog's, at least
  });

  it('drops the answers for an article the reader has left', async () => {
    const api = core.connection.api;
    const [first, second] = ids as [number, number];
    const related = new RelatedState(api);
    const left = related.load(first);
    const now = related.load(second);
    await vi.waitFor(() => expect(related.articles.length).toBeGreaterThan(0));
    // The list shown is the second article's, never the first's (which would hold `second`).
    const expected = (await api['articles.related']({ id: second, limit: 5 })).map((a) => a.id);
    expect(related.articles.map((a) => a.id)).toEqual(expected);
    release();
    await Promise.all([left, now]);
    expect(related.articleId).toBe(second);
    expect(related.articles.map((a) => a.id)).toEqual(expected);
    const feeds = await api['feeds.related']({ articleId: second });
    expect(related.feeds.map((f) => f.url)).toEqual(feeds.map((f) => f.url));
  });
});
