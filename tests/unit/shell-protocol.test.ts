import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openApp, type FolioApp } from '../../src/main/core/app';
import { Store } from '../../src/main/core/storage/store';
import { createAppProtocolHandler, privilegedSchemes } from '../../src/main/shell/protocol';
import { mimeType, resolveUiPath } from '../../src/main/ui-files';
import { loopbackFetch } from '../helpers/net';

const RESOURCES = join(__dirname, '../../resources');
let root: string;
let rendererDir: string;
let serveApp: (request: Request) => Promise<Response>;
let appCore: FolioApp;
let pngId: number;
const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'folio-protocol-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  const dataDir = join(root, 'data');
  openApp({
    fetch: loopbackFetch,
    dataDir,
    resourcesDir: RESOURCES,
    scheduleRefresh: false,
  }).close();
  const store = Store.open(join(dataDir, DATABASE_FILE));
  pngId = store.assets.put('https://example.com/p.png', 'image/png', Buffer.from(PNG_BYTES));
  store.close();
  appCore = openApp({
    fetch: loopbackFetch,
    dataDir,
    resourcesDir: RESOURCES,
    scheduleRefresh: false,
  });
  serveApp = createAppProtocolHandler(rendererDir, appCore);
});
afterAll(() => {
  appCore.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string): Promise<Response> => serveApp(new Request(url));

describe('app:// protocol', () => {
  it('serves index.html with a strict CSP header', async () => {
    for (const url of ['app://folio/index.html', 'app://folio/']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(await response.text()).toContain('<title>Folio</title>');
    }
  });

  it('serves stored images at /assets/<id>, same-origin with the page, as inert data', async () => {
    const response = await get(`app://folio/assets/${pngId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual(PNG_BYTES);
    expect((await get(`app://folio/assets/${pngId + 1000}`)).status).toBe(404);
    expect((await get('app://folio/assets/12abc')).status).toBe(404);
    expect((await get(`app://evil/assets/${pngId}`)).status).toBe(404);
  });

  it('sends the page CSP of the current "block remote content" setting', async () => {
    const csp = async () =>
      (await get('app://folio/index.html')).headers.get('content-security-policy') ?? '';
    expect(await csp()).toContain("img-src 'self' data: https: http:");
    await appCore.api['settings.update']({ blockRemoteContent: true });
    expect(await csp()).toContain("img-src 'self' data:;");
    expect(await csp()).toContain("media-src 'self';");
    expect(await csp()).toContain("frame-src 'none'");
    await appCore.api['settings.update']({ blockRemoteContent: false });
    expect(await csp()).toContain('https://player.vimeo.com');
  });

  it('serves scripts and styles with their MIME types', async () => {
    const js = await get('app://folio/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(js.headers.get('content-security-policy')).toBeNull();
    expect((await get('app://folio/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect(mimeType('a.woff2')).toBe('font/woff2');
    expect(mimeType('a.unknown')).toBe('application/octet-stream');
  });

  it('refuses path traversal in every spelling', async () => {
    for (const url of [
      'app://folio/../secret.txt',
      'app://folio/assets/../../secret.txt',
      'app://folio/%2e%2e/secret.txt',
      'app://folio/%2E%2E%2Fsecret.txt',
      'app://folio/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://folio/..%5csecret.txt',
      'app://folio/%5c..%5csecret.txt',
      'app://folio/assets%00.js',
    ]) {
      const response = await get(url);
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    expect(resolveUiPath(rendererDir, '/../secret.txt')).toBeNull();
    expect(resolveUiPath(rendererDir, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveUiPath(rendererDir, '/assets/x.js')).toBe(join(rendererDir, 'assets', 'x.js'));
  });

  it('answers 404 for missing files, directories and foreign hosts, 405 for writes', async () => {
    expect((await get('app://folio/nope.html')).status).toBe(404);
    expect((await get('app://folio/assets')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await serveApp(new Request('app://folio/index.html', { method: 'POST' }))).status).toBe(
      405,
    );
  });

  it('registers app: as its one scheme, standard and secure, not bypassing the CSP', () => {
    const schemes = privilegedSchemes();
    expect(schemes.map((s) => s.scheme)).toEqual(['app']);
    for (const s of schemes) {
      expect(s.privileges).toMatchObject({ standard: true, secure: true });
      expect(s.privileges?.bypassCSP).toBeUndefined();
    }
  });
});
