/**
 * The project's one fake: a stand-in for the `electron` module (vitest aliases `electron` here)
 * with just enough of app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, protocol, session,
 * shell, dialog and net to record what the shell does and let tests drive its handlers. It keeps
 * Electron's ordering rules that matter to us: privileged schemes only before ready, protocol
 * handlers only after. Tests import it as '../fakes/electron' to reach the recording helpers.
 */
import { EventEmitter } from 'node:events';

type AnyFn = (...args: any[]) => any;

/** A recorded `event.preventDefault()`-able event. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextWebContentsId = 1;

/** A webContents that records what is sent to it. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: AnyFn | null = null;
  url = '';
  #destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: AnyFn): void {
    this.windowOpenHandler = handler;
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  destroy(): void {
    this.#destroyed = true;
  }
  /** Test helper: emits `name` with a fresh FakeEvent and returns it. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

/** A BrowserWindow that records its options and announces its webContents like Electron. */
export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.isDestroyed());
  }
  readonly options: any;
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = false;
  #destroyed = false;
  constructor(options: any = {}) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  destroy(): void {
    this.#destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  ready = false;
  quitCalls = 0;
  singleInstanceLock = true;
  paths: Record<string, string> = {};
  appPath = process.cwd();
  #resolveReady: () => void = () => {};
  #readyPromise = this.#newReadyPromise();
  #newReadyPromise(): Promise<void> {
    return new Promise<void>((resolve) => (this.#resolveReady = resolve));
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  getPath(name: string): string {
    const path = this.paths[name];
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  getAppPath(): string {
    return this.appPath;
  }
  whenReady(): Promise<void> {
    return this.#readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  quit(): void {
    this.quitCalls++;
  }
  /** Test helper: becomes ready (resolves whenReady, emits 'ready'). */
  makeReady(): Promise<void> {
    this.ready = true;
    this.#resolveReady();
    this.emit('ready');
    return this.#readyPromise;
  }
  /** Test helper: back to a fresh, not-ready app. */
  reset(): void {
    this.removeAllListeners();
    this.ready = false;
    this.quitCalls = 0;
    this.singleInstanceLock = true;
    this.paths = {};
    this.appPath = process.cwd();
    this.#readyPromise = this.#newReadyPromise();
  }
}
export const app = new FakeApp();

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, AnyFn>();
  handle(channel: string, handler: AnyFn): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: calls the handler of `channel` like an `ipcRenderer.invoke` would. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  /** What `invoke` answers; tests replace it. */
  reply: AnyFn = () => ({ ok: true, result: null });
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.reply(channel, ...args));
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    if (key in contextBridge.exposed) throw new Error(`Cannot bind an API on top of '${key}'`);
    contextBridge.exposed[key] = api;
  },
};

export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  registerCalls: 0,
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges?: Record<string, boolean> }[],
  ): void {
    if (app.ready)
      throw new Error('registerSchemesAsPrivileged must be called before app is ready');
    protocol.registerCalls++;
    protocol.privileged = schemes;
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!app.ready) throw new Error('protocol.handle must be called after app is ready');
    if (protocol.handlers.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`);
    protocol.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    protocol.handlers.delete(scheme);
  },
};

class FakeSession {
  permissionRequestHandler: AnyFn | null = null;
  permissionCheckHandler: AnyFn | null = null;
  setPermissionRequestHandler(handler: AnyFn | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: AnyFn | null): void {
    this.permissionCheckHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  errors: [] as { title: string; content: string }[],
  /** What the next showOpenDialog answers (a test sets it), and the options it was called with. */
  nextOpen: { canceled: true, filePaths: [] as string[] },
  opened: [] as any[],
  showErrorBox(title: string, content: string): void {
    dialog.errors.push({ title, content });
  },
  showOpenDialog(...args: any[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    dialog.opened.push(args);
    return Promise.resolve(dialog.nextOpen);
  },
};

export const net = {
  fetch: (input: string | Request, init?: RequestInit): Promise<Response> => fetch(input, init),
};

/** Test helper: forgets everything recorded so a test starts from a fresh fake. */
export function resetFake(): void {
  app.reset();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.reply = () => ({ ok: true, result: null });
  contextBridge.exposed = {};
  protocol.privileged = [];
  protocol.registerCalls = 0;
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  shell.opened.length = 0;
  dialog.errors.length = 0;
  dialog.opened.length = 0;
  dialog.nextOpen = { canceled: true, filePaths: [] };
  BrowserWindow.instances = [];
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  shell,
  dialog,
  net,
};
