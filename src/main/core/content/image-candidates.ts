/**
 * Which URLs an `<img>` or a `<picture>` can show, best first: shared by discovery (what to
 * download) and localizing (what to point at the stored copy), so both always agree.
 */
import { bestSrcsetUrl, parseSrcset } from './srcset';

type Attributes = Record<string, string | undefined>;

/** Source types we could never keep (docs/technotes/offline-reading.md, "SVG is refused"). */
const UNKEPT_TYPES = /^image\/svg/i;

/**
 * Returns the http(s) URLs an `<img>` may show, the one to keep first. Lazy-loading attributes
 * win over the plain ones: a lazy loader swaps data-srcset/data-src in, so they hold the real
 * image and src often a placeholder (WordPress, lazysizes). A srcset's best candidate beats a
 * single src (it is the size chosen for reading); the other candidates follow as fallbacks.
 */
export function imageUrls(attribs: Attributes): string[] {
  const urls: string[] = [];
  const add = (url: string | null | undefined) => {
    if (url && isHttp(url) && !urls.includes(url)) urls.push(url);
  };
  for (const name of ['data-srcset', 'srcset']) {
    const value = attribs[name];
    if (value) add(bestSrcsetUrl(value));
  }
  add(attribs['data-src']);
  add(attribs.src);
  for (const name of ['data-srcset', 'srcset']) {
    const value = attribs[name];
    if (value) for (const candidate of parseSrcset(value)) add(candidate.url);
  }
  return urls;
}

/** Returns the http(s) URLs a `<picture>`'s `<source>` offers, best first (none for SVG). */
export function sourceUrls(attribs: Attributes): string[] {
  if (attribs.type && UNKEPT_TYPES.test(attribs.type)) return [];
  const urls: string[] = [];
  const best = attribs.srcset ? bestSrcsetUrl(attribs.srcset) : null;
  for (const url of [best, attribs.src, ...parseSrcset(attribs.srcset ?? '').map((c) => c.url)]) {
    if (url && isHttp(url) && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

/**
 * A `<picture>` shows one image: its `<img>`'s first (the fallback every browser can show, in
 * a format we keep), else its sources' in order. Returns the URLs best first.
 */
export function pictureUrls(img: string[], sources: string[][]): string[] {
  const urls = [...img];
  for (const list of sources) for (const url of list) if (!urls.includes(url)) urls.push(url);
  return urls;
}

/** True for an http(s) URL (sanitized HTML holds only absolute URLs). */
export function isHttp(url: string): boolean {
  return url.startsWith('https://') || url.startsWith('http://');
}
