/**
 * Related feeds' candidates as BM25 documents: the catalog's entries (with the articles of those
 * subscribed), the other subscriptions, and the feeds discovered on the article's sites, each
 * feed once, with the rarity of a term among them.
 */
import type { SiteFeeds } from '../../storage/site-feeds-table';
import { idf, termDoc, type TermDoc } from './bm25';
import { indexedCatalog } from './feed-catalog';
import type { Topic } from './feed-topics';
import { canonicalFeedUrl } from './related-urls';
import type { SubscriptionDoc } from './subscription-docs';
import { termCounts } from './terms';

/** One feed that may be suggested. */
export interface Candidate {
  url: string;
  title: string;
  topics: readonly Topic[];
  language: string | null;
  site: string | null;
  doc: TermDoc;
  subscribed: boolean;
  fromArticles: boolean;
}

/**
 * Returns the catalog entries, subscriptions and discovered feeds as candidates, each feed once
 * (by canonical URL, the catalog's or subscription's entry winning), with the rarity of a term
 * among them. The catalog's documents and term frequencies are built once per process, the
 * subscriptions' kept (`extraDf` counts the terms they add); only the discovered feeds' documents
 * are built per call.
 */
export function buildCandidates(
  subscriptions: readonly SubscriptionDoc[],
  extraDf: (term: string) => number,
  ownFeedUrl: string | null,
  discovered: readonly SiteFeeds[],
) {
  const catalog = indexedCatalog();
  const own = ownFeedUrl === null ? null : canonicalFeedUrl(ownFeedUrl);
  const byUrl = new Map(subscriptions.map((s) => [s.canonicalUrl, s]));
  const taken = new Set([...byUrl.keys(), ...catalog.entries.map((e) => e.canonicalUrl)]);
  const discoveredDf = new Map<string, number>();
  const candidates: Candidate[] = [];
  for (const { entry, doc, canonicalUrl, site } of catalog.entries) {
    if (canonicalUrl === own) continue;
    const sub = byUrl.get(canonicalUrl);
    byUrl.delete(canonicalUrl);
    candidates.push({
      url: sub?.feed.url ?? entry.feedUrl,
      title: sub?.feed.title || entry.title,
      topics: entry.topics as Topic[],
      language: entry.language,
      site,
      doc: sub?.doc ?? doc,
      subscribed: sub !== undefined,
      fromArticles: false,
    });
  }
  for (const sub of byUrl.values()) {
    if (!sub.doc) continue;
    candidates.push({
      url: sub.feed.url,
      title: sub.feed.title || sub.feed.url,
      topics: [],
      language: null,
      site: sub.site,
      doc: sub.doc,
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
      for (const term of doc.counts.keys())
        discoveredDf.set(term, (discoveredDf.get(term) ?? 0) + 1);
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
    const df = (catalog.df.get(term) ?? 0) + extraDf(term) + (discoveredDf.get(term) ?? 0);
    return df === 0 ? null : idf(n, df);
  };
  return { candidates, rarity };
}
