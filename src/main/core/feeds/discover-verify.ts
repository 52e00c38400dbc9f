/**
 * Checking a discovery candidate by fetching and parsing it (a link that 404s, or that leads to
 * an HTML page, is no feed), and putting the verified ones in order, best first
 * (docs/technotes/autodiscovery.md).
 */
import type { DiscoveredFeed } from '../../../shared/model';
import { decodeFeed } from './decode';
import { fetchFeed } from './fetch-feed';
import { hostOf } from '../net/fetch-limiter';
import type { Net } from '../net/net';
import { parseFeedText } from './parse';
import { markupToText } from './text';

/** Where a candidate came from, best source first. */
const SOURCES = ['self', 'alternate', 'platform', 'link', 'guess'] as const;
export type CandidateSource = (typeof SOURCES)[number];

/** A URL that may be a feed, and what the page said of it. */
export interface Candidate {
  url: string;
  source: CandidateSource;
  /** The link's title or text, used when the feed has no title of its own. */
  hint: string | null;
}

/** A candidate that proved to be a feed. */
export interface VerifiedFeed {
  candidate: Candidate;
  feed: DiscoveredFeed;
}

/**
 * Returns the type and title of the feed in `bytes`, or null when they hold no readable feed
 * (an HTML page, JSON that is not a JSON Feed, broken XML).
 */
export async function readFeedDocument(
  bytes: Uint8Array,
  contentType: string | null,
): Promise<{ type: DiscoveredFeed['type']; title: string | null } | null> {
  try {
    const parsed = await parseFeedText(decodeFeed(bytes, contentType).text);
    const raw = parsed.title ?? '';
    const title = (parsed.titleIsHtml ? markupToText(raw) : raw.replace(/\s+/g, ' ')).trim();
    // RSS 1.0 (RDF) is RSS to a user.
    const type = parsed.format === 'rdf' ? 'rss' : parsed.format;
    return { type, title: title || null };
  } catch {
    return null;
  }
}

/**
 * Fetches `candidate` through `net` (within its limiter, with the feed fetcher's limits) and returns it as a
 * discovered feed, or null when it is unreachable or not a feed. A feed that moved for good
 * (301/308) is given at its new address, the one a subscription would keep.
 */
export async function verifyCandidate(
  candidate: Candidate,
  net: Net,
): Promise<VerifiedFeed | null> {
  try {
    const outcome = await net.limiter.run(hostOf(candidate.url), () =>
      fetchFeed(net.get, { url: candidate.url }),
    );
    if (outcome.status !== 'ok') return null;
    const doc = await readFeedDocument(outcome.bytes, outcome.contentType);
    if (!doc) return null;
    const url = outcome.permanentUrl ?? candidate.url;
    const title = doc.title ?? candidate.hint ?? new URL(url).hostname;
    return { candidate, feed: { url, title, type: doc.type } };
  } catch {
    return null;
  }
}

/** A comments feed ("Comments on: …", WordPress's /comments/feed) is rarely the one wanted. */
function isComments({ candidate, feed }: VerifiedFeed): boolean {
  const said = `${feed.title} ${candidate.hint ?? ''}`;
  return /\bcomments?\b/i.test(said) || /\/comments\/feed\b/i.test(feed.url);
}

/**
 * Returns the verified feeds best first, each URL once: comments feeds last; then by source
 * (the page's own rel=alternate links in their order, platform rules, feed-like links, guessed
 * paths); then feeds on the page's own host before others; then discovery order.
 */
export function rankFeeds(verified: VerifiedFeed[], pageUrl: string): DiscoveredFeed[] {
  const host = hostOf(pageUrl);
  const key = (v: VerifiedFeed, order: number): number[] => [
    isComments(v) ? 1 : 0,
    SOURCES.indexOf(v.candidate.source),
    hostOf(v.feed.url) === host ? 0 : 1,
    order,
  ];
  const keyed = verified.map((v, order) => ({ v, key: key(v, order) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  const seen = new Set<string>();
  const out: DiscoveredFeed[] = [];
  for (const { v } of keyed) {
    if (seen.has(v.feed.url)) continue;
    seen.add(v.feed.url);
    out.push(v.feed);
  }
  return out;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
