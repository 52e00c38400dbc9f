/**
 * The notebook's state (NotebookState) against the real core: every highlight and article note
 * of the library, filtered by colour, by feed (or the Library) and by date, searched over
 * quotes, notes and titles, in either order.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotebookState } from '../../src/renderer/src/lib/notebook/notebook.svelte';
import type { ApiClient } from '../../src/shared/contract';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { openRendererCore, type RendererCore } from '../helpers/renderer-core';

let server: FixtureServer;
let core: RendererCore;
let api: ApiClient;
let notebook: NotebookState;
let feedId: number;

const quote = (exact: string) => ({ exact, prefix: '', suffix: '', start: 0, end: exact.length });
const DAY_MS = 86_400_000;

/**
 * Highlights "Little Moscow" in the seed as if made 40 days ago: the core dates what it creates
 * now, so the highlight goes out as a Web Annotation, comes back dated, and replaces itself.
 */
async function oldHighlight(seedId: number): Promise<void> {
  const made = await api['highlights.create']({ articleId: seedId, ...quote('Little Moscow') });
  const { json } = await api['annotations.exportW3C']({ articleId: seedId });
  const collection = JSON.parse(json) as { first: { items: Record<string, unknown>[] } };
  const then = new Date(Date.now() - 40 * DAY_MS).toISOString();
  for (const item of collection.first.items) Object.assign(item, { created: then, modified: then });
  await api['highlights.delete']({ id: made.id });
  const imported = await api['annotations.importW3C']({ json: JSON.stringify(collection) });
  expect(imported.highlights).toBe(1);
}

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  core = openRendererCore();
  api = core.connection.api;
  const seedId = (await api['articles.list']({ filter: 'saved' })).items[0]!.id;
  const feed = await api['feeds.add']({ url: server.url('/feeds/rss-2.0-basic.xml') });
  feedId = feed.id;
  const first = (await api['articles.list']({ feedId })).items.find(
    (a) => a.title === 'First story',
  )!;
  await oldHighlight(seedId);
  await api['highlights.create']({
    articleId: seedId,
    ...quote('Harbin Institute of Technology'),
    color: 'blue',
    note: 'students and faculty',
  });
  await api['highlights.create']({ articleId: first.id, ...quote('first story'), color: 'green' });
  await api['notes.set']({ articleId: first.id, body: 'A relative link, resolved.' });
  notebook = new NotebookState(api);
  await notebook.load();
});
afterEach(() => core.close());

/** The entries shown now, as `kind: quote or note`. */
const shown = () =>
  notebook.entries.map((e) => `${e.kind}: ${e.kind === 'note' ? e.note : e.quote}`);
/** The same, sorted: what was made in the same instant has no order of its own. */
const shownSet = () => shown().sort();

describe('NotebookState', () => {
  it('lists every highlight and note, newest first, with the feeds that have some', () => {
    expect(notebook.loaded).toBe(true);
    expect(notebook.loading).toBe(false);
    expect(shownSet()).toEqual([
      'highlight: Harbin Institute of Technology',
      'highlight: Little Moscow',
      'highlight: first story',
      'note: A relative link, resolved.',
    ]);
    expect(shown()[3]).toBe('highlight: Little Moscow');
    expect(notebook.entries.find((e) => e.color === 'blue')).toMatchObject({
      kind: 'highlight',
      note: 'students and faculty',
      feedId: null,
    });
    expect([...notebook.feedIds].sort()).toEqual([feedId, null].sort());

    notebook.newestFirst = false;
    expect(shown()[0]).toBe('highlight: Little Moscow');
  });

  it('filters by colour and by feed or the Library', () => {
    notebook.color = 'blue';
    expect(shown()).toEqual(['highlight: Harbin Institute of Technology']);
    notebook.color = 'green';
    expect(shown()).toEqual(['highlight: first story']);
    notebook.color = 'all';

    notebook.feed = feedId;
    expect(shownSet()).toEqual(['highlight: first story', 'note: A relative link, resolved.']);
    notebook.feed = 'library';
    expect(shownSet()).toEqual([
      'highlight: Harbin Institute of Technology',
      'highlight: Little Moscow',
    ]);
    notebook.color = 'green';
    expect(shown()).toEqual([]);
  });

  it('filters by date and searches quotes, notes and titles', () => {
    notebook.range = '30';
    expect(shown()).not.toContain('highlight: Little Moscow');
    expect(shown()).toHaveLength(3);
    notebook.range = '7';
    expect(shown()).toHaveLength(3);
    notebook.range = 'all';
    expect(shown()).toHaveLength(4);

    notebook.query = 'FACULTY';
    expect(shown()).toEqual(['highlight: Harbin Institute of Technology']);
    // Titles count: the note says nothing of a story, its article is "First story".
    notebook.query = 'story';
    expect(shownSet()).toEqual(['highlight: first story', 'note: A relative link, resolved.']);
    notebook.query = 'harbin moscow';
    expect(shown()).toEqual(['highlight: Little Moscow']);
  });
});
