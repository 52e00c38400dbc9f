/**
 * Related feeds for the article being read (docs/technotes/related-feeds.md): the feeds of its own
 * site, of the sites it links to, and the catalog's, ranked by BM25 of the article's key terms
 * against each candidate's title, description, topics and, for subscriptions, recent articles.
 * The ranking is local; the feeds discovered on the article's sites (related-discovery.ts) come
 * in as `discovered` (docs/technotes/related-feeds.md). Read-only, and bounded: the
 * subscriptions' documents are built a few per call within the budget and kept
 * (subscription-docs.ts); the rest is in-memory ranking of about a thousand small documents.
 */
import { ApiError } from '../../../../shared/contract';
import type { RelatedFeed } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import type { SiteFeeds } from '../../storage/site-feeds-table';
import { UNBOUNDED, type WorkBudget } from '../work-budget';
import { bm25Scores } from './bm25';
import { buildCandidates, type Candidate } from './feed-candidates';
import { indexedCatalog } from './feed-catalog';
import { guessLanguage, keyTerms } from './terms';
import { sameSite } from './related-urls';
import { articleForRelated, type ArticleForRelated } from './related-candidates';
import { reasonFor } from './related-reasons';
import { suggestionCache, textFingerprint } from './suggestion-cache';
import { addedTerms, type SubscriptionDoc } from './subscription-docs';

/** How many key terms of the article are searched for. */
const QUERY_TERMS = 30;
/** A feed in another language than the article's is a weaker suggestion, not an impossible one. */
const OTHER_LANGUAGE = 0.35;
/**
 * Relevance is relative to the best candidate, but never to less than this raw BM25 score: an
 * article that matches nothing well gets low scores everywhere, not a "perfect" first feed.
 */
const RELEVANCE_FLOOR = 30;
/**
 * How relevance (0–1, relative to the best) becomes the score: a catalog feed or subscription
 * gets up to 0.7; a site the article links to adds 0.15; the article's own site starts at 0.8,
 * above any stranger, since "more from where this came from" is the first thing a reader asks.
 */
const RELEVANCE_SHARE = 0.7;
const LINKED_BOOST = 0.15;
const OWN_SITE_BASE = 0.8;
/** Feeds per site: up to 3 of the own site, 2 of any other, so one site's sections don't fill the list. */
const PER_SITE = 2;
const PER_OWN_SITE = 3;
const MIN_SCORE = 0.05;
/**
 * How much of a call may go to building subscriptions' documents: the ranking after it takes
 * 10–30 ms with a thousand subscriptions, and the whole must stay within the budget.
 */
const BUILD_MS = 100;

/**
 * Returns the related feeds of an article, best first, with the feeds `discovered` on its own and
 * linked sites among the candidates; throws NOT_FOUND for an unknown id. With a budget, the
 * subscriptions whose documents are not built yet when it is spent are left out of this answer;
 * a cancelled budget answers [].
 */
export function relatedFeeds(
  store: Store,
  articleId: number,
  limit = 10,
  discovered: readonly SiteFeeds[] = [],
  budget: WorkBudget = UNBOUNDED,
): RelatedFeed[] {
  const article = articleForRelated(store, articleId);
  if (!article) throw new ApiError('NOT_FOUND', `There is no article ${articleId}.`);
  if (budget.cancelled) return [];
  const cache = suggestionCache(store);
  const found = discovered.flatMap(({ host, feeds }) => feeds.map((f) => `${host} ${f.url}`));
  const key = `${articleId}:${limit}:${textFingerprint(article.title, article.text)}:${found.join()}`;
  const cached = cache.feeds.get(key);
  if (cached) return cached;
  const feeds = store.feeds.list();
  const until = performance.now() + BUILD_MS;
  const building = { spent: () => budget.spent() || performance.now() >= until, cancelled: false };
  // An unbounded call (a test, the benchmark's reference) builds them all.
  const { docs, complete } = cache.subscriptions.of(
    store,
    feeds,
    budget === UNBOUNDED ? UNBOUNDED : building,
  );
  // The article's own feed is where the reader already is: not a suggestion, nor counted.
  const own = docs.find((d) => d.feed.id === article.feedId);
  const ownTerms = new Set(own ? addedTerms(own) : []);
  const extraDf = (term: string) =>
    cache.subscriptions.extraDf(term) - (ownTerms.has(term) ? 1 : 0);
  const subscriptions = docs.filter((d) => d.feed.id !== article.feedId);
  const ownFeedUrl =
    article.feedId === null ? null : (feeds.find((f) => f.id === article.feedId)?.url ?? null);
  const ranked = rankRelatedFeeds(article, subscriptions, extraDf, ownFeedUrl, limit, discovered);
  if (complete) cache.feeds.set(key, ranked);
  return ranked;
}

