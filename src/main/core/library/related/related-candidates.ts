/**
 * The candidates of related feeds besides the catalog: the user's subscriptions (as documents of
 * their recent articles) and what an article says about sites: its own site and the sites it
 * links to. Reads only the local library; nothing here touches the network.
 */
import type { Feed } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import { homePageOf, linksOf, sameSite, siteKey } from './related-urls';

/** The article as related feeds see it. */
export interface ArticleForRelated {
  id: number;
  title: string;
  text: string;
  feedId: number | null;
  /** Its own site (from its URL, else its feed's site or URL); null for the seed. */
  site: string | null;
  /** Sites it links to, other than its own, most linked first. */
  linkedSites: string[];
  /** The home page of its own and each linked site, by site key, for discovering their feeds. */
  homePages: ReadonlyMap<string, string>;
}

/** A subscription with the text of its recent articles. */
export interface SubscriptionText {
  feed: Feed;
  site: string | null;
  /** Titles and openings of its latest articles. */
  text: string;
}

/** How many recent articles of a subscription describe it, and how much of each. */
const RECENT_ARTICLES = 20;
const OPENING_CHARS = 600;

/** Returns the article with its own site and linked sites, or null when there is none. */
export function articleForRelated(store: Store, id: number): ArticleForRelated | null {
  const summary = store.articles.summary(id);
  const content = store.articles.content(id);
  if (!summary || !content) return null;
  const feed = summary.feedId === null ? null : store.feeds.get(summary.feedId);
  const ownUrl = [summary.url, feed?.siteUrl, feed?.url].find((url) => siteKey(url) !== null);
  const site = siteKey(ownUrl);
  const homePages = new Map<string, string>();
  const home = homePageOf(ownUrl);
  if (site && home) homePages.set(site, home);
  const html = `${content.contentHtml}\n${content.fullTextHtml ?? ''}`;
  const counts = new Map<string, number>();
  for (const link of linksOf(html, summary.url)) {
    const key = siteKey(link);
    if (!key || (site && sameSite(key, site))) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!homePages.has(key)) homePages.set(key, homePageOf(link) as string);
  }
  return {
    id,
    title: summary.title,
    text: content.text,
    feedId: summary.feedId,
    site,
    linkedSites: [...counts].sort((a, b) => b[1] - a[1]).map(([key]) => key),
    homePages,
  };
}

/** Returns every subscription with the titles and openings of its latest articles. */
export function subscriptionTexts(store: Store): SubscriptionText[] {
  return store.feeds.list().map((feed) => subscriptionText(store, feed));
}

/** Returns one subscription with the titles and openings of its latest articles (one seek). */
export function subscriptionText(store: Store, feed: Feed): SubscriptionText {
  const rows = store.articles.latestOpenings(feed.id, RECENT_ARTICLES, OPENING_CHARS);
  return {
    feed,
    site: siteKey(feed.siteUrl) ?? siteKey(feed.url),
    text: rows.map((row) => `${row.title}\n${row.opening}`).join('\n\n'),
  };
}
