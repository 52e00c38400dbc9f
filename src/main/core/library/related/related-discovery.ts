/**
 * The feeds of the sites an article comes from and links to, for related feeds: found by
 * autodiscovery on each site's home page, on demand, and cached per host in site_feeds
 * (docs/technotes/related-feeds.md, "Discovered sites"). A call never waits long: at most a few
 * new sites are discovered, within a time budget; what is not done by then finishes in the
 * background and is cached for the next call.
 */
import type { DiscoveredFeed } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import type { SiteFeeds } from '../../storage/site-feeds-table';
import { indexedCatalog } from './feed-catalog';
import type { ArticleForRelated } from './related-candidates';
import { isNotNewsSite } from './related-skip-sites';
import { sameSite, siteKey } from './related-urls';

/** Autodiscovery of a page (feeds.discover's, bound to the app's shared FetchLimiter). */
export type DiscoverFeeds = (url: string) => Promise<DiscoveredFeed[]>;

/** What site discovery needs. */
export interface SiteDiscoveryOptions {
  discover: DiscoverFeeds;
  /** How long a call waits for discoveries, in ms (default 2.5 s). */
  budgetMs?: number;
  /** The clock, for the cache's ages. */
  now?: () => number;
}

const DAY = 24 * 60 * 60 * 1000;
/** A site's feeds (or its having none) change rarely; a failure may be the train's tunnel. */
const FOUND_FOR = 7 * DAY;
const FAILED_FOR = DAY;
/** Sites considered per article: its own and the most linked ones. */
const MAX_SITES = 8;
/** New discoveries started per call: each costs a page and a few feed fetches. */
const MAX_NEW_PER_CALL = 4;
const BUDGET_MS = 2500;
/** Feeds kept per site: a home page listing its sections should not fill the list. */
const FEEDS_PER_SITE = 3;

/** Discovers and caches the feeds of articles' sites; one per Store, shared by every call. */
export class SiteDiscovery {
  /** Discoveries under way, by site key: a second call waits for them instead of starting more. */
  readonly #running = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly options: SiteDiscoveryOptions,
  ) {}

  /**
   * Returns the known feeds of the article's own and linked sites (those not already covered by
   * the catalog or a subscription), discovering stale or unknown ones within the time budget.
   * Never throws for the network: a site that fails is cached as failed and left out.
   */
  async feedsFor(article: ArticleForRelated): Promise<SiteFeeds[]> {
    const sites = sitesToDiscover(this.store, article);
    const now = this.#now();
    const due = sites.filter((site) => !isFresh(this.store.siteFeeds.get(site), now));
    const fresh = due.filter((site) => !this.#running.has(site)).slice(0, MAX_NEW_PER_CALL);
    for (const site of fresh) this.#start(site, article.homePages.get(site) as string);
    const waiting = due.flatMap((site) => this.#running.get(site) ?? []);
    if (waiting.length > 0) await within(Promise.all(waiting), this.options.budgetMs ?? BUDGET_MS);
    return sites.flatMap((site) => {
      const known = this.store.siteFeeds.get(site);
      return known && known.feeds.length > 0
        ? [{ ...known, feeds: worthShowing(known.feeds) }]
        : [];
    });
  }

  /** Starts discovering a site's home page; the outcome, good or bad, goes to the cache. */
  #start(site: string, homePage: string): void {
    const done = Promise.resolve()
      .then(() => this.options.discover(homePage))
      .then(
        (feeds) => ({ feeds, error: null }),
        (error: unknown) => ({
          // A site that fails now keeps what it had: offline is not "this site has no feeds".
          feeds: this.store.siteFeeds.get(site)?.feeds ?? [],
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .then(({ feeds, error }) => {
        try {
          this.store.siteFeeds.put({ host: site, feeds, checkedAt: this.#now(), error });
        } catch {
          // The database closed while the page was loading (the app quit): nothing to keep.
        }
      })
      .finally(() => this.#running.delete(site));
    this.#running.set(site, done);
  }

  #now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/**
 * Returns the article's own site and linked sites worth discovering, own first, at most
 * MAX_SITES: not social networks and the like, not a site the catalog or a subscription
 * already covers (their feeds are candidates anyway).
 */
export function sitesToDiscover(store: Store, article: ArticleForRelated): string[] {
  const covered = [
    ...indexedCatalog().entries.map((e) => e.site),
    ...store.feeds.list().map((feed) => siteKey(feed.siteUrl) ?? siteKey(feed.url)),
  ].filter((site): site is string => site !== null);
  const sites = article.site ? [article.site, ...article.linkedSites] : article.linkedSites;
  return sites
    .filter(
      (site) =>
        article.homePages.has(site) &&
        !isNotNewsSite(site) &&
        !covered.some((other) => sameSite(other, site)),
    )
    .slice(0, MAX_SITES);
}

/** True when a cached discovery is recent enough to trust without asking again. */
function isFresh(known: SiteFeeds | null, now: number): boolean {
  if (!known) return false;
  const age = now - known.checkedAt;
  return age >= 0 && age < (known.error === null ? FOUND_FOR : FAILED_FOR);
}

/**
 * Returns the feeds of a site worth suggesting: the best one and others of its type, without
 * comments feeds. A site offering one stream as RSS and Atom (WordPress, Hugo and Jekyll themes
 * do) is one suggestion, not two.
 */
function worthShowing(feeds: readonly DiscoveredFeed[]): DiscoveredFeed[] {
  const best = feeds[0];
  if (!best) return [];
  const rest = feeds
    .slice(1)
    .filter((f) => f.type === best.type && !/\bcomments?\b/i.test(f.title))
    .filter((f) => !/\/comments\/feed\b/i.test(f.url));
  return [best, ...rest].slice(0, FEEDS_PER_SITE);
}

/** Waits for `work`, but no longer than `ms`; `work` goes on either way. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((done) => (timer = setTimeout(done, ms)));
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
