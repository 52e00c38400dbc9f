import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioApp } from '../../src/main/core/app';
import type { BrowserServer } from '../../src/main/browser/server';
import { rawRequest } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';
import { serveApp, type ServedApp } from '../helpers/served-app';

const TOKEN = 'test-token-123';

describe('browser mode over HTTP', () => {
  let served: ServedApp;
  let app: FolioApp;
  let server: BrowserServer;
  const dir = tempDir();
  const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
  const call = (method: string, params: unknown, headers: Record<string, string> = auth) =>
    rawRequest(server.port, `/api/${method}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(params),
    });

  beforeAll(async () => {
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
    served = await serveApp(dir, TOKEN, { scheduleRefresh: true });
    ({ app, server } = served);
  });
  afterAll(() => served.close());

  it('prints a URL on 127.0.0.1 with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it('answers a call with the token with the seed', async () => {
    const res = await call('articles.list', {});
    expect(res.status).toBe(200);
    const page = res.json() as { items: { title: string }[] };
    expect(page.items[0]?.title).toMatch(/^Putin's Landmark Visit to Harbin/);
  });

  it('refuses a call without the token with 401', async () => {
    const res = await call('articles.list', {}, { 'Content-Type': 'application/json' });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses a wrong token, in the header or the cookie', async () => {
    expect((await call('feeds.list', {}, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await call('feeds.list', {}, { Cookie: 'folio_token=nope' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) with 403, even with the token', async () => {
    const res = await call('articles.list', {}, { ...auth, Host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('refuses a foreign Origin with 403, even with the token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      const res = await call('articles.list', {}, { ...auth, Origin: origin });
      expect(res.status).toBe(403);
    }
    expect(
      (await call('articles.list', {}, { ...auth, Origin: `http://localhost:${server.port}` }))
        .status,
    ).toBe(200);
  });

  it('answers bad params with 400 and a code', async () => {
    const res = await call('articles.get', { id: 'x' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('id') },
    });
    const notJson = await rawRequest(server.port, '/api/articles.list', {
      method: 'POST',
      headers: auth,
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    const formPost = await rawRequest(server.port, '/api/articles.list', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(formPost.status).toBe(400);
  });

  it('answers a body over 25 MB with 422 TOO_LARGE, not as a crash', async () => {
    const res = await call('feeds.importOpml', { xml: 'x'.repeat(26 * 1024 * 1024) });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'TOO_LARGE' } });
    expect((await call('feeds.list', {})).status).toBe(200);
  });

  it('answers an unknown method with 404 and a missing article with 404', async () => {
    const unknown = await call('articles.nuke', {});
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
    const missing = await call('articles.get', { id: 424242 });
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('trades ?token= for an HttpOnly SameSite=Strict cookie and a clean URL', async () => {
    const res = await rawRequest(server.port, `/?token=${TOKEN}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`folio_token=${TOKEN}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const withCookie = await call(
      'feeds.list',
      {},
      { Cookie: `folio_token=${TOKEN}`, 'Content-Type': 'application/json' },
    );
    expect(withCookie.status).toBe(200);
    expect((await rawRequest(server.port, '/?token=wrong')).status).toBe(401);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await rawRequest(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const res = await rawRequest(server.port, path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });

  it('serves stored assets only with the token', async () => {
    const store = (await import('../../src/main/core/storage/store')).Store.open(app.databasePath);
    const id = store.assets.put(
      'https://example.com/a.png',
      'image/png',
      Buffer.from([137, 80, 78, 71]),
    );
    store.close();
    expect((await rawRequest(server.port, `/assets/${id}`)).status).toBe(401);
    const res = await rawRequest(server.port, `/assets/${id}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(
      (
        await rawRequest(server.port, '/assets/999', {
          headers: { Authorization: `Bearer ${TOKEN}` },
        })
      ).status,
    ).toBe(404);
  });

  it('pushes events to /api/events subscribers', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { Authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('data: ')) {
              req.destroy();
              resolve(text);
            }
          });
          setTimeout(() => app.events.emit('feeds.changed', { feedIds: [7] }), 50);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"type":"feeds.changed","data":{"feedIds":[7]}}');
  });
});

describe('the UI page CSP', () => {
  it('is, with remote content allowed, the renderer meta tag’s (less frame-ancestors)', async () => {
    const { readFileSync } = await import('node:fs');
    const { uiContentSecurityPolicy } = await import('../../src/main/ui-files');
    const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const header = uiContentSecurityPolicy({ blockRemote: false })
      .split('; ')
      .filter((d: string) => !d.startsWith('frame-ancestors'));
    expect(meta?.split('; ')).toEqual(header);
  });

  it('with remote content blocked, allows images and media only from the app itself', async () => {
    const { uiContentSecurityPolicy } = await import('../../src/main/ui-files');
    const csp = uiContentSecurityPolicy({ blockRemote: true }).split('; ');
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("media-src 'self'");
    expect(csp).toContain("frame-src 'none'");
    expect(csp.join('; ')).not.toMatch(/https?:/);
  });
});

describe('settings in browser mode', () => {
  let served: ServedApp;
  let app: FolioApp;
  let server: BrowserServer;
  const dir = tempDir();
  const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
  const call = (method: string, params: unknown) =>
    rawRequest(server.port, `/api/${method}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(params),
    });
  const pageCsp = async () =>
    String(
      (await rawRequest(server.port, '/', { headers: auth })).headers['content-security-policy'],
    );

  beforeAll(async () => {
    served = await serveApp(dir, TOKEN);
    ({ app, server } = served);
  });
  afterAll(() => served.close());

  it('reads and changes the settings, telling every window', async () => {
    expect((await call('settings.get', {})).json()).toEqual({
      keepImages: true,
      blockRemoteContent: false,
      retentionDays: 90,
    });
    const seen: unknown[] = [];
    const off = app.events.on((e) => seen.push(e));
    const res = await call('settings.update', { blockRemoteContent: true, retentionDays: 30 });
    off();
    expect(res.json()).toEqual({ keepImages: true, blockRemoteContent: true, retentionDays: 30 });
    expect(seen).toEqual([{ type: 'settings.changed', data: res.json() }]);
    expect((await call('settings.update', { retentionDays: -1 })).status).toBe(400);
    await call('settings.update', { blockRemoteContent: false });
  });

  it('sends the page CSP of the current setting with each page load', async () => {
    expect(await pageCsp()).toContain("img-src 'self' data: https: http:");
    await call('settings.update', { blockRemoteContent: true });
    expect(await pageCsp()).toContain("img-src 'self' data:;");
    expect(await pageCsp()).toContain("media-src 'self';");
    await call('settings.update', { blockRemoteContent: false });
    expect(await pageCsp()).toContain('https://player.vimeo.com');
  });
});
