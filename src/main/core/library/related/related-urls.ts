/**
 * URL keys for related feeds: a canonical form to tell whether a catalog feed is already
 * subscribed, and a site key to match an article's site (or a linked site) to feeds.
 */

/**
 * Returns a feed URL in a form where trivially different spellings agree: no scheme, host in
 * lower case without "www.", no fragment, no trailing slash. "http://www.example.com/feed/" and
 * "https://example.com/feed" are one feed; a different path or query is another.
 */
export function canonicalFeedUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    const path = u.pathname.replace(/\/+$/, '');
    return `${hostKey(u.hostname)}${u.port ? `:${u.port}` : ''}${path}${u.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/**
 * Returns the site key of a URL (its host in lower case, without "www." or "m.", with its port
 * when not the default one), or null. A port makes another site: two servers on one machine
 * are two sites (and the tests' fixture sites are 127.0.0.1 on different ports).
 */
export function siteKey(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const host = hostKey(u.hostname);
    return host ? `${host}${u.port ? `:${u.port}` : ''}` : null;
  } catch {
    return null;
  }
}

/** Returns the home page of a URL's site (`https://example.com/`), or null for a non-web URL. */
export function homePageOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.host}/`;
  } catch {
    return null;
  }
}

/**
 * Returns true when two site keys name the same site: equal, or one a subdomain of the other
 * (edition.cnn.com and cnn.com, en.mercopress.com and mercopress.com).
 */
export function sameSite(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

function hostKey(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^(www\d?|m)\./, '')
    .replace(/\.$/, '');
}

/**
 * Returns the http(s) links of an article's sanitized HTML, resolved against its URL. Reading
 * href attributes with a pattern is enough here: sanitize-html wrote them, always double-quoted.
 */
export function linksOf(html: string, base: string | null): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)) {
    const href = (match[1] ?? '').replace(/&amp;/g, '&').trim();
    try {
      const url = new URL(href, base ?? undefined);
      if (url.protocol === 'http:' || url.protocol === 'https:') links.push(url.href);
    } catch {
      // A relative link without a base, or garbage: not a site we can name.
    }
  }
  return links;
}
