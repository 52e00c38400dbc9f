/**
 * Points 3 and 4 of issue 11 over HTTP on the served scale library: every article list filter,
 * a big and a small feed, a deep cursor, the feed list, library.usage (first and later calls),
 * opening an article, and search for a rare word, two words and a word in half the library.
 * What each figure is: docs/technotes/benchmark.md, "The scale figures".
 */
import type { ArticlePage } from '../../../src/shared/model';
import type { LibraryProbe } from './library-probe';
import { emitP95, okMs, sample } from './sampling';
import type { CallResult, ServedLibrary } from './served-library';
import { emit } from '../report';

const LIST_TARGET = 100;

/** Measures every articles.list figure (first page of 50, as the reader asks). */
export async function benchLists(served: ServedLibrary, probe: LibraryProbe): Promise<void> {
  const lists: [string, Record<string, unknown>][] = [
    ['all', {}],
    ['unread', { filter: 'unread' }],
    ['starred', { filter: 'starred' }],
    ['annotated', { filter: 'annotated' }],
    ['saved', { filter: 'saved' }],
    ['feed.big', { feedId: probe.bigFeed.id }],
    ['feed.small', { feedId: probe.smallFeed.id }],
    ['feed.big.unread', { feedId: probe.bigFeed.id, filter: 'unread' }],
  ];
  for (const [name, params] of lists) {
    const times = await sample(async () => okMs(await served.call('articles.list', params), name));
    emitP95(`scale.list.${name}`, times, LIST_TARGET, {
      params,
      articles: probe.articles,
      ...(name.startsWith('feed.big') ? { feedArticles: probe.bigFeed.articles } : {}),
      ...(name === 'feed.small' ? { feedArticles: probe.smallFeed.articles } : {}),
    });
  }
  await benchDeepCursor(served, probe);
  emit({
    figure: 'scale.list.folder',
    note: 'not measured: articles.list has no folder filter yet (issue 14 adds it)',
  });
}

/** Follows All's cursors to page 200 (10,000 articles deep), timing pages 181–200. */
async function benchDeepCursor(served: ServedLibrary, probe: LibraryProbe): Promise<void> {
  const pages = 200;
  const timed = 20;
  let cursor: string | null = null;
  const times: number[] = [];
  const started = performance.now();
  for (let page = 1; page <= pages; page++) {
    const result: CallResult<ArticlePage> = await served.call<ArticlePage>(
      'articles.list',
      cursor ? { cursor } : {},
    );
    const ms = okMs(result, 'articles.list (cursor)');
    if (page > pages - timed) times.push(ms);
    cursor = result.body.nextCursor;
    if (cursor === null) break;
    // Today each page costs seconds on some libraries: stop following after a minute.
    if (performance.now() - started > 60_000 && page < pages - timed) page = pages - timed;
  }
  emitP95('scale.list.deepCursor', times, LIST_TARGET, {
    pagesFollowed: pages,
    timedPages: times.length,
    articles: probe.articles,
  });
}

/** Measures feeds.list, library.usage (first call, then later ones) and articles.get. */
export async function benchOthers(served: ServedLibrary, probe: LibraryProbe): Promise<void> {
  const feeds = await sample(async () => okMs(await served.call('feeds.list'), 'feeds.list'));
  emitP95('scale.feeds.list', feeds, LIST_TARGET, { feeds: probe.feeds });

  const first = okMs(await served.call('library.usage'), 'library.usage');
  emit({
    figure: 'scale.library.usage.first',
    value: first,
    unit: 'ms',
    note: 'the first call after opening the library',
    target: '< 100 ms',
    met: first < LIST_TARGET,
  });
  const later = await sample(
    async () => okMs(await served.call('library.usage'), 'library.usage'),
    { warmup: 0, samples: 20 },
  );
  emitP95('scale.library.usage', later, LIST_TARGET);

  const ids = probe.sampleArticleIds;
  const get = await sample(
    async (i) =>
      okMs(await served.call('articles.get', { id: ids[i % ids.length] }), 'articles.get'),
    { warmup: 0, samples: ids.length },
  );
  emitP95('scale.articles.get', get, LIST_TARGET, {
    note: 'articles of ~4 KB spread over the library, the first one with the most highlights',
  });
}

/** Measures search: the rarest word, two words, a word in about half of the library. */
export async function benchScaleSearch(served: ServedLibrary, probe: LibraryProbe): Promise<void> {
  for (const { name, query, target } of [
    { name: 'rare', query: probe.words.rare, target: 10 },
    { name: 'twoWords', query: probe.words.twoWords.join(' '), target: 50 },
    { name: 'half', query: probe.words.half, target: 150 },
  ]) {
    const times = await sample(async () =>
      okMs(await served.call('articles.search', { query }), `search ${query}`),
    );
    emitP95(`scale.search.${name}`, times, target, {
      query,
      matches: probe.matches(query),
      articles: probe.articles,
    });
  }
}
