/**
 * The real core for the renderer's state tests: openApp on `:memory:` (no background refresh)
 * and the renderer's own client over it, wired as in Electron. A FolioBridge like the preload's
 * (one function per method, and onEvent) calls the core's dispatcher (allow-list, params
 * schemas, envelopes) and listens to its EventHub, cloning every value as IPC does; the
 * renderer's `connect(bridge)` turns it into the ApiClient the states get, so results and errors
 * go through `unwrapEnvelope` exactly as in the app. No part of Folio is replaced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type FolioApp } from '../../src/main/core/app';
import { connect, type Connection } from '../../src/renderer/src/lib/api';
import type { HashStore } from '../../src/renderer/src/lib/route';
import type { FolioBridge } from '../../src/shared/bridge';
import type { FolioEvent } from '../../src/shared/contract';
import { METHODS } from '../../src/shared/methods';
import { RESOURCES_DIR } from './temp-dir';
import { loopbackFetch } from './net';

/** A running core and the renderer's connection to it. */
export interface RendererCore {
  app: FolioApp;
  connection: Connection;
  /** Closes the core and deletes its data folder. */
  close(): void;
}

/** Opens a fresh core (the seed article in it) and returns it with a connection over IPC. */
export function openRendererCore(): RendererCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'folio-renderer-'));
  const app = openApp({
    fetch: loopbackFetch,
    dataDir,
    resourcesDir: RESOURCES_DIR,
    databaseFile: ':memory:',
    scheduleRefresh: false,
  });
  return {
    app,
    connection: connect(bridgeOver(app)),
    close: () => {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Returns what the preload would expose for `app`: the shell's IPC handler is the dispatcher, and
 * structured cloning stands for the copy IPC makes. Events arrive after the emitting call has
 * gone on, never inside it, as they do over IPC.
 */
function bridgeOver(app: FolioApp): FolioBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of METHODS) {
    bridge[method] = async (params?: unknown) =>
      structuredClone(await app.dispatch(method, params));
  }
  bridge.onEvent = (listener: (event: FolioEvent) => void) =>
    app.events.on((event) => queueMicrotask(() => listener(structuredClone(event))));
  return bridge as FolioBridge;
}

/** A hash kept in memory instead of `location` (no page in Node); `value` is the current one. */
export interface MemoryHash extends HashStore {
  readonly value: string;
}

/** Returns a memory hash starting at `initial` (e.g. `#/feed-1/3`). */
export function memoryHash(initial = ''): MemoryHash {
  let value = initial;
  return {
    get value() {
      return value;
    },
    read: () => value,
    replace: (hash) => {
      value = hash;
    },
  };
}
