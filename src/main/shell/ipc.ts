/**
 * The one IPC channel between the window and the core. A call is answered only when it comes
 * from our window's main frame on app://folio and names a method of the allow-list; anything
 * else gets an error envelope and never reaches the core. Events from the core are pushed to
 * the window on a second channel.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/bridge';
import type { ErrorCode, FolioEvent } from '../../shared/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, isMethod } from '../../shared/methods';
import type { FolioApp } from '../core/app';
import { isAppUrl } from './navigation';

/** Returns the window whose webContents may call the Api (null while there is none). */
export type WindowProvider = () => Pick<BrowserWindow, 'isDestroyed' | 'webContents'> | null;

/** The parts of an invoke event the sender check reads. */
export type CallEvent = {
  sender: Pick<IpcMainInvokeEvent['sender'], 'id'>;
  senderFrame: { url: string; parent: unknown } | null;
};

function failure(code: ErrorCode, message: string): Envelope {
  return { ok: false, error: { code, message } };
}

/** Returns true when the call comes from our window's top frame showing app://folio. */
function isTrustedSender(event: CallEvent, getWindow: WindowProvider): boolean {
  const window = getWindow();
  if (!window || window.isDestroyed()) return false;
  if (event.sender.id !== window.webContents.id) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Checks one call (sender, then method) and runs it on the core; never throws. */
async function handleCall(
  event: CallEvent,
  method: unknown,
  params: unknown,
  core: Pick<FolioApp, 'dispatch'>,
  getWindow: WindowProvider,
): Promise<Envelope> {
  if (!isTrustedSender(event, getWindow)) {
    return failure('FORBIDDEN', 'Calls are accepted only from the Folio window.');
  }
  if (!isMethod(method)) {
    return failure('UNKNOWN_METHOD', `Unknown method: ${String(method).slice(0, 100)}`);
  }
  try {
    return await core.dispatch(method, params);
  } catch (error) {
    // dispatch never throws by contract; this keeps the IPC reply an envelope if it ever does.
    console.error(`[ipc] ${method} failed:`, error);
    return failure('INTERNAL', 'Internal error.');
  }
}

/** Handles IPC_CALL_CHANNEL with `ipcMain.handle`; returns the function that removes it. */
export function registerCallHandler(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<FolioApp, 'dispatch'>,
  getWindow: WindowProvider,
): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, method: unknown, params: unknown) =>
    handleCall(event, method, params, core, getWindow),
  );
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

/** Pushes every core event to the window (skipped while it is missing or destroyed). */
export function forwardEvents(
  events: Pick<FolioApp['events'], 'on'>,
  getWindow: WindowProvider,
): () => void {
  return events.on((event: FolioEvent) => {
    const window = getWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(IPC_EVENT_CHANNEL, event);
  });
}
