/**
 * One better-sqlite3 connection as the tables use it. Statements are kept by their SQL: each is
 * compiled on first use and reused for the connection's life, since better-sqlite3 compiles anew
 * on every prepare() and a refresh runs the same few statements thousands of times. This is the
 * one statement-caching style of storage/: every table asks here, none prepares by itself.
 */
import type Database from 'better-sqlite3';

/** A connection's cached statements and its transactions. */
export class Connection {
  readonly #statements = new Map<string, Database.Statement>();
  readonly #columns = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  /** Returns the statement for `sql`, compiled on first use. */
  statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Returns the statement for `sql` that reads only each row's first column (better-sqlite3's
   * pluck mode, which is a setting of the statement object: hence a cache of its own).
   */
  column(sql: string): Database.Statement {
    let statement = this.#columns.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).pluck();
      this.#columns.set(sql, statement);
    }
    return statement;
  }

  /** Runs `fn` in one IMMEDIATE transaction (a savepoint inside one already open). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
