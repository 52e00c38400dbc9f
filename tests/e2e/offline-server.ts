/**
 * The web of the offline-reading end-to-end tests: an HTTP server on 127.0.0.1 (free port)
 * serving the Harbour Gazette feed, the article pages it links to, a page to save, and their
 * images, all from tests/fixtures/e2e/offline/. It records every path asked for, so a test can
 * tell whether the app went to the web, and can be stopped to play "no network".
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const DIR = join(__dirname, '..', 'fixtures', 'e2e', 'offline');
const read = (name: string) => readFileSync(join(DIR, name));

/** Path → [file, type]. `{{origin}}` in the feed becomes the server's origin. */
const ROUTES: Record<string, [string, string]> = {
  '/harbour-gazette.xml': ['harbour-gazette.xml', 'application/rss+xml; charset=utf-8'],
  '/articles/lighthouse.html': ['lighthouse.html', 'text/html; charset=utf-8'],
  '/saved/night-ferry.html': ['night-ferry.html', 'text/html; charset=utf-8'],
  '/images/lighthouse-dusk.jpg': ['lighthouse-dusk.jpg', 'image/jpeg'],
  '/images/keepers-chart.png': ['keepers-chart.png', 'image/png'],
  '/images/ferry-map.png': ['ferry-map.png', 'image/png'],
};

/** The running server. */
export interface OfflineWeb {
  origin: string;
  feedUrl: string;
  /** The lighthouse article's page (two images: a JPEG and a PNG). */
  articleUrl: string;
  /** A page to keep with "Save a page". */
  savePageUrl: string;
  /** The image only the ferries article shows, in its feed text. */
  remoteImageUrl: string;
  /** Every path requested so far, in order. */
  paths: string[];
  /** Wait this long before answering an HTML page (to see "Fetching the page…"). */
  pageDelayMs: number;
  close(): Promise<void>;
}

/** Starts the server. */
export async function startOfflineWeb(): Promise<OfflineWeb> {
  const state = { paths: [] as string[], pageDelayMs: 0, origin: '' };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    state.paths.push(path);
    const route = ROUTES[path];
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const [file, type] = route;
    let body: Buffer | string = read(file);
    if (file.endsWith('.xml')) body = body.toString('utf8').replaceAll('{{origin}}', state.origin);
    const delay = type.startsWith('text/html') ? state.pageDelayMs : 0;
    setTimeout(() => res.writeHead(200, { 'Content-Type': type }).end(body), delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const origin = state.origin;
  const handle = {
    feedUrl: `${origin}/harbour-gazette.xml`,
    articleUrl: `${origin}/articles/lighthouse.html`,
    savePageUrl: `${origin}/saved/night-ferry.html`,
    remoteImageUrl: `${origin}/images/ferry-map.png`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return Object.assign(state, handle) as OfflineWeb;
}
