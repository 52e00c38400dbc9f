/**
 * Downloading an article's images into the assets table for offline reading, within caps
 * (docs/technotes/offline-reading.md, "Images"): 5 MB per image, 25 MB per article, the fetch
 * limits of feeds, the type sniffed from the bytes. An image already stored under the same URL
 * (another article, an earlier run) is linked, not fetched again. One failed image never fails
 * the article: it stays remote and is counted in `articles.images_missing`.
 */
import type { Store } from '../../storage/store';
import { ApiError } from '../../../../shared/errors';
import type { HttpGet } from '../../net/fetch-bytes';
import { hostOf, type FetchLimiter } from '../../net/fetch-limiter';
import { uniqueImageSlots } from '../../content/images';
import { sniffImageType } from '../../content/image-type';

/** Largest image kept. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Most image bytes kept for one article; images past it stay remote. */
const MAX_ARTICLE_IMAGE_BYTES = 25 * 1024 * 1024;
/** Formats we keep first; anything is accepted since the bytes decide (image-type.ts). */
const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1';

/** What downloading needs: the store, and the bounded GET with the limiter to run it under. */
export interface ImageDownloadDeps {
  store: Store;
  get: HttpGet;
  limiter: FetchLimiter;
}

/** Caps and cancellation; an aborted signal stops fetching and writing (app closing). */
export interface ImageDownloadOptions {
  maxImageBytes?: number;
  maxArticleBytes?: number;
  signal?: AbortSignal;
}

/** What one run did: images of the article now stored, fetched by this run, still missing. */
export interface ImageDownloadResult {
  stored: number;
  downloaded: number;
  missing: number;
}

/**
 * Stores the images the article shows (its full text when it has one, else the feed's HTML),
 * links them to it, records how many are missing and returns the counts. Throws NOT_FOUND for
 * an unknown article; image failures are counted, never thrown.
 */
export async function downloadArticleImages(
  deps: ImageDownloadDeps,
  articleId: number,
  options: ImageDownloadOptions = {},
): Promise<ImageDownloadResult> {
  const { store } = deps;
  const content = store.articles.content(articleId);
  if (!content) throw new ApiError('NOT_FOUND', `There is no article ${articleId}.`);
  const slots = uniqueImageSlots(content.fullTextHtml ?? content.contentHtml);
  const maxArticle = options.maxArticleBytes ?? MAX_ARTICLE_IMAGE_BYTES;
  const found = store.offline.findAssets(slots.flat());
  let bytes = 0;
  let stored = 0;
  const toFetch: string[] = [];
  for (const urls of slots) {
    const known = urls.map((url) => found.get(url)).find((asset) => asset !== undefined);
    if (known && bytes + known.size <= maxArticle && store.offline.link(articleId, known.id)) {
      bytes += known.size;
      stored++;
    } else if (!known) {
      toFetch.push(urls[0] as string);
    }
  }

  const { get, limiter } = deps;
  const maxImage = options.maxImageBytes ?? MAX_IMAGE_BYTES;
  let downloaded = 0;
  await Promise.all(
    toFetch.map((url) =>
      limiter.run(hostOf(url), async () => {
        // Past the article's cap (or closing), later images are not even asked for.
        if (bytes >= maxArticle || options.signal?.aborted) return;
        const image = await fetchImage(get, url, maxImage, options.signal);
        if (!image || options.signal?.aborted || bytes + image.data.length > maxArticle) return;
        const kept = store.transaction(() => {
          if (!store.offline.exists(articleId)) return false;
          return store.offline.link(articleId, store.assets.put(url, image.type, image.data));
        });
        if (!kept) return;
        bytes += image.data.length;
        downloaded++;
        stored++;
      }),
    ),
  );
  const missing = slots.length - stored;
  if (!options.signal?.aborted) store.offline.setImagesMissing(articleId, missing);
  return { stored, downloaded, missing };
}

/** Returns the image at `url` with its sniffed type, or null when it cannot be kept. */
async function fetchImage(
  get: HttpGet,
  url: string,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<{ type: string; data: Buffer } | null> {
  try {
    const outcome = await get({ url, maxBytes, signal }, IMAGE_ACCEPT);
    if (outcome.status !== 'ok') return null;
    const type = sniffImageType(outcome.bytes);
    if (type === null) return null;
    return { type, data: Buffer.from(outcome.bytes) };
  } catch {
    // FETCH_FAILED, TIMEOUT, TOO_LARGE: the image stays remote and counts as missing.
    return null;
  }
}
