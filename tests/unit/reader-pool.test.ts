/**
 * The reader threads (api/reader-pool.ts) with the real built worker: the pooled reads answer
 * exactly what the writer's connection answers, a read is served while another connection holds
 * a long write, suggestion work for an article left behind is cancelled, and compacting an old
 * library on a thread holds the main thread's writes at the gate instead of in SQLite's busy
 * handler.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type FolioApp } from '../../src/main/core/app';
import { ReaderPool } from '../../src/main/core/library/readers/reader-pool';
import { Store } from '../../src/main/core/storage/store';
import { migrate } from '../../src/main/core/storage/migrations';
import { importSeedOnce } from '../../src/main/core/library/seed';
import type { ArticlePage } from '../../src/shared/model';
import type { Params } from '../../src/shared/contract';
import { buildWorkers } from '../helpers/built-workers';
import { loopbackFetch } from '../helpers/net';
import { RESOURCES_DIR, tempDir } from '../helpers/temp-dir';

const SUBJECTS = [
  'Harbin opened its ice festival with palaces carved from the frozen Songhua river',
  'The central bank kept its main interest rate unchanged as inflation eased',
  'A laptop built around an eight-core RISC-V processor boots mainline Linux',
  'The James Webb Space Telescope detected water vapour on a temperate exoplanet',
  'Russian and Chinese leaders signed a joint statement on their partnership',
];

let workers: string;
let dir: string;
let ids: number[];

beforeAll(async () => {
  workers = await buildWorkers(['reader-worker']);
  dir = tempDir();
  // A library with two feeds, read, starred and saved articles, a note: every pooled read has
  // something to say.
  const store = Store.open(join(dir, 'folio.db'));
  importSeedOnce(store, readFileSync(join(RESOURCES_DIR, 'seed', 'harbin-visit.txt'), 'utf8'));
  const feeds = [1, 2].map((n) =>
    store.feeds.insert({
      url: `http://127.0.0.1:9/feed-${n}.xml`,
      title: `Feed ${n}`,
      siteUrl: null,
      folder: n === 2 ? 'News' : null,
    }),
  );
  ids = SUBJECTS.flatMap((text, i) =>
    [0, 1, 2].map((copy) =>
      store.articles.insert({
        uid: `${feeds[i % 2]}:a-${i}-${copy}`,
        feedId: copy === 2 ? null : (feeds[i % 2] as number),
        kind: copy === 2 ? 'saved' : 'feed',
        url: `https://example.com/${i}/${copy}`,
        title: `${text.split(' ').slice(0, 5).join(' ')} (${copy})`,
        author: null,
        publishedAt: Date.UTC(2025, 0, 1 + i * 3 + copy),
        contentHtml: `<p>${text}.</p>`,
        text: `${text}. ${SUBJECTS[(i + 1) % SUBJECTS.length]}.`,
      }),
    ),
  );
  store.articles.setState(ids[0] as number, { read: true, starred: true });
  store.articles.markRead(ids.slice(3, 6));
  store.annotations.notes.set(ids[4] as number, 'A note on **rates**.');
  store.close();
}, 60_000);

/** Opens the app on the test library, with reader threads or (readerWorker missing) without. */
function open(threads: boolean): FolioApp {
  return openApp({
    dataDir: dir,
    resourcesDir: RESOURCES_DIR,
    scheduleRefresh: false,
    fetch: loopbackFetch,
    readerWorker: threads ? join(workers, 'reader-worker.cjs') : join(dir, 'none.cjs'),
  });
}

