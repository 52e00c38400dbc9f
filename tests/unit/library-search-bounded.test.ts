import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import {
  SEARCH_BOUNDS,
  searchArticles,
  type SearchBounds,
} from '../../src/main/core/library/search';
import type { ArticleUpdate } from '../../src/main/core/storage/feed-update';

const TOTAL = 300;
/** The app's bounds scaled down to a library of TOTAL articles. */
const BOUNDS: SearchBounds = { rankedAtMost: 100, unrankedPast: 250 };

/** A feed article with the word `harbour` in its text, and in its title when `titled`. */
function article(i: number, titled: boolean): ArticleUpdate {
  return {
    identity: `a${i}`,
    url: `https://example.com/${i}`,
    title: titled ? `Harbour news ${i}` : `Article ${i}`,
    author: null,
    publishedAt: Date.UTC(2026, 0, 1) + i * 60_000,
    contentHtml: '',
    text: `Boats came into the harbour on day ${i}, and filler words follow it.`,
    categories: [],
    enclosures: [],
    contentHash: `h${i}`,
  };
}

// Which strategy applies follows from how many articles the words match (search.md).
describe('searchArticles past its bounds', () => {
  let store: Store;
  let oldTitled: number;
  let newTitled: number;
  const titles = (query: string, bounds = BOUNDS): string[] =>
    searchArticles(store, { query, limit: 20 }, bounds).map((hit) => hit.title);
  beforeAll(() => {
    store = Store.open(':memory:');
    const feedId = store.feeds.insert({
      url: 'https://example.com/feed',
      title: '',
      siteUrl: null,
      folder: null,
    });
    // Stored oldest first, so the ids follow time, as in a library that refreshes daily.
    const items = Array.from({ length: TOTAL }, (_, i) => article(i, i === 10 || i === TOTAL - 5));
    for (let start = 0; start < TOTAL; start += 100) {
      const articles = items.slice(start, start + 100).reverse();
      store.feedUpdates.apply(feedId, { title: 'Feed', siteUrl: null, ttlMinutes: null, articles });
    }
    const idOf = (query: string): number =>
      searchArticles(store, { query, limit: 1 })[0]?.articleId as number;
    oldTitled = idOf('harbour news 10');
    newTitled = idOf(`harbour news ${TOTAL - 5}`);
  });

  it('ranks only the newest matches of words that match more than rankedAtMost', () => {
    const hits = searchArticles(store, { query: 'harbour', limit: 20 }, BOUNDS);
    expect(hits).toHaveLength(20);
    // The title match among the newest comes first; the old one is past the ranked matches.
    expect(hits[0]).toMatchObject({ articleId: newTitled, title: `Harbour news ${TOTAL - 5}` });
    expect(hits.map((hit) => hit.articleId)).not.toContain(oldTitled);
    expect(hits[0]?.snippet).toContain('<mark>harbour</mark>');
    // With the app's bounds, this small library ranks every match: both titles first.
    const all = searchArticles(store, { query: 'harbour', limit: 20 }, SEARCH_BOUNDS);
    expect(all.slice(0, 2).map((hit) => hit.articleId)).toEqual(
      expect.arrayContaining([oldTitled, newTitled]),
    );
  });

  it('shows the newest matches of a partial word that matches more than unrankedPast', () => {
    const newest = Array.from({ length: 20 }, (_, i) => `Article ${TOTAL - 1 - i}`);
    newest[4] = `Harbour news ${TOTAL - 5}`;
    expect(titles('harbo')).toEqual(newest);
    const [hit] = searchArticles(store, { query: 'harbo', limit: 1 }, BOUNDS);
    expect(hit?.snippet).toContain('<mark>harbour</mark>');
  });

  it('ranks every match of a partial word that matches fewer', () => {
    expect(
      titles('harbo', { ...BOUNDS, unrankedPast: TOTAL + 1 })
        .slice(0, 2)
        .sort(),
    ).toEqual(['Harbour news 10', `Harbour news ${TOTAL - 5}`]);
    expect(titles('harbour new')).toEqual([`Harbour news ${TOTAL - 5}`, 'Harbour news 10']);
  });

  it('finds a rare word among them as before', () => {
    expect(titles('harbour 123')).toEqual(['Article 123']);
  });
});
