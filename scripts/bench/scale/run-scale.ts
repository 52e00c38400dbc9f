/**
 * The scale figures (issue 11, points 1, 3, 4 and 6) in one run: find or build the cached
 * library of `articles`, serve a copy over HTTP in a child process, and measure the reads, the
 * suggestions, the writes and the responsiveness during long jobs, then subscribing to a large
 * feed in a fresh child. Jobs that change the copy run after the reads; the ones that cannot be
 * stopped (an OPML import's 100,000 refreshes, VACUUM) run last and the child is killed after.
 */
import path from 'node:path';
import { emit } from '../report';
import type { BenchContext } from '../context';
import { LARGE_FEED, benchLargeFeed } from './large-feed';
import { ensureLibrary } from './library-cache';
import { probeLibrary, type LibraryProbe } from './library-probe';
import { startLoopbackFeeds, type LoopbackFeeds } from './loopback-feeds';
import { benchLists, benchOthers, benchScaleSearch } from './read-figures';
import { watchJob } from './responsiveness';
import { serveLibrary, type ServedLibrary } from './served-library';
import {
  benchJPresses,
  benchMarkAllRead,
  benchScaleMarkRead,
  benchSuggestions,
} from './write-figures';

/** Where the built app-server child is, and the scale. */
export interface ScaleOptions {
  articles: number;
  appServerScript: string;
}

const OPML_OUTLINES = 100_000;

/** Runs every scale figure; the temp copies go under ctx.temp. */
export async function benchScale(ctx: BenchContext, options: ScaleOptions): Promise<void> {
  const log = (line: string): void => console.error(`[scale] ${line}`);
  const library = await ensureLibrary(ctx.repo, options.articles, log);
  emit({
    figure: 'scale.library',
    file: library.file,
    source: library.source,
    articles: options.articles,
    note: 'setup, not a target',
  });
  const resources = path.join(ctx.repo, 'resources');
  const dir = path.join(ctx.temp.path, 'scale');
  const copyStart = performance.now();
  // FOLIO_BENCH_LIBRARY_COPY: an existing copy to use (and change) instead of making one, for a
  // disk without room for a second 13 GB copy. Make it afresh after the run.
  const given = process.env.FOLIO_BENCH_LIBRARY_COPY || null;
  const file = given ?? path.join(dir, 'data', 'folio.db');
  const serve = (from: string | null): Promise<ServedLibrary> =>
    serveLibrary(from, dir, options.appServerScript, resources, file);
  let served = await serve(given === null ? library.file : null);
  log(`copied and opened in ${((performance.now() - copyStart) / 1000).toFixed(1)} s`);
  const probe = probeLibrary(served.file, ctx.repo);
  const feeds = await startLoopbackFeeds(ctx.words, { bigItems: 60_000, ...LARGE_FEED, ports: 8 });
  try {
    await benchLists(served, probe);
    await benchOthers(served, probe);
    await benchScaleSearch(served, probe);
    await benchSuggestions(served, probe);
    await benchJPresses(served, probe);
    await benchScaleMarkRead(served, probe);
    await runJobs(served, probe, feeds);
    await benchMarkAllRead(served);
    probe.close();
    await watchJob(served, {
      name: 'importOpml100k',
      run: (s) => s.call('feeds.importOpml', { xml: opml(feeds) }),
      maxMs: 60_000,
      abandon: true,
      extra: () => ({ outlines: OPML_OUTLINES, feedRequests: feeds.requests }),
    });
    await served.close(true);
    // The same copy again, in a new child, for VACUUM: it cannot be stopped either.
    served = await serve(null);
    await watchJob(served, {
      name: 'compact',
      run: (s) => s.call('library.compact'),
      maxMs: 60_000,
      abandon: true,
    });
    await served.close(true);
    await benchLargeFeed(ctx, options.appServerScript, feeds);
  } finally {
    probe.close();
    await served.close(true);
    await feeds.close();
  }
}

/** The watched jobs that finish in reasonable time today. */
async function runJobs(
  served: ServedLibrary,
  probe: LibraryProbe,
  feeds: LoopbackFeeds,
): Promise<void> {
  const relatedIds = probe.sampleArticleIds.slice(10, 13);
  await watchJob(served, {
    name: 'articlesRelated',
    run: async (s) => {
      for (const id of relatedIds) await s.call('articles.related', { id });
    },
    extra: () => ({ articles: relatedIds.length }),
  });
  await watchJob(served, {
    name: 'refresh60k',
    run: async (s) => {
      const result = await s.call('feeds.add', { url: `${feeds.base}/big.xml` });
      if (result.status !== 200) throw new Error(JSON.stringify(result.body));
    },
    extra: () => ({ items: 60_000, feedBytes: feeds.bytes['/big.xml'] }),
  });
  await watchJob(served, {
    name: 'offlineMake',
    run: (s) => s.call('offline.make', { feedId: probe.bigFeed.id }),
    extra: () => ({ feedArticles: probe.bigFeed.articles }),
  });
}

/** Returns an OPML document of OPML_OUTLINES feeds on the loopback server's ports. */
function opml(feeds: LoopbackFeeds): string {
  const outlines: string[] = [];
  for (let i = 0; i < OPML_OUTLINES; i++) {
    const base = feeds.bases[i % feeds.bases.length] as string;
    outlines.push(`<outline type="rss" text="Feed ${i}" xmlUrl="${base}/f/${i}.xml"/>`);
  }
  return `<?xml version="1.0"?><opml version="2.0"><head><title>Bench</title></head><body>
${outlines.join('\n')}
</body></opml>`;
}
