/**
 * The shapes of the parsing half of ingestion (docs/architecture.md, "Ingestion, one feed"),
 * step by step, after the fetch (net/types.ts: FetchedBody, bytes + headers):
 *   decode -> string
 *   parse -> ParsedFeed (what the document says, raw: no URL resolution, no date parsing)
 *   normalize + sanitize -> NormalizedFeed (what the pipeline hands on)
 * A big feed is handed on in batches (FeedInBatches), so that neither thread holds all of it.
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

/** What a feed says of itself: a NormalizedFeed without its items. */
export type FeedHead = Omit<NormalizedFeed, 'items'>;

/** Some of a feed's items, in the document's order. */
export interface ItemBatch {
  items: NormalizedItem[];
  /** True for the batch that holds the document's first item: no batch follows. */
  last: boolean;
}

/**
 * A normalized feed handed on a batch at a time (pipeline.ts feedInBatches, or a pipeline
 * worker's), so that a 35 MB feed is never held whole after parsing: the batches come from the
 * document's end to its start, the order storage inserts them in (undated articles keep the
 * document's order by their ids), and each identity comes once, its first occurrence (the one
 * storage keeps). The items, taken together, are a NormalizedFeed's without its repeats.
 */
export interface FeedInBatches {
  head: FeedHead;
  /** Returns the next batch; rejects like the parse (PARSE_FAILED…) if normalizing fails. */
  next(): Promise<ItemBatch>;
  /** Gives up the batches not taken yet (the store stopped or failed); a no-op after the last. */
  cancel(): void;
}
