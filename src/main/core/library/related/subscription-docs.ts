/**
 * The subscriptions as related feeds' candidates: each a BM25 document of its title and its
 * latest articles' titles and openings, merged into its catalog entry's document when the
 * catalog has the feed. Building them reads twenty articles per feed and tokenizes them (about a
 * second for a thousand feeds), so they are built once and kept (suggestion-cache.ts says until
 * when), as many per call as the budget allows, with the frequency of their terms among them.
 */
import type { Feed } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import type { WorkBudget } from '../work-budget';
import { termDoc, type TermDoc } from './bm25';
import { indexedCatalog } from './feed-catalog';
import { subscriptionText } from './related-candidates';
import { PackedCounts } from './packed-counts';
import { canonicalFeedUrl } from './related-urls';
import { termCounts } from './terms';

/** One subscription ready for ranking. */
export interface SubscriptionDoc {
  feed: Feed;
  site: string | null;
  canonicalUrl: string;
  /** True when the catalog lists the feed: `doc` is then its entry's, with the articles added. */
  inCatalog: boolean;
  /** Null for a catalog feed without articles: its entry's document stands alone. */
  doc: TermDoc | null;
  /** Its catalog entry's own counts, when it has one: the terms it lacks are the added ones. */
  catalogCounts: ReadonlyMap<string, number> | null;
}

/** The subscriptions' documents of one Store, and how many hold each term they add. */
export class SubscriptionDocs {
  readonly #docs = new Map<number, { key: string; doc: SubscriptionDoc }>();
  readonly #extraDf = new Map<string, number>();

  /**
   * Returns the documents of `feeds` (in their order), building those missing until the budget
   * is spent; `complete` is false when some are left out for want of time.
   */
  of(
    store: Store,
    feeds: readonly Feed[],
    budget: WorkBudget,
  ): { docs: SubscriptionDoc[]; complete: boolean } {
    const listed = new Set(feeds.map((f) => f.id));
    for (const [id, { doc }] of this.#docs) if (!listed.has(id)) this.#forget(id, doc);
    const docs: SubscriptionDoc[] = [];
    let complete = true;
    for (const feed of feeds) {
      const key = `${feed.url}\n${feed.title}`;
      const kept = this.#docs.get(feed.id);
      if (kept?.key === key) {
        docs.push(kept.doc);
        continue;
      }
      if (budget.spent()) {
        complete = false;
        continue;
      }
      if (kept) this.#forget(feed.id, kept.doc);
      const doc = buildDoc(store, feed);
      this.#docs.set(feed.id, { key, doc });
      for (const term of addedTerms(doc))
        this.#extraDf.set(term, (this.#extraDf.get(term) ?? 0) + 1);
      docs.push(doc);
    }
    return { docs, complete };
  }

  /** Returns how many kept documents add `term` to the candidates' vocabulary. */
  extraDf(term: string): number {
    return this.#extraDf.get(term) ?? 0;
  }

  /** Forgets every document. */
  clear(): void {
    this.#docs.clear();
    this.#extraDf.clear();
  }

  #forget(id: number, doc: SubscriptionDoc): void {
    this.#docs.delete(id);
    for (const term of addedTerms(doc)) {
      const left = (this.#extraDf.get(term) ?? 0) - 1;
      if (left > 0) this.#extraDf.set(term, left);
      else this.#extraDf.delete(term);
    }
  }
}

/** Returns the document of one subscription, from its latest articles (counts packed). */
function buildDoc(store: Store, feed: Feed): SubscriptionDoc {
  const { site, text } = subscriptionText(store, feed);
  const canonicalUrl = canonicalFeedUrl(feed.url);
  const entry = indexedCatalog().entries.find((e) => e.canonicalUrl === canonicalUrl);
  const own = entry?.doc.counts ?? null;
  const base = { feed, site, canonicalUrl, inCatalog: entry !== undefined, catalogCounts: own };
  if (entry && !text) return { ...base, doc: null };
  const counts = own
    ? termCounts(text, 1, new Map(own))
    : termCounts(text, 1, termCounts(feed.title, 2));
  return { ...base, doc: termDoc(new PackedCounts(counts)) };
}

/**
 * Returns the terms a subscription adds to the candidates' vocabulary: those of its articles
 * its catalog entry, if any, lacks (computed when needed rather than kept: 900 a feed).
 */
export function addedTerms(sub: SubscriptionDoc): string[] {
  if (!sub.doc) return [];
  const own = sub.catalogCounts;
  return own
    ? [...sub.doc.counts.keys()].filter((term) => !own.has(term))
    : [...sub.doc.counts.keys()];
}
