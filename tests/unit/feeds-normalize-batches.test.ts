// normalizeInBatches: a big feed normalized a batch at a time from the document's end, so that
// no thread holds all of a 35 MB feed's normalized items (docs/technotes/refresh.md, "Large
// feeds"). Taken together the batches must be exactly normalizeFeed's items, repeats left out.
import { describe, expect, it } from 'vitest';
import { normalizeFeed } from '../../src/main/core/feeds/normalize';
import { BATCH_CHARS, normalizeInBatches } from '../../src/main/core/feeds/normalize-batches';
import type { ItemBatch, ParsedFeed, ParsedItem } from '../../src/main/core/feeds/types';
import { withoutRepeats } from '../helpers/feed-batches';

const NOW = Date.UTC(2024, 5, 1);
const FEED_URL = 'https://feeds.example.com/feed.xml';

function item(n: number, over: Partial<ParsedItem> = {}): ParsedItem {
  return {
    guid: `g${n}`,
    guidIsPermalink: false,
    link: `https://example.com/${n}`,
    title: `Item ${n}`,
    titleIsHtml: false,
    contentHtml: `<p>Text of item ${n}. ${'Some words. '.repeat(40)}</p>`,
    summaryHtml: null,
    authors: [],
    categories: [],
    published: null,
    updated: null,
    enclosures: [],
    base: null,
    ...over,
  };
}

function feedOf(items: ParsedItem[]): ParsedFeed {
  return {
    format: 'rss',
    title: 'A feed',
    titleIsHtml: false,
    siteUrl: 'https://example.com/',
    description: null,
    language: null,
    ttlMinutes: 30,
    base: null,
    items,
    recovered: false,
  };
}

function allBatches(parsed: ParsedFeed): { head: unknown; batches: ItemBatch[] } {
  const { head, batches } = normalizeInBatches(parsed, FEED_URL, NOW);
  return { head, batches: [...batches] };
}

describe('normalizeInBatches', () => {
  it('gives normalizeFeed’s items from the document’s end, in batches, the last holding the first', () => {
    // Big items (~5,000 characters of HTML and text each): a batch stops at BATCH_CHARS.
    const items = Array.from({ length: 600 }, (_, n) =>
      item(n, { contentHtml: `<p>${n} ${'A long paragraph of the archive. '.repeat(80)}</p>` }),
    );
    const expected = normalizeFeed(feedOf(items.map((i) => ({ ...i }))), FEED_URL, NOW);
    const { head, batches } = allBatches(feedOf(items));
    expect(batches.length).toBeGreaterThan(2);
    expect(batches.map((b) => b.last)).toEqual(batches.map((_b, i) => i === batches.length - 1));
    expect(batches[0]!.items.at(-1)!.title).toBe('Item 599');
    expect(batches.at(-1)!.items[0]!.title).toBe('Item 0');
    for (const batch of batches.slice(0, -1)) {
      const chars = batch.items.reduce((n, i) => n + i.contentHtml.length + i.text.length, 0);
      expect(chars).toBeLessThan(BATCH_CHARS + 6000);
    }
    const { items: expectedItems, ...expectedHead } = expected;
    expect(head).toEqual(expectedHead);
    expect(batches.reverse().flatMap((b) => b.items)).toEqual(expectedItems);
  });

  it('decides identities over the whole feed: repeated guids, hashed items, true duplicates', () => {
    const items = [
      item(0, { guid: 'same', link: null }),
      item(1, { guid: 'same', link: null }),
      item(2, { guid: 'same', link: 'https://example.com/2' }),
      // Neither guid nor link: identity from a hash of title, date and text.
      item(3, { guid: null, link: null, title: null }),
      item(4, { guid: null, link: null }),
      // True duplicates: the same hash, so the second is `hash:…#2`.
      item(5, { guid: 'twice', link: 'https://example.com/twice' }),
      item(5, { guid: 'twice', link: 'https://example.com/twice' }),
    ];
    // More items than one batch takes, so that the repeats fall in different batches.
    const many = [...items, ...Array.from({ length: 2500 }, (_, n) => item(n + 100))];
    const expected = withoutRepeats(
      normalizeFeed(feedOf(many.map((i) => ({ ...i }))), FEED_URL, NOW),
    );
    const { batches } = allBatches(feedOf(many));
    const taken = batches.reverse().flatMap((b) => b.items);
    expect(taken).toEqual(expected.items);
    expect(new Set(taken.map((i) => i.identity)).size).toBe(taken.length);
    expect(taken[3]!.identity).toMatch(/^hash:/);
    expect(taken[6]!.identity).toBe(`${taken[5]!.identity}#2`);
  });

  it('gives an empty feed one empty last batch', () => {
    const { head, batches } = allBatches(feedOf([]));
    expect(head).toMatchObject({ title: 'A feed', ttlMinutes: 30 });
    expect(batches).toEqual([{ items: [], last: true }]);
  });

  it('lets go of the parsed items it has normalized', () => {
    const parsed = feedOf(Array.from({ length: 3000 }, (_, n) => item(n)));
    const { batches } = normalizeInBatches(parsed, FEED_URL, NOW);
    batches.next();
    expect(parsed.items.length).toBeLessThan(3000);
    expect(parsed.items.length).toBeGreaterThan(0);
    for (const _batch of batches);
    expect(parsed.items).toHaveLength(0);
  });
});
