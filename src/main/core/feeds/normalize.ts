/**
 * normalizeFeed: ParsedFeed -> NormalizedFeed. Decides identities (identity.ts), makes URLs
 * absolute (urls.ts; URLs inside the HTML are resolved by the sanitizer in the same pass),
 * reads dates (dates.ts), makes titles plain text and sanitizes the HTML, the last step.
 */
import { createHash } from 'node:crypto';
import { sanitizeToHtmlAndText } from '../content/sanitize';
import { notAfter, parseFeedDate } from './dates';
import { identitiesOf } from './identity';
import { authorName, collapseWhitespace, demoronize, markupToText, titleFromText } from './text';
import { resolveHttpUrl } from '../net/urls';
import { baseFor } from './urls';
import type {
  Enclosure,
  FeedHead,
  NormalizedFeed,
  NormalizedItem,
  ParsedFeed,
  ParsedItem,
} from './types';

/**
 * Rough text length of HTML, enough to compare two bodies without parsing them; counting stops
 * once it reaches `enough` (the caller only needs to know that much).
 */
function textLength(html: string, enough = Infinity): number {
  // A character loop, not two regex replaces: this runs on every item of every refresh.
  let length = 0;
  let inTag = false;
  let afterSpace = true; // leading whitespace is not counted
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (inTag) {
      if (c === 62 /* > */) inTag = false;
    } else if (c === 60 /* < */) {
      inTag = true;
    } else if (c === 32 || (c >= 9 && c <= 13)) {
      if (!afterSpace) length++;
      afterSpace = true;
    } else {
      // A space counted before this character is no longer trailing: `length` is now a floor
      // of the final count.
      if (++length >= enough) return length;
      afterSpace = false;
    }
  }
  return afterSpace && length > 0 ? length - 1 : length;
}

/**
 * Returns the body to show: content, unless the summary says more (some feeds put a teaser in
 * content:encoded and the article in description, or the reverse); content wins ties. The
 * content is only counted as far as the summary's length: with a teaser summary, a few hundred
 * characters instead of the whole article (it was ~8% of ingesting a 1,000-item feed).
 */
function chooseBody(item: ParsedItem): string {
  const { contentHtml, summaryHtml } = item;
  if (contentHtml === null) return summaryHtml ?? '';
  if (summaryHtml === null) return contentHtml;
  const summaryLength = textLength(summaryHtml);
  return summaryLength > textLength(contentHtml, summaryLength) ? summaryHtml : contentHtml;
}

function plainTitle(title: string | null, isHtml: boolean): string {
  if (title === null) return '';
  return demoronize(isHtml ? markupToText(title) : collapseWhitespace(title));
}

function uniqueStrings(values: string[]): string[] {
  return [...new Set(values.map(collapseWhitespace).filter((v) => v !== ''))];
}

function absoluteEnclosures(list: Enclosure[], base: string | null): Enclosure[] {
  const seen = new Set<string>();
  const out: Enclosure[] = [];
  for (const enclosure of list) {
    const url = resolveHttpUrl(enclosure.url, base);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    out.push({ ...enclosure, url });
  }
  return out;
}

/** Returns the sha1 of what the article shows, to skip unchanged rows on refresh. */
function contentHash(item: Omit<NormalizedItem, 'identity' | 'contentHash'>): string {
  // Fields fed one by one with a separator: JSON.stringify of the HTML cost more than the hash.
  const hash = createHash('sha1');
  for (const field of [item.title, item.url, item.contentHtml, item.author]) {
    hash.update(field ?? '\u0001').update('\u0000');
  }
  hash.update(`${item.publishedAt}\u0000${item.updatedAt}\u0000`);
  if (item.enclosures.length > 0) hash.update(JSON.stringify(item.enclosures));
  return hash.digest('hex');
}

/** Returns the item's absolute address: its link, else its guid when that is a unique permalink. */
function itemUrl(item: ParsedItem, base: string | null, guidUnique: boolean): string | null {
  // A guid shared by several items (often the site's home page) is no article's address.
  const permalink = item.guidIsPermalink && guidUnique ? resolveHttpUrl(item.guid, null) : null;
  return resolveHttpUrl(item.link, base) ?? permalink;
}

