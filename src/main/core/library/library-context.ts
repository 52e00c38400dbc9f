/**
 * What the services behind the Api share, built once by the composition root (app.ts) and handed
 * to api/build-api.ts, which thereby needs nothing below the library.
 */
import { pageFetcher, type PageFetcher } from '../content/fetch-page';
import type { EventHub } from '../events';
import { discoverFeeds } from '../feeds/discover';
import type { Net } from '../net/net';
import type { Store } from '../storage/store';
import type { ChooseFolder } from './annotations/export-folder';
import type { OfflineQueue } from './offline/offline-queue';
import type { DiscoverFeeds } from './related/related-discovery';
import type { Refresher } from './refresh/refresher';
import type { WriteGate } from './write-gate';

/** The parts the app makes. */
export interface LibraryParts {
  store: Store;
  events: EventHub;
  /** The app's way to the web; refreshes, discovery and full text go through it. */
  net: Net;
  refresher: Refresher;
  /** The background queue of full texts and images (offline.make waits on it). */
  offline: OfflineQueue;
  /** Where writers wait while the database is compacted on a reader thread. */
  gate: WriteGate;
  /** The desktop shell's folder dialog, for export.toFolder (absent in browser mode). */
  chooseFolder?: ChooseFolder;
}

/** The parts, and what the services derive from them once. */
export interface LibraryContext extends LibraryParts {
  /** Web pages (full text, saved pages) through the app's Net. */
  fetchPage: PageFetcher;
  /** Autodiscovery through the app's Net, within the limiter refreshes share. */
  discover: DiscoverFeeds;
}

/** Returns the context the services are built from. */
export function libraryContext(parts: LibraryParts): LibraryContext {
  return {
    ...parts,
    fetchPage: pageFetcher(parts.net.get),
    discover: (url) => discoverFeeds(url, parts.net),
  };
}
