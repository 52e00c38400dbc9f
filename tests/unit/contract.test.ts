import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, METHODS, parseParams } from '../../src/shared/contract';
import { paramsSchemas } from '../../src/shared/schemas/params-schemas';
import { createDispatcher } from '../../src/main/core/api/dispatch';
import { openApp } from '../../src/main/core/app';
import { RESOURCES_DIR, tempDir } from '../helpers/temp-dir';
import { loopbackFetch } from '../helpers/net';

describe('the contract', () => {
  it('has every method of the agreed Api, and a params schema for each method', () => {
    const design = [
      'feeds.list',
      'feeds.add',
      'feeds.update',
      'feeds.remove',
      'feeds.refresh',
      'feeds.discover',
      'feeds.importOpml',
      'feeds.exportOpml',
      'feeds.related',
      'articles.list',
      'articles.get',
      'articles.update',
      'articles.search',
      'articles.fetchFullText',
      'articles.save',
      'highlights.create',
      'highlights.update',
      'highlights.delete',
      'highlights.list',
      'notes.set',
      'export.markdown',
    ];
    expect(METHODS).toEqual(expect.arrayContaining(design));
    expect(Object.keys(paramsSchemas).sort()).toEqual([...METHODS].sort());
  });

  it.each([
    ['articles.get', { id: 'one' }, 'id'],
    ['articles.get', { id: -3 }, 'id'],
    ['articles.get', {}, 'id'],
    ['articles.list', { filter: 'everything' }, 'filter'],
    ['articles.list', { limit: 10_000 }, 'limit'],
    ['articles.update', { id: 1, read: 'yes' }, 'read'],
    ['feeds.add', { url: 'javascript:alert(1)' }, 'url'],
    ['feeds.add', { url: 'file:///etc/passwd' }, 'url'],
    ['articles.search', { query: '   ' }, 'query'],
    [
      'highlights.create',
      { articleId: 1, exact: 'x', prefix: '', suffix: '', start: 5, end: 2 },
      'end',
    ],
    ['feeds.list', { surprise: true }, ''],
  ] as const)('%s refuses %j with BAD_REQUEST naming %s', (method, params, path) => {
    let error: unknown;
    try {
      parseParams(method, params);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('BAD_REQUEST');
    expect((error as ApiError).message).toContain(method);
    if (path) expect((error as ApiError).message).toContain(path);
  });

  it('accepts good params and fills nothing in silently', () => {
    expect(parseParams('articles.list', { filter: 'unread', limit: 20 })).toEqual({
      filter: 'unread',
      limit: 20,
    });
    expect(parseParams('feeds.list', undefined)).toEqual({});
    expect(parseParams('feeds.add', { url: ' https://example.com/feed ' })).toEqual({
      url: 'https://example.com/feed',
    });
  });
});

describe('the dispatcher', () => {
  const app = openApp({ fetch: loopbackFetch, dataDir: tempDir(), resourcesDir: RESOURCES_DIR });
  const dispatch = createDispatcher(app.api);
  afterAll(() => app.close());

  it('answers an unknown method with UNKNOWN_METHOD and never throws', async () => {
    expect(await dispatch('articles.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('answers params that are not an object with BAD_REQUEST', async () => {
    for (const params of [null, 'x', [1], 7]) {
      expect(await dispatch('articles.list', params)).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
    }
  });

  it('answers a missing article with NOT_FOUND', async () => {
    expect(await dispatch('articles.get', { id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('has an implementation for every method of the contract', () => {
    for (const method of METHODS) expect(typeof app.api[method], method).toBe('function');
  });

  it('runs a good call', async () => {
    const outcome = await dispatch('articles.list', { filter: 'all' });
    expect(outcome.ok).toBe(true);
  });

  it('marks an article read and starred and emits articles.changed', async () => {
    const seen: string[] = [];
    const off = app.events.on((e) => seen.push(e.type));
    const list = await app.api['articles.list']({});
    const id = list.items[0]!.id;
    const updated = await app.api['articles.update']({ id, read: true, starred: true });
    expect(updated.readAt).not.toBeNull();
    expect(updated.starredAt).not.toBeNull();
    expect(seen).toEqual(['articles.changed']);
    off();
  });
});
