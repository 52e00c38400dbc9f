/**
 * The storage facade: the one object the rest of the core uses to read and write the database.
 * It owns the connection, which nothing outside storage/ can reach: each table's queries live in
 * their own module beside this one, and they are all the SQL the core has.
 */
import { Connection } from './connection';
import { openDatabase, openReadOnlyDatabase, type OpenOptions } from './open-database';
import { rememberConnection } from './raw-database';
import { ArticlesTable } from './articles-table';
import { FeedsTable } from './feeds-table';
import { FeedUpdates } from './feed-update';
import { AssetsTable } from './assets-table';
import { SettingsTable } from './settings-table';
import { AnnotationsTable } from './annotations-table';
import { OfflineTable } from './offline-table';
import { SiteFeedsTable } from './site-feeds-table';
import { SearchIndex } from './search-index';
import { SuggestionQueries } from './suggestion-queries';
import { Maintenance } from './maintenance';

/** The database with its tables. Open with `Store.open(path)` or `Store.open(':memory:')`. */
export class Store {
  readonly articles: ArticlesTable;
  readonly feeds: FeedsTable;
  /** One refresh of a feed into its articles (the hot path of ingestion). */
  readonly feedUpdates: FeedUpdates;
  readonly annotations: AnnotationsTable;
  readonly assets: AssetsTable;
  readonly settings: SettingsTable;
  readonly offline: OfflineTable;
  /** Related feeds' cache of the feeds found on sites. */
  readonly siteFeeds: SiteFeedsTable;
  /** The full-text indexes of articles, highlights and notes. */
  readonly search: SearchIndex;
  /** Bounded reads of the full-text index for suggestions (More like this, related feeds). */
  readonly suggestions: SuggestionQueries;
  /** Retention's deletes, space used, compacting. */
  readonly maintenance: Maintenance;
  readonly #sql: Connection;

  private constructor(sql: Connection) {
    this.#sql = sql;
    this.articles = new ArticlesTable(sql);
    this.feeds = new FeedsTable(sql);
    this.feedUpdates = new FeedUpdates(sql);
    this.annotations = new AnnotationsTable(sql);
    this.assets = new AssetsTable(sql);
    this.settings = new SettingsTable(sql);
    this.offline = new OfflineTable(sql);
    this.siteFeeds = new SiteFeedsTable(sql);
    this.search = new SearchIndex(sql);
    this.suggestions = new SuggestionQueries(sql);
    this.maintenance = new Maintenance(sql);
  }

  /** Opens (creating and migrating as needed) the database at `file`; throws StorageError. */
  static open(file: string, options: OpenOptions = {}): Store {
    const db = openDatabase(file, options);
    const store = new Store(new Connection(db));
    rememberConnection(store, db);
    return store;
  }

  /**
   * Opens a read-only Store on a database the app has already opened and migrated (a reader
   * thread's own connection); any write through it fails with SQLITE_READONLY.
   */
  static openReadOnly(file: string, options: OpenOptions = {}): Store {
    const db = openReadOnlyDatabase(file, options);
    const store = new Store(new Connection(db));
    rememberConnection(store, db);
    return store;
  }

  /** Runs `fn` in one transaction (immediate, so writers queue instead of failing midway). */
  transaction<T>(fn: () => T): T {
    return this.#sql.transaction(fn);
  }

  /** True while a transaction is open on the connection (compacting must wait). */
  get inTransaction(): boolean {
    return this.#sql.db.inTransaction;
  }

  /** Closes the connection, checkpointing the WAL into the main file. */
  close(): void {
    if (this.#sql.db.open) this.#sql.db.close();
  }
}
