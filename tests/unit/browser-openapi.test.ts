import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserServer } from '../../src/main/browser/server';
import type { OpenApiDocument } from '../../src/main/browser/openapi';
import { TOKEN_COOKIE } from '../../src/main/browser/guard';
import { METHODS } from '../../src/shared/methods';
import { ERROR_STATUS } from '../../src/shared/errors';
import { version } from '../../package.json';
import { rawRequest } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';
import { serveApp, type ServedApp } from '../helpers/served-app';

const TOKEN = 'openapi-token';

describe('GET /api/openapi.json in browser mode', () => {
  let served: ServedApp;
  let server: BrowserServer;
  let doc: OpenApiDocument;
  const dir = tempDir();
  const get = (headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) =>
    rawRequest(server.port, '/api/openapi.json', { headers });

  beforeAll(async () => {
    served = await serveApp(dir, TOKEN, { databaseFile: ':memory:' });
    server = served.server;
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    doc = res.json() as OpenApiDocument;
  });
  afterAll(() => served.close());

  it('needs the token like every /api route, and passes the Host and Origin guard', async () => {
    const denied = await get({});
    expect(denied.status).toBe(401);
    expect(denied.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect((await get({ Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get({ Cookie: `${TOKEN_COOKIE}=${TOKEN}` })).status).toBe(200);
    const rebound = await get({ Authorization: `Bearer ${TOKEN}`, Host: 'evil.example' });
    expect(rebound.status).toBe(403);
    const foreign = await get({ Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('is read with GET only, and answers the same document each time', async () => {
    const posted = await rawRequest(server.port, '/api/openapi.json', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(posted.status).toBe(400);
    expect((await get()).json()).toEqual(doc);
  });

  it('is OpenAPI 3.1 with the app version and a bearer token scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(version);
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.components.securitySchemes.tokenCookie).toMatchObject({ name: TOKEN_COOKIE });
    expect(doc.security).toEqual([{ bearerToken: [] }, { tokenCookie: [] }]);
  });

  it('has one POST path per method, grouped by a declared tag, and nothing else under /api', () => {
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const method of METHODS) {
      const op = doc.paths[`/api/${method}`]?.post;
      expect(op, method).toBeDefined();
      expect(op?.operationId).toBe(method);
      expect(tags.has(op?.tags?.[0] ?? ''), method).toBe(true);
      expect(op?.responses['200']?.content?.['application/json']?.schema, method).toBeDefined();
    }
    const apiPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/'));
    expect(apiPaths.sort()).toEqual(
      [...METHODS.map((m) => `/api/${m}`), '/api/events', '/api/openapi.json'].sort(),
    );
  });

  it('gives feeds.add a params schema that requires an http(s) url and refuses other keys', () => {
    const body = doc.paths['/api/feeds.add']?.post?.requestBody;
    expect(body?.required).toBe(true);
    const schema = body?.content['application/json']?.schema;
    expect(schema).toMatchObject({
      type: 'object',
      required: ['url'],
      additionalProperties: false,
      properties: { url: { type: 'string', format: 'uri', maxLength: 4096 } },
    });
    expect(schema?.properties?.folder).toMatchObject({ type: 'string', maxLength: 200 });
    expect(doc.paths['/api/feeds.list']?.post?.requestBody?.required).toBe(false);
  });

  it('refers results to shared components, and error responses to ErrorBody by status', () => {
    const list = doc.paths['/api/feeds.list']?.post?.responses['200'];
    expect(list?.content?.['application/json']?.schema).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/Feed' },
    });
    expect(doc.components.schemas.Feed?.required).toContain('unreadCount');
    const responses = doc.paths['/api/feeds.add']?.post?.responses ?? {};
    expect(responses[String(ERROR_STATUS.CONFLICT)]?.description).toContain('CONFLICT');
    expect(responses['401']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ErrorBody',
    });
    // Every $ref points at a component that exists.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
      expect(name && doc.components.schemas[name], ref).toBeTruthy();
    }
  });

  it('describes the event stream with one FolioEvent per event name', () => {
    const events = doc.components.schemas.FolioEvent?.oneOf ?? [];
    const names = events.map((e) => (e as { properties: { type: { const: string } } }).properties);
    expect(names.map((p) => p.type.const)).toContain('articles.changed');
    expect(doc.paths['/api/events']?.get?.responses['200']?.content).toHaveProperty(
      'text/event-stream',
    );
  });
});
