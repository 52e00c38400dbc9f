/**
 * The shape of the scale libraries (issue 11, point 7): how many feeds and folders, how the
 * articles spread over them, what share is read, starred, annotated, saved or has images. Pure
 * numbers and small helpers, so the builder and the figures agree on them.
 */
import type { Random } from '../words';

/** Bump when the generated content changes: it is part of the cached file's name. */
export const GENERATOR_VERSION = 1;
export const FEEDS = 1000;
export const FOLDERS = 20;
/** Share of feeds filed in a folder; the rest sit at the top level. */
export const IN_FOLDER_SHARE = 0.6;
/** Feed sizes fall off as 1 / rank^0.8: at 1M the biggest feed holds ~64,000 articles, the smallest ~260. */
export const FEED_SIZE_EXPONENT = 0.8;
/** Publication dates span five years up to this instant. */
export const LIBRARY_NOW = Date.UTC(2026, 0, 1);
export const SPAN_MS = 5 * 365 * 86_400_000;
/** Characters of plain text per article: 3.6–4.4 KB (the HTML adds its tags on top). */
export const TEXT_BYTES = { min: 3600, max: 4400 };
/** Read share over the library (~70%): older articles are mostly read, the newest 10% mostly not. */
export const READ_SHARE = { older: 0.76, newest: 0.16, newestShare: 0.1 };
export const STARRED = 300;
export const HIGHLIGHTED = 300;
export const NOTED = 150;
/** One saved page (feed_id NULL, kind 'saved') per this many articles. */
export const SAVED_EVERY = 2000;
/** One stored image per this many articles, shared by one or two articles. */
export const IMAGE_EVERY = 500;
export const IMAGE_BYTES = { min: 5_000, max: 60_000 };

/** Returns a weighted picker of feed indexes (0-based): weight 1/rank^s over shuffled ranks. */
export function feedPicker(random: Random, feeds = FEEDS): () => number {
  // Ranks shuffled over feed indexes, so the big feeds are not simply the first ids.
  const order = Array.from({ length: feeds }, (_, i) => i);
  for (let i = feeds - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const cumulative = new Float64Array(feeds);
  let total = 0;
  for (let rank = 0; rank < feeds; rank++) {
    total += 1 / Math.pow(rank + 1, FEED_SIZE_EXPONENT);
    cumulative[rank] = total;
  }
  return () => order[lowerBound(cumulative, random() * total)] as number;
}

/** Returns the first index whose value is ≥ `x` in ascending `values` (its length when none). */
export function lowerBound(values: Float64Array, x: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < x) low = mid + 1;
    else high = mid;
  }
  return Math.min(low, values.length - 1);
}

/** Returns whether article `index` of `articles` (in time order) is read. */
export function isRead(random: Random, index: number, articles: number): boolean {
  const newest = index >= articles * (1 - READ_SHARE.newestShare);
  return random() < (newest ? READ_SHARE.newest : READ_SHARE.older);
}
