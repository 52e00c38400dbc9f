/**
 * The core's network for tests: Node's fetch limited to this machine. Tests reach only servers
 * they start on 127.0.0.1; a request for any other host is refused the way a closed network
 * refuses it (ECONNREFUSED), so a test can never touch the internet, even through a feed that
 * names images or sites elsewhere. Passed the way the desktop shell passes Electron's net.fetch
 * (AppOptions.fetch), or as the Net the parts that fetch are handed.
 */
import { boundedGet, type FetchFunction, type HttpGet } from '../../src/main/core/net/fetch-bytes';
import { FetchLimiter } from '../../src/main/core/net/fetch-limiter';
import { createNet, type Net } from '../../src/main/core/net/net';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Node's fetch for 127.0.0.1 and localhost; any other host is refused as by a closed network. */
export const loopbackFetch: FetchFunction = (url, init) => {
  const { hostname, host } = new URL(url);
  if (LOOPBACK.has(hostname)) return globalThis.fetch(url, init);
  const cause = Object.assign(new Error(`connect ECONNREFUSED (${host})`), {
    code: 'ECONNREFUSED',
  });
  return Promise.reject(new TypeError('fetch failed', { cause }));
};

/** Returns a Net over loopbackFetch with its own limiter (the default size unless given). */
export function loopbackNet(limiter = new FetchLimiter()): Net {
  return createNet(loopbackFetch, limiter);
}

/** The bounded GET over loopbackFetch. */
export const loopbackGet: HttpGet = boundedGet(loopbackFetch);

/** A fetch function that records the URL of every request, then lets loopbackFetch answer it. */
export function recordingFetch(): { fetch: FetchFunction; urls: string[] } {
  const urls: string[] = [];
  const fetch: FetchFunction = (url, init) => {
    urls.push(url);
    return loopbackFetch(url, init);
  };
  return { fetch, urls };
}
