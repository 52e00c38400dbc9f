// fetchFeed against the real fixture server on 127.0.0.1: conditional GET, redirects, limits,
// polite errors. Nothing here reaches beyond loopback.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/shared/errors';
import { fetchFeed as fetchFeedWith } from '../../src/main/core/feeds/fetch-feed';
import { USER_AGENT } from '../../src/main/core/net/fetch-bytes';
import { hashBody } from '../../src/main/core/library/refresh/ingest-fetched';
import { retryAfterSeconds, maxAgeSeconds } from '../../src/main/core/net/response-headers';
import type { FetchOutcome, FetchRequest } from '../../src/main/core/net/types';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackGet } from '../helpers/net';

/** The feed fetch over the tests' loopback-only fetch. */
const fetchFeed = (request: FetchRequest) => fetchFeedWith(loopbackGet, request);

const FEED = '/encodings/rss-no-declaration-utf-8.xml';
const feedBytes = readFileSync(join(__dirname, '../fixtures', FEED));

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

/** Returns the ApiError that `promise` rejects with (and fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

function ok(outcome: FetchOutcome): Extract<FetchOutcome, { status: 'ok' }> {
  if (outcome.status !== 'ok') throw new Error(`expected a body, got ${outcome.status}`);
  return outcome;
}

describe('fetchFeed: a plain GET', () => {
  it('returns the bytes, type and validators, and sends an honest User-Agent', async () => {
    const got = ok(await fetchFeed({ url: server.url(FEED) }));
    expect(Buffer.from(got.bytes).equals(feedBytes)).toBe(true);
    expect(got.contentType).toBe('application/xml');
    expect(got.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(got.lastModified).toMatch(/GMT$/);
    expect(got.finalUrl).toBe(server.url(FEED));
    expect(got.permanentUrl).toBeNull();

    const sent = server.requests.at(-1)!;
    expect(sent.headers['user-agent']).toBe(USER_AGENT);
    expect(sent.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(sent.headers['accept']).toContain('application/rss+xml');
  });

  it('names the version from package.json in the User-Agent', () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(USER_AGENT).toBe(
      `Folio/${version} (+https://github.com/folio-reader/folio; feed reader)`,
    );
  });

  it('undoes gzip and brotli', async () => {
    for (const switchOn of ['gzip=1', 'br=1']) {
      const got = ok(await fetchFeed({ url: server.url(`${FEED}?${switchOn}`) }));
      expect(Buffer.from(got.bytes).equals(feedBytes)).toBe(true);
    }
  });

  it('reads Cache-Control max-age', async () => {
    server.route('/cached', (_req, res) => {
      res.writeHead(200, { 'Cache-Control': 'public, max-age=900', 'Content-Type': 'text/xml' });
      res.end('<rss/>');
    });
    expect(ok(await fetchFeed({ url: server.url('/cached') })).maxAgeSeconds).toBe(900);
    expect(maxAgeSeconds('no-cache')).toBeNull();
    expect(maxAgeSeconds('s-maxage=60, max-age="30"')).toBe(30);
  });
});

describe('fetchFeed: the body hash', () => {
  it('hashes the body as it arrives, the same hash as of the joined bytes', async () => {
    // Sent in two writes 20 ms apart, so the hash is fed more than one chunk.
    const big = Buffer.from('<rss>' + 'x'.repeat(600_000) + '</rss>');
    server.route('/big', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.write(big.subarray(0, 100_000));
      setTimeout(() => res.end(big.subarray(100_000)), 20);
    });
    const got = ok(await fetchFeed({ url: server.url('/big') }));
    expect(got.bodyHash).toBe(hashBody(big));
    expect(Buffer.from(got.bytes).equals(big)).toBe(true);
    expect(got.bytes).toBe(got.bytes);
    const plain = ok(await fetchFeed({ url: server.url(FEED) }));
    expect(plain.bodyHash).toBe(createHash('sha256').update(feedBytes).digest('base64url'));
  });

  it('is left out when the request does not ask for it (pages, images)', async () => {
    const got = ok(await loopbackGet({ url: server.url(FEED) }, '*/*'));
    expect(got.bodyHash).toBeUndefined();
    expect(Buffer.from(got.bytes).equals(feedBytes)).toBe(true);
  });
});

