import type { Database } from "better-sqlite3";
import type { ActivePointer, NewVersion, StoredVersion } from "./reportVersions.js";
import { ReportVersions } from "./reportVersions.js";

/**
 * Report versions and the per-scope pointer behind one asynchronous interface, so SQLite (embedded,
 * one host) and PostgreSQL (shared by many hosts) are interchangeable and run one test suite.
 */
export interface VersionCatalog {
  insert(version: NewVersion): Promise<number>;
  get(id: number): Promise<StoredVersion | undefined>;
  text(id: number): Promise<string>;
  /** Newest first: the guild's own versions and the default ones, or only the default ones for null. */
  history(guildId: string | null, limit: number): Promise<StoredVersion[]>;
  pointers(): Promise<ActivePointer[]>;
  setPointer(scope: string, versionId: number, activatedBy: string | null, at: Date): Promise<void>;
  clearPointer(scope: string): Promise<void>;
  /**
   * Run `work` in one transaction that no other change of `scope` (from this process or another)
   * can interleave with: two refreshes at once give two versions in order, never a torn state, and
   * a process that dies inside leaves nothing of its work behind.
   */
  inScope<T>(scope: string, work: (versions: VersionCatalog) => Promise<T>): Promise<T>;
}

/**
 * SQLite's catalog over one connection. Its transactions are the file's write lock (BEGIN
 * IMMEDIATE, waiting up to the connection's busy_timeout for another process), taken one at a time
 * inside this process, since they share the connection.
 */
export function sqliteVersionCatalog(db: Database): VersionCatalog {
  const versions = new ReportVersions(db);
  let queue: Promise<unknown> = Promise.resolve();
  const catalog: VersionCatalog = {
    insert: async (version) => versions.insert(version),
    get: async (id) => versions.get(id),
    text: async (id) => versions.text(id),
    history: async (guildId, limit) => versions.history(guildId, limit),
    pointers: async () => versions.pointers(),
    setPointer: async (scope, versionId, activatedBy, at) =>
      versions.setPointer(scope, versionId, activatedBy, at),
    clearPointer: async (scope) => versions.clearPointer(scope),
    inScope(_scope, work) {
      const run = queue.then(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(catalog);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          db.exec("ROLLBACK");
          throw error;
        }
      });
      queue = run.catch(() => {});
      return run;
    },
  };
  return catalog;
}
