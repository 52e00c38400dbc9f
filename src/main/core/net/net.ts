/**
 * The core's way out to the web, as its users are given it: the bounded GET over the app's fetch
 * function, and the limiter they share so that refreshes and discovery together stay polite to
 * each host.
 */
import { boundedGet, type FetchFunction, type HttpGet } from './fetch-bytes';
import { FetchLimiter } from './fetch-limiter';

/** A bounded GET and the limiter its callers run it under. */
export interface Net {
  get: HttpGet;
  limiter: FetchLimiter;
}

/** Returns a Net over `fetchFn`, with a limiter of the default size (6 at once, 2 per host). */
export function createNet(fetchFn: FetchFunction, limiter = new FetchLimiter()): Net {
  return { get: boundedGet(fetchFn), limiter };
}
