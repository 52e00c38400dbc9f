/**
 * Related feeds for the article being read (docs/technotes/related-feeds.md): the feeds of its own
 * site, of the sites it links to, and the catalog's, ranked by BM25 of the article's key terms
 * against each candidate's title, description, topics and, for subscriptions, recent articles.
 * The ranking is local; the feeds discovered on the article's sites (related-discovery.ts) come
 * in as `discovered` (docs/technotes/related-feeds.md).
 */
import { ApiError } from '../../../../shared/contract';
import type { RelatedFeed } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import type { SiteFeeds } from '../../storage/site-feeds-table';
import { bm25Scores, idf, termDoc, type TermDoc } from './bm25';
import { indexedCatalog } from './feed-catalog';
import type { Topic } from './feed-topics';
import { guessLanguage, keyTerms, termCounts } from './terms';
import { canonicalFeedUrl, sameSite } from './related-urls';
import {
  articleForRelated,
  subscriptionTexts,
  type ArticleForRelated,
  type SubscriptionText,
} from './related-candidates';
import { reasonFor } from './related-reasons';
import { UNBOUNDED, type WorkBudget } from '../work-budget';

/** One feed that may be suggested. */
interface Candidate {
  url: string;
  title: string;
  topics: readonly Topic[];
  language: string | null;
  site: string | null;
  doc: TermDoc;
  subscribed: boolean;
  fromArticles: boolean;
}

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
 * Returns the related feeds of an article, best first, with the feeds `discovered` on its own and
 * linked sites among the candidates; throws NOT_FOUND for an unknown id.
 */
export function relatedFeeds(
  store: Store,
  articleId: number,
  limit = 10,
  discovered: readonly SiteFeeds[] = [],
  _budget: WorkBudget = UNBOUNDED,
): RelatedFeed[] {
  const article = articleForRelated(store, articleId);
  if (!article) throw new ApiError('NOT_FOUND', `There is no article ${articleId}.`);
  // The article's own feed is where the reader already is: not a suggestion.
  const subscriptions = subscriptionTexts(store).filter((s) => s.feed.id !== article.feedId);
  const ownFeedUrl =
    article.feedId === null ? null : (store.feeds.get(article.feedId)?.url ?? null);
  return rankRelatedFeeds(article, subscriptions, ownFeedUrl, limit, discovered);
}

/** Ranks the catalog, subscriptions and discovered feeds for an article (the pure part). */
function rankRelatedFeeds(
  article: ArticleForRelated,
  subscriptions: readonly SubscriptionText[],
  ownFeedUrl: string | null,
  limit: number,
  discovered: readonly SiteFeeds[] = [],
): RelatedFeed[] {
  const { candidates, rarity } = buildCandidates(subscriptions, ownFeedUrl, discovered);
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
 * Returns the catalog entries, subscriptions and discovered feeds as candidates, each feed once
 * (by canonical URL, the catalog's or subscription's entry winning), with the rarity of a term
 * among them. The catalog's documents and term frequencies are built once per process; only the
 * subscriptions' and discovered feeds' documents are built per call.
 */
function buildCandidates(
  subscriptions: readonly SubscriptionText[],
  ownFeedUrl: string | null,
  discovered: readonly SiteFeeds[],
) {
  const catalog = indexedCatalog();
  const own = ownFeedUrl === null ? null : canonicalFeedUrl(ownFeedUrl);
  const byUrl = new Map(subscriptions.map((s) => [canonicalFeedUrl(s.feed.url), s]));
  const taken = new Set([...byUrl.keys(), ...catalog.entries.map((e) => e.canonicalUrl)]);
  const extraDf = new Map<string, number>();
  const countNew = (counts: ReadonlyMap<string, number>, base?: ReadonlyMap<string, number>) => {
    for (const term of counts.keys())
      if (!base?.has(term)) extraDf.set(term, (extraDf.get(term) ?? 0) + 1);
  };
  const candidates: Candidate[] = [];
  for (const { entry, doc, canonicalUrl, site } of catalog.entries) {
    if (canonicalUrl === own) continue;
    const sub = byUrl.get(canonicalUrl);
    byUrl.delete(canonicalUrl);
    let merged = doc;
    if (sub?.text) {
      merged = termDoc(termCounts(sub.text, 1, new Map(doc.counts)));
      countNew(merged.counts, doc.counts);
    }
    candidates.push({
      url: sub?.feed.url ?? entry.feedUrl,
      title: sub?.feed.title || entry.title,
      topics: entry.topics as Topic[],
      language: entry.language,
      site,
      doc: merged,
      subscribed: sub !== undefined,
      fromArticles: false,
    });
  }
  for (const sub of byUrl.values()) {
    const doc = termDoc(termCounts(sub.text, 1, termCounts(sub.feed.title, 2)));
    countNew(doc.counts);
    candidates.push({
      url: sub.feed.url,
      title: sub.feed.title || sub.feed.url,
      topics: [],
      language: null,
      site: sub.site,
      doc,
      subscribed: true,
      fromArticles: true,
    });
  }
  // A discovered feed is known only by its title; its site (the one it was discovered on) is
  // what makes it a suggestion: the own-site and linked boosts.
  for (const { host, feeds } of discovered) {
    for (const feed of feeds) {
      const key = canonicalFeedUrl(feed.url);
      if (key === own || taken.has(key)) continue;
      taken.add(key);
      const doc = termDoc(termCounts(feed.title, 2));
      countNew(doc.counts);
      candidates.push({
        url: feed.url,
        title: feed.title,
        topics: [],
        language: null,
        site: host,
        doc,
        subscribed: false,
        fromArticles: false,
      });
    }
  }
  const n = candidates.length;
  const rarity = (term: string) => {
    const df = (catalog.df.get(term) ?? 0) + (extraDf.get(term) ?? 0);
    return df === 0 ? null : idf(n, df);
  };
  return { candidates, rarity };
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
