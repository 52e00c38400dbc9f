/**
 * Feed documents with many items, as big publishers serve them: RSS 2.0 in the WordPress shape
 * (a teaser in description, the article in content:encoded as CDATA) and Atom 1.0 (escaped HTML
 * in content type="html", a summary). Item i is dated i hours before `newest`.
 */
import { articleHtml } from './article-html';
import type { ZipfWords } from './words';

/** What to generate: `items` items of about `htmlBytes` each, under `site`. */
export interface FeedSpec {
  items: number;
  htmlBytes: number;
  site: string;
  title: string;
  newest: number;
}

const HOUR = 3_600_000;

/** Returns an RSS 2.0 document. */
export function rssDocument(words: ZipfWords, spec: FeedSpec): string {
  const items: string[] = [];
  for (let i = 0; i < spec.items; i++) {
    const title = words.sentence(4, 10).slice(0, -1);
    const link = `${spec.site}/posts/${i}-${slug(title)}`;
    items.push(`  <item>
    <title>${escapeXml(title)}</title>
    <link>${link}</link>
    <guid isPermaLink="false">${spec.site}/?p=${100000 + i}</guid>
    <pubDate>${new Date(spec.newest - i * HOUR).toUTCString()}</pubDate>
    <dc:creator>${escapeXml(words.sentence(2, 2).slice(0, -1))}</dc:creator>
    <category>${words.word()}</category>
    <description>${escapeXml(words.sentence(20, 30))}</description>
    <content:encoded><![CDATA[${articleHtml(words, i, spec.htmlBytes)}]]></content:encoded>
  </item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>${escapeXml(spec.title)}</title>
  <link>${spec.site}/</link>
  <description>Benchmark feed</description>
  <language>en-us</language>
${items.join('\n')}
</channel>
</rss>
`;
}

/** Returns an Atom 1.0 document. */
export function atomDocument(words: ZipfWords, spec: FeedSpec): string {
  const entries: string[] = [];
  for (let i = 0; i < spec.items; i++) {
    const title = words.sentence(4, 10).slice(0, -1);
    const date = new Date(spec.newest - i * HOUR).toISOString();
    entries.push(`  <entry>
    <id>tag:${new URL(spec.site).host},2024:post-${i}</id>
    <title>${escapeXml(title)}</title>
    <link rel="alternate" type="text/html" href="${spec.site}/posts/${i}-${slug(title)}"/>
    <published>${date}</published>
    <updated>${date}</updated>
    <author><name>${escapeXml(words.sentence(2, 2).slice(0, -1))}</name></author>
    <summary>${escapeXml(words.sentence(20, 30))}</summary>
    <content type="html">${escapeXml(articleHtml(words, i, spec.htmlBytes))}</content>
  </entry>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${escapeXml(spec.title)}</title>
  <id>${spec.site}/</id>
  <link rel="alternate" href="${spec.site}/"/>
  <link rel="self" href="${spec.site}/feed.atom"/>
  <updated>${new Date(spec.newest).toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
}

function slug(title: string): string {
  return title.toLowerCase().split(' ').slice(0, 5).join('-');
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
