import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp, type FolioApp } from '../../src/main/core/app';
import { forwardEvents, registerCallHandler, type WindowProvider } from '../../src/main/shell/ipc';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../src/shared/methods';
import { BrowserWindow, FakeWebContents, ipcMain, resetFake } from '../fakes/electron';
import { loopbackFetch } from '../helpers/net';

const RESOURCES = join(__dirname, '../../resources');
let dataDir: string;
let core: FolioApp;
let window: BrowserWindow;
const getWindow = (() => window) as unknown as WindowProvider;

/** An invoke event as Electron builds it: the sending webContents and its frame. */
function callEvent(sender: { id: number }, url = 'app://folio/index.html', parent: unknown = null) {
  return { sender, senderFrame: { url, parent } };
}
const call = (event: unknown, method: unknown, params?: unknown) =>
  ipcMain.invoke(IPC_CALL_CHANNEL, event, method, params);

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'folio-ipc-'));
  core = openApp({ fetch: loopbackFetch, dataDir, resourcesDir: RESOURCES });
});
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  resetFake();
  vi.restoreAllMocks();
  window = new BrowserWindow({});
  registerCallHandler(ipcMain, core, getWindow);
});

describe('IPC call channel', () => {
  it('runs a valid call from our window on the real core', async () => {
    const dispatch = vi.spyOn(core, 'dispatch');
    const reply = (await call(callEvent(window.webContents), 'articles.list', {})) as {
      ok: boolean;
      result: { items: { kind: string; title: string }[] };
    };
    expect(dispatch).toHaveBeenCalledWith('articles.list', {});
    expect(reply.ok).toBe(true);
    expect(reply.result.items.some((a) => a.kind === 'seed')).toBe(true);
  });

  it('returns the core’s own error envelope for bad params', async () => {
    const reply = await call(callEvent(window.webContents), 'articles.get', { id: 'x' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers UNKNOWN_METHOD for a name outside the allow-list without calling the core', async () => {
    const dispatch = vi.spyOn(core, 'dispatch');
    for (const method of [
      'feeds.drop',
      'constructor',
      '__proto__',
      'toString',
      42,
      null,
      undefined,
    ]) {
      const reply = await call(callEvent(window.webContents), method, {});
      expect(reply, String(method)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers FORBIDDEN to a foreign webContents, frame URL or subframe without calling the core', async () => {
    const dispatch = vi.spyOn(core, 'dispatch');
    const foreign = new FakeWebContents();
    const events = [
      callEvent(foreign),
      callEvent(window.webContents, 'https://evil.example/'),
      callEvent(window.webContents, 'app://evil/index.html'),
      callEvent(window.webContents, 'file:///tmp/x.html'),
      callEvent(window.webContents, 'app://folio/index.html', { url: 'app://folio/index.html' }),
      { sender: window.webContents, senderFrame: null },
    ];
    for (const event of events) {
      const reply = await call(event, 'feeds.list', {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers FORBIDDEN once the window is gone', async () => {
    window.destroy();
    const reply = await call(callEvent(window.webContents), 'feeds.list', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('removes its handler when asked', () => {
    resetFake();
    const remove = registerCallHandler(ipcMain, core, getWindow);
    expect(ipcMain.handlers.has(IPC_CALL_CHANNEL)).toBe(true);
    remove();
    expect(ipcMain.handlers.has(IPC_CALL_CHANNEL)).toBe(false);
  });
});

describe('IPC events', () => {
  it('pushes core events to the window, skipping a destroyed one, until unsubscribed', () => {
    const stop = forwardEvents(core.events, getWindow);
    core.events.emit('feeds.changed', { feedIds: [1] });
    expect(window.webContents.sent).toEqual([
      { channel: IPC_EVENT_CHANNEL, args: [{ type: 'feeds.changed', data: { feedIds: [1] } }] },
    ]);
    stop();
    core.events.emit('feeds.changed', {});
    expect(window.webContents.sent).toHaveLength(1);

    const stopAgain = forwardEvents(core.events, getWindow);
    window.destroy();
    core.events.emit('articles.changed', { feedId: null });
    expect(window.webContents.sent).toHaveLength(1);
    stopAgain();
  });
});
