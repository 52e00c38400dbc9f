/** Settings: JSON values under string keys. */
import type { Connection } from './connection';

/** Reads and writes settings. */
export class SettingsTable {
  constructor(private readonly sql: Connection) {}

  /** Returns the stored value of `key`, or `fallback` when unset. */
  get<T>(key: string, fallback: T): T {
    const row = this.sql.statement('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : fallback;
  }

  /** Stores `value` (JSON-serialisable) under `key`. */
  set(key: string, value: unknown): void {
    this.sql
      .statement(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }
}
