/**
 * Issue 11's suggestion and write figures on the served scale library: "More like this"
 * (articles.related) and related feeds (feeds.related) of a few articles over HTTP, marking
 * 2,500 articles read, and marking everything read (run last: it changes the copy).
 */
import type { LibraryProbe } from './library-probe';
import { emitP95, okMs, sample } from './sampling';
import type { ServedLibrary } from './served-library';
import { emit, median } from '../report';

/** The suggestion target: ~150 ms of work, 200 ms p95 over HTTP. */
const SUGGESTION_TARGET = 200;

/** Measures articles.related and feeds.related of up to 8 articles (60 s at most each). */
export async function benchSuggestions(served: ServedLibrary, probe: LibraryProbe): Promise<void> {
  const ids = probe.sampleArticleIds.slice(1, 9);
  const budget = { warmup: 0, samples: ids.length, budgetMs: 60_000, minSamples: 2 };
  const related = await sample(
    async (i) => okMs(await served.call('articles.related', { id: ids[i] }), 'articles.related'),
    budget,
  );
  emitP95('scale.articles.related', related, SUGGESTION_TARGET, {
    articles: probe.articles,
    note: 'each a different article, first call (no cache)',
  });
  const feeds = await sample(
    async (i) => okMs(await served.call('feeds.related', { articleId: ids[i] }), 'feeds.related'),
    budget,
  );
  emitP95('scale.feeds.related', feeds, SUGGESTION_TARGET, { articles: probe.articles });
}

/**
 * The "three j presses 300 ms apart": each press opens an article (articles.get) and asks
 * for its suggestions (articles.related, feeds.related) as the reader does; timed is the third
 * article's articles.get from its press. With suggestions off the main thread and cancelled when
 * the reader moves on, it answers as fast as opening an article alone.
 */
export async function benchJPresses(served: ServedLibrary, probe: LibraryProbe): Promise<void> {
  const ids = probe.sampleArticleIds.slice(13, 19);
  const times: number[] = [];
  for (let round = 0; round + 3 <= ids.length; round += 3) {
    const calls: Promise<unknown>[] = [];
    let third = 0;
    for (let press = 0; press < 3; press++) {
      const id = ids[round + press] as number;
      const pressedAt = performance.now();
      const opened = served.call('articles.get', { id }).then(() => performance.now() - pressedAt);
      calls.push(opened, served.call('articles.related', { id }));
      calls.push(served.call('feeds.related', { articleId: id }));
      if (press < 2) await new Promise((resolve) => setTimeout(resolve, 300));
      else third = await opened;
    }
    times.push(third);
    await Promise.all(calls);
  }
  emitP95('scale.jPresses.thirdArticle', times, 100, {
    rounds: times.length,
    note: 'articles.get of the third of three articles opened 300 ms apart, with suggestions',
  });
}

/** Measures marking 2,500 unread articles read (different ones each run; median of 7). */
export async function benchScaleMarkRead(
  served: ServedLibrary,
  probe: LibraryProbe,
): Promise<void> {
  const batch = 2500;
  const times: number[] = [];
  for (let run = 0; run < 8; run++) {
    const ids = probe.unreadIds.slice(run * batch, (run + 1) * batch);
    if (ids.length < batch) break;
    const { ms, count } = await served.control<{ ms: number; count: number }>('markRead', { ids });
    if (count !== batch) throw new Error(`markRead marked ${count} of ${batch}`);
    if (run > 0) times.push(ms);
  }
  if (times.length === 0) {
    emit({ figure: 'scale.markRead2500', note: 'too few unread articles to mark 2,500 twice' });
    return;
  }
  const value = median(times);
  emit({
    figure: 'scale.markRead2500',
    value,
    unit: 'ms',
    max: Math.max(...times),
    runs: times.length,
    articles: probe.articles,
    note: 'store.articles.markRead in the app process (no Api method marks many)',
    target: '< 100 ms',
    met: value < 100,
  });
}

/** Measures marking everything read (store.articles.markAllRead); changes the copy. */
export async function benchMarkAllRead(served: ServedLibrary): Promise<void> {
  const before = await served.call<{ unreadCount: number }[]>('feeds.list');
  const unread = before.body.reduce((sum, feed) => sum + feed.unreadCount, 0);
  const { ms, count } = await served.control<{ ms: number; count: number }>('markAllRead');
  emit({
    figure: 'scale.markAllRead',
    value: ms,
    unit: 'ms',
    unread,
    marked: count,
    note: 'the issue sets the target for 300,000 unread (the 1M library)',
    target: '< 1000 ms',
    met: ms < 1000,
  });
}
