/**
 * What a web page says about its feeds, read in one pass over htmlparser2's events: the
 * `<link rel="alternate">` (and `rel="feed"`) feeds, `<a href>` links that look like feeds, the
 * `<base href>` they resolve against, and the hints the platform rules and the usual-path probes
 * use. Pure: no I/O (docs/technotes/autodiscovery.md).
 */
import { Parser } from 'htmlparser2';

/** One feed link found on a page, with its URL made absolute. */
export interface PageFeedLink {
  url: string;
  /** The link's title attribute or the anchor's text, when there is one. */
  title: string | null;
}

/** The page's feed links and hints. */
export interface PageFeeds {
  /** `<link rel="alternate" type=feed>` and `rel="feed"`, in document order. */
  alternates: PageFeedLink[];
  /** `<a href>` links whose URL looks like a feed, in document order. */
  anchors: PageFeedLink[];
  /** A YouTube channel id the page names (`<meta itemprop="channelId">`), else null. */
  channelId: string | null;
  /** `<meta name="generator">` ("WordPress 6.5", "Blogger"…), else null. */
  generator: string | null;
}

/** The types `<link rel="alternate">` announces feeds with (JSON Feed's, and the bare JSON some use). */
const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/rdf+xml',
]);

/** YouTube channel ids: "UC" and 22 characters of base64url. */
const CHANNEL_ID = /^UC[\w-]{22}$/;

/** Returns the feeds and hints of an HTML page fetched from `pageUrl` (after redirects). */
export function scanPage(html: string, pageUrl: string): PageFeeds {
  const found: PageFeeds = { alternates: [], anchors: [], channelId: null, generator: null };
  const rawAlternates: { href: string; title: string | null }[] = [];
  const rawAnchors: { href: string; title: string | null }[] = [];
  let baseHref: string | null = null;
  let anchor: { href: string; text: string } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && baseHref === null && attrs.href) baseHref = attrs.href;
        else if (name === 'link') linkTag(attrs);
        else if (name === 'meta') metaTag(attrs);
        else if (name === 'a' && attrs.href) anchor = { href: attrs.href, text: '' };
      },
      ontext(text) {
        if (anchor) anchor.text += text;
      },
      onclosetag(name) {
        if (name !== 'a' || !anchor) return;
        rawAnchors.push({ href: anchor.href, title: clean(anchor.text) });
        anchor = null;
      },
    },
    { decodeEntities: true },
  );

  function linkTag(attrs: Record<string, string>): void {
    const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.type ?? '').split(';')[0]!.trim().toLowerCase();
    if (!attrs.href) return;
    // rel="feed" (the HTML5 draft's) may leave the type out; rel="alternate" must name a feed type
    // or hreflang alternates of the page itself would be taken for feeds.
    const isFeed =
      (rels.includes('alternate') && FEED_TYPES.has(type)) ||
      (rels.includes('feed') && (type === '' || FEED_TYPES.has(type)));
    if (isFeed) rawAlternates.push({ href: attrs.href, title: clean(attrs.title ?? '') });
  }

  function metaTag(attrs: Record<string, string>): void {
    const content = (attrs.content ?? '').trim();
    if (attrs.itemprop === 'channelId' && CHANNEL_ID.test(content)) found.channelId ??= content;
    if ((attrs.name ?? '').toLowerCase() === 'generator' && content) found.generator ??= content;
  }

  parser.end(html);
  const base = resolve(baseHref, pageUrl) ?? pageUrl;
  found.alternates = absolute(rawAlternates, base);
  found.anchors = absolute(rawAnchors, base).filter(
    (link) => link.url !== pageUrl && looksLikeFeedUrl(new URL(link.url)),
  );
  return found;
}

/**
 * Returns true when a URL has the shape feed URLs have: /feed, /rss, /atom (with or without
 * .xml), *.rss, *.atom, index.xml (Hugo), feed.json, Blogger's /feeds/posts/default, WordPress's
 * ?feed=rss2, and FeedBurner's hosts. Sitemaps (also .xml) are not feeds.
 */
export function looksLikeFeedUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (host === 'feeds.feedburner.com' || host === 'feeds2.feedburner.com') return true;
  const path = url.pathname.toLowerCase().replace(/\/+$/, '');
  if (path.includes('sitemap')) return false;
  if (/^(rss2?|atom|rdf)$/.test(url.searchParams.get('feed') ?? '')) return true;
  if (/^(rss|atom|feed)$/.test(url.searchParams.get('format') ?? '')) return true;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return (
    /^(feeds?|rss2?|atom)$/.test(last) ||
    /\.(rss|atom|rdf)$/.test(last) ||
    /^(rss2?|atom|feed|index)\.(xml|json)$/.test(last) ||
    path.endsWith('/feeds/posts/default')
  );
}

function absolute(links: { href: string; title: string | null }[], base: string): PageFeedLink[] {
  const out: PageFeedLink[] = [];
  for (const link of links) {
    const url = resolve(link.href, base);
    if (url) out.push({ url, title: link.title });
  }
  return out;
}

/** Returns `href` resolved against `base` when it is an http(s) URL, without its fragment. */
function resolve(href: string | null, base: string): string | null {
  if (href === null) return null;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function clean(text: string): string | null {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}
