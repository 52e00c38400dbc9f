/**
 * The core served in browser mode on a free port of 127.0.0.1, as `npm run serve` serves it, for
 * tests that talk to it over real HTTP. Its renderer folder holds one index.html.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, type AppOptions, type FolioApp } from '../../src/main/core/app';
import { startBrowserServer, type BrowserServer } from '../../src/main/browser/server';
import { loopbackFetch } from './net';
import { RESOURCES_DIR } from './temp-dir';

/** A running core, the server in front of it, and how to stop both. */
export interface ServedApp {
  app: FolioApp;
  server: BrowserServer;
  close(): Promise<void>;
}

/**
 * Opens the core with its data in `dir/data` (the tests' loopback-only fetch, no background
 * refresh, unless `options` say otherwise) and serves it with `token`, the renderer from
 * `dir/renderer`.
 */
export async function serveApp(
  dir: string,
  token: string,
  options: Partial<AppOptions> = {},
): Promise<ServedApp> {
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Folio</title>');
  const app = openApp({
    fetch: loopbackFetch,
    dataDir: join(dir, 'data'),
    resourcesDir: RESOURCES_DIR,
    scheduleRefresh: false,
    ...options,
  });
  const server = await startBrowserServer({ app, token, staticDir }, 0);
  return {
    app,
    server,
    close: async () => {
      await server.close();
      app.close();
    },
  };
}
