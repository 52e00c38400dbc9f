/**
 * Issue 11 point 6: subscribing to a 10,000-item feed of ~35 MB in a fresh app (an empty library,
 * served in a child process as `npm run serve` runs it) must keep that process under 400 MB of
 * peak RSS. Part of the scale group, and its own group (`--only=largefeed`): it needs no cached
 * library, so it can be run alone in a minute while working on memory.
 */
import path from 'node:path';
import type { BenchContext } from '../context';
import { emit, median } from '../report';
import { startLoopbackFeeds, type LoopbackFeeds } from './loopback-feeds';
import { serveLibrary } from './served-library';

/** Items of /large.xml and the HTML bytes of each: ~36.6 MB in all. */
export const LARGE_FEED = { largeItems: 10_000, largeItemBytes: 3300 };

/**
 * Subscribes to `feeds`' /large.xml in `runs` fresh app processes, one after another, and emits
 * `scale.largeFeed`: the highest peak RSS of the runs (the target must hold for each), with each
 * run's peak and the median, and the app's main-thread delay meanwhile (corrected p99 and max
 * of the worst run, app-server.ts): storing as the batches come must not hold the UI.
 */
export async function benchLargeFeed(
  ctx: BenchContext,
  appServerScript: string,
  feeds: LoopbackFeeds,
  runs = 1,
): Promise<void> {
  const peaks: number[] = [];
  let failure: string | number | null = null;
  let ms = 0;
  const loop = { p99: 0, max: 0 };
  for (let run = 0; run < runs && failure === null; run++) {
    const dir = path.join(ctx.temp.path, `large-feed-${run}`);
    const served = await serveLibrary(null, dir, appServerScript, path.join(ctx.repo, 'resources'));
    try {
      await served.control('loopDelay'); // resets it
      const result = await served.call<{ error?: { message: string } }>('feeds.add', {
        url: `${feeds.base}/large.xml`,
      });
      const delay = await served.control<{ p99: number; max: number }>('loopDelay');
      loop.p99 = Math.max(loop.p99, delay.p99);
      loop.max = Math.max(loop.max, delay.max);
      const memory = await served.control<{ rss: number; peak: number }>('memory');
      peaks.push(memory.peak / 1e6);
      ms = Math.max(ms, result.ms);
      if (result.status !== 200) failure = result.body.error?.message ?? result.status;
    } finally {
      await served.close(true);
    }
  }
  const peakMb = Math.max(...peaks);
  emit({
    figure: 'scale.largeFeed',
    value: peakMb,
    unit: 'MB peak RSS',
    subscribed: failure === null,
    ...(failure === null ? {} : { error: failure }),
    items: LARGE_FEED.largeItems,
    feedBytes: feeds.bytes['/large.xml'],
    ms,
    loopDelayP99: loop.p99,
    loopDelayMax: loop.max,
    ...(runs > 1 ? { runs: peaks, medianMb: median(peaks) } : {}),
    target: 'subscribed, peak RSS < 400 MB',
    met: failure === null && peakMb < 400,
  });
}

/** The `largefeed` group: the figure alone, over `runs` fresh processes, without a library. */
export async function benchLargeFeedAlone(
  ctx: BenchContext,
  appServerScript: string,
  runs: number,
): Promise<void> {
  const feeds = await startLoopbackFeeds(ctx.words, { bigItems: 0, ...LARGE_FEED, ports: 1 });
  try {
    await benchLargeFeed(ctx, appServerScript, feeds, runs);
  } finally {
    await feeds.close();
  }
}
