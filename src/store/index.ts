import type { ChangeFeed, StoreChange } from "./changes.js";
import { openPostgresStore } from "./postgres/store.js";
import { openSqliteStore } from "./sqliteStore.js";
import type { StoreTables } from "./tables.js";

/**
 * Everything factdesk keeps, behind one asynchronous interface: SQLite in DATA_DIR (the default,
 * one host) or PostgreSQL at DATABASE_URL (shared by many hosts). The tables are used directly for
 * single statements; anything that must land together goes through `transaction`.
 */
export interface Store extends StoreTables {
  readonly backend: "sqlite" | "postgres";
  /** Where the store lives, for logs and messages: a file path, or host/database (no password). */
  readonly location: string;
  /** Tells every process sharing this store what a commit changed, and hears what theirs did. */
  changes: ChangeFeed;
  /**
   * Run `work` in one transaction: all of its writes land, or none do. No other transaction that
   * names one of the same `locks` (report scopes, from this process or another host) runs
   * meanwhile, so what `work` reads is still true when it commits. `work` must use the tables it
   * is handed, never the store's own. `announce` is told to every process sharing the store if,
   * and only if, the transaction commits: on PostgreSQL as a NOTIFY inside it (delivered by the
   * commit itself, so a process killed just after committing cannot leave it unsaid), on SQLite
   * right after the commit (its audit row says the same to a process watching the file).
   */
  transaction<T>(
    locks: readonly string[],
    work: (tables: StoreTables) => Promise<T>,
    announce?: StoreChange,
  ): Promise<T>;
  /**
   * SQLite: a consistent copy of the whole database at `file` (the online backup API), safe while
   * the bot keeps reading and writing. PostgreSQL: refused with BackupElsewhereError (pg_dump).
   */
  backup(file: string): Promise<void>;
  /** Whether the database answers now (for /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** DATA_DIR: the SQLite file, and the feedback key when FEEDBACK_SECRET is not set. */
  dataDir: string;
  /** postgres://…: use PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
  /** FEEDBACK_SECRET; without it the key lives in DATA_DIR/feedback.key. */
  feedbackSecret?: string | undefined;
  now?: () => Date;
  /**
   * How changes reach the other processes on a SQLite file: this process alone by default, or the
   * ShardingManager's IPC. PostgreSQL always uses LISTEN/NOTIFY, which reaches every shard on every host.
   */
  changes?: ChangeFeed;
  /**
   * SQLite: also hear what other processes commit to this file (the operator CLI): a running bot
   * does, a one-off command does not. PostgreSQL always hears every host.
   */
  watchOtherProcesses?: boolean;
  /** Where a change notice that cannot be read, or cannot be sent, is reported. */
  onChangeError?: (error: unknown) => void;
}

/** The backup command of SQLite has no PostgreSQL twin in factdesk: the server's own tools do it. */
export class BackupElsewhereError extends Error {
  constructor() {
    super(
      'factdesk: the store is PostgreSQL (DATABASE_URL); back it up with pg_dump --format=custom --file=FILE "$DATABASE_URL"',
    );
    this.name = "BackupElsewhereError";
  }
}

export function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openPostgresStore(options.databaseUrl, options)
    : openSqliteStore(options.dataDir, options);
}