/**
 * Builds what related feeds rank before they are asked: the catalog's documents (~40 ms, once per
 * process) and the subscriptions' (about 1 ms a feed) until the budget is spent; returns true
 * when all are built. For a reader thread to call when it starts, so that the first article
 * opened finds them ready.
 */
export function prepareRelatedFeeds(store: Store, budget: WorkBudget = UNBOUNDED): boolean {
  indexedCatalog();
  return suggestionCache(store).subscriptions.of(store, store.feeds.list(), budget).complete;
}

/** Ranks the catalog, subscriptions and discovered feeds for an article (the pure part). */
function rankRelatedFeeds(
  article: ArticleForRelated,
  subscriptions: readonly SubscriptionDoc[],
  extraDf: (term: string) => number,
  ownFeedUrl: string | null,
  limit: number,
  discovered: readonly SiteFeeds[] = [],
): RelatedFeed[] {
  const { candidates, rarity } = buildCandidates(subscriptions, extraDf, ownFeedUrl, discovered);
  const query = keyTerms(article.title, article.text, rarity, QUERY_TERMS);
  const forms = new Map(query.map((t) => [t.term, t.forms[0] ?? t.term]));
  const language = guessLanguage(`${article.title}\n${article.text}`);
  const scores = bm25Scores(
    query,
    candidates.map((c) => c.doc),
  );
  const relevance = scores.map(({ score }, i) => {
    const lang = (candidates[i] as Candidate).language;
    return language && lang && lang !== language ? score * OTHER_LANGUAGE : score;
  });
  const top = Math.max(RELEVANCE_FLOOR, ...relevance);
  const ranked = candidates.map((candidate, i) => {
    const ownSite = !!(article.site && candidate.site && sameSite(article.site, candidate.site));
    const linked =
      !ownSite &&
      !!candidate.site &&
      article.linkedSites.some((s) => sameSite(s, candidate.site as string));
    const rel = (relevance[i] ?? 0) / top;
    const score = ownSite
      ? OWN_SITE_BASE + (1 - OWN_SITE_BASE) * rel
      : RELEVANCE_SHARE * rel + (linked ? LINKED_BOOST : 0);
    return {
      candidate,
      ownSite,
      linked,
      score,
      matched: (scores[i] as { matched: string[] }).matched,
    };
  });
  ranked.sort((a, b) => b.score - a.score || a.candidate.title.localeCompare(b.candidate.title));
  const likeFeed = bestSubscribedLookalike(ranked);
  const perSite = new Map<string, number>();
  const out: RelatedFeed[] = [];
  for (const r of ranked) {
    if (out.length >= limit || r.score < MIN_SCORE) break;
    const site = r.candidate.site ?? r.candidate.url;
    const seen = perSite.get(site) ?? 0;
    if (seen >= (r.ownSite ? PER_OWN_SITE : PER_SITE)) continue;
    perSite.set(site, seen + 1);
    const reason = reasonFor(
      {
        ...r,
        likeFeed: likeFeed(r.candidate),
        topics: r.candidate.topics,
        fromArticles: r.candidate.fromArticles,
      },
      (term) => forms.get(term) ?? term,
    );
    const { url, title, subscribed } = r.candidate;
    out.push({ url, title, reason, score: Math.round(r.score * 1000) / 1000, subscribed });
  }
  return out;
}

/**
 * Returns a function naming, for an unsubscribed catalog feed, the subscribed catalog feed it is
 * like: the best-ranked subscribed one that matches well, when they share most of their topics.
 */
function bestSubscribedLookalike(
  ranked: readonly { candidate: Candidate; score: number }[],
): (candidate: Candidate) => string | null {
  const mine = ranked.find((r) => r.candidate.subscribed && r.candidate.topics.length > 0);
  if (!mine || mine.score < 0.5) return () => null;
  const theirs = new Set(mine.candidate.topics);
  return (candidate) => {
    if (candidate.subscribed || candidate.topics.length === 0) return null;
    const shared = candidate.topics.filter((t) => theirs.has(t)).length;
    const union = new Set([...candidate.topics, ...theirs]).size;
    return shared >= 2 && shared / union >= 0.5 ? mine.candidate.title : null;
  };
}
