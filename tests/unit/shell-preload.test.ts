import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FolioBridge } from '../../src/shared/bridge';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, METHODS } from '../../src/shared/methods';

// The preload exposes its bridge when loaded, so each test loads it afresh with a fresh fake.
async function loadPreload() {
  vi.resetModules();
  const fake = await import('../fakes/electron');
  await import('../../src/preload/index');
  return { fake, bridge: fake.contextBridge.exposed.folio as FolioBridge };
}

describe('preload bridge', () => {
  beforeEach(() => vi.resetModules());

  it('exposes exactly window.folio with the methods of METHODS plus onEvent', async () => {
    const { fake, bridge } = await loadPreload();
    expect(Object.keys(fake.contextBridge.exposed)).toEqual(['folio']);
    expect(Object.keys(bridge).sort()).toEqual([...METHODS, 'onEvent'].sort());
    for (const key of Object.keys(bridge))
      expect(typeof bridge[key as keyof FolioBridge]).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each method over the one call channel and returns the envelope', async () => {
    const { fake, bridge } = await loadPreload();
    fake.ipcRenderer.reply = (_channel: string, method: string) => ({ ok: true, result: method });
    await expect(bridge['articles.get']({ id: 3 })).resolves.toEqual({
      ok: true,
      result: 'articles.get',
    });
    await bridge['feeds.list']();
    expect(fake.ipcRenderer.invocations).toEqual([
      { channel: IPC_CALL_CHANNEL, args: ['articles.get', { id: 3 }] },
      { channel: IPC_CALL_CHANNEL, args: ['feeds.list', undefined] },
    ]);
  });

  it('passes only the event to listeners, never the IpcRendererEvent, and unsubscribes', async () => {
    const { fake, bridge } = await loadPreload();
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args: unknown[]) => seen.push(args));
    const event = { type: 'feeds.changed', data: {} };
    fake.ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: fake.ipcRenderer, ports: [] }, event);
    expect(seen).toEqual([[event]]);
    off();
    fake.ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, event);
    expect(seen).toHaveLength(1);
    expect(fake.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });

  it('uses only the call and event channels', async () => {
    const { fake, bridge } = await loadPreload();
    bridge.onEvent(() => {});
    await bridge['notes.set']({ articleId: 1, body: 'x' });
    expect(fake.ipcRenderer.eventNames()).toEqual([IPC_EVENT_CHANNEL]);
    expect(new Set(fake.ipcRenderer.invocations.map((i) => i.channel))).toEqual(
      new Set([IPC_CALL_CHANNEL]),
    );
  });
});
