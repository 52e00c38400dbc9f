/**
 * Opens the SQLite file safely. A damaged file, or one written by a newer Folio, is reported with
 * a clear StorageError and left byte for byte as it was: the checks run before any statement that
 * writes (journal_mode=WAL rewrites the header, so it comes after them).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StorageError } from './storage-error';
import { MIGRATIONS, migrate } from './migrations';

/** Options for opening the database. */
export interface OpenOptions {
  /** Path of a better-sqlite3 binary for this runtime (the Electron build); Node's by default. */
  nativeBinding?: string;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Returns an open, migrated connection with WAL, foreign keys and a busy timeout. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  if (file !== ':memory:') checkHeader(file);
  let db: Database.Database;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (error) {
    throw damaged(file, error);
  }
  try {
    const version = readUserVersion(db, file);
    if (version > MIGRATIONS.length) {
      throw new StorageError(
        'DB_TOO_NEW',
        `${file} was written by a newer version of Folio (schema ${version}, this version knows up to ${MIGRATIONS.length}). Update Folio to open it; the file has not been changed.`,
      );
    }
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Free pages can then be given back in small steps beside the other work (compacting,
    // docs/technotes/reader-threads.md). SQLite takes it only before the file's first page is
    // written, so before journal_mode, and it changes nothing in an existing library.
    if (version === 0) db.pragma('auto_vacuum = INCREMENTAL');
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StorageError) throw error;
    throw damaged(file, error);
  }
}

/** Refuses a non-empty file that does not start with SQLite's header, without opening it. */
function checkHeader(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return; // a new file
  }
  if (size === 0) return;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    if (read < 16 || head.toString('latin1') !== SQLITE_HEADER) {
      throw new StorageError(
        'DB_DAMAGED',
        `${file} is not a Folio database (it does not start with an SQLite header). It has been left untouched; move it aside or restore a backup.`,
      );
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads user_version after making SQLite load the schema, so a damaged first page or schema fails
 * here, before anything writes. (A full integrity_check would cost seconds on a large library.)
 */
function readUserVersion(db: Database.Database, file: string): number {
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw damaged(file, new Error('user_version unreadable'));
  return version;
}

/**
 * Returns a read-only connection to a database another connection has opened and migrated: the
 * reader threads' (library/readers/reader-pool.ts). It never migrates and never writes; WAL lets
 * it read beside the one writer. Throws StorageError when the file is missing, damaged or of another
 * schema than this build's.
 */
export function openReadOnlyDatabase(file: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: options.nativeBinding,
    });
  } catch (error) {
    throw damaged(file, error);
  }
  try {
    const version = readUserVersion(db, file);
    if (version !== MIGRATIONS.length) {
      throw new StorageError(
        'DB_TOO_NEW',
        `${file} has schema ${version}; this reader expects ${MIGRATIONS.length}. Restart Folio.`,
      );
    }
    // A reader never waits on the main thread's behalf, but a checkpoint can hold it briefly.
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StorageError) throw error;
    throw damaged(file, error);
  }
}

function damaged(file: string, cause: unknown): StorageError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new StorageError(
    'DB_DAMAGED',
    `${file} could not be opened as a Folio database (${reason}). It has been left untouched; restore a backup or move it aside to start afresh.`,
  );
}