function normalizeItem(item: ParsedItem, base: string | null, now: number, guidUnique: boolean) {
  const { html: contentHtml, text } = sanitizeToHtmlAndText(demoronize(chooseBody(item)), base);
  const title = plainTitle(item.title, item.titleIsHtml) || titleFromText(text) || 'Untitled';
  const authors = uniqueStrings(item.authors.map(authorName));
  const published = parseFeedDate(item.published);
  const updated = parseFeedDate(item.updated);
  const shown = {
    url: itemUrl(item, base, guidUnique),
    title,
    author: authors.length > 0 ? authors.join(', ') : null,
    publishedAt: notAfter(published ?? updated, now),
    updatedAt: notAfter(updated, now),
    contentHtml,
    text,
    categories: uniqueStrings(item.categories),
    enclosures: absoluteEnclosures(item.enclosures, base),
  };
  return { ...shown, contentHash: contentHash(shown) };
}

/** A feed whose identities are decided, its items normalized one by one when asked for. */
export interface PlannedFeed {
  head: FeedHead;
  /** Each item's identity, in the document's order. */
  identities: string[];
  /** Returns item `index` normalized (each is normalized once: ask once). */
  itemAt(index: number): NormalizedItem;
}

/**
 * Decides the identities of `parsed`'s items before normalizing them: identity needs the whole
 * feed (a guid or link counts only when unique), and only items that neither tells apart need
 * their sanitized text, so only those are normalized now (and kept for itemAt). The items are
 * read from `parsed.items` when asked for: a caller may drop the ones it has taken.
 */
export function planFeed(parsed: ParsedFeed, feedUrl: string, now: number): PlannedFeed {
  const feedBase = baseFor(feedUrl, parsed.base, null);
  // Counted once: indexOf/lastIndexOf per item was quadratic in the feed's length.
  const guidCount = new Map<string | null, number>();
  for (const item of parsed.items) guidCount.set(item.guid, (guidCount.get(item.guid) ?? 0) + 1);
  const bases = parsed.items.map((item) => baseFor(feedUrl, parsed.base, item.base));
  const guidUnique = (index: number) => guidCount.get(parsed.items[index]!.guid) === 1;
  const normalized = (index: number) =>
    normalizeItem(parsed.items[index]!, bases[index]!, now, guidUnique(index));
  const early = new Map<number, ReturnType<typeof normalizeItem>>();
  const identities = identitiesOf(
    parsed.items.map((item, index) => ({
      guid: item.guid,
      url: itemUrl(item, bases[index]!, guidUnique(index)),
    })),
    (index) => {
      const item = normalized(index);
      early.set(index, item);
      const { published, updated } = parsed.items[index]!;
      return { title: item.title, date: published ?? updated, text: item.text };
    },
  );
  const siteUrl = resolveHttpUrl(parsed.siteUrl, feedBase);
  const title = plainTitle(parsed.title, parsed.titleIsHtml);
  return {
    head: {
      format: parsed.format,
      title: title || (siteUrl ? new URL(siteUrl).hostname : feedUrl),
      siteUrl,
      ttlMinutes: parsed.ttlMinutes,
      recovered: parsed.recovered,
    },
    identities,
    itemAt: (index) => {
      const item = early.get(index) ?? normalized(index);
      early.delete(index);
      return { identity: identities[index]!, ...item };
    },
  };
}

/**
 * Returns the feed ready to store: every item with a stable identity, absolute URLs, dates in
 * epoch ms (never after `now`), a plain-text title and sanitized HTML with its text.
 */
export function normalizeFeed(parsed: ParsedFeed, feedUrl: string, now: number): NormalizedFeed {
  const plan = planFeed(parsed, feedUrl, now);
  return { ...plan.head, items: parsed.items.map((_item, index) => plan.itemAt(index)) };
}
