/**
 * The shapes of the ingestion pipeline (design.md "Ingestion pipeline"), step by step:
 *   fetch -> FetchedFeed (bytes + headers)
 *   decode -> string
 *   parse -> ParsedFeed (what the document says, raw: no URL resolution, no date parsing)
 *   normalize + sanitize -> NormalizedFeed (what storage ingests)
 * As in NetNewsWire, the parser's types are not the stored types; storage maps NormalizedFeed
 * into rows.
 */

/** The outcome of a conditional GET that returned a body. */
export interface FetchedFeed {
  status: 'ok';
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  /** Set when every redirect on the way was permanent (301/308): the feed's new address. */
  permanentUrl: string | null;
  /** The decoded-transfer (gunzipped) body, at most the size cap. */
  bytes: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Seconds from Cache-Control max-age, when given. */
  maxAgeSeconds: number | null;
}

/** The server said 304 Not Modified: nothing to parse. */
export interface NotModified {
  status: 'not-modified';
  finalUrl: string;
  permanentUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  maxAgeSeconds: number | null;
}

export type FetchOutcome = FetchedFeed | NotModified;

/** What the fetcher needs to know of the feed's last fetch. */
export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Whole-response timeout in ms (default 20 000). */
  timeoutMs?: number;
  /** Cap on the decoded body in bytes (default 10 MB). */
  maxBytes?: number;
  signal?: AbortSignal;
}

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
