import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { SCHEMA_VERSION } from "../../src/store/migrations.js";
import { migratePostgres, PostgresSchemaTooNewError } from "../../src/store/postgres/migrations.js";
import { useTempDirs } from "../store/tempDir.js";
import { usePostgres } from "./server.js";

const server = usePostgres();
const tempDir = useTempDirs();
let sql: Sql;

beforeAll(async () => {
  sql = postgres(server().url, { onnotice: () => {} });
  // Two hosts starting at once: the second waits for the first and finds nothing left to do.
  await Promise.all([migratePostgres(sql), migratePostgres(sql)]);
});

afterAll(async () => {
  await sql.end();
});

describe("the PostgreSQL schema", () => {
  it("has SQLite's tables and columns, at SQLite's schema version", async () => {
    const sqlite = openDatabase(tempDir());
    const sqliteTables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const expected = Object.fromEntries(
      sqliteTables.map((table) => [
        table,
        (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).sort(),
      ]),
    );
    sqlite.close();
    const rows = await sql<{ table: string; column: string }[]>`
      SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'schema_version'`;
    const actual: Record<string, string[]> = {};
    for (const row of rows) actual[row.table] = [...(actual[row.table] ?? []), row.column].sort();
    expect(actual).toEqual(expected);
    const [row] = await sql`SELECT version FROM schema_version`;
    expect(row?.version).toBe(SCHEMA_VERSION);
  });

  it("refuses a database written by a newer factdesk, in one line that says what to do", async () => {
    await sql`UPDATE schema_version SET version = ${SCHEMA_VERSION + 1}`;
    try {
      await expect(migratePostgres(sql)).rejects.toThrow(PostgresSchemaTooNewError);
    } finally {
      await sql`UPDATE schema_version SET version = ${SCHEMA_VERSION}`;
    }
  });
});
