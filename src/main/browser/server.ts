/**
 * Browser mode's HTTP server: the built renderer as static files, the Api at `POST
 * /api/<method>`, events at `GET /api/events` (Server-Sent Events), the Api's OpenAPI document at
 * `GET /api/openapi.json` and stored assets at `GET /assets/<id>`, all behind the Host, Origin and
 * token checks of guard.ts (docs/api.md, "Transports").
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { version } from '../../../package.json';
import { ApiError, ERROR_STATUS } from '../../shared/contract';
import type { FolioApp } from '../core/app';
import {
  allowedHosts,
  isAllowedHost,
  isAllowedOrigin,
  requestToken,
  sameSecret,
  tokenCookie,
} from './guard';
import { readBody, SECURITY_HEADERS, sendError, sendJson } from './http-util';
import { readStatic } from './static-files';
import { EventStream } from './event-stream';
import { buildOpenApiDocument } from './openapi';
import { ASSET_CONTENT_SECURITY_POLICY, uiContentSecurityPolicy } from '../ui-files';

/** What the server needs. */
export interface BrowserServerOptions {
  app: FolioApp;
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
}

/** The largest request body (an OPML import is the biggest thing sent). */
const MAX_BODY = 25 * 1024 * 1024;

/** A listening browser-mode server and how to stop it. */
export interface BrowserServer {
  server: Server;
  port: number;
  url: string;
  /** Ends event streams and stops listening; resolves when every connection is closed. */
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1:`port` (0 picks a free one) and resolves once it listens. */
export async function startBrowserServer(
  options: BrowserServerOptions,
  port: number,
): Promise<BrowserServer> {
  const events = new EventStream(options.app.events);
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res, options, hosts, events).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      // An ApiError is an answer (a request body over MAX_BODY is TOO_LARGE), not a crash.
      if (error instanceof ApiError) return sendError(res, error.code, error.message);
      console.error('[serve] request failed:', error);
      sendError(res, 'INTERNAL', 'Folio hit an unexpected error.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  hosts = allowedHosts(actualPort);
  return {
    server,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/?token=${encodeURIComponent(options.token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        events.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  { app, token, staticDir }: BrowserServerOptions,
  hosts: Set<string>,
  events: EventStream,
): Promise<void> {
  if (!isAllowedHost(req, hosts)) return sendError(res, 'FORBIDDEN', 'Unknown Host header.');
  if (!isAllowedOrigin(req, hosts)) return sendError(res, 'FORBIDDEN', 'Foreign Origin.');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const authorized = () => {
    const given = requestToken(req);
    return given !== null && sameSecret(given, token);
  };

  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) {
    if (!authorized()) {
      return sendError(
        res,
        'UNAUTHORIZED',
        'Missing or wrong token: open the link that `npm run serve` printed.',
      );
    }
    if (url.pathname === '/api/events') return events.attach(req, res);
    if (url.pathname === '/api/openapi.json') return serveOpenApi(req, res);
    if (url.pathname.startsWith('/assets/')) return serveAsset(res, app, url.pathname);
    return serveApi(req, res, app, url.pathname.slice('/api/'.length));
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendError(res, 'BAD_REQUEST', `${req.method} is not allowed here.`);
  }
  const given = url.searchParams.get('token');
  if (given !== null) {
    // The link printed at start: keep the token in an HttpOnly cookie and drop it from the URL.
    if (!sameSecret(given, token))
      return sendError(res, 'UNAUTHORIZED', 'That link has a wrong token.');
    res.writeHead(303, {
      'Set-Cookie': tokenCookie(token),
      Location: '/',
      'Cache-Control': 'no-store',
    });
    return void res.end();
  }
  const file = await readStatic(staticDir, url.pathname);
  if (!file) return sendError(res, 'NOT_FOUND', `Nothing at ${url.pathname}.`);
  if (file.type.startsWith('text/html')) {
    // Read per page load: turning "block remote content" on applies at the next reload.
    const blockRemote = app.settings().blockRemoteContent;
    res.setHeader('Content-Security-Policy', uiContentSecurityPolicy({ blockRemote }));
  }
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': file.body.length,
    'Cache-Control': file.type.startsWith('text/html') ? 'no-cache' : 'public, max-age=300',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

async function serveApi(req: IncomingMessage, res: ServerResponse, app: FolioApp, method: string) {
  if (req.method !== 'POST') return sendError(res, 'BAD_REQUEST', 'Api calls use POST.');
  const type = req.headers['content-type'] ?? '';
  const body = await readBody(req, MAX_BODY);
  let params: unknown = {};
  if (body.length > 0) {
    // Requiring JSON keeps "simple" cross-site form posts out, beside the Origin check.
    if (!/^application\/json\b/i.test(type)) {
      return sendError(res, 'BAD_REQUEST', 'Api calls send Content-Type: application/json.');
    }
    try {
      params = JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 'BAD_REQUEST', 'The body is not valid JSON.');
    }
  }
  const outcome = await app.dispatch(method, params);
  if (outcome.ok) return sendJson(res, 200, outcome.result);
  return sendJson(res, ERROR_STATUS[outcome.error.code], { error: outcome.error });
}

/**
 * The OpenAPI document, built on the first request and kept: converting every schema takes tens
 * of milliseconds, and nothing in it changes while the process runs.
 */
let openApiJson: Buffer | undefined;

function serveOpenApi(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendError(res, 'BAD_REQUEST', 'The OpenAPI document is read with GET.');
  }
  openApiJson ??= Buffer.from(JSON.stringify(buildOpenApiDocument({ version })));
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': openApiJson.length,
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : openApiJson);
}

function serveAsset(res: ServerResponse, app: FolioApp, pathname: string): void {
  const match = /^\/assets\/(\d{1,15})$/.exec(pathname);
  const asset = match ? app.readAsset(Number(match[1])) : null;
  if (!asset) return sendError(res, 'NOT_FOUND', 'No such asset.');
  res.writeHead(200, {
    'Content-Type': asset.type,
    'Content-Length': asset.data.length,
    'Cache-Control': 'private, max-age=31536000, immutable',
    // Stored SVGs and the like never run as documents of this origin.
    'Content-Security-Policy': ASSET_CONTENT_SECURITY_POLICY,
  });
  res.end(asset.data);
}
