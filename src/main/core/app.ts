/**
 * The composition root: opens the database, imports the seed on first start, builds the
 * services and returns the Api with its dispatcher and event hub. It knows nothing of how it is
 * called: the Electron shell (index.ts) and browser mode (serve.ts) both start here.
 */
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Api } from '../../shared/contract';
import type { Envelope } from '../../shared/bridge';
import { Store } from './storage/store';
import { EventHub } from './events';
import { importSeedOnce } from './library/seed';
import { buildApi } from './api/build-api';
import { createDispatcher } from './api/dispatch';
import { Refresher } from './library/refresh/refresher';
import { PipelinePool } from './feeds/pipeline-pool';
import { RefreshScheduler } from './library/refresh/scheduler';
import { libraryContext } from './library/library-context';
import { createNet } from './net/net';
import type { FetchFunction } from './net/fetch-bytes';
import { OfflineQueue } from './library/offline/offline-queue';
import { readSettings } from './library/settings';
import type { Settings } from '../../shared/model';
import { RetentionScheduler } from './library/offline/retention-scheduler';
import type { ChooseFolder } from './library/annotations/export-folder';
import { ReaderPool } from './library/readers/reader-pool';
import { routedApi } from './api/routed-api';
import { checkpointOnThreads } from './library/readers/checkpoints';
import { WriteGate } from './library/write-gate';

/** Where the app keeps its data and finds what it ships. */
export interface AppOptions {
  /** The folder holding `folio.db`; created when missing. */
  dataDir: string;
  /** The database file; `dataDir/folio.db` by default, `:memory:` for tests of the whole core. */
  databaseFile?: string;
  /** The `resources/` folder (the seed lives in `resources/seed/`). */
  resourcesDir: string;
  /** Path to a better-sqlite3 binary built for this runtime (Electron's ABI); Node's by default. */
  nativeBinding?: string;
  /** Refresh due feeds in the background (default true; FOLIO_REFRESH=off turns it off). */
  scheduleRefresh?: boolean;
  /** Asks the user for a folder (the desktop shell's dialog), for export.toFolder. */
  chooseFolder?: ChooseFolder;
  /**
   * Every request the core makes goes through this function: Node's global fetch by default;
   * the desktop shell can hand in Electron's net.fetch (system proxy and certificates), and
   * tests can count or refuse requests.
   */
  fetch?: FetchFunction;
  /**
   * The built reader-worker.js the long reads run in (default: beside the app's own files). No
   * reader threads when it is missing (vitest runs the sources) or the database is `:memory:`.
   */
  readerWorker?: string;
  /** The built pipeline-worker.js feeds are parsed in (default: beside the app's own files). */
  pipelineWorker?: string;
}

/** A running core: the Api, a dispatcher for untrusted calls, events, assets, and close. */
export interface FolioApp {
  readonly api: Api;
  /** Validates an untrusted (method, params) pair and runs it; never throws. */
  dispatch(method: unknown, params: unknown): Promise<Envelope>;
  readonly events: EventHub;
  /** Returns a stored asset (an image kept for offline reading) or null. */
  readAsset(id: number): { type: string; data: Buffer } | null;
  /** Returns the current settings (browser mode reads blockRemoteContent per page load). */
  settings(): Settings;
  /** The database file in use. */
  readonly databasePath: string;
  /** Closes the database; the app must not be used afterwards. */
  close(): void;
}

/** The database file name inside the data folder. */
export const DATABASE_FILE = 'folio.db';

/**
 * Opens the app's data and returns the running core. Throws StorageError (code DB_DAMAGED or
 * DB_TOO_NEW) when the database cannot be used; the file is then left exactly as it was.
 */
export function openApp(options: AppOptions): FolioApp {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = options.databaseFile ?? join(options.dataDir, DATABASE_FILE);
  const store = Store.open(databasePath, { nativeBinding: options.nativeBinding });
  try {
    const seedText = readFileSync(join(options.resourcesDir, 'seed', 'harbin-visit.txt'), 'utf8');
    importSeedOnce(store, seedText);
  } catch (error) {
    store.close();
    throw error;
  }
  const events = new EventHub();
  const gate = new WriteGate();
  const net = createNet(options.fetch ?? globalThis.fetch);
  const offline = new OfflineQueue({ store, events, get: net.get });
  // Built beside index.js and serve.js (electron.vite.config.ts keeps main's chunks there too);
  // under vitest there is no such file and the pool parses in-process.
  const pipeline = new PipelinePool({
    workerScript: options.pipelineWorker ?? join(__dirname, 'pipeline-worker.js'),
  });
  const refresher = new Refresher({
    store,
    events,
    net,
    parse: pipeline.parse,
    onArticlesStored: offline.articlesStored,
    gate,
  });
  const scheduler = new RefreshScheduler(store, refresher);
  const retention = new RetentionScheduler(store, events, Date.now, gate);
  if (options.scheduleRefresh !== false) {
    scheduler.start();
    retention.start();
  }
  const { chooseFolder } = options;
  const context = libraryContext({ store, events, net, refresher, offline, gate, chooseFolder });
  // Long reads on reader threads beside the writer (null for :memory: and under vitest).
  const readers = ReaderPool.create({
    workerScript: options.readerWorker ?? join(__dirname, 'reader-worker.js'),
    file: databasePath,
    nativeBinding: options.nativeBinding,
  });
  const api = routedApi(buildApi(context), readers, { store, gate, discover: context.discover });
  const stopCheckpoints = readers ? checkpointOnThreads(store, readers) : () => {};
  return {
    api,
    dispatch: createDispatcher(api),
    events,
    readAsset: (id) => store.assets.get(id),
    settings: () => readSettings(store),
    databasePath,
    close: () => {
      // Stops at once: nothing of the queue is written after this (running jobs see the signal).
      void offline.close();
      void scheduler.stop();
      retention.stop();
      refresher.close();
      void pipeline.close();
      stopCheckpoints();
      void readers?.close();
      // The reader threads still hold their connections for a moment, so closing the writer
      // would not empty the WAL: a last checkpoint does (the file is whole on its own).
      if (readers) store.maintenance.checkpoint('TRUNCATE');
      store.close();
    },
  };
}
