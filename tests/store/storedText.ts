import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { DATABASE_FILE } from "../../src/store/db.js";
import type { StoreTarget } from "./backends.js";

/**
 * Whether `text` is kept anywhere in the store: in the SQLite file's bytes (and its WAL), or in
 * any row of any PostgreSQL table.
 */
export async function storeContains(target: StoreTarget, text: string): Promise<boolean> {
  if (!target.databaseUrl) {
    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((name) => join(target.dataDir, name));
    return files
      .filter((file) => existsSync(file))
      .some((file) => readFileSync(file).includes(Buffer.from(text)));
  }
  const sql = postgres(target.databaseUrl, { onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`SELECT table_name AS name
      FROM information_schema.tables WHERE table_schema = 'public'`;
    for (const { name } of tables) {
      const rows = await sql.unsafe(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
      if (rows.some((row) => String(row.row).includes(text))) return true;
    }
    return false;
  } finally {
    await sql.end();
  }
}
