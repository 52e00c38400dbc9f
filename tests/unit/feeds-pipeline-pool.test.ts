import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/events';
import { feedFromBytes, type FeedBytesMeta } from '../../src/main/core/feeds/pipeline';
import { PipelinePool, TRANSFER_MIN_BYTES } from '../../src/main/core/feeds/pipeline-pool';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { feedsService } from '../../src/main/core/library/subscriptions/feeds-service';
import { Store } from '../../src/main/core/storage/store';
import { ApiError } from '../../src/shared/errors';
import type { NormalizedFeed } from '../../src/main/core/feeds/types';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackNet } from '../helpers/net';
import { buildWorkers } from '../helpers/built-workers';
import { rssFeed } from '../helpers/generated-feed';
import { collectFeed } from '../helpers/feed-batches';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const NOW = Date.parse('2025-03-01T12:00:00Z');

/** Fixtures with what the server would say of them: formats, encodings, repairs, enclosures. */
const SAMPLES: [file: string, contentType: string | null][] = [
  ['feeds/rss-2.0-basic.xml', 'application/rss+xml'],
  ['feeds/atom-1.0-basic.xml', null],
  ['feeds/atom-xml-base-relative-links.xml', null],
  ['feeds/json-feed-1.1.json', 'application/feed+json'],
  ['feeds/rdf-rss-1.0.xml', null],
  ['feeds/rss-bare-ampersand.xml', null],
  ['feeds/rss-itunes-podcast.xml', null],
  ['feeds/rss-missing-guids.xml', null],
  ['encodings/rss-windows-1251-russian.xml', null],
  ['encodings/rss-http-charset-overrides-prolog.xml', 'text/xml; charset=windows-1251'],
  ['encodings/atom-utf-16le-bom.xml', null],
  ['encodings/rss-shift-jis-japanese.xml', null],
];

function sample(file: string): { bytes: Uint8Array; meta: FeedBytesMeta } {
  return {
    bytes: new Uint8Array(readFileSync(join(FIXTURES, file))),
    meta: { url: `http://feeds.test/${file}`, contentType: null },
  };
}

const BIG_META = { url: 'https://example.com/big.xml', contentType: 'application/rss+xml' };

/** Returns an RSS feed of `count` items of ~600 bytes each, newest first. */
function bigFeed(count: number): string {
  const items = Array.from({ length: count }, (_, i) => ({
    guid: `g${i}`,
    title: `Item ${i}`,
    html: `<p>${'An item of a big feed, with a paragraph of text. '.repeat(12)}${i}</p>`,
    published: new Date(Date.UTC(2024, 0, 1) - i * 60_000),
  }));
  return rssFeed('Big', items);
}

/** Returns the whole feed the pool parses from `bytes` (every batch taken). */
async function parseWhole(
  pool: PipelinePool,
  bytes: Uint8Array,
  meta: FeedBytesMeta,
  now: number,
): Promise<NormalizedFeed> {
  return collectFeed(await pool.parse(bytes, meta, now));
}

