/**
 * Browser mode (`npm run serve`): the same core and renderer as the desktop app, served over
 * HTTP on 127.0.0.1 (docs/technotes/browser-mode.md). Environment: FOLIO_DATA_DIR,
 * FOLIO_PORT (0 = a free port), FOLIO_TOKEN (random by default), FOLIO_REFRESH=off.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openApp } from './core/app';
import { defaultDataDir } from './core/data-dir';
import { startBrowserServer } from './browser/server';

const DEFAULT_PORT = 4777;

async function main(): Promise<void> {
  const env = process.env;
  const port =
    env.FOLIO_PORT === undefined || env.FOLIO_PORT === '' ? DEFAULT_PORT : Number(env.FOLIO_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`FOLIO_PORT must be a port number (0 for a free one), not ${env.FOLIO_PORT}`);
  }
  const token = env.FOLIO_TOKEN || randomBytes(24).toString('base64url');
  const dataDir = env.FOLIO_DATA_DIR || defaultDataDir();
  const app = openApp({
    dataDir,
    resourcesDir: join(__dirname, '../../resources'),
    scheduleRefresh: env.FOLIO_REFRESH !== 'off',
  });
  let server;
  try {
    server = await startBrowserServer(
      { app, token, staticDir: join(__dirname, '../renderer') },
      port,
    );
  } catch (error) {
    app.close();
    throw error;
  }
  console.log(`Folio is serving ${server.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[serve] ${signal}: closing`);
    server
      .close()
      .finally(() => {
        app.close();
        process.exit(0);
      })
      .catch(() => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Folio could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
