/**
 * XML feeds (RSS 0.9x, RSS 1.0 RDF, RSS 2.0, Atom 0.3/1.0) through rss-parser 3.13.
 *
 * rss-parser finds the feed and its items, but flattens what we need: it keeps only the first
 * author, drops xml:base, title/content types and guid isPermaLink, and rebuilds inline XHTML out
 * of order. So every element we read is asked for raw (custom fields with keepArray, under a
 * `raw:` key) and mapped by `xml-item.ts`; rss-parser's own guesses are not used.
 */
import Parser from 'rss-parser';
import { mapXmlItem } from './xml-item';
import { attributesOf, children, firstText, attrOf, textOf, textValue } from './xml-nodes';
import { escapeInlineMarkup } from './inline-markup';
import { TextPayloads } from './text-payloads';
import { prefixRenamer } from './xml-namespaces';
import type { ParsedFeed } from './types';

const RAW = 'raw:';

/** Item elements we read (both RSS and Atom names; `$` gives the item's attributes). */
const ITEM_ELEMENTS = [
  '$',
  'id',
  'guid',
  'title',
  'dc:title',
  'media:title',
  'link',
  'atom:link',
  'feedburner:origLink',
  'content',
  'content:encoded',
  'xhtml:body',
  'body',
  'summary',
  'description',
  'dc:description',
  'itunes:summary',
  'itunes:subtitle',
  'itunes:author',
  'itunes:image',
  'author',
  'dc:creator',
  'dc:author',
  'category',
  'dc:subject',
  'media:category',
  'itunes:category',
  'published',
  'issued',
  'created',
  'pubDate',
  'dc:date',
  'dcterms:issued',
  'updated',
  'modified',
  'dcterms:modified',
  'atom:updated',
  'enclosure',
  'media:content',
  'media:thumbnail',
  'media:group',
  'media:description',
];

/** Feed (Atom feed / RSS channel) elements we read. */
const FEED_ELEMENTS = [
  '$',
  'title',
  'dc:title',
  'link',
  'subtitle',
  'tagline',
  'description',
  'language',
  'dc:language',
  'ttl',
];

const rawFields = (names: string[]) => names.map((n) => [n, RAW + n, { keepArray: true }]);

/**
 * Called by xml2js as each element closes; shapes what rss-parser would trip on: text-only or
 * empty Atom links get an attribute object (getLink reads `link.$.rel`), and an RSS or RDF root
 * without a channel gets an empty one (`<rss version="2.0"></rss>` is an empty feed, not a crash).
 */
function guardNode(xpath: string, _previous: unknown, node: unknown): unknown {
  if (xpath === '/rss' || xpath === '/rdf:RDF') {
    const element = typeof node === 'object' && node !== null ? node : {};
    return 'channel' in element ? element : { ...element, channel: [''] };
  }
  if (!xpath.endsWith('/link')) return node;
  if (node === '' || node === undefined) return { $: {} };
  if (typeof node === 'object' && node !== null && !('$' in node)) return { ...node, $: {} };
  return node;
}

function makeParser(xml: string, payloads: TextPayloads): Parser {
  const rename = prefixRenamer(xml);
  const parser = new Parser({
    defaultRSS: 2,
    // explicitCharkey: text is always under `_`, so rss-parser skips Atom dates it cannot
    // parse (it would throw on `new Date('0000-00-00').toISOString()`) and we see one shape.
    xml2js: {
      explicitCharkey: true,
      validator: guardNode,
      ...(rename ? { tagNameProcessors: [rename] } : {}),
      // The bodies lifted out before parsing come back as their element's text.
      ...(payloads.size > 0 ? { valueProcessors: [payloads.restore] } : {}),
    },
    customFields: {
      feed: rawFields(FEED_ELEMENTS) as never,
      item: rawFields(ITEM_ELEMENTS) as never,
    },
  });
  // rss-parser finds the channel and its items (RSS 0.9x/1.0/2.0, Atom); each item is then read
  // from its raw elements only (xml-item.ts). Its own item mapping — HTML snippets by regex,
  // content rebuilt with xml2js's Builder, ISO dates — was thrown away and cost ~40% of
  // parsing a 1,000-item feed (docs/technotes/benchmark.md).
  Object.assign(parser, { parseItemRss: rawItem, parseItemAtom: rawItem });
  return parser;
}

/** Copies the item elements we read under `raw:` names, as rss-parser's customFields would. */
function rawItem(xmlItem: Record<string, unknown>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const name of ITEM_ELEMENTS) {
    if (xmlItem[name] !== undefined) item[RAW + name] = xmlItem[name];
  }
  return item;
}

/** Collects the raw elements rss-parser copied under `raw:` back into one element-like object. */
function rawElement(out: Record<string, unknown>): Record<string, unknown> {
  const element: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(out)) {
    if (key.startsWith(RAW)) element[key.slice(RAW.length)] = value;
  }
  return element;
}

function formatOf(xml: string): ParsedFeed['format'] {
  const root = /<([A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]/.exec(xml);
  if (root?.[2] === 'feed') return 'atom';
  if (root?.[2] === 'RDF') return 'rdf';
  return 'rss';
}

/** Returns the link of a feed: RSS text, or the Atom link that is alternate (or has no rel). */
function siteLink(feed: Record<string, unknown>): string | null {
  const links = children(feed, 'link');
  for (const link of links) {
    const rel = attrOf(link, 'rel');
    const href = attrOf(link, 'href');
    if (href && (rel === null || rel === 'alternate')) return href;
  }
  for (const link of links) if (attrOf(link, 'href') === null && textOf(link)) return textOf(link);
  return null;
}

/**
 * Parses a well-formed XML feed. Rejects with rss-parser's (or sax's) error when the document
 * is ill-formed or not a feed; the caller decides whether to try the lenient path.
 */
export async function parseXmlFeed(xml: string, recovered: boolean): Promise<ParsedFeed> {
  const payloads = new TextPayloads(xml);
  const prepared = escapeInlineMarkup(xml, payloads);
  const out = (await makeParser(prepared, payloads).parseString(prepared)) as unknown as Record<
    string,
    unknown
  > & { items: Record<string, unknown>[] };
  const feed = rawElement(out);
  const attrs = attributesOf(feed.$);
  const titleNodes = [...children(feed, 'title'), ...children(feed, 'dc:title')];
  const title = titleNodes.map((n) => textValue(n)).find((t) => t !== null) ?? null;
  const ttl = Number.parseInt(firstText(feed, 'ttl') ?? '', 10);
  return {
    format: formatOf(xml),
    title: title?.value ?? null,
    titleIsHtml: title?.isHtml ?? false,
    siteUrl: siteLink(feed)?.trim() ?? null,
    description: firstText(feed, 'subtitle', 'tagline', 'description'),
    language: firstText(feed, 'language', 'dc:language') ?? attrs['xml:lang'] ?? null,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    base: attrs['xml:base'] ?? null,
    items: out.items.map((item) => mapXmlItem(rawElement(item))),
    recovered,
  };
}
