import postgres from "postgres";
import { openDatabase } from "../../src/store/db.js";
import { migratePostgres } from "../../src/store/postgres/migrations.js";
import { PostgresVersionCatalog } from "../../src/store/postgres/versionCatalog.js";
import { sqliteVersionCatalog, type VersionCatalog } from "../../src/store/versionCatalog.js";

export type Backend = "sqlite" | "postgres";

export interface OpenCatalog {
  catalog: VersionCatalog;
  close(): Promise<void>;
}

/** The catalog of one backend: `target` is a data directory (SQLite) or a database URL. */
export async function openCatalog(backend: Backend, target: string): Promise<OpenCatalog> {
  if (backend === "sqlite") {
    const db = openDatabase(target);
    return { catalog: sqliteVersionCatalog(db), close: async () => void db.close() };
  }
  const sql = postgres(target, { onnotice: () => {} });
  await migratePostgres(sql);
  return { catalog: new PostgresVersionCatalog(sql), close: () => sql.end() };
}
