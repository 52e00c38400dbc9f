/**
 * What the reader threads run (reader-pool.ts): the Api's reads that can take more than a few
 * milliseconds at a million articles, each on the thread's own read-only connection, and the
 * ranking half of feeds.related. Which side a method runs on is decided here, once: a method not
 * in POOLED_METHODS runs on the main thread's writer connection, as before.
 *
 * Left on the writer on purpose: articles.get (one row by id, and its highlights are re-anchored
 * and written back), highlights.list and the exports (re-anchoring writes too), settings.get (a
 * few rows) and every method that writes.
 */
import type { Method, Params, Results } from '../../../../shared/contract';
import type { Store } from '../../storage/store';
import type { SiteFeeds } from '../../storage/site-feeds-table';
import type { RelatedFeed } from '../../../../shared/model';
import { searchArticles } from '../search';
import { libraryUsage } from '../offline/usage';
import { writeOpml } from '../subscriptions/opml-write';
import { relatedArticles } from '../related/related-articles';
import { relatedFeeds } from '../related/related-feeds';
import type { WorkBudget } from '../work-budget';

/** The Api methods served by the reader threads. */
export const POOLED_METHODS = [
  'articles.list',
  'articles.search',
  'articles.related',
  'feeds.list',
  'feeds.exportOpml',
  'library.usage',
  'notes.list',
] as const satisfies readonly Method[];

/** A method the reader threads serve. */
export type PooledMethod = (typeof POOLED_METHODS)[number];

/** Returns true when `method` is served by the reader threads. */
export function isPooled(method: Method): method is PooledMethod {
  return (POOLED_METHODS as readonly string[]).includes(method);
}

/** One job for a reader thread. */
export type ReaderJob =
  | { kind: 'api'; method: PooledMethod; params: unknown }
  /** feeds.related once the main side has discovered the feeds of the article's sites. */
  | { kind: 'relatedFeeds'; articleId: number; discovered: SiteFeeds[] };

/**
 * Suggestion work: bounded by a time budget, cancelled when the reader moves on, and kept to one
 * thread so that it never holds up a list or a search (the pool's "slow lane").
 */
export function suggestionArticle(job: ReaderJob): number | null {
  if (job.kind === 'relatedFeeds') return job.articleId;
  if (job.method === 'articles.related') return (job.params as Params<'articles.related'>).id;
  return null;
}

/** The pooled methods that may take long: the slow lane (one thread). */
const SLOW_METHODS: ReadonlySet<PooledMethod> = new Set<PooledMethod>([
  'articles.related',
  'feeds.exportOpml',
]);

/**
 * Returns true for jobs that may take long (suggestions, the OPML export of a long list): the
 * slow lane. Lists, search, the feed list, usage (read from its summary) and notes are quick.
 */
export function isSlowJob(job: ReaderJob): boolean {
  return job.kind === 'relatedFeeds' || SLOW_METHODS.has(job.method);
}

type PooledRead<M extends PooledMethod> = (
  store: Store,
  params: Params<M>,
  budget: WorkBudget,
) => Results[M];

/** The pooled reads, over any Store: the same functions the Api's services call. */
const READS: { [M in PooledMethod]: PooledRead<M> } = {
  'articles.list': (store, params) => store.articles.list(params),
  'articles.search': (store, params) => searchArticles(store, params),
  'articles.related': (store, { id, limit }, budget) => relatedArticles(store, id, limit, budget),
  'feeds.list': (store) => store.feeds.list(),
  'feeds.exportOpml': (store) => ({ xml: writeOpml(store.feeds.list()) }),
  'library.usage': (store) => libraryUsage(store),
  'notes.list': (store) => store.annotations.notes.list(),
};

/** Runs one job on `store` and returns its result; throws as the Api method would. */
export function runReaderJob(store: Store, job: ReaderJob, budget: WorkBudget): unknown {
  if (job.kind === 'relatedFeeds') {
    return relatedFeeds(store, job.articleId, undefined, job.discovered, budget) as RelatedFeed[];
  }
  const read = READS[job.method] as PooledRead<PooledMethod>;
  return read(store, job.params as Params<PooledMethod>, budget);
}
