/**
 * The shapes of the parsing half of ingestion (docs/architecture.md, "Ingestion, one feed"),
 * step by step, after the fetch (net/types.ts: FetchedBody, bytes + headers):
 *   decode -> string
 *   parse -> ParsedFeed (what the document says, raw: no URL resolution, no date parsing)
 *   normalize + sanitize -> NormalizedFeed (what the pipeline hands on)
 * As in NetNewsWire, the parser's types are not the stored types: storage has its own
 * (storage/feed-update.ts FeedUpdate), and library/refresh/feed-update-of.ts maps one to the other.
 */

/** One enclosure (podcast audio, image…) of an item: the Api's own shape. */
export type { Enclosure } from '../../../shared/model';
import type { Enclosure } from '../../../shared/model';

/** One item as the document gives it. Strings are as found (entity-decoded), URLs unresolved. */
export interface ParsedItem {
  guid: string | null;
  /** True unless an RSS guid says isPermaLink="false". */
  guidIsPermalink: boolean;
  link: string | null;
  title: string | null;
  /** True when the title is markup to decode (Atom type="html"/"xhtml"). */
  titleIsHtml: boolean;
  contentHtml: string | null;
  summaryHtml: string | null;
  authors: string[];
  categories: string[];
  /** Raw date strings, parsed during normalization. */
  published: string | null;
  updated: string | null;
  enclosures: Enclosure[];
  /** xml:base in effect for this item, when the document sets one. */
  base: string | null;
}

/** A feed document as parsed, before normalization. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  titleIsHtml: boolean;
  siteUrl: string | null;
  description: string | null;
  language: string | null;
  /** RSS <ttl> in minutes, when given. */
  ttlMinutes: number | null;
  /** xml:base of the feed element, when given. */
  base: string | null;
  items: ParsedItem[];
  /** True when the document was ill-formed and read by the lenient path. */
  recovered: boolean;
}

/** One article ready to store: identity decided, URLs absolute, dates parsed, HTML sanitized. */
export interface NormalizedItem {
  /** Stable identity within the feed (docs/technotes/article-identity.md). */
  identity: string;
  url: string | null;
  title: string;
  author: string | null;
  /** Epoch ms, never in the future. */
  publishedAt: number | null;
  updatedAt: number | null;
  /** Sanitized HTML: the better of content and summary. */
  contentHtml: string;
  /** Plain text of contentHtml, for search and anchoring. */
  text: string;
  categories: string[];
  enclosures: Enclosure[];
  /** Hash of what the article shows, to skip unchanged rows on refresh. */
  contentHash: string;
}

/** A feed ready to store. */
export interface NormalizedFeed {
  format: ParsedFeed['format'];
  title: string;
  siteUrl: string | null;
  ttlMinutes: number | null;
  items: NormalizedItem[];
  recovered: boolean;
}
