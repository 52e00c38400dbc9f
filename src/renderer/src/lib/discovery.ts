/**
 * The add dialog's first step for a web page address: asking `feeds.discover` which feeds it
 * offers, so that the user can choose when there are several. A feed's own address skips it
 * (discovery would fetch the feed once more only to say it is a feed).
 */
import type { ApiClient } from '../../../shared/contract';
import type { DiscoveredFeed } from '../../../shared/model';
import { isApiError } from './api';

/** What discovery found for an address. */
export type Discovery =
  | { kind: 'feeds'; feeds: DiscoveredFeed[] }
  | { kind: 'none'; message: string }
  /** Discovery could not tell (the page could not be fetched): feeds.add is asked directly. */
  | { kind: 'unknown' };

/** Paths that name a feed: /feed, /rss, /atom.xml, /index.xml, /feed.json, …/feeds/posts/default. */
const FEED_PATH =
  /(\.(rss|atom|rdf|xml)|\/(feed|rss|atom|rss2)(\.xml|\.json)?|\/feeds\/posts\/default|feed\.json)\/?$/i;
const FEED_QUERY = /[?&](feed|format)=(rss2?|atom|json)\b/i;

/** The sentence when a page offers no feed. */
export const NO_FEED_MESSAGE =
  "Folio found no feed on that page or at the usual places of its site. Paste the feed's address if you know it.";

/** Returns `url` with https:// in front when it was typed without a scheme ("example.com/blog"). */
export function withScheme(url: string): string {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return /^[\w-]+(\.[\w-]+)+(:\d+)?([/?#]|$)/.test(trimmed) ? `https://${trimmed}` : trimmed;
}

/** Returns true when `url` looks like a feed's own address rather than a web page's. */
export function looksLikeFeedUrl(url: string): boolean {
  try {
    const { pathname, search } = new URL(url.trim());
    return FEED_PATH.test(pathname) || FEED_QUERY.test(search);
  } catch {
    return false;
  }
}

/** Asks the core (through `api`) for the feeds of the page at `url`, best first. */
export async function discover(api: ApiClient, url: string): Promise<Discovery> {
  try {
    const feeds = await api['feeds.discover']({ url: url.trim() });
    return feeds.length > 0 ? { kind: 'feeds', feeds } : { kind: 'none', message: NO_FEED_MESSAGE };
  } catch (error) {
    if (isApiError(error, 'UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN')) throw error;
    return { kind: 'unknown' };
  }
}

/** A short name for a feed format, shown next to each candidate. */
export function feedTypeLabel(type: DiscoveredFeed['type']): string {
  return type === 'json' ? 'JSON Feed' : type === 'atom' ? 'Atom' : 'RSS';
}