describe('pooled reads', () => {
  let pooled: FolioApp;
  let direct: FolioApp;
  beforeAll(() => {
    pooled = open(true);
    direct = open(false);
  });
  afterAll(() => {
    pooled.close();
    direct.close();
  });

  it('answer what the writer connection answers, method by method', async () => {
    const calls: [string, unknown][] = [
      ...(['all', 'unread', 'starred', 'annotated', 'saved'] as const).map(
        (filter): [string, unknown] => ['articles.list', { filter, limit: 4 }],
      ),
      ['articles.list', { feedId: 1 }],
      ['articles.search', { query: 'bank rate' }],
      ['articles.search', { query: 'harb' }],
      ['articles.related', { id: ids[0] }],
      ['feeds.related', { articleId: ids[0] }],
      ['feeds.list', undefined],
      ['feeds.exportOpml', undefined],
      ['library.usage', undefined],
      ['notes.list', undefined],
    ];
    for (const [method, params] of calls) {
      const [a, b] = await Promise.all([
        pooled.dispatch(method, params),
        direct.dispatch(method, params),
      ]);
      expect(a.ok, method).toBe(true);
      // An OPML export is dated; the rest is equal to the byte.
      const strip = (e: typeof a) => JSON.stringify(e).replace(/<dateCreated>[^<]*</, '<');
      expect(strip(a), `${method} ${JSON.stringify(params)}`).toBe(strip(b));
    }
  });

  it('follow cursors page by page like the writer', async () => {
    let cursor: string | null = null;
    for (let page = 0; page < 4; page++) {
      const params: Params<'articles.list'> = { filter: 'all', limit: 3, cursor };
      const [a, b]: [ArticlePage, ArticlePage] = await Promise.all([
        pooled.api['articles.list'](params),
        direct.api['articles.list'](params),
      ]);
      expect(a).toEqual(b);
      cursor = a.nextCursor;
    }
  });

  it('keep the Api’s errors: NOT_FOUND from a thread is NOT_FOUND', async () => {
    const answer = await pooled.dispatch('articles.related', { id: 999_999 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await pooled.dispatch('articles.list', { filter: 'nonsense' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('are served while another connection holds a long write, and see only what it committed', async () => {
    const writer = new Database(join(dir, 'folio.db'));
    try {
      writer.exec('BEGIN IMMEDIATE');
      writer
        .prepare(
          `INSERT INTO articles (uid, feed_id, kind, title, sort_at, fetched_at, updated_at)
           VALUES ('library:pending', NULL, 'saved', 'Not yet committed', ?, 0, 0)`,
        )
        .run(Date.UTC(2030, 0, 1));
      const during = await pooled.api['articles.list']({ filter: 'saved', limit: 1 } as never);
      expect(during.items[0]?.title).not.toBe('Not yet committed');
      writer.exec('COMMIT');
      const after = await pooled.api['articles.list']({ filter: 'saved', limit: 1 } as never);
      expect(after.items[0]?.title).toBe('Not yet committed');
      writer.exec("DELETE FROM articles WHERE uid = 'library:pending'");
    } finally {
      writer.close();
    }
  });

  it('compacts in steps on the writer beside other calls, losing none', async () => {
    const id = ids[7] as number;
    const [compacted, updated] = await Promise.all([
      pooled.api['library.compact']({}),
      pooled.api['articles.update']({ id, starred: true }),
    ]);
    expect(compacted.afterBytes).toBeGreaterThan(0);
    expect(updated.starredAt).not.toBeNull();
    const reread = await pooled.api['articles.list']({ filter: 'starred' });
    expect(reread.items.map((a) => a.id)).toContain(id);
  });

  it('ends a compaction in steps with a checkpoint on a thread, not holding the main thread', async () => {
    // A reader with a snapshot open: the checkpoint that empties the WAL waits for it. On the
    // main thread that wait was SQLite's busy handler (the event loop stopped, up to 5 s).
    await pooled.api['articles.update']({ id: ids[3] as number, starred: true });
    const reader = new Database(join(dir, 'folio.db'), { readonly: true });
    const order: string[] = [];
    try {
      // A snapshot that reads the WAL (a write was just committed to it).
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM articles').get();
      const compacting = pooled.api['library.compact']({}).then(() => order.push('compacted'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('timer');
      reader.exec('COMMIT');
      await compacting;
    } finally {
      reader.close();
    }
    expect(order).toEqual(['timer', 'compacted']);
    expect(statSync(join(dir, 'folio.db-wal')).size).toBe(0);
  });
});

describe('a library made before incremental vacuum', () => {
  it('is compacted on a thread while the main thread’s writes wait at the gate', async () => {
    const legacyDir = tempDir();
    const db = new Database(join(legacyDir, 'folio.db'));
    db.pragma('journal_mode = WAL');
    migrate(db); // auto_vacuum NONE, as every library was before issue 11
    db.close();
    const app = openApp({
      dataDir: legacyDir,
      resourcesDir: RESOURCES_DIR,
      scheduleRefresh: false,
      fetch: loopbackFetch,
      readerWorker: join(workers, 'reader-worker.cjs'),
    });
    try {
      const seed = (await app.api['articles.list']({})).items[0]?.id as number;
      const [compacted, updated, listed] = await Promise.all([
        app.api['library.compact']({}),
        app.api['articles.update']({ id: seed, starred: true }),
        app.api['articles.list']({}),
      ]);
      expect(compacted.afterBytes).toBeGreaterThan(0);
      expect(updated.starredAt).not.toBeNull();
      expect(listed.items.map((a) => a.id)).toEqual([seed]);
      // The star waited for the VACUUM, and was kept.
      expect((await app.api['articles.list']({ filter: 'starred' })).items).toHaveLength(1);
    } finally {
      app.close();
    }
  });
});

describe('ReaderPool', () => {
  it('cancels the suggestions of an article left behind: queued ones answer none', async () => {
    const pool = ReaderPool.create({
      workerScript: join(workers, 'reader-worker.cjs'),
      file: join(dir, 'folio.db'),
    }) as ReaderPool;
    try {
      const related = (id: number) =>
        pool.run({ kind: 'api', method: 'articles.related', params: { id } });
      // Slow jobs run on one thread, after the pool's start-up job: a slow call answered means
      // that thread is idle.
      await pool.run({ kind: 'api', method: 'feeds.exportOpml', params: {} });
      // The first runs at once, the second waits behind it, and the third, for yet another
      // article, drops the second and flags the first.
      const [first, second, third] = await Promise.all([
        related(ids[0] as number),
        related(ids[3] as number),
        related(ids[6] as number),
      ]);
      expect(first.ok).toBe(true);
      expect(second).toEqual({ ok: true, result: [] });
      expect(third.ok && (third.result as unknown[]).length).toBeGreaterThan(0);
      // A list is never queued behind suggestions.
      const list = await pool.run({ kind: 'api', method: 'articles.list', params: {} });
      expect(list.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('checkpoints the WAL into the file on a thread', async () => {
    const file = join(tempDir(), 'folio.db');
    const writer = Store.open(file);
    writer.maintenance.autoCheckpoint(0);
    const pool = ReaderPool.create({ workerScript: join(workers, 'reader-worker.cjs'), file });
    try {
      const before = statSync(file).size;
      writer.annotations.notes.set(
        writer.articles.insert({
          uid: 'library:big',
          feedId: null,
          kind: 'saved',
          url: null,
          title: 'Big',
          author: null,
          publishedAt: null,
          contentHtml: '',
          text: 'word '.repeat(400_000),
        }),
        'x',
      );
      expect(statSync(file).size).toBe(before); // all in the WAL
      const [first, second] = [pool?.checkpoint(), pool?.checkpoint()];
      expect(second).toBe(first); // one at a time
      expect(await first).toEqual({ ok: true, result: null });
      expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
    } finally {
      await pool?.close();
      writer.close();
    }
  });

  it('answers UNAVAILABLE once closed, and INTERNAL when a thread cannot open the library', async () => {
    const script = join(workers, 'reader-worker.cjs');
    const closed = ReaderPool.create({ workerScript: script, file: join(dir, 'folio.db') });
    await closed?.close();
    const late = await closed?.run({ kind: 'api', method: 'feeds.list', params: {} });
    expect(late).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    const broken = ReaderPool.create({ workerScript: script, file: join(dir, 'missing.db') });
    const answer = await broken?.run({ kind: 'api', method: 'feeds.list', params: {} });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await broken?.close();
  });

  it('is not made for an in-memory library or without a built worker', () => {
    const script = join(workers, 'reader-worker.cjs');
    expect(ReaderPool.create({ workerScript: script, file: ':memory:' })).toBeNull();
    expect(ReaderPool.create({ workerScript: join(dir, 'x.cjs'), file: 'f.db' })).toBeNull();
  });
});
