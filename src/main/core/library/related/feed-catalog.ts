/**
 * The feed catalog shipped in resources/catalog/feeds.json: real news and analysis feeds with
 * topics, region and language (docs/technotes/related-feeds.md says how entries are chosen and
 * added). Validated and turned into BM25 documents once per process, on first use.
 */
import { z } from 'zod';
import catalogJson from '../../../../../resources/catalog/feeds.json';
import { REGIONS, TOPICS, TOPIC_IDS, type Topic } from './feed-topics';
import { termCounts } from './terms';
import { documentFrequencies, termDoc, type TermDoc } from './bm25';
import { canonicalFeedUrl, siteKey } from './related-urls';

const httpsUrl = z
  .string()
  .refine((s) => s.startsWith('https://') && URL.canParse(s), 'must be an https URL');

/** One catalog entry as stored in feeds.json. */
const catalogEntrySchema = z.strictObject({
  title: z.string().min(1).max(200),
  siteUrl: httpsUrl,
  feedUrl: httpsUrl,
  topics: z.array(z.enum(TOPIC_IDS)).min(1).max(8),
  region: z.enum(REGIONS),
  /** ISO 639-1. */
  language: z.string().regex(/^[a-z]{2}$/),
  description: z.string().min(20).max(300),
  /** False when the feed path follows the site's usual pattern but was not checked by hand. */
  verified: z.boolean(),
});

/** The whole catalog file. */
export const catalogSchema = z.strictObject({
  version: z.literal(1),
  feeds: z.array(catalogEntrySchema).min(1),
});

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** A catalog entry ready for ranking: its BM25 document and URL keys. */
export interface IndexedEntry {
  entry: CatalogEntry;
  doc: TermDoc;
  canonicalUrl: string;
  site: string | null;
}

/** The catalog with its term statistics. */
export interface IndexedCatalog {
  entries: IndexedEntry[];
  /** term → number of catalog entries whose document holds it. */
  df: ReadonlyMap<string, number>;
}

// Title words name the feed; topic words stand for what it covers as a whole, so both outweigh
// a single word of the description.
const TITLE_WEIGHT = 2;
const TOPIC_WEIGHT = 2;

let indexed: IndexedCatalog | null = null;

/** Returns the catalog's entries (validated; throws on a malformed file, caught by the test). */
export function catalogEntries(): CatalogEntry[] {
  return catalogSchema.parse(catalogJson).feeds;
}

/** Returns the catalog indexed for ranking, built on the first call of the process. */
export function indexedCatalog(): IndexedCatalog {
  if (indexed) return indexed;
  const entries = catalogEntries().map((entry) => ({
    entry,
    doc: termDoc(entryCounts(entry)),
    canonicalUrl: canonicalFeedUrl(entry.feedUrl),
    site: siteKey(entry.siteUrl),
  }));
  indexed = { entries, df: documentFrequencies(entries.map((e) => e.doc)) };
  return indexed;
}

/** Returns the term counts of a catalog entry: title, description and its topics' words. */
function entryCounts(entry: CatalogEntry): Map<string, number> {
  const counts = termCounts(entry.title, TITLE_WEIGHT);
  termCounts(entry.description, 1, counts);
  for (const topic of entry.topics)
    termCounts(TOPICS[topic as Topic].words.join(' '), TOPIC_WEIGHT, counts);
  return counts;
}
