import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { RANKED_AT_MOST, searchArticles } from '../../src/main/core/library/search';
import type { ArticleUpdate } from '../../src/main/core/storage/feed-update';

/** A feed article with the word `harbour` in its text, or in its title when `titled`. */
function article(i: number, titled = false): ArticleUpdate {
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

// More matches than are ranked: which strategy applies follows from the words as typed.
describe('searchArticles past RANKED_AT_MOST matches', () => {
  const total = RANKED_AT_MOST + 100;
  let store: Store;
  let oldTitled: number;
  let newTitled: number;
  beforeAll(() => {
    store = Store.open(':memory:');
    const feedId = store.feeds.insert({
      url: 'https://example.com/feed',
      title: '',
      siteUrl: null,
      folder: null,
    });
    // Stored oldest first, so the ids follow time, as a library that refreshes daily does.
    const items = Array.from({ length: total }, (_, i) => article(i, i === 10 || i === total - 5));
    for (let start = 0; start < total; start += 500) {
      store.feedUpdates.apply(feedId, {
        title: 'Example',
        siteUrl: null,
        ttlMinutes: null,
        articles: items.slice(start, start + 500).reverse(),
      });
    }
    const idOf = (title: string): number =>
      searchArticles(store, { query: title, limit: 1 })[0]?.articleId as number;
    oldTitled = idOf('harbour news 10');
    newTitled = idOf(`harbour news ${total - 5}`);
  });

  it('ranks only the newest matches of a word that matches more than that', () => {
    const hits = searchArticles(store, { query: 'harbour', limit: 20 });
    expect(hits).toHaveLength(20);
    // The title match among the newest comes first; the old one is past the ranked matches.
    expect(hits[0]?.articleId).toBe(newTitled);
    expect(hits.map((hit) => hit.articleId)).not.toContain(oldTitled);
    expect(hits[0]?.snippet).toContain('<mark>harbour</mark>');
    expect(hits[0]?.title).toBe(`Harbour news ${total - 5}`);
  });

  it('shows the newest matches of a partial word that matches that many only as a prefix', () => {
    const hits = searchArticles(store, { query: 'harbo', limit: 20 });
    const newest = Array.from({ length: 20 }, (_, i) => `Article ${total - 1 - i}`);
    newest[4] = `Harbour news ${total - 5}`;
    expect(hits.map((hit) => hit.title)).toEqual(newest);
    expect(hits[0]?.snippet).toContain('<mark>harbour</mark>');
  });

  it('ranks every match of a partial word that matches fewer', () => {
    const hits = searchArticles(store, { query: 'harbour news', limit: 20 });
    expect(hits.map((hit) => hit.articleId).sort()).toEqual([oldTitled, newTitled].sort());
  });

  it('finds a rare word among them as before', () => {
    const hits = searchArticles(store, { query: 'harbour 1234', limit: 20 });
    expect(hits.map((hit) => hit.title)).toEqual(['Article 1234']);
  });
});
