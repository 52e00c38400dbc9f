import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { StorageError } from '../../src/main/core/storage/storage-error';
import { MIGRATIONS } from '../../src/main/core/storage/migrations';
import { tempDir } from '../helpers/temp-dir';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Expects Store.open(file) to fail with `code` and leave the file (and no -wal/-shm) as it was. */
function expectRefused(file: string, code: string) {
  const before = sha(file);
  let thrown: unknown;
  try {
    Store.open(file).close();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(StorageError);
  expect((thrown as StorageError).code).toBe(code);
  expect((thrown as StorageError).message).toContain(file);
  expect((thrown as StorageError).message).toMatch(/untouched|not been changed/);
  expect(sha(file)).toBe(before);
  expect(existsSync(`${file}-wal`)).toBe(false);
}

describe('opening the database', () => {
  const dir = tempDir();

  it('creates a new file in WAL mode with foreign keys, a busy timeout and the latest schema', () => {
    const file = join(dir, 'new.db');
    const store = Store.open(file);
    expect(rawDatabase(store).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(rawDatabase(store).pragma('foreign_keys', { simple: true })).toBe(1);
    expect(rawDatabase(store).pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(rawDatabase(store).pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    store.close();
  });

  it('reopens an existing database without migrating it again', () => {
    const file = join(dir, 'again.db');
    const first = Store.open(file);
    first.settings.set('k', { a: 1 });
    first.close();
    const second = Store.open(file);
    expect(second.settings.get('k', null)).toEqual({ a: 1 });
    second.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = join(dir, 'garbage.db');
    writeFileSync(file, 'this is my shopping list, not a database\n'.repeat(200));
    expectRefused(file, 'DB_DAMAGED');
  });

  it('refuses a file with an SQLite header but damaged pages, untouched', () => {
    const file = join(dir, 'damaged.db');
    const good = Store.open(file);
    good.close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 100, bytes.length); // keep the 100-byte header, wreck every page
    writeFileSync(file, bytes);
    expectRefused(file, 'DB_DAMAGED');
  });

  it('refuses a truncated file, untouched', () => {
    const file = join(dir, 'truncated.db');
    writeFileSync(file, Buffer.from('SQLite format 3\0', 'latin1'));
    expectRefused(file, 'DB_DAMAGED');
  });

  it('refuses a database from a newer Folio, untouched', () => {
    const file = join(dir, 'newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    expectRefused(file, 'DB_TOO_NEW');
  });
});
