/**
 * Autodiscovery: the feeds of a page or site, verified, best first (docs/technotes/autodiscovery.md).
 * 1. Platform rules from the URL alone (they still work when the page refuses us).
 * 2. The page: when it is itself a feed, that feed; else its rel=alternate links, platform rules
 *    with what the page names (a YouTube channel id), and links that look like feeds.
 * 3. Only when none of those is a feed: the usual paths, one at a time, stopping at the first.
 * Every fetch goes through the app's Net: its bounded GET, within the limiter refreshes share.
 */
import type { DiscoveredFeed } from '../../../shared/model';
import { decodeHtml } from '../content/decode-html';
import { scanPage, type PageFeedLink } from './discover-page';
import { platformFeedUrls } from './discover-platforms';
import {
  rankFeeds,
  readFeedDocument,
  verifyCandidate,
  type Candidate,
  type VerifiedFeed,
} from './discover-verify';
import { hostOf } from '../net/fetch-limiter';
import type { Net } from '../net/net';
import type { FetchedBody } from '../net/types';

/** A page or a feed: either may be pasted. */
const PAGE_ACCEPT =
  'text/html, application/xhtml+xml;q=0.9, application/rss+xml;q=0.8, ' +
  'application/atom+xml;q=0.8, application/feed+json;q=0.8, application/xml;q=0.7, */*;q=0.5';

/** Candidates verified at most: a page with fifty category feeds does not cost fifty fetches. */
const MAX_CANDIDATES = 12;
/** Feed-looking `<a href>` links verified at most (after the page's own rel=alternate ones). */
const MAX_LINKS = 6;
/** Usual paths tried at most, one after the other. */
const MAX_PROBES = 7;

/** Paths where sites keep feeds without saying so, most common first. */
const USUAL_PATHS = [
  '/feed',
  '/rss',
  '/rss.xml',
  '/atom.xml',
  '/feed.xml',
  '/index.xml',
  '/feed.json',
  '/feeds/posts/default',
  '/?feed=rss2',
];

/**
 * Returns the feeds found for `url`, verified by fetching each through `net` (the app's, so that
 * discovery and refreshes together stay polite to each host), best first; `[]` when there are
 * none. Throws the page fetch's ApiError (FETCH_FAILED, TIMEOUT, TOO_LARGE) when the page cannot
 * be had and no platform rule found a feed either.
 */
export async function discoverFeeds(url: string, net: Net): Promise<DiscoveredFeed[]> {
  const fromUrl = platform(platformFeedUrls(url));
  let page: FetchedBody;
  try {
    page = await fetchPage(url, net);
  } catch (error) {
    // Reddit answers 403 to many clients; its feed URL is known without the page.
    const found = await verifyAll(fromUrl, net);
    if (found.length > 0) return rankFeeds(found, url);
    throw error;
  }

  const self = await readFeedDocument(page.bytes, page.contentType);
  if (self) {
    const feedUrl = page.permanentUrl ?? url;
    return [{ url: feedUrl, title: self.title ?? new URL(feedUrl).hostname, type: self.type }];
  }

  const pageUrl = page.finalUrl;
  const scan = scanPage(decodeHtml(page.bytes, page.contentType).text, pageUrl);
  const candidates = unique([
    ...scan.alternates.map((link) => candidate(link, 'alternate')),
    ...fromUrl,
    ...platform(platformFeedUrls(pageUrl, scan.channelId)),
    ...sameHostFirst(scan.anchors, pageUrl)
      .slice(0, MAX_LINKS)
      .map((link) => candidate(link, 'link')),
  ]).slice(0, MAX_CANDIDATES);
  const found = await verifyAll(candidates, net);
  if (found.length === 0) {
    const tried = new Set(candidates.map((c) => c.url));
    const guessed = await probeUsualPaths(pageUrl, scan.generator, tried, net);
    if (guessed) found.push(guessed);
  }
  return rankFeeds(found, pageUrl);
}

function fetchPage(url: string, net: Net): Promise<FetchedBody> {
  return net.limiter.run(hostOf(url), async () => {
    const outcome = await net.get({ url }, PAGE_ACCEPT);
    // No validators were sent, so only a broken server answers 304; treat it as an empty page.
    if (outcome.status === 'ok') return outcome;
    return { ...outcome, status: 'ok', bytes: new Uint8Array(), contentType: null };
  });
}

/**
 * Tries the usual feed paths of the page's site one at a time (never in parallel: these are
 * guesses, and most answer 404), returning the first that is a feed. The page's generator puts
 * its platform's path first: WordPress's ?feed=rss2, Blogger's /feeds/posts/default.
 */
async function probeUsualPaths(
  pageUrl: string,
  generator: string | null,
  tried: Set<string>,
  net: Net,
): Promise<VerifiedFeed | null> {
  const first = /wordpress/i.test(generator ?? '')
    ? ['/?feed=rss2']
    : /blogger/i.test(generator ?? '')
      ? ['/feeds/posts/default']
      : [];
  const paths = [...first, ...USUAL_PATHS.filter((p) => !first.includes(p))].slice(0, MAX_PROBES);
  for (const path of paths) {
    const url = new URL(path, pageUrl).href;
    if (tried.has(url)) continue;
    const found = await verifyCandidate({ url, source: 'guess', hint: null }, net);
    if (found) return found;
  }
  return null;
}

/** Verifies candidates in parallel; the limiter bounds how many fetches run at once. */
async function verifyAll(candidates: Candidate[], net: Net): Promise<VerifiedFeed[]> {
  const results = await Promise.all(candidates.map((c) => verifyCandidate(c, net)));
  return results.filter((r): r is VerifiedFeed => r !== null);
}

function candidate(link: PageFeedLink, source: Candidate['source']): Candidate {
  return { url: link.url, source, hint: link.title };
}

function platform(urls: string[]): Candidate[] {
  return urls.map((url) => ({ url, source: 'platform', hint: null }));
}

/** Returns the candidates with each URL once, keeping the first (best-sourced) occurrence. */
function unique(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.url) && seen.add(c.url));
}

function sameHostFirst(links: PageFeedLink[], pageUrl: string): PageFeedLink[] {
  const host = hostOf(pageUrl);
  const own = links.filter((link) => hostOf(link.url) === host);
  return [...own, ...links.filter((link) => hostOf(link.url) !== host)];
}
