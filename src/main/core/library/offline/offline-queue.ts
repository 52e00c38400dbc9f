/**
 * The background queue of offline reading: per article, (a) its full text when its feed asks for
 * it ("always fetch full text") and it has none yet, then (b) its images when the keepImages
 * setting is on (docs/technotes/offline-reading.md, "The background queue"). It never blocks a
 * refresh: the Refresher hands it the ids it stored and returns. Pages and images go through its
 * own FetchLimiter (4 at once, 2 per host), apart from the feeds' limiter, so a big image batch
 * never delays feed fetches.
 */
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import { pageFetcher, type PageFetcher } from '../../content/fetch-page';
import type { HttpGet } from '../../net/fetch-bytes';
import { FetchLimiter, hostOf } from '../../net/fetch-limiter';
import { downloadArticleImages } from './image-download';
import { readSettings } from '../settings';
import { fetchFullText } from './full-text';

/** Pages and images fetched at once, in all and per host. */
const OFFLINE_CONCURRENCY = { total: 4, perHost: 2 } as const;
/** Articles worked on at once (their fetches are bounded by the limiter). */
const ARTICLE_WORKERS = 4;
/** `articles.changed` for completed articles is sent at most this often. */
const CHANGED_DELAY_MS = 250;
/** How long jobs may run back to back before the event loop gets a turn (see #letOthersIn). */
const YIELD_MS = 3;

/** What each article needs; background jobs follow the settings, explicit ones ask for all. */
export interface OfflineJobOptions {
  /** 'setting': only when keepImages is on (background); 'always': "make available offline". */
  images: 'setting' | 'always';
  /** Retry a full text that failed before (explicit requests do; the background does not). */
  retryFullText: boolean;
}

/** The outcome for one article. */
export interface OfflineJobResult {
  articleId: number;
  /** Images fetched now. */
  images: number;
  /** False when a wanted page or an image could not be stored. */
  complete: boolean;
}

/** What the queue works with. */
export interface OfflineQueueDeps {
  store: Store;
  events: EventHub;
  /** The app's bounded GET, for pages and images. */
  get: HttpGet;
  /** Its own limiter by default (OFFLINE_CONCURRENCY), apart from the feeds'. */
  limiter?: FetchLimiter;
}

interface Job {
  articleId: number;
  options: OfflineJobOptions;
  resolve: (result: OfflineJobResult | null) => void;
  promise: Promise<OfflineJobResult | null>;
}

const BACKGROUND: OfflineJobOptions = { images: 'setting', retryFullText: false };
const EXPLICIT: OfflineJobOptions = { images: 'always', retryFullText: true };
const IMAGES_ONLY: OfflineJobOptions = { images: 'always', retryFullText: false };

