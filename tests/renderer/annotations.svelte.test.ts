/**
 * Highlights and notes of the open article (AnnotationsState, NoteSaver) against the real core:
 * create, recolour, delete and undo with the core agreeing at each step, the colour last used,
 * a change made elsewhere arriving by event, and a note saved as typed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppState } from '../../src/renderer/src/lib/app.svelte';
import { NoteSaver } from '../../src/renderer/src/lib/notes/note-saver.svelte';
import type { ApiClient } from '../../src/shared/contract';
import { memoryHash, openRendererCore, type RendererCore } from '../helpers/renderer-core';

let core: RendererCore;
let api: ApiClient;
let app: AppState;
let seedId: number;

/** A quote of the seed article, placed by the core from its text. */
const quote = (exact: string) => ({ exact, prefix: '', suffix: '', start: 0, end: exact.length });

beforeEach(async () => {
  core = openRendererCore();
  api = core.connection.api;
  seedId = (await api['articles.list']({ filter: 'saved' })).items[0]!.id;
  app = new AppState({ ...core.connection, hash: memoryHash(`#/library/${seedId}`) });
  await app.start();
  // What the reader's highlight layer does with each article it is given.
  app.annotations.show(app.reader.article!);
});
afterEach(() => {
  app.stop();
  core.close();
});

/** The seed's highlights as the core has them: `exact colour note`. */
async function stored(): Promise<string[]> {
  const list = await api['highlights.list']({ articleId: seedId });
  return list.map((h) => `${h.exact} ${h.color} ${h.note}`.trim());
}

describe('AnnotationsState', () => {
  it('creates, recolours, deletes and undoes, the core agreeing at each step', async () => {
    const { annotations } = app;
    expect(annotations.articleId).toBe(seedId);
    expect(annotations.highlights).toEqual([]);
    expect(annotations.lastColor).toBe('yellow');

    const created = await annotations.create(quote('Little Moscow'));
    expect(created.exact).toBe('Little Moscow');
    expect(created.color).toBe('yellow');
    expect(created.start).toBeGreaterThan(0);
    expect(annotations.highlights.map((h) => h.id)).toEqual([created.id]);
    expect(await stored()).toEqual(['Little Moscow yellow']);

    await annotations.recolor(created, 'blue');
    expect(annotations.highlights[0]?.color).toBe('blue');
    expect(annotations.lastColor).toBe('blue');
    expect(await stored()).toEqual(['Little Moscow blue']);

    // `h` uses the colour last picked.
    const second = await annotations.create(quote('Harbin Institute of Technology'));
    expect(second.color).toBe('blue');
    expect(annotations.highlights.map((h) => h.exact)).toEqual([
      'Little Moscow',
      'Harbin Institute of Technology',
    ]);

    await api['highlights.update']({ id: created.id, note: 'the nickname' });
    const noted = { ...annotations.highlights[0]!, note: 'the nickname' };
    await annotations.remove(noted);
    expect(annotations.highlights.map((h) => h.id)).toEqual([second.id]);
    expect(annotations.deleted?.highlight.id).toBe(created.id);
    expect(await stored()).toEqual(['Harbin Institute of Technology blue']);

    await annotations.undo();
    expect(annotations.deleted).toBeNull();
    const restored = annotations.highlights.find((h) => h.exact === 'Little Moscow');
    expect(restored?.id).not.toBe(created.id);
    expect(restored?.start).toBe(created.start);
    expect((await stored()).sort()).toEqual([
      'Harbin Institute of Technology blue',
      'Little Moscow blue the nickname',
    ]);

    // Nothing left to undo.
    await annotations.undo();
    expect(annotations.highlights).toHaveLength(2);
  });

  it('refuses a quote that is not in the article, and changes made elsewhere arrive by event', async () => {
    const { annotations } = app;
    await expect(annotations.create(quote('not in this article at all'))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(annotations.highlights).toEqual([]);

    // Another window highlights the open article.
    await api['highlights.create']({ articleId: seedId, ...quote('Little Moscow'), color: 'pink' });
    await vi.waitFor(() => expect(annotations.highlights.map((h) => h.color)).toEqual(['pink']));

    annotations.clear();
    expect(annotations.articleId).toBeNull();
    expect(annotations.highlights).toEqual([]);
  });

  it('saves a note as typed: the last text reaches the core; a refused save shows', async () => {
    const saved: string[] = [];
    const saver = new NoteSaver(api, `note:${seedId}`, (body) => saved.push(body));
    saver.input('First');
    saver.input('First thoughts');
    expect(saver.state).toBe('pending');
    await saver.dispose();
    expect(saver.state).toBe('saved');
    expect(saved).toEqual(['First thoughts']);
    expect((await api['articles.get']({ id: seedId })).note?.body).toBe('First thoughts');

    // A save the core refuses is reported, and the editor says it is not saved yet.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const missing = new NoteSaver(api, 'hl:99999');
    missing.input('lost');
    await missing.dispose();
    expect(missing.state).toBe('error');
    expect(logged).toHaveBeenCalledWith('[folio] note not saved yet', expect.anything());
    logged.mockRestore();
  });
});
