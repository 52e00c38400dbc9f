/**
 * Sites an article links to that are not sources to follow: social networks, URL shorteners,
 * reference works, shops, code hosts, video and podcast platforms. Discovering their home pages
 * would cost fetches and suggest "Twitter" or "Wikipedia – Recent changes" beside the news.
 */

/** Site keys whose own site and subdomains are skipped. */
const NOT_NEWS = [
  // Social networks and messengers.
  'twitter.com',
  'x.com',
  'facebook.com',
  'instagram.com',
  'threads.net',
  'linkedin.com',
  'tiktok.com',
  'reddit.com',
  'pinterest.com',
  'tumblr.com',
  'bsky.app',
  'vk.com',
  'weibo.com',
  't.me',
  'telegram.org',
  'whatsapp.com',
  // URL shorteners (the page behind them is somewhere else).
  't.co',
  'bit.ly',
  'tinyurl.com',
  'ow.ly',
  'buff.ly',
  'lnkd.in',
  'goo.gl',
  'amzn.to',
  'trib.al',
  'dlvr.it',
  'is.gd',
  // Reference works, archives, identifiers.
  'wikipedia.org',
  'wikimedia.org',
  'wikidata.org',
  'archive.org',
  'archive.ph',
  'archive.today',
  'doi.org',
  // Video, audio, apps and code.
  'youtube.com',
  'youtu.be',
  'vimeo.com',
  'spotify.com',
  'soundcloud.com',
  'apple.com',
  'microsoft.com',
  'github.com',
  'gitlab.com',
  'paypal.com',
  'flickr.com',
  'imgur.com',
  'giphy.com',
  'creativecommons.org',
];

/** Brands with a site per country (google.de, amazon.co.uk): any of their top-level domains. */
const NOT_NEWS_BRANDS = /(^|\.)(google|amazon|bing|yahoo|ebay)\.[a-z]{2,3}(\.[a-z]{2})?$/;

/** Returns true when a site key names a site whose feeds are not worth discovering. */
export function isNotNewsSite(site: string): boolean {
  if (NOT_NEWS_BRANDS.test(site)) return true;
  return NOT_NEWS.some((domain) => site === domain || site.endsWith(`.${domain}`));
}
