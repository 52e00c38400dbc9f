/**
 * Playwright fixtures for browser mode. `folio` starts `out/main/serve.js` for one test with a
 * fresh data folder (FOLIO_PORT=0, a random FOLIO_TOKEN, FOLIO_REFRESH=off), gives the test
 * its token URL, then stops it and removes the folder. `requests` records every URL the page
 * asked for, so tests can check that nothing left 127.0.0.1; `pageErrors` collects uncaught
 * errors, console errors and failed (4xx/5xx) responses. Set `libraryExtras: true` (test.use)
 * to start with two more library articles.
 */
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addLibraryArticles } from './library-fixture';
import { startServe, type ServeHandle } from './serve-process';

/** What the `folio` fixture gives a test. */
export interface Folio extends ServeHandle {
  dataDir: string;
}

interface Fixtures {
  libraryExtras: boolean;
  folio: Folio;
  requests: string[];
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  libraryExtras: [false, { option: true }],

  folio: async ({ libraryExtras }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'folio-e2e-'));
    let serve: ServeHandle | undefined;
    try {
      if (libraryExtras) await addLibraryArticles(dataDir);
      serve = await startServe(dataDir);
      await use({ ...serve, dataDir });
    } finally {
      await serve?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },

  requests: async ({ page }, use) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await use(urls);
  },

  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
    });
    await use(errors);
  },
});

/**
 * Returns a fixture that starts one of the fixture web servers (feed-server.ts, offline-server.ts,
 * site-server.ts) for a test and closes it afterwards.
 */
export function serverFixture<S extends { close(): Promise<void> }>(start: () => Promise<S>) {
  // eslint-disable-next-line no-empty-pattern
  return async ({}, use: (server: S) => Promise<void>): Promise<void> => {
    const server = await start();
    await use(server);
    await server.close();
  };
}

/** Returns the URLs in `urls` that went anywhere but 127.0.0.1 (data: and blob: are local). */
export function foreignRequests(urls: string[]): string[] {
  return urls.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return hostname !== '127.0.0.1';
  });
}

export { expect };
