import { beforeEach, describe, expect, it } from 'vitest';
import { addArticle, openLibrary, select, type Library } from '../helpers/annotated-library';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

const PARAGRAPHS = [
  'Harbin lies on the Songhua river, a day by train from Vladivostok.',
  'The old town was built by Russian engineers for the Chinese Eastern Railway.',
];

interface Exported {
  '@context': string;
  type: string;
  total: number;
  first: { type: string; items: Record<string, unknown>[] };
}

describe('Web Annotation export and import', () => {
  let lib: Library;
  let withUrl: number;
  let library: number;
  beforeEach(async () => {
    lib = openLibrary();
    withUrl = addArticle(lib.store, {
      title: 'Harbin',
      url: 'https://harbin.example/1',
      paragraphs: PARAGRAPHS,
    });
    library = addArticle(lib.store, {
      title: 'Seed',
      uid: 'library:seed/harbin visit',
      paragraphs: ['A visit to Harbin in February.', 'Write a line here.'],
    });
    await lib.api['highlights.create']({
      articleId: withUrl,
      ...select(lib.store, withUrl, 'Russian engineers'),
      color: 'blue',
      note: 'Who **exactly**?\nLook it up.',
    });
    await lib.api['highlights.create']({
      articleId: withUrl,
      ...select(lib.store, withUrl, 'Songhua river'),
    });
    await lib.api['highlights.create']({
      articleId: library,
      ...select(lib.store, library, 'in February'),
      color: 'pink',
    });
    await lib.api['notes.set']({ articleId: withUrl, body: '# Trip\n\nGo in winter.' });
    await lib.api['notes.set']({ articleId: library, body: 'The seed.' });
  });

  async function exported(articleId?: number): Promise<Exported> {
    return JSON.parse((await lib.api['annotations.exportW3C']({ articleId })).json) as Exported;
  }

  function snapshot() {
    const highlights = lib.store.annotations.highlights
      .list()
      .map(({ id: _id, ...rest }) => rest)
      .sort((a, b) => a.articleId - b.articleId || a.start - b.start);
    return { highlights, notes: lib.store.annotations.notes.list() };
  }

  function wipe(): void {
    rawDatabase(lib.store).exec('DELETE FROM highlights; DELETE FROM notes;');
  }

  it('exports a W3C AnnotationCollection with selectors, bodies and colours', async () => {
    const doc = await exported(withUrl);
    expect(doc).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 3,
      first: { type: 'AnnotationPage' },
    });
    const [note, , engineers] = doc.first.items;
    expect(note).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: '# Trip\n\nGo in winter.', format: 'text/markdown' },
      target: { source: 'https://harbin.example/1' },
    });
    const text = lib.store.articles.content(withUrl)!.text;
    const start = text.indexOf('Russian engineers');
    expect(engineers).toMatchObject({
      type: 'Annotation',
      motivation: 'highlighting',
      body: { type: 'TextualBody', value: 'Who **exactly**?\nLook it up.', purpose: 'commenting' },
      stylesheet: { type: 'CssStylesheet' },
      target: {
        source: 'https://harbin.example/1',
        styleClass: 'folio-blue',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'Russian engineers',
            prefix: text.slice(start - 32, start),
            suffix: text.slice(start + 17, start + 49),
          },
          { type: 'TextPositionSelector', start, end: start + 17 },
        ],
      },
    });
    expect(String((engineers!.stylesheet as { value: string }).value)).toMatch(/^\.folio-blue \{/);
    expect(Date.parse(String(engineers!.created))).not.toBeNaN();
  });

  it('names a library article without URL by its uid', async () => {
    const doc = await exported(library);
    expect(doc.first.items[0]).toMatchObject({
      target: { source: 'urn:folio:article:library%3Aseed%2Fharbin%20visit' },
    });
  });

  it('round-trips: export, wipe, import gives the same highlights and notes', async () => {
    const before = snapshot();
    const { json } = await lib.api['annotations.exportW3C']({});
    wipe();
    lib.seen.length = 0;
    const outcome = await lib.api['annotations.importW3C']({ json });
    expect(outcome).toEqual({ highlights: 3, notes: 2, skipped: 0, errors: [] });
    expect(snapshot()).toEqual(before);
    const changed = lib.seen.filter((e) => e.type === 'annotations.changed').map((e) => e.data);
    expect(changed).toEqual([{ articleId: withUrl }, { articleId: library }]);
    // Importing the same file again adds nothing.
    expect(await lib.api['annotations.importW3C']({ json })).toEqual({
      highlights: 0,
      notes: 0,
      skipped: 5,
      errors: [],
    });
    expect(snapshot()).toEqual(before);
  });

  it('re-anchors imported quotes in the text as it is here', async () => {
    const { json } = await lib.api['annotations.exportW3C']({ articleId: withUrl });
    wipe();
    const moved = `Breaking: a new first paragraph.\n\n${lib.store.articles.content(withUrl)!.text}`;
    rawDatabase(lib.store).prepare('UPDATE articles SET text = ? WHERE id = ?').run(moved, withUrl);
    await lib.api['annotations.importW3C']({ json });
    const listed = await lib.api['highlights.list']({ articleId: withUrl });
    expect(listed.map((h) => moved.slice(h.start, h.end))).toEqual([
      'Songhua river',
      'Russian engineers',
    ]);
  });

  it('never replaces a note that is there: it appends what differs', async () => {
    const { json } = await lib.api['annotations.exportW3C']({ articleId: library });
    await lib.api['notes.set']({ articleId: library, body: 'Written since.' });
    expect(await lib.api['annotations.importW3C']({ json })).toMatchObject({ notes: 1 });
    expect(lib.store.annotations.notes.get(library)?.body).toBe(
      'Written since.\n\n---\n\nThe seed.',
    );
  });

  it('reads other tools’ shapes: items inline, a bare annotation, string targets and bodies', async () => {
    wipe();
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      body: 'plain string body',
      target: {
        source: { id: 'https://harbin.example/1' },
        selector: { type: 'TextQuoteSelector', exact: 'Chinese Eastern Railway' },
      },
    };
    expect(await lib.api['annotations.importW3C']({ json: JSON.stringify(annotation) })).toEqual({
      highlights: 1,
      notes: 0,
      skipped: 0,
      errors: [],
    });
    const [h] = await lib.api['highlights.list']({});
    expect(h).toMatchObject({ exact: 'Chinese Eastern Railway', color: 'yellow', orphaned: false });
    expect(h!.note).toBe('plain string body');

    const collection = {
      type: ['AnnotationCollection'],
      items: [
        { type: 'Annotation', bodyValue: 'A page note.', target: 'https://harbin.example/1' },
        { type: 'Annotation', target: 'https://elsewhere.example/' },
        { type: 'Annotation', body: 'x', target: 'https://unknown.example/' },
        { type: 'Annotation' },
        { type: 'Annotation', body: 'no target', target: [] },
      ],
    };
    const outcome = await lib.api['annotations.importW3C']({ json: JSON.stringify(collection) });
    expect(outcome).toMatchObject({ highlights: 0, notes: 1, skipped: 1 });
    expect(outcome.errors).toHaveLength(3);
    expect(outcome.errors[2]).toBe('Annotation 5: it has no target');
    expect(outcome.errors[0]).toMatch(/^Annotation 2: /);
    expect(lib.store.annotations.notes.get(withUrl)?.body).toBe('A page note.');
  });

  it('keeps a highlight whose quote is no longer in the article, as orphaned', async () => {
    const { json } = await lib.api['annotations.exportW3C']({ articleId: library });
    wipe();
    rawDatabase(lib.store)
      .prepare("UPDATE articles SET text = 'Rewritten.' WHERE id = ?")
      .run(library);
    expect(await lib.api['annotations.importW3C']({ json })).toMatchObject({ highlights: 1 });
    expect((await lib.api['highlights.list']({}))[0]).toMatchObject({
      exact: 'in February',
      orphaned: true,
    });
  });

  it('answers BAD_REQUEST for text that is not JSON or not annotations', async () => {
    await expect(lib.api['annotations.importW3C']({ json: '{nope' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      lib.api['annotations.importW3C']({ json: '{"type":"Person"}' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
