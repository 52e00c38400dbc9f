/**
 * A real HTTP server on 127.0.0.1 that plays the web for feed tests, end-to-end tests and the
 * benchmark. It serves `tests/fixtures/` by path (with a strong ETag and Last-Modified, answering
 * conditional GETs), bends responses through query switches, and has named routes for the
 * hostile cases a fetcher must survive:
 *   ?status=429&retryAfter=120   answer that status (and Retry-After) instead of the file
 *   ?redirect=301&to=/feeds/x.xml  redirect with that status to `to`
 *   ?charset=windows-1251          add a charset to the Content-Type
 *   ?contentType=text/html         replace the Content-Type
 *   ?delayMs=500                   wait before the headers
 *   ?gzip=1, ?br=1                 compress the body (Content-Encoding)
 *   /slow              headers at once, then one byte every 100 ms for up to a minute
 *   /endless           a body that never ends
 *   /gzip-bomb         ~1 MB of gzip that inflates to 1 GiB of zeros
 *   /loop/a, /loop/b   redirect to each other
 *   /redirect-chain/N  N hops of 301 (?code=302 for another status), then a tiny RSS feed
 * Tests add their own handlers with `route(path, handler)`; those win over everything above.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** A request as the server saw it, for tests to inspect (path includes the query string). */
export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A test's own handler for one path (matched without the query string). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A running fixture server. */
export interface FixtureServer {
  /** Returns the absolute URL of `path` on this server. */
  url(path: string): string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  /** Every request received, oldest first. */
  requests: LoggedRequest[];
  /** Serves `path` with `handler` from now on. */
  route(path: string, handler: RouteHandler): void;
  /** Stops the server, cutting endless and slow responses. */
  close(): Promise<void>;
}

/** Options of startFixtureServer. */
export interface FixtureServerOptions {
  /** The folder served by path (default: tests/fixtures). */
  root?: string;
  /** The port to listen on (default: any free one); a test's server "coming back" reuses one. */
  port?: number;
}

const FIXTURES = resolve(__dirname, '../fixtures');

const TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/feed+json',
  '.html': 'text/html; charset=utf-8',
  '.opml': 'text/x-opml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

const TINY_FEED =
  '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Chain end</title>' +
  '<link>http://example.com/</link><item><title>Arrived</title><guid>chain-1</guid></item>' +
  '</channel></rss>\n';

/** Starts a fixture server on 127.0.0.1 with a free port. */
export async function startFixtureServer(
  options: FixtureServerOptions = {},
): Promise<FixtureServer> {
  const root = options.root ?? FIXTURES;
  const routes = new Map<string, RouteHandler>();
  const requests: LoggedRequest[] = [];

  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const q = url.searchParams;
    const own = routes.get(url.pathname);
    if (own) return own(req, res);

    const delayMs = Number(q.get('delayMs') ?? 0);
    if (delayMs > 0) await sleep(delayMs);

    const status = Number(q.get('status') ?? 0);
    if (status) {
      const headers: Record<string, string> = { 'Content-Type': 'text/plain' };
      if (q.has('retryAfter')) headers['Retry-After'] = q.get('retryAfter') ?? '';
      res.writeHead(status, headers).end(`status ${status}\n`);
      return;
    }
    if (q.has('redirect')) return redirect(res, Number(q.get('redirect')), q.get('to') ?? '/');

    const chain = /^\/redirect-chain\/(\d+)$/.exec(url.pathname);
    if (chain) {
      const left = Number(chain[1]);
      if (left === 0) return send(res, Buffer.from(TINY_FEED), 'application/rss+xml', q);
      const code = Number(q.get('code') ?? 301);
      return redirect(res, code, `/redirect-chain/${left - 1}${url.search}`);
    }
    switch (url.pathname) {
      case '/loop/a':
        return redirect(res, 302, '/loop/b');
      case '/loop/b':
        return redirect(res, 302, '/loop/a');
      case '/slow':
        return trickle(res);
      case '/endless':
        return endless(res);
      case '/gzip-bomb': {
        const headers = { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' };
        res.writeHead(200, headers).end(gzipBomb());
        return;
      }
    }
    return serveFile(root, req, res, url.pathname, q);
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: (path) => new URL(path, origin).href,
    origin,
    port,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Serves a file under `root` with a strong ETag and Last-Modified, or 304 when still fresh. */
async function serveFile(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  q: URLSearchParams,
): Promise<void> {
  const file = resolve(root, '.' + decodeURIComponent(pathname));
  const info = file.startsWith(root + sep) ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`no fixture at ${pathname}\n`);
    return;
  }
  const body = await readFile(file);
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
  const validators = { ETag: etag, 'Last-Modified': modified.toUTCString() };
  if (isFresh(req, etag, modified)) {
    res.writeHead(304, validators).end();
    return;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  send(res, body, type, q, validators);
}

/** Answers 200 with `body`, applying the charset, contentType, gzip and br switches. */
function send(
  res: ServerResponse,
  body: Buffer,
  type: string,
  q: URLSearchParams,
  extra: Record<string, string> = {},
): void {
  let contentType = q.get('contentType') ?? type;
  if (q.has('charset')) contentType = `${contentType.split(';')[0]}; charset=${q.get('charset')}`;
  const headers: Record<string, string | number> = { 'Content-Type': contentType, ...extra };
  let out = body;
  if (q.get('gzip') === '1') {
    out = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  } else if (q.get('br') === '1') {
    out = brotliCompressSync(body);
    headers['Content-Encoding'] = 'br';
  }
  headers['Content-Length'] = out.length;
  res.writeHead(200, headers).end(out);
}

/** True when the request's validators match: If-None-Match wins over If-Modified-Since. */
function isFresh(req: IncomingMessage, etag: string, modified: Date): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch) {
    return noneMatch === '*' || noneMatch.split(',').some((tag) => tag.trim() === etag);
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && modified.getTime() <= since;
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { Location: location, 'Content-Type': 'text/plain' });
  res.end(`moved to ${location}\n`);
}

/** Sends headers at once, then a byte every 100 ms, so only a whole-response timeout ends it. */
function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
  res.flushHeaders();
  let sent = 0;
  const timer = setInterval(() => {
    res.write(sent++ === 0 ? '<' : ' ');
    if (sent >= 600) {
      clearInterval(timer);
      res.end();
    }
  }, 100);
  res.on('close', () => clearInterval(timer));
}

/** Writes 64 KiB chunks as fast as the client reads, until it goes away. */
function endless(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
  const chunk = Buffer.alloc(64 * 1024, ' ');
  let open = true;
  res.on('close', () => (open = false));
  const pump = (): void => {
    while (open && res.write(chunk));
    if (open) res.once('drain', pump);
  };
  pump();
}

let bomb: Buffer | null = null;

/**
 * ~1 MB of gzip that inflates to 1 GiB of zeros: 1024 gzip members of 1 MiB each, concatenated
 * (RFC 1952 allows many members; zlib, and so fetch, inflates them all). Made on first use.
 */
function gzipBomb(): Buffer {
  bomb ??= Buffer.concat(Array(1024).fill(gzipSync(Buffer.alloc(1024 * 1024), { level: 9 })));
  return bomb;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
