/**
 * The two custom schemes of the desktop app. `app://folio/…` serves the built renderer (instead
 * of file://, which would give the page a null origin and the whole disk as its neighbourhood) and
 * `folio-asset://asset/<id>` serves images kept for offline reading from the database.
 * The handlers are plain `Request -> Response` functions so tests can call them directly.
 */
import { readFile, stat } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import type { FolioApp } from '../core/app';
import {
  ASSET_CONTENT_SECURITY_POLICY,
  mimeType,
  resolveUiPath,
  UI_CONTENT_SECURITY_POLICY,
} from '../ui-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'folio';
/** The origin of the UI; the only origin trusted to call the Api over IPC. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
export const ASSET_SCHEME = 'folio-asset';
const ASSET_HOST = 'asset';

/** The schemes to register before `app` is ready. Neither bypasses the CSP. */
export function privilegedSchemes(): CustomScheme[] {
  return [
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ];
}

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff' };

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
  });
}

/** Returns the handler of app://folio/… serving the files of `rendererDir`. */
export function createAppProtocolHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
    // The raw path is checked as well: URL parsing already folds plain `..` segments away.
    const rawPath = request.url.slice(APP_ORIGIN.length).split(/[?#]/)[0] ?? '';
    if (/(^|\/|\\)(\.|%2e){2}(\/|\\|$)/i.test(rawPath)) return plain(403, 'Forbidden');
    const file = resolveUiPath(rendererDir, url.pathname);
    if (!file) return plain(403, 'Forbidden');
    try {
      if (!(await stat(file)).isFile()) return plain(404, 'Not found');
      const body = await readFile(file);
      const type = mimeType(file);
      const headers: Record<string, string> = { 'Content-Type': type, ...SECURITY_HEADERS };
      if (type.startsWith('text/html'))
        headers['Content-Security-Policy'] = UI_CONTENT_SECURITY_POLICY;
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return plain(404, 'Not found');
    }
  };
}

/** Returns the URL at which the window loads the stored asset `id`. */
export function assetUrl(id: number): string {
  return `${ASSET_SCHEME}://${ASSET_HOST}/${id}`;
}

/** Returns the handler of folio-asset://asset/<id> reading kept images from the core. */
export function createAssetProtocolHandler(
  core: Pick<FolioApp, 'readAsset'>,
): (request: Request) => Response {
  return (request) => {
    const url = new URL(request.url);
    const match = /^\/(\d{1,15})$/.exec(url.pathname);
    if (url.protocol !== `${ASSET_SCHEME}:` || url.host !== ASSET_HOST || !match) {
      return plain(404, 'Not found');
    }
    const asset = core.readAsset(Number(match[1]));
    if (!asset) return plain(404, 'Not found');
    return new Response(new Uint8Array(asset.data), {
      status: 200,
      headers: {
        'Content-Type': asset.type || 'application/octet-stream',
        // An asset is data, never a document: a stored SVG or HTML must not run as a page.
        'Content-Security-Policy': ASSET_CONTENT_SECURITY_POLICY,
        'Cache-Control': 'private, max-age=31536000, immutable',
        ...SECURITY_HEADERS,
      },
    });
  };
}
