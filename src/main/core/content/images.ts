/**
 * Image discovery: the images an article's shown HTML needs for offline reading, one URL per
 * image (an `<img>`, or a `<picture>` with its sources), de-duplicated, http(s) only. Pure: the
 * HTML is already sanitized, with absolute URLs (content/sanitize.ts).
 */
import { Parser } from 'htmlparser2';
import { imageUrls, pictureUrls, sourceUrls } from './image-candidates';

/** One image the HTML shows: the URL to keep first, then fallbacks for the same picture. */
export interface ImageSlot {
  urls: string[];
}

/** Returns every image the HTML shows (in document order), each with its candidate URLs. */
export function imageSlots(html: string): ImageSlot[] {
  if (!html.includes('<img') && !html.includes('<source')) return [];
  const slots: ImageSlot[] = [];
  // Open <picture> elements: their <img>'s URLs and their sources' URLs.
  const pictures: { img: string[]; sources: string[][] }[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      const picture = pictures[pictures.length - 1];
      if (name === 'picture') pictures.push({ img: [], sources: [] });
      else if (name === 'source' && picture) picture.sources.push(sourceUrls(attribs));
      else if (name === 'img' && picture) picture.img.push(...imageUrls(attribs));
      else if (name === 'img') slots.push({ urls: imageUrls(attribs) });
    },
    onclosetag(name) {
      if (name !== 'picture') return;
      const picture = pictures.pop();
      if (picture) slots.push({ urls: pictureUrls(picture.img, picture.sources) });
    },
  });
  parser.end(html);
  return slots.filter((slot) => slot.urls.length > 0);
}

/**
 * Returns the candidate URLs of every image the HTML shows, best first, in document order; slots
 * whose first URL is the same are one image (a photo shown twice is kept once).
 */
export function uniqueImageSlots(html: string): string[][] {
  const seen = new Set<string>();
  const unique: string[][] = [];
  for (const { urls } of imageSlots(html)) {
    if (seen.has(urls[0] as string)) continue;
    seen.add(urls[0] as string);
    unique.push(urls);
  }
  return unique;
}
