/**
 * Durability: highlights and notes written through the Api while a large feed is
 * refreshed over and over are all there afterwards, placed in the updated articles; retention
 * and unsubscribing never take them. A real temp-file database, the real app (Refresher,
 * dispatcher) and the real fixture server on 127.0.0.1.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type FolioApp } from '../../src/main/core/app';
import { htmlToText } from '../../src/main/core/content/html-text';
import { applyRetention } from '../../src/main/core/library/offline/retention';
import { describeRange } from '../../src/shared/anchoring';
import type { Envelope } from '../../src/shared/bridge';
import type { Article, Feed, Highlight, RefreshResult } from '../../src/shared/model';
import { openLibrary } from '../helpers/annotated-library';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { RESOURCES_DIR, tempDir } from '../helpers/temp-dir';
import { loopbackFetch } from '../helpers/net';

const ITEMS = 300;
const HIGHLIGHTS = 200;
const FILLER =
  'Freight trains cross the Amur bridge every hour, loaded with timber and soybeans. '.repeat(12);

/**
 * The big feed as served on its `version`-th request: every item changes (a dated update above
 * the passage highlighted, a new closing paragraph), and each request adds an item.
 */
function bigFeed(version: number): string {
  const items: string[] = [];
  for (let n = ITEMS + version - 2; n >= 0; n--) {
    const body =
      `<p>Update ${'#'.repeat(version % 7)}${version}: figures revised.</p>` +
      `<p>Item ${n} says the ice festival in Harbin opens in January.</p>` +
      `<p>${FILLER}</p><p>Closing thought number ${version * 31 + n}.</p>`;
    items.push(
      `<item><guid>item-${n}</guid><title>Item ${n}</title><link>http://big.test/${n}</link>` +
        `<description><![CDATA[${body}]]></description>` +
        `<pubDate>${new Date(Date.UTC(2025, 0, 1) + n * 60_000).toUTCString()}</pubDate></item>`,
    );
  }
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>http://big.test/</link>${items.join('')}</channel></rss>`;
}

function ok<T>(envelope: Envelope): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as T;
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('highlights survive refreshes', () => {
  let server: FixtureServer;
  let app: FolioApp;
  const dataDir = tempDir('folio-durability-');
  let served = 0;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/big.xml', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.end(bigFeed(++served));
    });
    app = openApp({
      fetch: loopbackFetch,
      dataDir,
      resourcesDir: RESOURCES_DIR,
      scheduleRefresh: false,
    });
  });
  afterAll(async () => {
    app.close();
    await server.close();
  });

  it('keeps all 200 highlights and notes made while the feed is refreshed in a loop', async () => {
    const feed = ok<Feed>(await app.dispatch('feeds.add', { url: server.url('/big.xml') }));
    const page = ok<{ items: { id: number }[] }>(
      await app.dispatch('articles.list', { feedId: feed.id, limit: 500 }),
    );
    const ids = page.items.map((item) => item.id);
    expect(ids).toHaveLength(ITEMS);

    let creating = true;
    let refreshes = 0;
    const refreshesDuringCreates: number[] = [];
    const refreshLoop = async (): Promise<void> => {
      while (creating || refreshes < 3) {
        const result = ok<RefreshResult>(await app.dispatch('feeds.refresh', { id: feed.id }));
        expect(result.errors).toEqual([]);
        refreshes++;
      }
    };
    const createLoop = async (): Promise<void> => {
      for (let i = 0; i < HIGHLIGHTS; i++) {
        const articleId = ids[i % ids.length] as number;
        const article = ok<Article>(await app.dispatch('articles.get', { id: articleId }));
        const text = htmlToText(article.contentHtml);
        const at = text.indexOf('ice festival in Harbin');
        const selector = describeRange(text, at, at + 'ice festival in Harbin'.length);
        ok<Highlight>(
          await app.dispatch('highlights.create', {
            articleId,
            ...selector,
            color: 'green',
            note: `Note ${i}`,
          }),
        );
        refreshesDuringCreates.push(refreshes);
        // Let the refresh's network and parsing run between bursts of writes (a refresh parses
        // synchronously, so every pause lets about one refresh in).
        if (i % 8 === 7) await pause(1);
      }
      creating = false;
    };
    await Promise.all([refreshLoop(), createLoop()]);
    app.close();

    // The refreshes really ran between the writes.
    expect(refreshesDuringCreates.at(-1)! - refreshesDuringCreates[0]!).toBeGreaterThanOrEqual(2);
    expect(served).toBeGreaterThanOrEqual(4);

    // A new connection to the file sees every highlight and note, each in its updated article.
    const lib = openLibrary(join(dataDir, 'folio.db'));
    try {
      const listed = await lib.api['highlights.list']({ feedId: feed.id });
      expect(listed).toHaveLength(HIGHLIGHTS);
      expect(new Set(listed.map((h) => h.note))).toEqual(
        new Set(Array.from({ length: HIGHLIGHTS }, (_, i) => `Note ${i}`)),
      );
      expect(listed.filter((h) => h.orphaned)).toEqual([]);
      for (const h of listed) {
        const text = lib.store.articles.content(h.articleId)!.text;
        expect(text.slice(h.start, h.end)).toBe('ice festival in Harbin');
        expect(text).toContain(`Update ${'#'.repeat(served % 7)}${served}:`);
      }

      // Retention takes every read article but the highlighted ones.
      lib.store.articles.markAllRead({ feedId: feed.id });
      const farFuture = Date.now() + 1000 * 24 * 60 * 60 * 1000;
      const { deletedArticles } = applyRetention(lib.store, farFuture, 1);
      expect(deletedArticles).toBe(ITEMS + served - 1 - HIGHLIGHTS);
      expect(await lib.api['highlights.list']({})).toHaveLength(HIGHLIGHTS);

      // Unsubscribing keeps them as library articles.
      expect(lib.store.feeds.remove(feed.id)).toBe(true);
      const kept = await lib.api['highlights.list']({});
      expect(kept).toHaveLength(HIGHLIGHTS);
      expect(kept.every((h) => h.feedId === null && !h.orphaned)).toBe(true);
    } finally {
      lib.store.close();
    }
  }, 120_000);
});
