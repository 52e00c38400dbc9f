import { beforeEach, describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/main/core/content/html-text';
import type { FeedUpdate } from '../../src/main/core/storage/feed-update';
import type { Highlight } from '../../src/shared/model';
import { describeRange } from '../../src/shared/anchoring';
import {
  addArticle,
  openLibrary,
  paragraphsHtml,
  select,
  textOf,
  type Library,
} from '../helpers/annotated-library';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

const PARAGRAPHS = [
  'Harbin lies on the Songhua river, a day by train from Vladivostok.',
  'The old town was built by Russian engineers for the Chinese Eastern Railway.',
  'In winter the ice festival draws visitors from across China and Russia.',
];

/** A feed document of one article made of `paragraphs`, as the pipeline hands it to storage. */
function feedOf(paragraphs: readonly string[], version: number): FeedUpdate {
  const contentHtml = paragraphsHtml(paragraphs);
  return {
    title: 'Harbin News',
    siteUrl: 'https://harbin.example/',
    ttlMinutes: null,
    articles: [
      {
        identity: 'harbin-1',
        url: 'https://harbin.example/1',
        title: 'Harbin in winter',
        author: null,
        publishedAt: Date.UTC(2025, 0, 6),
        contentHtml,
        text: htmlToText(contentHtml),
        categories: [],
        enclosures: [],
        contentHash: `v${version}`,
      },
    ],
  };
}

/** The stored row of a highlight, as it is on disk (not as the Api shows it). */
function row(lib: Library, id: number): { start: number; end: number; updated_at: number } {
  return rawDatabase(lib.store)
    .prepare('SELECT start, "end", updated_at FROM highlights WHERE id = ?')
    .get(id) as { start: number; end: number; updated_at: number };
}

describe('highlights', () => {
  let lib: Library;
  let articleId: number;
  beforeEach(() => {
    lib = openLibrary();
    articleId = addArticle(lib.store, { title: 'Harbin', paragraphs: PARAGRAPHS });
  });

  it('creates a highlight where the reader selected it, and emits annotations.changed', async () => {
    const selector = select(lib.store, articleId, 'Russian engineers');
    const created = await lib.api['highlights.create']({
      articleId,
      ...selector,
      color: 'green',
      note: 'Who *exactly*?',
    });
    expect(created).toMatchObject({
      articleId,
      articleTitle: 'Harbin',
      exact: 'Russian engineers',
      start: selector.start,
      end: selector.end,
      color: 'green',
      note: 'Who *exactly*?',
      orphaned: false,
      feedId: null,
    });
    expect(textOf(lib.store, articleId).slice(created.start, created.end)).toBe(
      'Russian engineers',
    );
    expect(lib.seen).toContainEqual({ type: 'annotations.changed', data: { articleId } });
    const article = await lib.api['articles.get']({ id: articleId });
    expect(article.highlights).toEqual([created]);
  });

  it('defaults to yellow with no note', async () => {
    const created = await lib.api['highlights.create']({
      articleId,
      ...select(lib.store, articleId, 'ice festival'),
    });
    expect(created).toMatchObject({ color: 'yellow', note: '' });
  });

  it('refuses a missing article with NOT_FOUND and a quote not in the article with BAD_REQUEST', async () => {
    const selector = select(lib.store, articleId, 'Songhua');
    await expect(
      lib.api['highlights.create']({ articleId: 999, ...selector }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      lib.api['highlights.create']({
        articleId,
        ...selector,
        exact: 'the Yangtze delta',
        prefix: '',
        suffix: '',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The quote is not in the article.' });
    expect(lib.store.annotations.highlights.list()).toEqual([]);
  });

  it('accepts a quote whose offsets are stale and places it where it is', async () => {
    const selector = select(lib.store, articleId, 'ice festival');
    const created = await lib.api['highlights.create']({
      articleId,
      ...selector,
      start: 3,
      end: 3 + selector.exact.length,
    });
    expect(created).toMatchObject({ start: selector.start, end: selector.end, orphaned: false });
    // What the client sent is kept: the quote and its context.
    expect(created).toMatchObject({ prefix: selector.prefix, suffix: selector.suffix });
  });

  it('changes colour and note, and refuses an unknown highlight', async () => {
    const created = await lib.api['highlights.create']({
      articleId,
      ...select(lib.store, articleId, 'Vladivostok'),
    });
    const recoloured = await lib.api['highlights.update']({ id: created.id, color: 'pink' });
    expect(recoloured).toMatchObject({ color: 'pink', note: '' });
    const noted = await lib.api['highlights.update']({ id: created.id, note: 'A long way.' });
    expect(noted).toMatchObject({
      color: 'pink',
      note: 'A long way.',
      createdAt: created.createdAt,
    });
    await expect(lib.api['highlights.update']({ id: 999, color: 'blue' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('deletes a highlight, and undoing re-creates it from the data the client had', async () => {
    const created = await lib.api['highlights.create']({
      articleId,
      ...select(lib.store, articleId, 'Chinese Eastern Railway'),
      color: 'blue',
      note: 'Built 1897–1903.',
    });
    expect(await lib.api['highlights.delete']({ id: created.id })).toEqual({ ok: true });
    expect(lib.store.annotations.highlights.list()).toEqual([]);
    await expect(lib.api['highlights.delete']({ id: created.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const { articleId: a, exact, prefix, suffix, start, end, color, note } = created;
    const again = await lib.api['highlights.create']({
      articleId: a,
      exact,
      prefix,
      suffix,
      start,
      end,
      color,
      note,
    });
    expect(again).toMatchObject({ exact, prefix, suffix, start, end, color, note });
  });

  it('lists by article in reading order, and by feed and colour newest first', async () => {
    const other = addArticle(lib.store, { title: 'Other', paragraphs: ['Tea from Yunnan.'] });
    const late = await lib.api['highlights.create']({
      articleId,
      ...select(lib.store, articleId, 'ice festival'),
      color: 'pink',
    });
    const early = await lib.api['highlights.create']({
      articleId,
      ...select(lib.store, articleId, 'Songhua river'),
    });
    const tea = await lib.api['highlights.create']({
      articleId: other,
      ...select(lib.store, other, 'Yunnan'),
      color: 'pink',
    });
    const ids = (list: Highlight[]): number[] => list.map((h) => h.id);
    expect(ids(await lib.api['highlights.list']({ articleId }))).toEqual([early.id, late.id]);
    expect(ids(await lib.api['highlights.list']({ color: 'pink' }))).toEqual([tea.id, late.id]);
    expect(await lib.api['highlights.list']({ feedId: 1 })).toEqual([]);
    expect(ids(await lib.api['highlights.list']({}))).toHaveLength(3);
  });
});

describe('re-anchoring at read time', () => {
  let lib: Library;
  let feedId: number;
  beforeEach(() => {
    lib = openLibrary();
    feedId = lib.store.feeds.insert({
      url: 'https://harbin.example/feed',
      title: '',
      siteUrl: null,
      folder: null,
    });
  });

  function feedArticle(paragraphs: readonly string[], version: number): number {
    const result = lib.store.feedUpdates.apply(feedId, feedOf(paragraphs, version));
    return (result.newArticleIds[0] ?? result.updatedArticleIds[0]) as number;
  }

  it('keeps a highlight placed when a refresh changes other paragraphs, and writes the new position', async () => {
    const id = feedArticle(PARAGRAPHS, 1);
    const created = await lib.api['highlights.create']({
      articleId: id,
      ...select(lib.store, id, 'Russian engineers'),
      note: 'Keep this.',
    });
    const edited = [
      'UPDATE: this story was corrected on 7 January.',
      PARAGRAPHS[0] + ' It has ten million people.',
      PARAGRAPHS[1] as string,
      'A new closing paragraph.',
    ];
    expect(lib.store.feedUpdates.apply(feedId, feedOf(edited, 2)).updatedArticleIds).toEqual([id]);
    const before = row(lib, created.id);

    const [placed] = await lib.api['highlights.list']({ articleId: id });
    expect(placed).toMatchObject({ id: created.id, orphaned: false, note: 'Keep this.' });
    expect(textOf(lib.store, id).slice(placed!.start, placed!.end)).toBe('Russian engineers');
    expect(placed!.start).toBeGreaterThan(created.start);
    // Written back, without touching updatedAt (the user changed nothing).
    expect(row(lib, created.id)).toEqual({
      start: placed!.start,
      end: placed!.end,
      updated_at: before.updated_at,
    });
    expect((await lib.api['articles.get']({ id })).highlights).toEqual([placed]);
  });

  it('writes nothing when the highlight has not moved', async () => {
    const id = feedArticle(PARAGRAPHS, 1);
    await lib.api['highlights.create']({ articleId: id, ...select(lib.store, id, 'ice festival') });
    const changes = (): number =>
      rawDatabase(lib.store).prepare('SELECT total_changes()').pluck().get() as number;
    const before = changes();
    await lib.api['highlights.list']({});
    await lib.api['articles.get']({ id });
    expect(changes()).toBe(before);
  });

  it('lists a highlight whose passage was removed as orphaned, and never deletes it', async () => {
    const id = feedArticle(PARAGRAPHS, 1);
    const created = await lib.api['highlights.create']({
      articleId: id,
      ...select(lib.store, id, 'ice festival draws visitors'),
    });
    lib.store.feedUpdates.apply(feedId, feedOf(PARAGRAPHS.slice(0, 2), 2));
    const [orphan] = await lib.api['highlights.list']({});
    expect(orphan).toMatchObject({
      id: created.id,
      exact: 'ice festival draws visitors',
      orphaned: true,
      start: created.start,
    });
    expect((await lib.api['articles.get']({ id })).highlights[0]?.orphaned).toBe(true);
    // The passage comes back upstream: so does the highlight.
    lib.store.feedUpdates.apply(feedId, feedOf(PARAGRAPHS, 3));
    expect((await lib.api['highlights.list']({}))[0]).toMatchObject({ orphaned: false });
  });

  it('finds a highlight made on the feed text in it once the full text is shown', async () => {
    const id = feedArticle(PARAGRAPHS, 1);
    const created = await lib.api['highlights.create']({
      articleId: id,
      ...select(lib.store, id, 'a day by train from Vladivostok'),
    });
    const fullHtml = paragraphsHtml(['A completely different page layout.', PARAGRAPHS[2]!]);
    lib.store.articles.setFullText(id, { html: fullHtml, text: htmlToText(fullHtml), at: 1 });

    const [found] = await lib.api['highlights.list']({});
    // Not in the shown (full) text, but in the feed's: not orphaned, and its position is kept.
    expect(found).toMatchObject({ orphaned: false, start: created.start, end: created.end });
    // And a new highlight of the feed text is accepted while the full text is shown.
    const feedText = htmlToText(paragraphsHtml(PARAGRAPHS));
    const at = feedText.indexOf('Russian engineers');
    const selector = describeRange(feedText, at, at + 'Russian engineers'.length);
    expect(textOf(lib.store, id)).not.toContain('Russian engineers');
    await expect(
      lib.api['highlights.create']({ articleId: id, ...selector }),
    ).resolves.toMatchObject({ orphaned: false });
  });

  it('keeps highlighted articles through retention and unsubscribing', async () => {
    const id = feedArticle(PARAGRAPHS, 1);
    await lib.api['highlights.create']({ articleId: id, ...select(lib.store, id, 'Harbin') });
    lib.store.articles.markRead([id], 1);
    rawDatabase(lib.store).prepare('UPDATE articles SET fetched_at = 1 WHERE id = ?').run(id);
    const { applyRetention } = await import('../../src/main/core/library/offline/retention');
    expect(applyRetention(lib.store, Date.now(), 1).deletedArticles).toBe(0);
    expect(lib.store.feeds.remove(feedId)).toBe(true);
    expect(lib.store.articles.summary(id)).toMatchObject({ kind: 'saved', feedId: null });
    expect(await lib.api['highlights.list']({})).toHaveLength(1);
  });
});
