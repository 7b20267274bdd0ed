import { join } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { DATABASE_FILE } from "../../src/store/db.js";

/** Reads the database file in `dataDir` as it is on disk, read-only, and closes it again. */
export function readDatabase<T>(dataDir: string, read: (db: Database) => T): T {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
