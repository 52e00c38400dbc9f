/**
 * The better-sqlite3 connection behind a Store, for tests (schema checks, setting up rows the Api
 * cannot make) and the benchmark (the bare-insert baseline) only. Nothing in src/ outside
 * storage/ may import this file (eslint.config.mjs): the rest of the core reaches the database
 * through the Store's tables, so all its SQL is here in storage/.
 */
import type Database from 'better-sqlite3';

const connections = new WeakMap<object, Database.Database>();

/** Records the connection of a Store (store.ts calls it once per Store). */
export function rememberConnection(store: object, db: Database.Database): void {
  connections.set(store, db);
}

/** Returns the connection behind `store`; throws for an object that is not a Store. */
export function rawDatabase(store: object): Database.Database {
  const db = connections.get(store);
  if (!db) throw new Error('Not a Store: it has no database connection.');
  return db;
}
