/**
 * When to fetch a feed next. A pure policy, so it can be tested without timers:
 * - the default interval is 30 minutes;
 * - a feed may ask for less often (RSS <ttl>, Cache-Control max-age), never more often than
 *   every 15 minutes, and neither stretches the wait past a day;
 * - after errors the wait doubles per consecutive error (30 min, 1 h, 2 h …) up to a day;
 * - a 429/503 Retry-After is honoured when it asks for longer.
 */

export const MINUTE = 60_000;
export const DEFAULT_INTERVAL_MS = 30 * MINUTE;
const MIN_INTERVAL_MS = 15 * MINUTE;
export const MAX_INTERVAL_MS = 24 * 60 * MINUTE;

/** What the policy looks at. */
export interface ScheduleInput {
  now: number;
  /** The user's interval (the app setting), default 30 minutes. */
  baseIntervalMs?: number;
  ttlMinutes?: number | null;
  maxAgeSeconds?: number | null;
  /** Consecutive failed fetches, counting the one just made. 0 after a success. */
  errorCount?: number;
  retryAfterSeconds?: number | null;
}

/** Returns the epoch ms at which the feed should be fetched next. */
export function nextFetchAt(input: ScheduleInput): number {
  const base = input.baseIntervalMs ?? DEFAULT_INTERVAL_MS;
  const errors = input.errorCount ?? 0;
  let wait: number;
  if (errors > 0) {
    wait = Math.min(base * 2 ** Math.min(errors - 1, 16), MAX_INTERVAL_MS);
  } else {
    const asked = Math.max((input.ttlMinutes ?? 0) * MINUTE, (input.maxAgeSeconds ?? 0) * 1000);
    wait = Math.min(Math.max(base, asked, MIN_INTERVAL_MS), MAX_INTERVAL_MS);
  }
  if (input.retryAfterSeconds) {
    wait = Math.max(wait, Math.min(input.retryAfterSeconds * 1000, MAX_INTERVAL_MS));
  }
  return input.now + wait;
}
