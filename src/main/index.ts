/**
 * The Electron shell: one window on app://folio, the core behind one allow-listed IPC channel,
 * and the security rules of docs/technotes/electron-security.md. The pieces live in ./shell.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { openApp, type FolioApp } from './core/app';
import { folderChooser } from './shell/choose-folder';
import { forwardEvents, registerCallHandler } from './shell/ipc';
import { guardAllWebContents } from './shell/navigation';
import { resolveNativeBinding } from './shell/native-binding';
import { denyAllPermissions } from './shell/permissions';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  createAppProtocolHandler,
  privilegedSchemes,
} from './shell/protocol';
import { createWindowOptions } from './shell/window-options';

// Built layout: out/main/index.js, out/preload/index.js, out/renderer/index.html.
const RENDERER_DIR = join(__dirname, '../renderer');
const PRELOAD_PATH = join(__dirname, '../preload/index.js');

let mainWindow: BrowserWindow | null = null;
let core: FolioApp | null = null;
const cleanups: (() => void)[] = [];

protocol.registerSchemesAsPrivileged(privilegedSchemes());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  guardAllWebContents(app, (url) => shell.openExternal(url));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', shutDown);
  app.whenReady().then(start, (error: unknown) => fail(error));
}

function start(): void {
  const appRoot = app.getAppPath();
  try {
    core = openApp({
      dataDir: app.getPath('userData'),
      resourcesDir: join(appRoot, 'resources'),
      nativeBinding: resolveNativeBinding(appRoot, process.versions.electron),
      chooseFolder: folderChooser(dialog, () => mainWindow),
    });
  } catch (error) {
    fail(error);
    return;
  }
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR, core));
  const getWindow = (): BrowserWindow | null => mainWindow;
  cleanups.push(
    registerCallHandler(ipcMain, core, getWindow),
    forwardEvents(core.events, getWindow),
  );
  createWindow();
}

function createWindow(): void {
  const window = new BrowserWindow(createWindowOptions(PRELOAD_PATH));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_INDEX_URL);
}

/** Shows why Folio cannot start and quits; the database file is left as it is. */
function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const title =
    code === 'DB_TOO_NEW'
      ? 'Folio is older than your library'
      : code === 'DB_DAMAGED'
        ? 'Folio cannot read your library'
        : 'Folio cannot start';
  console.error(`[folio] ${title}:`, error);
  dialog.showErrorBox(title, message);
  app.quit();
}

function shutDown(): void {
  for (const cleanup of cleanups.splice(0)) cleanup();
  core?.close();
  core = null;
}
