import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { FolioApp } from '../../src/main/core/app';
import type { BrowserServer } from '../../src/main/browser/server';
import { Store } from '../../src/main/core/storage/store';
import { describeRange } from '../../src/shared/anchoring';
import type { FolioEvent, Method, ParamsInput } from '../../src/shared/contract';
import type { Feed } from '../../src/shared/model';
import { METHODS } from '../../src/shared/methods';
import { errorBodySchema } from '../../src/shared/schemas/error-schemas';
import { eventSchemas } from '../../src/shared/schemas/event-schemas';
import { resultSchemas } from '../../src/shared/schemas/result-schemas';
import type { Equal, Expect } from '../../src/shared/schemas/type-equal';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { rawRequest } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';
import { serveApp, type ServedApp } from '../helpers/served-app';

// The Equal helper behind the schemas' drift checks tells apart what assignability does not.
type _EqualCatchesDrift = [
  Expect<Equal<{ a: number | null }, { a: number | null }>>,
  // @ts-expect-error a missing field is drift
  Expect<Equal<Omit<Feed, 'fullText'>, Feed>>,
  // @ts-expect-error an optional field is not a required one
  Expect<Equal<{ a?: number }, { a: number | undefined }>>,
  // @ts-expect-error nullable is not the same as required
  Expect<Equal<{ a: string | null }, { a: string }>>,
];

const TOKEN = 'schema-token';

/**
 * Every method called over real HTTP against the real core, its answer checked against its
 * result schema (strict: a field the schema does not name fails too), and every event emitted
 * on the way checked against its payload schema. The schemas document what the Api really says.
 */
describe('the result and event schemas, against real answers', () => {
  let served: ServedApp;
  let app: FolioApp;
  let server: BrowserServer;
  let web: FixtureServer;
  const dir = tempDir();
  const seen: FolioEvent[] = [];
  const checked = new Set<Method>();

  /** Calls `method` and returns its result once it passed the method's result schema. */
  async function call<M extends Method>(
    method: M,
    params: ParamsInput<M>,
  ): Promise<z.output<(typeof resultSchemas)[M]>> {
    const res = await rawRequest(server.port, `/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(params),
    });
    expect(res.status, `${method}: ${res.body.slice(0, 300)}`).toBe(200);
    const parsed = resultSchemas[method].safeParse(res.json());
    expect(parsed.error?.issues ?? [], method).toEqual([]);
    checked.add(method);
    return parsed.data as z.output<(typeof resultSchemas)[M]>;
  }

  beforeAll(async () => {
    web = await startFixtureServer();
    served = await serveApp(dir, TOKEN);
    ({ app, server } = served);
    app.events.on((event) => seen.push(event));
  });
  afterAll(async () => {
    await served.close();
    await web.close();
  });

  it('describes the answers of every method', async () => {
    const feedUrl = web.url('/feeds/rss-media-and-enclosures.xml');
    expect(await call('feeds.discover', { url: feedUrl })).not.toHaveLength(0);
    const feed = await call('feeds.add', { url: feedUrl, folder: 'News' });
    await call('feeds.update', { id: feed.id, title: 'Media', fullText: false });
    await call('feeds.list', {});
    await call('feeds.refresh', {});
    const opml = await call('feeds.exportOpml', {});
    expect((await call('feeds.importOpml', opml)).skipped).toBe(1);

    const page = await call('articles.list', { filter: 'all', limit: 2 });
    await call('articles.list', { filter: 'saved', cursor: page.nextCursor });
    const seed = (await call('articles.list', { filter: 'saved' })).items[0]!;
    const fromFeed = (await call('articles.list', { feedId: feed.id })).items[0]!;
    expect((await call('articles.get', { id: fromFeed.id })).enclosures).not.toHaveLength(0);
    await call('articles.update', { id: fromFeed.id, read: true, starred: true });
    await call('articles.related', { id: seed.id });
    await call('feeds.related', { articleId: seed.id });
    const saved = await call('articles.save', { url: web.url('/pages/blog-post.html') });
    await call('articles.fetchFullText', { id: saved.id });

    const store = Store.open(app.databasePath);
    const text = store.articles.content(seed.id)?.text ?? '';
    store.close();
    const at = text.indexOf('Little Moscow');
    const selector = describeRange(text, at, at + 'Little Moscow'.length);
    const highlight = await call('highlights.create', { articleId: seed.id, ...selector });
    await call('highlights.update', { id: highlight.id, color: 'green', note: 'nickname' });
    await call('highlights.list', {});
    await call('notes.set', { articleId: seed.id, body: 'Harbin, *Little Moscow*.' });
    await call('notes.list', {});
    const hits = await call('articles.search', { query: 'nickname' });
    expect(hits.some((h) => h.kind === 'highlight' && h.color === 'green')).toBe(true);
    await call('export.markdown', {});
    const w3c = await call('annotations.exportW3C', {});
    expect((await call('annotations.importW3C', w3c)).skipped).toBeGreaterThan(0);

    await call('settings.get', {});
    await call('settings.update', { retentionDays: 30 });
    await call('offline.make', { articleIds: [seed.id, saved.id] });
    await call('library.usage', {});
    await call('library.cleanup', {});
    await call('library.compact', {});

    await call('folders.rename', { from: 'News', to: 'World' });
    await call('folders.delete', { name: 'World' });
    await call('highlights.delete', { id: highlight.id });
    await call('feeds.remove', { id: feed.id });

    // Browser mode has no folder dialog: export.toFolder is checked as the error it answers.
    const unchecked = METHODS.filter((m) => !checked.has(m));
    expect(unchecked).toEqual(['export.toFolder']);
  });

  it('describes the error body of both transports', async () => {
    for (const [method, params] of [
      ['export.toFolder', {}],
      ['articles.get', { id: 999_999 }],
      ['articles.get', { id: 'one' }],
    ] as const) {
      const res = await rawRequest(server.port, `/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(params),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(errorBodySchema.safeParse(res.json()).error?.issues ?? []).toEqual([]);
    }
  });

  it('describes every event emitted on the way', () => {
    const types = new Set(seen.map((e) => e.type));
    for (const type of ['refresh', 'articles.changed', 'feeds.changed', 'import'] as const) {
      expect(types.has(type), type).toBe(true);
    }
    for (const event of seen) {
      const parsed = eventSchemas[event.type].safeParse(event.data);
      expect(parsed.error?.issues ?? [], event.type).toEqual([]);
    }
  });
});
