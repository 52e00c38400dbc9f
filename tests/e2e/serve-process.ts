/**
 * Starts browser mode (`node out/main/serve.js`) the way a user would, on a free port with a
 * random token, and waits for its "Folio is serving …" line. Shared by the fixtures and the
 * library helper; knows nothing of Folio's internals.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (tests run from it, but do not rely on the cwd). */
export const ROOT = join(__dirname, '..', '..');
/** The build to test: `out/` (npm run build), or another folder named by FOLIO_OUT_DIR. */
const OUT_DIR = process.env.FOLIO_OUT_DIR
  ? resolve(ROOT, process.env.FOLIO_OUT_DIR)
  : join(ROOT, 'out');
const ENTRY = join(OUT_DIR, 'main', 'serve.js');
const READY = /Folio is serving (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/;
const START_TIMEOUT_MS = 20_000;

/** A running serve process. */
export interface ServeHandle {
  /** The URL to open first: it carries the token and sets the session cookie. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  token: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts `out/main/serve.js` on `dataDir`; rejects with its stderr if it does not come up. */
export async function startServe(dataDir: string): Promise<ServeHandle> {
  if (!existsSync(ENTRY)) {
    throw new Error(`${ENTRY} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
  const token = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      FOLIO_DATA_DIR: dataDir,
      FOLIO_PORT: '0',
      FOLIO_TOKEN: token,
      FOLIO_REFRESH: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const origin = await new Promise<string>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`serve.js ${why}.\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`));
    };
    const timer = setTimeout(
      () => fail(`printed no "Folio is serving" line within 20 s`),
      START_TIMEOUT_MS,
    );
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = READY.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.once('error', (error) => fail(`could not be started: ${error.message}`));
  });
  child.removeAllListeners('exit');

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    stderr: () => stderr,
    stop: () => stopProcess(child),
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
