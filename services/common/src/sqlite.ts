// A SQLite file as PMR's stores use it (node:sqlite, synchronous): opened with a busy timeout for the other processes
// that share the file, migrated, every statement prepared once; calls made promises so a store's interface is the same
// as its MongoDB adapter's, each refused once the database is closed; transactions taken IMMEDIATE, so a writer waits
// for another process's write instead of failing half-way.
import { DatabaseSync, type StatementSync } from 'node:sqlite';

export interface SqliteDatabaseOptions<K extends string> {
  /** How long a statement waits for another connection's lock, in ms; default 5000. */
  readonly busyTimeoutMs?: number;
  /** Brings the schema up to date (and refuses a newer one); runs before any statement is prepared. */
  readonly migrate: (db: DatabaseSync, path: string) => void;
  /** The store's statements by name. */
  readonly sql: Readonly<Record<K, string>>;
  /** The error of a call made after close(). */
  readonly closedError: (path: string) => Error;
}

export class SqliteDatabase<K extends string> {
  /** The file, or ':memory:'. */
  readonly path: string;
  /** Each statement of `sql`, prepared. */
  readonly statements: Readonly<Record<K, StatementSync>>;
  readonly #db: DatabaseSync;
  readonly #closedError: (path: string) => Error;
  #closed = false;

  /** Opens (creating when absent) the database at `path` and migrates it; closed again when that fails. */
  constructor(path: string, options: SqliteDatabaseOptions<K>) {
    this.path = path;
    this.#closedError = options.closedError;
    this.#db = new DatabaseSync(path, { timeout: options.busyTimeoutMs ?? 5000 });
    try {
      options.migrate(this.#db, path);
      const entries = Object.entries<string>(options.sql).map(([k, sql]) => [k, this.#db.prepare(sql)] as const);
      this.statements = Object.fromEntries(entries) as Record<K, StatementSync>;
    } catch (err) {
      this.#db.close();
      throw err;
    }
  }

  /** Runs a synchronous body as a promise: its throw, or the database being closed, becomes a rejection. */
  call<T>(body: () => T): Promise<T> {
    return new Promise<T>((resolve) => {
      if (this.#closed) throw this.#closedError(this.path);
      resolve(body());
    });
  }

  /** Runs `body` in an IMMEDIATE transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(body: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const out = body();
      this.#db.exec('COMMIT');
      return out;
    } catch (err) {
      this.#db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Runs SQL that needs no statement of its own (a pragma). */
  exec(sql: string): void {
    this.#db.exec(sql);
  }

  /** Closes the database; later calls are refused. Closing twice does nothing. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }
}
