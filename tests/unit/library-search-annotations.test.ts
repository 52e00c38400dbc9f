import { beforeEach, describe, expect, it } from 'vitest';
import { searchArticles } from '../../src/main/core/library/search';
import { addArticle, openLibrary, select, type Library } from '../helpers/annotated-library';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

describe('search over highlights and notes', () => {
  let lib: Library;
  let harbin: number;
  let tea: number;
  beforeEach(() => {
    lib = openLibrary();
    harbin = addArticle(lib.store, {
      title: 'Harbin in winter',
      paragraphs: ['The ice festival draws visitors.', 'Russian engineers built the railway.'],
    });
    tea = addArticle(lib.store, { title: 'Tea', paragraphs: ['Pu-erh is pressed into cakes.'] });
  });

  const search = (query: string, limit?: number) => searchArticles(lib.store, { query, limit });

  it('finds a highlight by its quote and by its note, and an article note by its body', async () => {
    const highlight = await lib.api['highlights.create']({
      articleId: harbin,
      ...select(lib.store, harbin, 'Russian engineers'),
      note: 'Compare with the <Trans-Siberian> & Amur lines',
    });
    await lib.api['notes.set']({ articleId: tea, body: 'Try the sheng variety, aged.' });

    expect(search('engineers')).toEqual([
      {
        articleId: harbin,
        title: 'Harbin in winter',
        snippet:
          'The ice festival draws visitors.\n\nRussian <mark>engineers</mark> built the railway.',
        kind: 'article',
      },
      {
        articleId: harbin,
        title: 'Harbin in winter',
        snippet: 'Russian <mark>engineers</mark>',
        kind: 'highlight',
        // Which highlight, so the UI can jump to its passage, and its colour for the swatch.
        highlightId: highlight.id,
        color: 'yellow',
      },
    ]);
    // The note's words, escaped like article snippets.
    expect(search('trans sib')).toEqual([
      {
        articleId: harbin,
        title: 'Harbin in winter',
        snippet:
          'Compare with the &lt;<mark>Trans</mark>-<mark>Siberian</mark>&gt; &amp; Amur lines',
        kind: 'highlight',
        highlightId: highlight.id,
        color: 'yellow',
      },
    ]);
    expect(search('sheng')).toEqual([
      {
        articleId: tea,
        title: 'Tea',
        snippet: 'Try the <mark>sheng</mark> variety, aged.',
        kind: 'note',
      },
    ]);
  });

  it('follows edits and deletes: no stale hits, and the index stays consistent', async () => {
    const h = await lib.api['highlights.create']({
      articleId: harbin,
      ...select(lib.store, harbin, 'ice festival'),
      note: 'lanterns',
    });
    await lib.api['notes.set']({ articleId: tea, body: 'oolong' });
    await lib.api['highlights.update']({ id: h.id, note: 'sculptures' });
    await lib.api['notes.set']({ articleId: tea, body: 'darjeeling' });
    expect(search('lanterns')).toEqual([]);
    expect(search('oolong')).toEqual([]);
    expect(search('sculptures').map((hit) => hit.kind)).toEqual(['highlight']);
    expect(search('darjeeling').map((hit) => hit.kind)).toEqual(['note']);

    await lib.api['highlights.delete']({ id: h.id });
    await lib.api['notes.set']({ articleId: tea, body: '' });
    expect(search('sculptures')).toEqual([]);
    expect(search('darjeeling')).toEqual([]);
    expect(
      rawDatabase(lib.store).prepare('SELECT count(*) FROM annotations_fts').pluck().get(),
    ).toBe(0);
    rawDatabase(lib.store).exec(
      "INSERT INTO annotations_fts (annotations_fts) VALUES ('integrity-check')",
    );
  });

  it('does not reindex a highlight when re-anchoring moves it', () => {
    const id = lib.store.annotations.highlights.create({
      articleId: harbin,
      ...select(lib.store, harbin, 'railway'),
      color: 'yellow',
      note: '',
    });
    const changes = (): number =>
      rawDatabase(lib.store).prepare('SELECT total_changes()').pluck().get() as number;
    const before = changes();
    lib.store.annotations.highlights.move(id, 1, 8);
    expect(changes() - before).toBe(1);
  });

  it('keeps room for highlights and notes after many article hits', async () => {
    for (let i = 0; i < 12; i++) {
      addArticle(lib.store, { title: `Visitors ${i}`, paragraphs: [`More visitors, day ${i}.`] });
    }
    await lib.api['notes.set']({ articleId: tea, body: 'Visitors should try it.' });
    const hits = search('visitors', 8);
    expect(hits).toHaveLength(8);
    expect(hits.slice(0, 7).every((hit) => hit.kind === 'article')).toBe(true);
    expect(hits[7]).toMatchObject({ kind: 'note', articleId: tea });
  });
});
