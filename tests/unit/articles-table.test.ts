import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { ApiError } from '../../src/shared/contract';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

/** Inserts `n` library articles one hour apart (article 1 oldest). */
function fill(store: Store, n: number): number[] {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) {
    ids.push(
      store.articles.insert({
        uid: `library:t${i}`,
        feedId: null,
        kind: 'saved',
        url: `https://example.com/${i}`,
        title: `Article ${i}`,
        author: null,
        publishedAt: Date.UTC(2026, 0, 1) + i * 3_600_000,
        contentHtml: `<p>Body ${i}</p>`,
        text: `Body ${i}`,
      }),
    );
  }
  return ids;
}

describe('ArticlesTable', () => {
  let store: Store;
  beforeEach(() => {
    store = Store.open(':memory:');
  });

  it('lists newest first and pages with a cursor without gaps or repeats', () => {
    const ids = fill(store, 7);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = store.articles.list({ limit: 3, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('keeps read and starred state and filters on it', () => {
    const [a, b, c] = fill(store, 3) as [number, number, number];
    store.articles.setState(a, { read: true });
    store.articles.setState(b, { starred: true });
    expect(store.articles.list({ filter: 'unread' }).items.map((x) => x.id)).toEqual([c, b]);
    expect(store.articles.list({ filter: 'starred' }).items.map((x) => x.id)).toEqual([b]);
    store.articles.setState(b, { starred: false, read: true });
    expect(store.articles.list({ filter: 'starred' }).items).toEqual([]);
    expect(store.articles.summary(b)).toMatchObject({ starredAt: null });
    expect(store.articles.summary(b)?.readAt).toMatch(/^\d{4}-/);
  });

  it('keeps the first read time when marked read again', () => {
    const [a] = fill(store, 1) as [number];
    store.articles.setState(a, { read: true }, 1000);
    store.articles.setState(a, { read: true }, 9000);
    expect(store.articles.summary(a)?.readAt).toBe(new Date(1000).toISOString());
  });

  it('keeps state under the uid when the article row is deleted and comes back', () => {
    const [a] = fill(store, 1) as [number];
    store.articles.setState(a, { read: true, starred: true });
    rawDatabase(store).prepare('DELETE FROM articles WHERE id = ?').run(a);
    const [again] = fill(store, 1) as [number];
    expect(store.articles.summary(again)).toMatchObject({
      starredAt: expect.any(String),
      readAt: expect.any(String),
    });
  });

  it('answers false for state on a missing article and BAD_REQUEST for a forged cursor', () => {
    expect(store.articles.setState(999, { read: true })).toBe(false);
    expect(() => store.articles.list({ cursor: '1; DROP TABLE articles' })).toThrow(ApiError);
  });

  it('lists library articles under the saved filter and nothing for an unknown feed', () => {
    fill(store, 2);
    expect(store.articles.list({ filter: 'saved' }).items).toHaveLength(2);
    expect(store.articles.list({ feedId: 42 }).items).toEqual([]);
  });
});
