/**
 * The core's network as the app builds it by default (AppOptions.fetch unset: Node's fetch), for
 * tests of the parts that fetch; and a fetch function that records what it is asked for, which
 * tests pass the way the desktop shell passes Electron's net.fetch.
 */
import { boundedGet, type FetchFunction, type HttpGet } from '../../src/main/core/net/fetch-bytes';
import { FetchLimiter } from '../../src/main/core/net/fetch-limiter';
import { createNet, type Net } from '../../src/main/core/net/net';

/** Returns a Net over Node's fetch with its own limiter (the default size unless given). */
export function nodeNet(limiter = new FetchLimiter()): Net {
  return createNet(globalThis.fetch, limiter);
}

/** The bounded GET over Node's fetch. */
export const nodeGet: HttpGet = boundedGet(globalThis.fetch);

/** A fetch function that records the URL of every request, then lets Node's fetch answer it. */
export function recordingFetch(): { fetch: FetchFunction; urls: string[] } {
  const urls: string[] = [];
  const fetch: FetchFunction = (url, init) => {
    urls.push(url);
    return globalThis.fetch(url, init);
  };
  return { fetch, urls };
}
