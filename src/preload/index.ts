/**
 * The sandboxed preload: exposes `window.folio`, one function per Api method (from the shared
 * allow-list) plus `onEvent`, and nothing else. It imports only `electron` and the dependency-free
 * method list; the renderer never sees ipcRenderer or an IpcRendererEvent.
 */
import { contextBridge, ipcRenderer, type IpcRenderer } from 'electron';
import type { Envelope, FolioBridge } from '../shared/bridge';
import type { FolioEvent } from '../shared/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, METHODS } from '../shared/methods';

/** Builds the bridge over `renderer` (ipcRenderer in the app). */
function createBridge(
  renderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
): FolioBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of METHODS) {
    bridge[method] = (params?: unknown): Promise<Envelope> =>
      renderer.invoke(IPC_CALL_CHANNEL, method, params) as Promise<Envelope>;
  }
  bridge.onEvent = (listener: (event: FolioEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    const relay = (_event: unknown, payload: FolioEvent): void => listener(payload);
    renderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      renderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  };
  return Object.freeze(bridge) as FolioBridge;
}

contextBridge.exposeInMainWorld('folio', createBridge(ipcRenderer));