describe('fetchFeed: conditional GET', () => {
  it('answers not-modified when the ETag still matches', async () => {
    const first = ok(await fetchFeed({ url: server.url(FEED) }));
    const again = await fetchFeed({ url: server.url(FEED), etag: first.etag });
    expect(again).toMatchObject({ status: 'not-modified', etag: first.etag });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe(first.etag);
  });

  it('answers not-modified when Last-Modified is still current', async () => {
    const first = ok(await fetchFeed({ url: server.url(FEED) }));
    const again = await fetchFeed({ url: server.url(FEED), lastModified: first.lastModified });
    expect(again).toMatchObject({ status: 'not-modified', lastModified: first.lastModified });
    expect(server.requests.at(-1)!.headers['if-modified-since']).toBe(first.lastModified);
  });

  it('returns the body when the ETag is stale', async () => {
    const got = await fetchFeed({ url: server.url(FEED), etag: '"stale"' });
    expect(got.status).toBe('ok');
  });
});

describe('fetchFeed: redirects', () => {
  it('follows a chain of 301s and reports the new permanent address', async () => {
    const got = ok(await fetchFeed({ url: server.url('/redirect-chain/3') }));
    expect(got.finalUrl).toBe(server.url('/redirect-chain/0'));
    expect(got.permanentUrl).toBe(server.url('/redirect-chain/0'));
    expect(Buffer.from(got.bytes).toString()).toContain('<title>Chain end</title>');
  });

  it('keeps the old address when any hop was temporary (302)', async () => {
    const got = ok(await fetchFeed({ url: server.url(`/x?redirect=302&to=${FEED}`) }));
    expect(got.finalUrl).toBe(server.url(FEED));
    expect(got.permanentUrl).toBeNull();

    const mixed = ok(await fetchFeed({ url: server.url('/redirect-chain/2?code=307') }));
    expect(mixed.permanentUrl).toBeNull();
  });

  it('follows 308 like 301', async () => {
    const got = ok(await fetchFeed({ url: server.url(`/x?redirect=308&to=${FEED}`) }));
    expect(got.permanentUrl).toBe(server.url(FEED));
  });

  it('follows five redirects and refuses the sixth', async () => {
    expect(ok(await fetchFeed({ url: server.url('/redirect-chain/5') })).status).toBe('ok');
    const err = await failure(fetchFeed({ url: server.url('/redirect-chain/6') }));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toMatch(/Too many redirects \(more than 5\)/);
  });

  it('names a redirect loop', async () => {
    const err = await failure(fetchFeed({ url: server.url('/loop/a') }));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toBe(
      `Redirect loop: ${server.url('/loop/a')} → ${server.url('/loop/b')} → ${server.url('/loop/a')}`,
    );
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const err = await failure(
      fetchFeed({ url: server.url('/x?redirect=302&to=file:///etc/passwd') }),
    );
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toMatch(/non-http URL/);
  });
});

