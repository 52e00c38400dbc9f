/** Assets: images and files kept for offline reading, as blobs with their type and size. */
import type { Connection } from './connection';

/** A stored asset's bytes and MIME type. */
export interface StoredAsset {
  type: string;
  data: Buffer;
}

/** Reads and writes assets. */
export class AssetsTable {
  constructor(private readonly sql: Connection) {}

  /** Returns the asset with this id, or null. */
  get(id: number): StoredAsset | null {
    const row = this.sql.statement('SELECT type, data FROM assets WHERE id = ?').get(id) as
      StoredAsset | undefined;
    return row ?? null;
  }

  /** Stores (or replaces) the asset for `url` and returns its id. */
  put(url: string, type: string, data: Buffer, now = Date.now()): number {
    const row = this.sql
      .statement(
        `INSERT INTO assets (url, type, size, data, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET type = excluded.type, size = excluded.size,
           data = excluded.data, fetched_at = excluded.fetched_at
         RETURNING id`,
      )
      .get(url, type, data.length, data, now) as { id: number };
    return row.id;
  }
}
