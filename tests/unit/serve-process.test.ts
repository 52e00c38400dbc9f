import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const ENTRY = join(__dirname, '..', '..', 'out', 'main', 'serve.js');

/** Starts browser mode as `npm run serve` does and resolves with its printed line. */
function startServe(dataDir: string) {
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      ...process.env,
      FOLIO_DATA_DIR: dataDir,
      FOLIO_PORT: '0',
      FOLIO_TOKEN: 'tok',
      FOLIO_REFRESH: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /^Folio is serving .*$/m.exec(out);
      if (match) resolve(match[0]);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, line, exited };
}

describe('the serve process (built by npm test before vitest runs)', () => {
  beforeAll(() => {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first`);
  });

  it('prints its line, answers, and closes the database cleanly on SIGTERM and SIGINT', async () => {
    const dataDir = tempDir();
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { child, line, exited } = startServe(dataDir);
      const printed = await line;
      expect(printed).toMatch(/^Folio is serving http:\/\/127\.0\.0\.1:\d+\/\?token=tok$/);
      const port = Number(/:(\d+)\//.exec(printed)![1]);
      const res = await fetch(`http://127.0.0.1:${port}/api/articles.list`, {
        method: 'POST',
        headers: { Authorization: 'Bearer tok' },
      });
      expect(res.status).toBe(200);
      child.kill(signal);
      expect(await exited).toBe(0);
      // A clean close checkpoints the WAL and removes it.
      const wal = join(dataDir, 'folio.db-wal');
      expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    }
  });

  it('exits with a clear message when the database is not usable, leaving it alone', async () => {
    const dataDir = tempDir();
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(
      join(dataDir, 'folio.db'),
      'not a database at all, but precious to someone'.repeat(10),
    );
    const before = readFileSync(join(dataDir, 'folio.db'));
    const { line, exited, child } = startServe(dataDir);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await expect(line).rejects.toThrow(/not a Folio database/);
    expect(await exited).toBe(1);
    expect(err).toContain('Folio could not start');
    expect(readFileSync(join(dataDir, 'folio.db')).equals(before)).toBe(true);
  });
});
