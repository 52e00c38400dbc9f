/**
 * The storage facade: the one object the rest of the core uses to read and write the database.
 * It owns the connection; each table's queries live in their own module beside this one.
 */
import type Database from 'better-sqlite3';
import { openDatabase, type OpenOptions } from './open-database';
import { ArticlesTable } from './articles-table';
import { FeedsTable } from './feeds-table';
import { AssetsTable } from './assets-table';
import { SettingsTable } from './settings-table';
import { AnnotationsTable } from './annotations-table';
import { OfflineTable } from './offline-table';

/** The database with its tables. Open with `Store.open(path)` or `Store.open(':memory:')`. */
export class Store {
  readonly articles: ArticlesTable;
  readonly feeds: FeedsTable;
  readonly annotations: AnnotationsTable;
  readonly assets: AssetsTable;
  readonly settings: SettingsTable;
  readonly offline: OfflineTable;

  private constructor(readonly db: Database.Database) {
    this.articles = new ArticlesTable(db);
    this.feeds = new FeedsTable(db);
    this.annotations = new AnnotationsTable(db);
    this.assets = new AssetsTable(db);
    this.settings = new SettingsTable(db);
    this.offline = new OfflineTable(db);
  }

  /** Opens (creating and migrating as needed) the database at `file`; throws StorageError. */
  static open(file: string, options: OpenOptions = {}): Store {
    return new Store(openDatabase(file, options));
  }

  /** Runs `fn` in one transaction (immediate, so writers queue instead of failing midway). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Closes the connection, checkpointing the WAL into the main file. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
