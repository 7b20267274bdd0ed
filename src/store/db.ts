import { mkdirSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { migrate } from "./migrations.js";

export const DATABASE_FILE = "factdesk.db";

/** Open (creating if needed) DATA_DIR/factdesk.db in WAL mode and migrate it to this build's schema. */
export function openDatabase(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  const db = new BetterSqlite3(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    // The operator CLI and the running bot may write at the same moment.
    db.pragma("busy_timeout = 5000");
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