describe('fetchFeed: limits', () => {
  it('gives up on a response that trickles past the timeout', async () => {
    const err = await failure(fetchFeed({ url: server.url('/slow'), timeoutMs: 300 }));
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toMatch(/within 0.3 s/);
  });

  it('times out waiting for headers too', async () => {
    const err = await failure(
      fetchFeed({ url: server.url(`${FEED}?delayMs=2000`), timeoutMs: 200 }),
    );
    expect(err.code).toBe('TIMEOUT');
  });

  it('stops an endless body at the size cap', async () => {
    const err = await failure(fetchFeed({ url: server.url('/endless'), maxBytes: 1_000_000 }));
    expect(err.code).toBe('TOO_LARGE');
    expect(err.details).toMatchObject({ maxBytes: 1_000_000 });
  });

  it('refuses a declared Content-Length above the cap before reading', async () => {
    const err = await failure(fetchFeed({ url: server.url(FEED), maxBytes: 100 }));
    expect(err.code).toBe('TOO_LARGE');
    expect(err.details).toEqual({ maxBytes: 100, declaredBytes: feedBytes.length });
  });

  it('stops a gzip bomb at the cap of inflated bytes, without inflating the rest', async () => {
    const maxBytes = 10 * 1024 * 1024;
    const before = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.rss - before.rss, now.arrayBuffers - before.arrayBuffers);
    }, 5);
    const err = await failure(fetchFeed({ url: server.url('/gzip-bomb'), maxBytes }));
    clearInterval(sampler);
    expect(err.code).toBe('TOO_LARGE');
    // The server sent ~1 MB of gzip that inflates to 1 GiB; we read just past 10 MB of it.
    const { receivedBytes } = err.details as { receivedBytes: number };
    expect(receivedBytes).toBeGreaterThan(maxBytes);
    expect(receivedBytes).toBeLessThan(maxBytes + 1024 * 1024);
    // Had the rest been inflated in the background, memory would have grown by a gigabyte.
    expect(peak).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('fetchFeed: errors', () => {
  it('reports 429 with the Retry-After seconds', async () => {
    const err = await failure(fetchFeed({ url: server.url(`${FEED}?status=429&retryAfter=120`) }));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toMatch(/429 Too Many Requests; asked to wait 120 s/);
    expect(err.details).toEqual({ status: 429, retryAfterSeconds: 120 });
  });

  it('reports 429 with a Retry-After date', async () => {
    const at = new Date(Date.now() + 3600_000).toUTCString();
    const url = server.url(`${FEED}?status=429&retryAfter=${encodeURIComponent(at)}`);
    const err = await failure(fetchFeed({ url }));
    const { retryAfterSeconds: wait } = err.details as { retryAfterSeconds: number };
    expect(wait).toBeGreaterThan(3590);
    expect(wait).toBeLessThanOrEqual(3600);
  });

  it('reports 503, with or without Retry-After', async () => {
    const err = await failure(fetchFeed({ url: server.url(`${FEED}?status=503&retryAfter=30`) }));
    expect(err.details).toEqual({ status: 503, retryAfterSeconds: 30 });
    const bare = await failure(fetchFeed({ url: server.url(`${FEED}?status=503`) }));
    expect(bare.details).toEqual({ status: 503, retryAfterSeconds: null });
    expect(bare.message).toMatch(/503 Service Unavailable/);
  });

  it('reports any other status with the status in the message and details', async () => {
    const err = await failure(fetchFeed({ url: server.url('/feeds/no-such-feed.xml') }));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toBe(`${server.url('/feeds/no-such-feed.xml')} answered 404 Not Found`);
    expect(err.details).toMatchObject({ status: 404 });
  });

  it('reports a refused connection with its cause', async () => {
    const port = await closedPort();
    const err = await failure(fetchFeed({ url: `http://127.0.0.1:${port}/feed.xml` }));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(err.details).toEqual({ cause: 'ECONNREFUSED' });
  });

  it('refuses URLs that are not http(s) before any I/O', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/feed.xml', 'feed.xml']) {
      expect((await failure(fetchFeed({ url }))).code).toBe('BAD_REQUEST');
    }
  });

  it('reports a cancel by the caller apart from a timeout', async () => {
    const controller = new AbortController();
    const pending = fetchFeed({ url: server.url('/slow'), signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await failure(pending);
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toMatch(/cancelled/);
  });
});

describe('retryAfterSeconds', () => {
  it('reads both forms and ignores nonsense', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:02:00 GMT', now)).toBe(120);
    expect(retryAfterSeconds('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});

/** Returns a loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}
