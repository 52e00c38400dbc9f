/**
 * Feed URLs of well-known platforms, from the page's URL alone (or a channel id on the page):
 * cheap and certain, so they need no guessing. Pure: every URL returned is still verified by
 * fetching it (docs/technotes/autodiscovery.md, "Platform rules").
 */

/** The YouTube feed of a channel, beside the channel page: www.youtube.com on YouTube itself. */
function youtubeFeed(origin: string, query: string): string {
  return `${origin}/feeds/videos.xml?${query}`;
}

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com']);
const REDDIT_HOSTS = new Set(['reddit.com', 'www.reddit.com', 'old.reddit.com', 'new.reddit.com']);

/**
 * Returns the feed URLs that a platform's rules give for `pageUrl`, best first; `channelId` is a
 * YouTube channel id found on the page (a /@handle page only names it inside).
 */
export function platformFeedUrls(pageUrl: string, channelId: string | null = null): string[] {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return [];
  }
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  const out: string[] = [];

  if (YOUTUBE_HOSTS.has(host)) {
    const yt = 'https://www.youtube.com';
    const channel = /^\/channel\/(UC[\w-]{22})/.exec(path);
    const user = /^\/user\/([\w.-]+)/.exec(path);
    if (channel) out.push(youtubeFeed(yt, `channel_id=${channel[1]}`));
    else if (channelId) out.push(youtubeFeed(yt, `channel_id=${channelId}`));
    else if (user) out.push(youtubeFeed(yt, `user=${user[1]}`));
  } else if (channelId) {
    // A channel page served elsewhere (a mirror, the test fixtures): its feed lives beside it.
    out.push(youtubeFeed(url.origin, `channel_id=${channelId}`));
  }

  if (REDDIT_HOSTS.has(host)) {
    const sub = /^\/r\/([\w-]+)/.exec(path);
    const user = /^\/(?:u|user)\/([\w-]+)/.exec(path);
    if (sub) out.push(`https://www.reddit.com/r/${sub[1]}/.rss`);
    else if (user) out.push(`https://www.reddit.com/user/${user[1]}/.rss`);
  }

  if (host === 'medium.com' || host === 'www.medium.com') {
    const user = /^\/(@[\w.-]+)/.exec(path);
    if (user) out.push(`https://medium.com/feed/${user[1]}`);
  }

  if (host.endsWith('.substack.com')) out.push(`${url.origin}/feed`);

  if (host === 'github.com' || host === 'www.github.com') {
    const repo = /^\/([\w.-]+)\/([\w.-]+)/.exec(path);
    if (repo)
      out.push(`https://github.com/${repo[1]}/${repo[2]!.replace(/\.git$/, '')}/releases.atom`);
  }

  // Mastodon (and other fediverse servers) give every profile at /@user a feed at /@user.rss.
  // YouTube's and Medium's /@user pages are theirs, handled above.
  const profile = /^\/(@[\w.]+)\/?$/.exec(path);
  const known = YOUTUBE_HOSTS.has(host) || host.endsWith('medium.com');
  if (profile && !known) out.push(`${url.origin}/${profile[1]}.rss`);

  return out;
}
