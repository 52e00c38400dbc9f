import { beforeEach, describe, expect, it } from 'vitest';
import { addArticle, openLibrary, type Library } from '../helpers/annotated-library';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

describe('article notes', () => {
  let lib: Library;
  let articleId: number;
  beforeEach(() => {
    lib = openLibrary();
    articleId = addArticle(lib.store, { title: 'Harbin', paragraphs: ['Ice and snow.'] });
  });

  it('sets a Markdown note, shows it with the article, and emits annotations.changed', async () => {
    const body = '# Thoughts\n\n- go in **January**\n- <b>raw</b> HTML is kept as typed';
    const note = await lib.api['notes.set']({ articleId, body });
    expect(note).toMatchObject({ articleId, body });
    expect(Date.parse(note.updatedAt)).not.toBeNaN();
    expect((await lib.api['articles.get']({ id: articleId })).note).toEqual(note);
    expect(lib.seen).toContainEqual({ type: 'annotations.changed', data: { articleId } });
  });

  it('replaces the note on the next save (saved as you type)', async () => {
    await lib.api['notes.set']({ articleId, body: 'Fir' });
    await lib.api['notes.set']({ articleId, body: 'First draft' });
    expect((await lib.api['articles.get']({ id: articleId })).note?.body).toBe('First draft');
    expect(await lib.api['notes.list']({})).toHaveLength(1);
  });

  it('removes the note when it is cleared', async () => {
    await lib.api['notes.set']({ articleId, body: 'Something' });
    const cleared = await lib.api['notes.set']({ articleId, body: '  \n ' });
    expect(cleared).toMatchObject({ articleId, body: '' });
    expect((await lib.api['articles.get']({ id: articleId })).note).toBeNull();
    expect(await lib.api['notes.list']({})).toEqual([]);
    // Clearing a note that is not there is fine too.
    await expect(lib.api['notes.set']({ articleId, body: '' })).resolves.toMatchObject({
      body: '',
    });
  });

  it('refuses a missing article with NOT_FOUND', async () => {
    await expect(lib.api['notes.set']({ articleId: 999, body: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('keeps a note of 1 MB', async () => {
    const body = 'word '.repeat(200_000);
    await lib.api['notes.set']({ articleId, body });
    expect((await lib.api['articles.get']({ id: articleId })).note?.body).toBe(body);
  });

  it('lists notes with their article titles, most recently edited first', async () => {
    const other = addArticle(lib.store, { title: 'Tea', paragraphs: ['Pu-erh.'] });
    lib.store.annotations.notes.set(articleId, 'older', 1000);
    lib.store.annotations.notes.set(other, 'newer', 2000);
    expect(await lib.api['notes.list']({})).toEqual([
      {
        articleId: other,
        articleTitle: 'Tea',
        feedId: null,
        body: 'newer',
        updatedAt: new Date(2000).toISOString(),
      },
      {
        articleId,
        articleTitle: 'Harbin',
        feedId: null,
        body: 'older',
        updatedAt: new Date(1000).toISOString(),
      },
    ]);
  });

  it('keeps the noted article when its feed is removed', async () => {
    const feedId = lib.store.feeds.insert({
      url: 'https://news.example/feed',
      title: 'News',
      siteUrl: null,
      folder: null,
    });
    rawDatabase(lib.store)
      .prepare('UPDATE articles SET feed_id = ?, kind = ? WHERE id = ?')
      .run(feedId, 'feed', articleId);
    await lib.api['notes.set']({ articleId, body: 'Mine' });
    lib.store.feeds.remove(feedId);
    expect((await lib.api['notes.list']({}))[0]).toMatchObject({ articleId, feedId: null });
  });
});