/** Returns the rejection of `promise` (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

describe('PipelinePool', () => {
  let dir: string;
  let workerScript: string;
  /** The real worker behind a trigger: `#throw` throws outside its handler, `#exit` exits. */
  let crashingScript: string;

  beforeAll(async () => {
    dir = await buildWorkers(['pipeline-worker']);
    workerScript = join(dir, 'pipeline-worker.cjs');
    crashingScript = join(dir, 'crashing-worker.cjs');
    writeFileSync(
      crashingScript,
      `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => {
  if (job.url.endsWith('#throw')) throw new Error('boom outside the handler');
  if (job.url.endsWith('#exit')) process.exit(3);
});
require('./pipeline-worker.cjs');
`,
    );
  }, 60_000);

  describe('with the built worker', () => {
    let pool: PipelinePool;
    beforeAll(() => {
      pool = new PipelinePool({ workerScript, size: 1 });
    });
    afterAll(() => pool.close());

    it('runs in a worker thread', () => {
      expect(pool.threaded).toBe(true);
    });

    it.each(SAMPLES)('parses %s to exactly what in-process parsing gives', async (file, type) => {
      const { bytes, meta } = sample(file);
      const withType = { ...meta, contentType: type };
      const expected = await feedFromBytes(bytes, withType, NOW);
      const feed = await parseWhole(pool, bytes, withType, NOW);
      expect(feed).toEqual(expected);
      expect(feed.items.length).toBeGreaterThan(0);
      // The caller's bytes are left whole (a copy crosses): the refresher hashes them too.
      expect(bytes.byteLength).toBe(readFileSync(join(FIXTURES, file)).byteLength);
    });

    it('parses many feeds queued at once, each to its own result', async () => {
      const inputs = SAMPLES.map(([file, type]) => ({ ...sample(file), type }));
      const feeds = await Promise.all(
        inputs.map((i) => parseWhole(pool, i.bytes, { ...i.meta, contentType: i.type }, NOW)),
      );
      for (const [index, input] of inputs.entries()) {
        const expected = await feedFromBytes(
          input.bytes,
          { ...input.meta, contentType: input.type },
          NOW,
        );
        expect(feeds[index]).toEqual(expected);
      }
    });

    it('brings a big feed’s items (sent in acknowledged batches) whole and in order', async () => {
      const items = Array.from({ length: 5000 }, (_, i) => ({
        guid: `g${i}`,
        title: `Item ${i}`,
        published: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
      }));
      const bytes = new TextEncoder().encode(rssFeed('Big', items));
      const meta = { url: 'https://example.com/big.xml', contentType: 'application/rss+xml' };
      const [feed, again] = await Promise.all([
        parseWhole(pool, bytes, meta, NOW),
        parseWhole(pool, bytes, meta, NOW),
      ]);
      expect(feed).toEqual(await feedFromBytes(bytes, meta, NOW));
      expect(again).toEqual(feed);
      expect(feed.items).toHaveLength(5000);
    });

    it('hands a big body to the worker (transferred: the caller’s bytes are left empty)', async () => {
      const bytes = new TextEncoder().encode(bigFeed(3000));
      expect(bytes.byteLength).toBeGreaterThan(TRANSFER_MIN_BYTES);
      const expected = await feedFromBytes(bytes, BIG_META, NOW);
      const feed = await parseWhole(pool, bytes, BIG_META, NOW);
      expect(bytes.byteLength).toBe(0);
      expect(feed).toEqual(expected);
    });

    it('sends a big feed a batch at a time, the document’s end first, each when asked for', async () => {
      const bytes = new TextEncoder().encode(bigFeed(3000));
      const feed = await pool.parse(bytes, BIG_META, NOW);
      expect(feed.head.title).toBe('Big');
      const first = await feed.next();
      expect(first.last).toBe(false);
      expect(first.items.at(-1)?.title).toBe('Item 2999');
      expect(first.items.length).toBeLessThan(3000);
      const rest = await collectFeed(feed);
      expect(rest.items.at(0)?.title).toBe('Item 0');
      expect(first.items.length + rest.items.length).toBe(3000);
    });

    it('lets the worker go on once a feed is given up half way (cancel)', async () => {
      const bytes = new TextEncoder().encode(bigFeed(3000));
      const feed = await pool.parse(bytes, BIG_META, NOW);
      await feed.next();
      feed.cancel();
      await expect(feed.next()).rejects.toThrow();
      const { bytes: small, meta } = sample('feeds/rss-2.0-basic.xml');
      expect(await parseWhole(pool, small, meta, NOW)).toEqual(
        await feedFromBytes(small, meta, NOW),
      );
    });

    it('hands over one parsed feed per turn of the event loop, however fast the worker is', async () => {
      // What the refresher does with each feed (store it) runs right after the hand-over; here a
      // slow consumer (40 ms of work) lets the worker answer the next jobs meanwhile. Each
      // hand-over must still come in a later turn of the loop than the one before, so that the
      // UI's calls and timers get in between (Node reads a worker's messages in one go).
      let turns = 0;
      let ticking = true;
      const tick = () => {
        turns++;
        if (ticking) setImmediate(tick);
      };
      setImmediate(tick);
      const { bytes, meta } = sample('feeds/rss-2.0-basic.xml');
      const turnOfEach: number[] = [];
      const busy = (ms: number) => {
        const until = performance.now() + ms;
        while (performance.now() < until);
      };
      await Promise.all(
        Array.from({ length: 8 }, () =>
          parseWhole(pool, bytes, meta, NOW).then(() => {
            turnOfEach.push(turns);
            busy(40);
          }),
        ),
      );
      ticking = false;
      for (let i = 1; i < turnOfEach.length; i++) {
        expect(turnOfEach[i]).toBeGreaterThan(turnOfEach[i - 1]!);
      }
    });

    it('sends an ApiError back as an ApiError with its code and message', async () => {
      const { bytes, meta } = sample('feeds/html-page-not-a-feed.html');
      const expected = await rejection(feedFromBytes(bytes, meta, NOW));
      const error = await rejection(parseWhole(pool, bytes, meta, NOW));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('NOT_A_FEED');
      expect(error.message).toBe(expected.message);
    });

    it('feeds a Refresher: subscribe and refresh through the worker', async () => {
      const server: FixtureServer = await startFixtureServer();
      const store = Store.open(':memory:');
      try {
        const events = new EventHub();
        const api = feedsService(
          store,
          events,
          new Refresher({ store, events, net: loopbackNet(), parse: pool.parse }),
        );
        const feed = await api['feeds.add']({ url: server.url('/feeds/rss-2.0-basic.xml') });
        expect(feed.unreadCount).toBeGreaterThan(0);
        const refreshed = await api['feeds.refresh']({});
        expect(refreshed.errors).toEqual([]);
        const notAFeed = await rejection(
          api['feeds.add']({ url: server.url('/feeds/html-page-not-a-feed.html') }),
        );
        expect((notAFeed as ApiError).code).toBe('NOT_A_FEED');
      } finally {
        store.close();
        await server.close();
      }
    });
  });

  it.each(['#throw', '#exit'])(
    'fails only the job whose worker died (%s) and goes on with a new worker',
    async (trigger) => {
      const pool = new PipelinePool({ workerScript: crashingScript, size: 1 });
      try {
        const good = sample('feeds/rss-2.0-basic.xml');
        const expected = await feedFromBytes(good.bytes, good.meta, NOW);
        const at = (suffix: string) => ({ ...good.meta, url: `${good.meta.url}${suffix}` });
        // The doomed job first, so the next one already waits in the same worker when it dies.
        const jobs = [
          parseWhole(pool, good.bytes, at(trigger), NOW),
          parseWhole(pool, good.bytes, good.meta, NOW),
          parseWhole(pool, good.bytes, good.meta, NOW),
        ];
        const doomed = await rejection(jobs[0]!);
        expect(doomed).toBeInstanceOf(ApiError);
        expect((doomed as ApiError).code).toBe('PARSE_FAILED');
        expect(await jobs[1]).toEqual(expected);
        expect(await jobs[2]).toEqual(expected);
        // And once more after the restart.
        expect(await parseWhole(pool, good.bytes, good.meta, NOW)).toEqual(expected);
      } finally {
        await pool.close();
      }
    },
  );

  it('close() ends the workers: pending and later jobs fail with UNAVAILABLE', async () => {
    const pool = new PipelinePool({ workerScript, size: 2 });
    const { bytes, meta } = sample('feeds/rss-2.0-basic.xml');
    await parseWhole(pool, bytes, meta, NOW);
    const pending = [1, 2, 3, 4, 5].map(() => rejection(parseWhole(pool, bytes, meta, NOW)));
    await pool.close();
    for (const error of await Promise.all(pending)) {
      expect((error as ApiError).code).toBe('UNAVAILABLE');
    }
    expect(((await rejection(parseWhole(pool, bytes, meta, NOW))) as ApiError).code).toBe(
      'UNAVAILABLE',
    );
  });

  it.each([
    ['no worker path', undefined],
    ['a worker path that does not exist', join(FIXTURES, 'no-such-pipeline-worker.js')],
  ])('parses in-process with %s', async (_case, script) => {
    const pool = new PipelinePool({ workerScript: script });
    expect(pool.threaded).toBe(false);
    const { bytes, meta } = sample('encodings/rss-windows-1251-russian.xml');
    expect(await parseWhole(pool, bytes, meta, NOW)).toEqual(await feedFromBytes(bytes, meta, NOW));
    const html = sample('feeds/html-page-not-a-feed.html');
    const error = await rejection(parseWhole(pool, html.bytes, html.meta, NOW));
    expect((error as ApiError).code).toBe('NOT_A_FEED');
    await pool.close();
  });
});
