/** Settings: JSON values under string keys. */
import type Database from 'better-sqlite3';

/** Reads and writes settings. */
export class SettingsTable {
  constructor(private readonly db: Database.Database) {}

  /** Returns the stored value of `key`, or `fallback` when unset. */
  get<T>(key: string, fallback: T): T {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : fallback;
  }

  /** Stores `value` (JSON-serialisable) under `key`. */
  set(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }
}
