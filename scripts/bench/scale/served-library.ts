/**
 * A copy of a cached scale library served by the real core in a child process (app-server.ts),
 * and the benchmark's side of it: Api calls over HTTP (keep-alive, as a browser tab keeps its
 * connection) timed from send to the whole response, and the child's control messages.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import type { AppServerConfig } from './app-server';
import { ensureRoomFor } from './library-cache';

/** One Api call's outcome: its status, its parsed body and how long it took. */
export interface CallResult<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

/** The served copy: call the Api, talk to the child, stop it. */
export interface ServedLibrary {
  /** The copy's file (the child has it open). */
  file: string;
  call<T = unknown>(method: string, params?: unknown): Promise<CallResult<T>>;
  /** Sends a control message to the child and resolves with its answer. */
  control<T = Record<string, number>>(type: string, extra?: Record<string, unknown>): Promise<T>;
  /** Ends the child (SIGKILL when `kill`, to abandon a job such as a long VACUUM). */
  close(kill?: boolean): Promise<void>;
}

/**
 * Serves `file` (`dir`/data/folio.db by default), first copying `cachedFile` there when given
 * (else the file is used as it is, or created empty); resolves once the child listens.
 */
export async function serveLibrary(
  cachedFile: string | null,
  dir: string,
  appServerScript: string,
  resourcesDir: string,
  file = path.join(dir, 'data', 'folio.db'),
): Promise<ServedLibrary> {
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  if (cachedFile !== null) {
    ensureRoomFor(statSync(cachedFile).size, dataDir);
    copyFileSync(cachedFile, file);
  }
  const token = 'bench-token';
  const config: AppServerConfig = { dataDir, databaseFile: file, resourcesDir, token };
  const child = fork(appServerScript, [JSON.stringify(config)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`app server exited (${code})`)));
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'ready') resolve(message.port as number);
    });
  });
  child.removeAllListeners('exit');
  return makeServed(child, port, token, file);
}

function makeServed(child: ChildProcess, port: number, token: string, file: string): ServedLibrary {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  let nextId = 1;
  const waiting = new Map<number, (answer: unknown) => void>();
  child.on('message', (message: { id?: number }) => {
    const resolve = message.id === undefined ? undefined : waiting.get(message.id);
    if (resolve === undefined) return;
    waiting.delete(message.id as number);
    resolve(message);
  });
  return {
    file,
    call: (method, params = {}) => callApi(agent, port, token, method, params),
    control: (type, extra = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve as (answer: unknown) => void);
        child.send({ id, type, ...extra });
      }),
    close: (kill = false) =>
      new Promise<void>((resolve) => {
        agent.destroy();
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(kill ? 'SIGKILL' : 'SIGTERM');
      }),
  };
}

/** POSTs one Api call and resolves with its status, body and time (never rejects on a status). */
function callApi<T>(
  agent: Agent,
  port: number,
  token: string,
  method: string,
  params: unknown,
): Promise<CallResult<T>> {
  const payload = Buffer.from(JSON.stringify(params));
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${method}`,
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': payload.length,
          Authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - start;
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || 'null') as T, ms });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