/** Runs offline jobs in the background, a few articles at a time, until closed. */
export class OfflineQueue {
  readonly #deps: OfflineQueueDeps;
  readonly #limiter: FetchLimiter;
  readonly #fetchPage: PageFetcher;
  /**
   * Waiting jobs: explicit ones (a reader waits on them) before background ones, each first come
   * first served. Two lists, since finding where the urgent ones ended in one list scanned it for
   * every job (offline.make of 6,500 articles: 300 ms in one turn).
   */
  readonly #pending = { urgent: [] as Job[], background: [] as Job[] };
  readonly #queued = new Map<number, Job>();
  readonly #abort = new AbortController();
  readonly #running = new Set<Promise<void>>();
  #workers = 0;
  #done = 0;
  #total = 0;
  #lastYield = performance.now();
  #changed = new Map<number | null, number[]>();
  #changedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: OfflineQueueDeps) {
    this.#deps = deps;
    this.#limiter =
      deps.limiter ?? new FetchLimiter(OFFLINE_CONCURRENCY.total, OFFLINE_CONCURRENCY.perHost);
    this.#fetchPage = pageFetcher(deps.get);
  }

  /** The Refresher's hook: queues what new and updated articles need, returns at once. */
  readonly articlesStored = (_feedId: number, articleIds: readonly number[]): void => {
    for (const id of articleIds) void this.enqueue(id, BACKGROUND);
  };

  /**
   * Queues explicit jobs ("make available offline": full text when the feed wants it, images
   * whatever the setting) and resolves when all are done, with their outcomes.
   */
  async make(articleIds: readonly number[]): Promise<OfflineJobResult[]> {
    const results = await Promise.all(articleIds.map((id) => this.enqueue(id, EXPLICIT)));
    return results.filter((r): r is OfflineJobResult => r !== null);
  }

  /**
   * Keeps an article's images now that its HTML changed (articles.fetchFullText, saved pages),
   * through the queue's limits; resolves when done.
   */
  keepImages(articleId: number): Promise<OfflineJobResult | null> {
    return this.enqueue(articleId, IMAGES_ONLY);
  }

  /** Queues one article (merged with a job still waiting for it); null when closed or gone. */
  enqueue(articleId: number, options: OfflineJobOptions): Promise<OfflineJobResult | null> {
    if (this.closed) return Promise.resolve(null);
    const waiting = this.#queued.get(articleId);
    if (waiting) {
      const wasUrgent = isUrgent(waiting.options);
      waiting.options = merge(waiting.options, options);
      if (!wasUrgent && isUrgent(waiting.options)) {
        const { background } = this.#pending;
        background.splice(background.indexOf(waiting), 1);
        this.#insert(waiting);
      }
      return waiting.promise;
    }
    let resolve!: Job['resolve'];
    const promise = new Promise<OfflineJobResult | null>((r) => (resolve = r));
    const job: Job = { articleId, options, resolve, promise };
    this.#queued.set(articleId, job);
    this.#insert(job);
    this.#total++;
    this.#startWorkers();
    return promise;
  }

  /** Resolves once nothing is queued or running (tests, and callers that want to wait). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running);
  }

  /** True once close() was called. */
  get closed(): boolean {
    return this.#abort.signal.aborted;
  }

  /**
   * Stops: waiting jobs are dropped, running fetches cancelled, and nothing is written after
   * this returns (each write checks the signal first). Resolves when running jobs have ended.
   */
  close(): Promise<void> {
    this.#abort.abort();
    clearTimeout(this.#changedTimer);
    const { urgent, background } = this.#pending;
    for (const job of [...urgent.splice(0), ...background.splice(0)]) job.resolve(null);
    this.#queued.clear();
    return Promise.all(this.#running).then(() => undefined);
  }

  /**
   * Queues a job: background ones at the end, explicit ones after the other explicit ones, so
   * "make available offline" or a fetched full text never waits behind a big refresh's images.
   */
  #insert(job: Job): void {
    (isUrgent(job.options) ? this.#pending.urgent : this.#pending.background).push(job);
  }

  /** Returns the next waiting job (urgent first), or undefined. */
  #next(): Job | undefined {
    return this.#pending.urgent.shift() ?? this.#pending.background.shift();
  }

  #startWorkers(): void {
    const { urgent, background } = this.#pending;
    while (this.#workers < ARTICLE_WORKERS && urgent.length + background.length > 0) {
      this.#workers++;
      const worker = this.#work().finally(() => {
        this.#workers--;
        this.#running.delete(worker);
      });
      this.#running.add(worker);
    }
  }

  async #work(): Promise<void> {
    for (let job = this.#next(); job && !this.closed; job = this.#next()) {
      this.#queued.delete(job.articleId);
      const result = await this.#run(job).catch((error: unknown) => {
        if (!this.closed) console.error(`[offline] article ${job!.articleId} failed:`, error);
        return null;
      });
      job.resolve(result);
      if (this.closed) return;
      await this.#letOthersIn();
      if (this.closed) return;
      this.#done++;
      this.#deps.events.emit('offline', { done: this.#done, total: this.#total });
      // A batch ends when everything queued is done: tell the window now, count afresh next time.
      if (this.#done === this.#total) {
        this.#done = this.#total = 0;
        this.#flushChanged();
      }
    }
  }

  async #run({ articleId, options }: Job): Promise<OfflineJobResult | null> {
    const { store } = this.#deps;
    const before = store.offline.state(articleId);
    if (!before) return null;
    let complete = true;
    const wantsPage = before.feedWantsFullText && !before.hasFullText;
    if (wantsPage && (options.retryFullText || before.fullTextTriedAt === null)) {
      const url = store.articles.summary(articleId)?.url ?? '';
      const deps = {
        store,
        events: this.#deps.events,
        fetchPage: this.#fetchPage,
        signal: this.#abort.signal,
      };
      // Its failure is kept on the article (full_text_error) by fetchFullText itself.
      await this.#limiter
        .run(hostOf(url), () => fetchFullText(deps, articleId))
        .catch(() => undefined);
      if (this.closed) return null;
      complete = store.offline.state(articleId)?.hasFullText === true;
    } else if (wantsPage) {
      complete = false;
    }
    let images = 0;
    if (options.images === 'always' || readSettings(store).keepImages) {
      const outcome = await downloadArticleImages(
        { store, get: this.#deps.get, limiter: this.#limiter },
        articleId,
        { signal: this.#abort.signal },
      );
      if (this.closed) return null;
      images = outcome.downloaded;
      complete &&= outcome.missing === 0;
    } else {
      complete = before.imagesMissing === 0;
    }
    const after = store.offline.state(articleId);
    if (after && (after.imagesMissing !== before.imagesMissing || images > 0 || wantsPage)) {
      this.#articleChanged(after.feedId, articleId);
    }
    return { articleId, images, complete };
  }

  /**
   * Yields to the event loop once jobs have run for YIELD_MS without a break: a job with nothing
   * to fetch (its images kept already) settles in microtasks, so thousands of them ran back to
   * back and held the app (offline.make of a 6,000-article feed: 0.7 s). Short, since an HTTP
   * call of browser mode needs several turns of the loop: at 8 ms a turn, settings.get took
   * 94 ms (p99) during offline.make of a 64,000-article feed.
   */
  async #letOthersIn(): Promise<void> {
    if (performance.now() - this.#lastYield < YIELD_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.#lastYield = performance.now();
  }

  /** Collects changed articles and tells the window in one event per feed, shortly after. */
  #articleChanged(feedId: number | null, articleId: number): void {
    const ids = this.#changed.get(feedId) ?? [];
    ids.push(articleId);
    this.#changed.set(feedId, ids);
    this.#changedTimer ??= setTimeout(() => this.#flushChanged(), CHANGED_DELAY_MS);
  }

  #flushChanged(): void {
    clearTimeout(this.#changedTimer);
    this.#changedTimer = undefined;
    const changed = this.#changed;
    this.#changed = new Map();
    if (this.closed) return;
    for (const [feedId, articleIds] of changed) {
      this.#deps.events.emit('articles.changed', { feedId, articleIds });
    }
  }
}

function isUrgent(options: OfflineJobOptions): boolean {
  return options.images === 'always';
}

function merge(a: OfflineJobOptions, b: OfflineJobOptions): OfflineJobOptions {
  return {
    images: a.images === 'always' || b.images === 'always' ? 'always' : 'setting',
    retryFullText: a.retryFullText || b.retryFullText,
  };
}
