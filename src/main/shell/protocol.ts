/**
 * The custom scheme of the desktop app. `app://folio/…` serves the built renderer (instead of
 * file://, which would give the page a null origin and the whole disk as its neighbourhood) and,
 * at `app://folio/assets/<id>`, the images kept for offline reading from the database: the same
 * path as browser mode, so the reader's `/assets/<id>` URLs are same-origin in both
 * (docs/technotes/offline-reading.md).
 * The handlers are plain `Request -> Response` functions so tests can call them directly.
 */
import { readFile, stat } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import type { FolioApp } from '../core/app';
import {
  ASSET_CONTENT_SECURITY_POLICY,
  mimeType,
  resolveUiPath,
  uiContentSecurityPolicy,
} from '../ui-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'folio';
/** The origin of the UI; the only origin trusted to call the Api over IPC. */
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The schemes to register before `app` is ready. None bypasses the CSP. */
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
  ];
}

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff' };

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
  });
}

/** What the app:// handler reads from the core: stored assets and the current settings. */
export type AppProtocolCore = Pick<FolioApp, 'readAsset' | 'settings'>;

/**
 * Returns the handler of app://folio/… serving the files of `rendererDir`, and stored assets
 * at `/assets/<id>` (the renderer's own files live under `static/`, never a bare number).
 */
export function createAppProtocolHandler(
  rendererDir: string,
  core: AppProtocolCore,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
    // The raw path is checked as well: URL parsing already folds plain `..` segments away.
    const rawPath = request.url.slice(APP_ORIGIN.length).split(/[?#]/)[0] ?? '';
    if (/(^|\/|\\)(\.|%2e){2}(\/|\\|$)/i.test(rawPath)) return plain(403, 'Forbidden');
    const asset = /^\/assets\/(\d{1,15})$/.exec(url.pathname);
    if (asset) return assetResponse(core.readAsset(Number(asset[1])), request.method);
    const file = resolveUiPath(rendererDir, url.pathname);
    if (!file) return plain(403, 'Forbidden');
    try {
      if (!(await stat(file)).isFile()) return plain(404, 'Not found');
      const body = await readFile(file);
      const type = mimeType(file);
      const headers: Record<string, string> = { 'Content-Type': type, ...SECURITY_HEADERS };
      if (type.startsWith('text/html')) {
        // Per page load: "block remote content" applies from the next reload of the window.
        const blockRemote = core.settings().blockRemoteContent;
        headers['Content-Security-Policy'] = uiContentSecurityPolicy({ blockRemote });
      }
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return plain(404, 'Not found');
    }
  };
}

/** Returns a stored asset as a response (404 when there is none). */
function assetResponse(asset: ReturnType<FolioApp['readAsset']>, method: string = 'GET'): Response {
  if (!asset) return plain(404, 'Not found');
  return new Response(method === 'HEAD' ? null : new Uint8Array(asset.data), {
    status: 200,
    headers: {
      'Content-Type': asset.type || 'application/octet-stream',
      // An asset is data, never a document: a stored SVG or HTML must not run as a page.
      'Content-Security-Policy': ASSET_CONTENT_SECURITY_POLICY,
      'Cache-Control': 'private, max-age=31536000, immutable',
      ...SECURITY_HEADERS,
    },
  });
}
