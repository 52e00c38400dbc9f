/**
 * Figures 3–5 on the 100,000-article library: FTS search (rare, common, two words), the feed
 * list with unread counts, and marking 2,500 articles read.
 */
import { searchArticles, toMatchExpression } from '../../src/main/core/library/search';
import type { BenchContext } from './context';
import { ARTICLES, FEEDS, RARE_WORDS, READ_SHARE, type Library } from './library';
import { emit, median, percentile, timeSync } from './report';
import { seededRandom } from './words';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

const WARMUP = 5;
const SAMPLES = 50;
/** Words too common to be anyone's search (they match nearly every article). */
const STOP_WORDS = new Set([
  'the',
  'to',
  'a',
  'and',
  'is',
  'of',
  'in',
  'for',
  'this',
  'or',
  'with',
  'be',
  'you',
  'if',
  'that',
  'it',
  'an',
  'as',
  'will',
  'are',
  'not',
  'can',
  'by',
  'on',
  'all',
  'from',
  'when',
  'any',
  'your',
  'so',
  'which',
  'see',
  'only',
  'do',
  'more',
  'have',
  'like',
  'but',
  'no',
  'one',
  'also',
  'other',
  'then',
  'has',
  'at',
  'each',
  'same',
  'should',
  'may',
  'than',
  'get',
  'some',
]);

/** Measures figure 3 (search). */
export function benchSearch(ctx: BenchContext, library: Library): void {
  const { words } = ctx;
  const wordsPerArticle = 2000 / 6; // ~2 KB of text, ~6 characters a word with its space
  const docShare = (rank: number): number => 1 - Math.exp(-wordsPerArticle * words.share(rank));
  const contentRanks = words.words
    .map((_, rank) => rank)
    .filter((rank) => !STOP_WORDS.has(words.words[rank] as string));
  const rankWithShare = (share: number): number =>
    contentRanks.find((rank) => docShare(rank) <= share) as number;
  const queries = [
    { name: 'rare', query: RARE_WORDS[0] as string, target: 10 },
    { name: 'common', query: words.words[rankWithShare(0.25)] as string, target: 40 },
    {
      name: 'twoWords',
      query: `${words.words[rankWithShare(0.12)]} ${words.words[rankWithShare(0.06)]}`,
      target: 10,
    },
    // Not in the issue: the worst case, the most frequent word that is not a stop word.
    { name: 'mostFrequent', query: words.words[contentRanks[0] as number] as string, target: null },
  ];
  const count = rawDatabase(library.store)
    .prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?')
    .pluck();
  for (const { name, query, target } of queries) {
    const run = (): number => timeSync(() => searchArticles(library.store, { query, limit: 50 }));
    for (let i = 0; i < WARMUP; i++) run();
    const times = Array.from({ length: SAMPLES }, run);
    const p50 = median(times);
    const matches = count.get(toMatchExpression(query)) as number;
    emit({
      figure: `search.${name}`,
      value: p50,
      unit: 'ms',
      p95: percentile(times, 95),
      query,
      matches,
      articles: ARTICLES,
      limit: 50,
      samples: SAMPLES,
      ...(target === null
        ? { note: 'informational, no target' }
        : { target: `p50 < ${target} ms`, met: p50 < target }),
    });
  }
}

/** Measures figure 4 (the feed list with unread counts). */
export function benchUnreadCounts(library: Library): void {
  const list = (): number => timeSync(() => library.store.feeds.list());
  for (let i = 0; i < WARMUP; i++) list();
  const times = Array.from({ length: SAMPLES * 2 }, list);
  const feeds = library.store.feeds.list();
  const unread = feeds.reduce((sum, feed) => sum + feed.unreadCount, 0);
  const p50 = median(times);
  emit({
    figure: 'unreadCounts',
    value: p50,
    unit: 'ms',
    p95: percentile(times, 95),
    feeds: feeds.length,
    articles: ARTICLES,
    unread,
    readShare: READ_SHARE,
    target: 'p50 < 10 ms',
    met: p50 < 10,
  });
  if (feeds.length !== FEEDS) throw new Error(`expected ${FEEDS} feeds, listed ${feeds.length}`);
}

/** Measures figure 5 (marking 2,500 unread articles read; different ones each run). */
export function benchMarkRead(ctx: BenchContext, library: Library): void {
  const { store } = library;
  const unreadIds = rawDatabase(store)
    .prepare(
      'SELECT a.id FROM articles a LEFT JOIN article_state s ON s.uid = a.uid WHERE s.read_at IS NULL',
    )
    .pluck()
    .all() as number[];
  const random = seededRandom(7);
  for (let i = unreadIds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [unreadIds[i], unreadIds[j]] = [unreadIds[j] as number, unreadIds[i] as number];
  }
  const BATCH_SIZE = 2500;
  const times: number[] = [];
  const runs = Math.max(ctx.runs, 7);
  for (let run = 0; run <= runs; run++) {
    const ids = unreadIds.slice(run * BATCH_SIZE, (run + 1) * BATCH_SIZE);
    let marked = 0;
    const ms = timeSync(() => (marked = store.articles.markRead(ids)));
    if (marked !== BATCH_SIZE) throw new Error(`markRead marked ${marked} of ${BATCH_SIZE}`);
    if (run > 0) times.push(ms);
  }
  const ms = median(times);
  emit({
    figure: 'markRead2500',
    value: ms,
    unit: 'ms',
    max: Math.max(...times),
    articles: ARTICLES,
    runs,
    target: '< 100 ms',
    met: ms < 100,
  });
}
