import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INTERVAL_MS,
  MAX_INTERVAL_MS,
  MINUTE,
  nextFetchAt,
} from '../../src/main/core/feeds/schedule';
import { FetchLimiter, hostOf } from '../../src/main/core/net/fetch-limiter';

const now = 1_700_000_000_000;

describe('nextFetchAt', () => {
  it('waits 30 minutes by default', () => {
    expect(nextFetchAt({ now })).toBe(now + DEFAULT_INTERVAL_MS);
  });

  it('honours a longer ttl or max-age, capped at a day, and never goes under 15 minutes', () => {
    expect(nextFetchAt({ now, ttlMinutes: 120 })).toBe(now + 120 * MINUTE);
    expect(nextFetchAt({ now, maxAgeSeconds: 3600 })).toBe(now + 60 * MINUTE);
    expect(nextFetchAt({ now, ttlMinutes: 60 * 24 * 30 })).toBe(now + MAX_INTERVAL_MS);
    expect(nextFetchAt({ now, baseIntervalMs: MINUTE })).toBe(now + 15 * MINUTE);
  });

  it('backs off exponentially on consecutive errors, up to a day', () => {
    const waits = [1, 2, 3, 4, 10, 50].map((errorCount) => nextFetchAt({ now, errorCount }) - now);
    expect(waits).toEqual([
      30 * MINUTE,
      60 * MINUTE,
      120 * MINUTE,
      240 * MINUTE,
      MAX_INTERVAL_MS,
      MAX_INTERVAL_MS,
    ]);
  });

  it('honours Retry-After when it asks for longer', () => {
    expect(nextFetchAt({ now, errorCount: 1, retryAfterSeconds: 7200 })).toBe(
      now + 2 * 60 * MINUTE,
    );
    expect(nextFetchAt({ now, errorCount: 1, retryAfterSeconds: 5 })).toBe(now + 30 * MINUTE);
  });
});

describe('FetchLimiter', () => {
  /** Runs tasks that each wait for a manual release, recording the peak concurrency. */
  function harness(limiter: FetchLimiter) {
    const peak = { total: 0, byHost: new Map<string, number>() };
    const live = new Map<string, number>();
    const releases: (() => void)[] = [];
    const run = (host: string) =>
      limiter.run(host, async () => {
        live.set(host, (live.get(host) ?? 0) + 1);
        peak.total = Math.max(peak.total, limiter.running);
        peak.byHost.set(host, Math.max(peak.byHost.get(host) ?? 0, live.get(host) ?? 0));
        await new Promise<void>((resolve) => releases.push(resolve));
        live.set(host, (live.get(host) ?? 1) - 1);
        return host;
      });
    return { peak, releases, run };
  }

  it('keeps at most 6 running and 2 per host, and finishes everything', async () => {
    const limiter = new FetchLimiter(6, 2);
    const { peak, releases, run } = harness(limiter);
    const hosts = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const all = Promise.all(hosts.map(run));
    while (releases.length || limiter.running) {
      await new Promise((r) => setTimeout(r, 0));
      releases.shift()?.();
    }
    expect(await all).toEqual(hosts);
    expect(peak.total).toBe(6);
    expect(Math.max(...peak.byHost.values())).toBe(2);
  });

  it('passes a task failure to its caller and goes on', async () => {
    const limiter = new FetchLimiter(1, 1);
    const failed = limiter.run('a', async () => {
      throw new Error('boom');
    });
    const ok = limiter.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    expect(await ok).toBe('ok');
  });

  it('groups by host', () => {
    expect(hostOf('https://Example.com:8080/feed')).toBe('example.com:8080');
  });
});
