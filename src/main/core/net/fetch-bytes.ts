/**
 * One polite, bounded HTTP GET over the fetch function the app was given: the same limits for
 * feeds, web pages and images (docs/technotes/fetch-and-decode.md). The fetch function is passed
 * in (AppOptions.fetch) so that the desktop app can use Electron's net.fetch, which follows the
 * system's proxy and certificate store, and tests can count requests without touching our code.
 */
import { version } from '../../../../package.json';
import { ApiError } from '../../../shared/errors';
import { joinBody, readCappedBody } from './http-body';
import { maxAgeSeconds, retryAfterSeconds } from './response-headers';
import type { FetchOutcome, FetchRequest } from './types';

/**
 * The fetch function the core is given: Node's global fetch in browser mode and tests, Electron's
 * net.fetch in the desktop app. Only this module calls it.
 */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** A bounded GET (fetchBytes) over one fetch function: what every part that fetches is given. */
export type HttpGet = (request: FetchRequest, accept: string) => Promise<FetchOutcome>;

/** Returns fetchBytes bound to `fetchFn`. */
export function boundedGet(fetchFn: FetchFunction): HttpGet {
  return (request, accept) => fetchBytes(fetchFn, request, accept);
}

/** The User-Agent of every request Folio makes: who we are and where to complain. */
export const USER_AGENT = `Folio/${version} (+https://github.com/folio-reader/folio; feed reader)`;
/** Whole-response timeout (headers and body) when the request gives none. */
const DEFAULT_TIMEOUT_MS = 20_000;
/** Cap on the decoded body when the request gives none: 10 MB is far above any real feed. */
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Redirects followed before giving up. */
const MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);

/**
 * GETs `request.url` with `fetchFn` asking for `accept`, following up to MAX_REDIRECTS redirects by hand, and
 * returns the body (or not-modified for a 304). Throws ApiError: BAD_REQUEST for a URL that is
 * not http(s); TIMEOUT when the whole response takes longer than the timeout; TOO_LARGE past the
 * size cap; FETCH_FAILED for network errors, redirect trouble and any other status, with
 * `details.status` and `details.retryAfterSeconds` (429 and 503 are the ones that send it).
 */
export async function fetchBytes(
  fetchFn: FetchFunction,
  request: FetchRequest,
  accept: string,
): Promise<FetchOutcome> {
  const start = httpUrl(request.url);
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  try {
    return await follow(fetchFn, start, request, accept, signal);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (timeout.aborted) {
      throw new ApiError(
        'TIMEOUT',
        `${request.url} did not send its whole response within ${timeoutMs / 1000} s`,
        { timeoutMs },
      );
    }
    if (request.signal?.aborted) {
      throw new ApiError('FETCH_FAILED', `The fetch of ${request.url} was cancelled`);
    }
    throw networkError(request.url, err);
  }
}

async function follow(
  fetchFn: FetchFunction,
  start: URL,
  request: FetchRequest,
  accept: string,
  signal: AbortSignal,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = {
    'User-Agent': USER_AGENT,
    Accept: accept,
    'Accept-Encoding': 'gzip, deflate, br',
  };
  if (request.etag) headers['If-None-Match'] = request.etag;
  if (request.lastModified) headers['If-Modified-Since'] = request.lastModified;

  const visited = [start.href];
  let url = start;
  let allPermanent = true;
  for (let hops = 0; ; hops++) {
    const response = await fetchFn(url.href, { headers, redirect: 'manual', signal });
    if (!REDIRECTS.has(response.status)) {
      const permanentUrl = hops > 0 && allPermanent ? url.href : null;
      return outcome(response, url.href, permanentUrl, request);
    }
    await discard(response);
    const next = redirectTarget(response, url);
    if (visited.includes(next.href)) {
      const loop = [...visited.slice(visited.indexOf(next.href)), next.href].join(' → ');
      throw new ApiError('FETCH_FAILED', `Redirect loop: ${loop}`, { redirects: visited });
    }
    if (hops === MAX_REDIRECTS) {
      throw new ApiError(
        'FETCH_FAILED',
        `Too many redirects (more than ${MAX_REDIRECTS}) from ${start.href}, last to ${next.href}`,
        { redirects: [...visited, next.href] },
      );
    }
    allPermanent &&= PERMANENT.has(response.status);
    visited.push(next.href);
    url = next;
  }
}

async function outcome(
  response: Response,
  finalUrl: string,
  permanentUrl: string | null,
  request: FetchRequest,
): Promise<FetchOutcome> {
  const maxAge = maxAgeSeconds(response.headers.get('cache-control'));
  if (response.status === 304) {
    await discard(response);
    return {
      status: 'not-modified',
      finalUrl,
      permanentUrl,
      // A 304 may leave the validators out; the ones we sent are still the current ones.
      etag: response.headers.get('etag') ?? request.etag ?? null,
      lastModified: response.headers.get('last-modified') ?? request.lastModified ?? null,
      maxAgeSeconds: maxAge,
    };
  }
  if (response.status < 200 || response.status > 299) {
    await discard(response);
    throw statusError(response, finalUrl);
  }
  const body = await readCappedBody(
    response,
    request.maxBytes ?? DEFAULT_MAX_BYTES,
    finalUrl,
    request.hashBody,
  );
  let joined: Uint8Array | null = null;
  return {
    status: 'ok',
    finalUrl,
    permanentUrl,
    // Joined when first read (FetchedBody.bytes), and the chunks let go once joined.
    get bytes() {
      if (!joined) {
        joined = joinBody(body);
        body.chunks = [];
      }
      return joined;
    },
    ...(body.sha256 === null ? {} : { bodyHash: body.sha256 }),
    contentType: response.headers.get('content-type'),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    maxAgeSeconds: maxAge,
  };
}

function statusError(response: Response, url: string): ApiError {
  const status = response.status;
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  const said = `${url} answered ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const message =
    status === 429 || status === 503
      ? `${said}; ${retryAfter === null ? 'will try again later' : `asked to wait ${retryAfter} s`}`
      : said;
  return new ApiError('FETCH_FAILED', message, { status, retryAfterSeconds: retryAfter });
}

/** Returns `raw` as a URL when it is http(s); anything else is refused before any I/O. */
function httpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError('BAD_REQUEST', `Not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiError('BAD_REQUEST', `Only http and https URLs can be fetched, not ${raw}`);
  }
  return url;
}

function redirectTarget(response: Response, from: URL): URL {
  const location = response.headers.get('location');
  if (!location) {
    throw new ApiError('FETCH_FAILED', `${from.href} answered ${response.status} with no Location`);
  }
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new ApiError('FETCH_FAILED', `${from.href} redirected to a bad URL: ${location}`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new ApiError('FETCH_FAILED', `${from.href} redirected to a non-http URL: ${next.href}`);
  }
  return next;
}

/** Frees the connection of a response whose body we do not want. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** undici reports "fetch failed" with the real reason (ECONNREFUSED, ENOTFOUND…) as the cause. */
function networkError(url: string, err: unknown): ApiError {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = (cause as { code?: unknown } | null)?.code;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(
    'FETCH_FAILED',
    `Could not fetch ${url}: ${reason}`,
    typeof code === 'string' ? { cause: code } : undefined,
  );
}
