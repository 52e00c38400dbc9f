/**
 * Where the desktop app finds better-sqlite3 built for Electron's ABI. It lives apart from the
 * Node build in node_modules (which the tests use), so `npm test` and `npm start` never rebuild
 * each other's copy. `scripts/electron-native.mjs` (run by `npm start`) puts it there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Returns `native/electron-<version>/better_sqlite3.node` under the app root. */
function electronNativeBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/**
 * Returns the binary to load under Electron, or undefined outside Electron (plain Node then
 * uses the package's own build). Throws a clear Error when the Electron build is missing.
 */
export function resolveNativeBinding(
  appRoot: string,
  electronVersion: string | undefined,
): string | undefined {
  if (!electronVersion) return undefined;
  const path = electronNativeBindingPath(appRoot, electronVersion);
  if (existsSync(path)) return path;
  throw new Error(
    `The database engine for Electron ${electronVersion} is missing:\n${path}\n\n` +
      'Build it with `node scripts/electron-native.mjs` (`npm start` runs it), then start Folio again.',
  );
}
