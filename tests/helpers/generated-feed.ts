/** RSS written by tests that need feeds of a given size, order or content, and serving it. */
import type { FixtureServer } from './fixture-server';

/** One item of a generated feed. */
export interface GeneratedItem {
  guid: string;
  title: string;
  /** The item's web page (an absolute URL). */
  link?: string;
  /** The item's HTML content. */
  html?: string;
  published: Date;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Returns an RSS 2.0 document titled `title` with `items` in the order given. */
export function rssFeed(title: string, items: readonly GeneratedItem[]): string {
  const body = items
    .map(
      (item) =>
        `<item><guid isPermaLink="false">${escapeXml(item.guid)}</guid>` +
        `<title>${escapeXml(item.title)}</title>` +
        (item.link ? `<link>${escapeXml(item.link)}</link>` : '') +
        `<description>${escapeXml(item.html ?? `<p>${item.title}.</p>`)}</description>` +
        `<pubDate>${item.published.toUTCString()}</pubDate></item>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>` +
    `<title>${escapeXml(title)}</title><link>http://example.com/</link>\n${body}\n</channel></rss>\n`
  );
}

/**
 * Returns `count` items, "Item 1" the oldest, one hour apart from `oldest`: item n has the same
 * guid and date in a feed of any length, so a feed can grow between fetches.
 */
export function numberedItems(
  count: number,
  oldest = new Date('2025-06-01T00:00:00Z'),
): GeneratedItem[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `item-${i + 1}`,
    title: `Item ${i + 1}`,
    published: new Date(oldest.getTime() + i * 3_600_000),
  }));
}

/** Serves the feed `xml()` at `path` on `server` (read again at each request). */
export function serveFeed(server: FixtureServer, path: string, xml: () => string): string {
  server.route(path, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
    res.end(xml());
  });
  return server.url(path);
}
