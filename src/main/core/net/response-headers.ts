/** Reads the response headers that tell a fetcher when to come back. Pure. */

/**
 * Returns the wait asked for by a Retry-After header in whole seconds (never negative), or null
 * when it is missing or unreadable. Both forms of RFC 9110 §10.2.3 are read: delay-seconds
 * (`120`) and an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`), the latter counted from `now`.
 */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Returns Cache-Control's max-age in seconds, or null when absent or unreadable. `s-maxage` is
 * for shared caches, not for us.
 */
export function maxAgeSeconds(cacheControl: string | null): number | null {
  if (!cacheControl) return null;
  for (const directive of cacheControl.split(',')) {
    const [rawName, rawValue] = directive.split('=', 2);
    const name = rawName?.trim().toLowerCase();
    if (name === 'max-age') {
      const value = rawValue?.trim().replace(/^"(.*)"$/, '$1') ?? '';
      if (/^\d+$/.test(value)) return Number(value);
    }
  }
  return null;
}
