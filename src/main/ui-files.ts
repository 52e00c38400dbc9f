/**
 * What both transports need to serve the built renderer: its Content-Security-Policy, MIME
 * types, and the mapping of a URL path to a file that can never leave the renderer folder.
 * Used by the Electron app:// protocol (shell/protocol.ts) and browser mode (browser/).
 */
import { isAbsolute, relative, resolve, sep, extname } from 'node:path';

/**
 * Returns the CSP of every UI page: scripts only from the app itself (no inline script, no
 * eval), no plugins, forms or <base>. Images may come from the web (feed content), from kept
 * assets (`/assets/<id>`, same-origin in both modes) and data: URLs; frames only from the video
 * players the sanitizer keeps. With `blockRemote` (the "block remote content" setting) images
 * and media come only from the app itself and no frame loads: the second guard beside the HTML
 * articles.get gives (docs/technotes/offline-reading.md). Inline styles are allowed: Svelte
 * templates and sanitized article HTML carry style attributes, which cannot run code.
 */
export function uiContentSecurityPolicy({ blockRemote }: { blockRemote: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    blockRemote ? "img-src 'self' data:" : "img-src 'self' data: https: http:",
    "font-src 'self'",
    "connect-src 'self'",
    blockRemote ? "media-src 'self'" : "media-src 'self' https: http:",
    "object-src 'none'",
    // Only the video players the sanitizer keeps (sandboxed iframes, docs/technotes/sanitizing.md).
    blockRemote ? "frame-src 'none'" : `frame-src ${PLAYER_ORIGINS}`,
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const PLAYER_ORIGINS =
  'https://www.youtube-nocookie.com https://www.youtube.com https://youtube.com https://player.vimeo.com';

/** The CSP of a stored asset: data, never a document, so a stored SVG cannot run as a page. */
export const ASSET_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; sandbox";

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Returns the MIME type served for a file name (application/octet-stream when unknown). */
export function mimeType(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `rootDir` (`/` is index.html), or null when the path is not
 * acceptable: any `..` segment (raw or percent-encoded), a backslash, a NUL, or a result outside
 * the root.
 */
export function resolveUiPath(rootDir: string, urlPathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  if (segments.length === 0) segments.push('index.html');
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return null;
  }
  return file;
}
