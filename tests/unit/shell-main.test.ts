/**
 * Drives the real shell entry (src/main/index.ts) through the fake electron module and the real
 * core: startup order, the window, IPC end to end, shutdown, and a database that cannot be opened.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core/app';
import { IPC_CALL_CHANNEL } from '../../src/shared/methods';

const ROOT = join(__dirname, '../..');
let userData: string;

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'folio-main-'));
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

/** Loads a fresh fake and a fresh shell, with `prepare` run on the fake before the shell loads. */
async function startShell(prepare: (fake: typeof import('../fakes/electron')) => void = () => {}) {
  vi.resetModules();
  const fake = await import('../fakes/electron');
  fake.resetFake();
  fake.app.paths.userData = userData;
  fake.app.appPath = ROOT;
  prepare(fake);
  await import('../../src/main/index');
  return fake;
}

describe('Electron shell entry', () => {
  it('registers privileged schemes before ready and handles them after', async () => {
    const fake = await startShell();
    expect(fake.protocol.registerCalls).toBe(1);
    expect(fake.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(fake.protocol.handlers.size).toBe(0);
    await fake.app.makeReady();
    await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
    expect([...fake.protocol.handlers.keys()]).toEqual(['app']);
    fake.app.emit('will-quit');
  });

  it('opens one hardened window on app://folio and guards it', async () => {
    const fake = await startShell();
    await fake.app.makeReady();
    await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
    const window = fake.BrowserWindow.instances[0]!;
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs.preload).toMatch(/preload[\\/]index\.js$/);
    expect(window.webContents.url).toBe('app://folio/index.html');
    expect(window.webContents.windowOpenHandler!({ url: 'https://x.example/' })).toEqual({
      action: 'deny',
    });
    expect(window.webContents.fire('will-navigate', 'https://x.example/').defaultPrevented).toBe(
      true,
    );
    let granted: boolean | undefined;
    fake.session.defaultSession.permissionRequestHandler!(
      {},
      'media',
      (g: boolean) => (granted = g),
      {},
    );
    expect(granted).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    fake.app.emit('will-quit');
  });

  it('answers the window over IPC from the real core, and closes the database on will-quit', async () => {
    const fake = await startShell();
    await fake.app.makeReady();
    await vi.waitFor(() => expect(fake.ipcMain.handlers.has(IPC_CALL_CHANNEL)).toBe(true));
    const window = fake.BrowserWindow.instances[0]!;
    const event = {
      sender: window.webContents,
      senderFrame: { url: 'app://folio/index.html', parent: null },
    };
    const reply = (await fake.ipcMain.invoke(IPC_CALL_CHANNEL, event, 'articles.list', {})) as {
      ok: boolean;
      result: { items: { kind: string }[] };
    };
    expect(reply.ok).toBe(true);
    expect(reply.result.items.map((a) => a.kind)).toContain('seed');
    expect(existsSync(join(userData, DATABASE_FILE))).toBe(true);

    fake.app.emit('will-quit');
    expect(fake.ipcMain.handlers.has(IPC_CALL_CHANNEL)).toBe(false);
    // Closing the last connection checkpoints and removes the WAL file.
    expect(existsSync(join(userData, `${DATABASE_FILE}-wal`))).toBe(false);
  });

  it('shows the storage error and quits, leaving a damaged database untouched', async () => {
    const file = join(userData, DATABASE_FILE);
    const garbage = Buffer.from(
      'this is not a SQLite database, but it is the user’s file\n'.repeat(200),
    );
    writeFileSync(file, garbage);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fake = await startShell();
    await fake.app.makeReady();
    await vi.waitFor(() => expect(fake.dialog.errors).toHaveLength(1));
    expect(fake.dialog.errors[0]!.title).toBe('Folio cannot read your library');
    expect(fake.dialog.errors[0]!.content).toContain(file);
    expect(logged).toHaveBeenCalled();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    fake.app.emit('will-quit');
    logged.mockRestore();
  });

  it('quits at once when another instance holds the lock', async () => {
    const fake = await startShell((f) => (f.app.singleInstanceLock = false));
    expect(fake.app.quitCalls).toBe(1);
    // Nothing waits for ready: no window, no handlers, no database.
    expect(fake.app.listenerCount('will-quit')).toBe(0);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
    await fake.app.makeReady();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(existsSync(join(userData, DATABASE_FILE))).toBe(false);
  });
});
