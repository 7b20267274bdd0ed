import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { SCHEMA_VERSION } from "../../src/store/migrations.js";
import { migratePostgres, PostgresSchemaTooNewError } from "../../src/store/postgres/migrations.js";
import {
  inScopeTransaction,
  PostgresReportVersions,
} from "../../src/store/postgres/reportVersions.js";
import { ReportVersions } from "../../src/store/reportVersions.js";
import { useTempDirs } from "../store/tempDir.js";
import { usePostgres } from "./server.js";
import { newVersion } from "./versions.js";

const server = usePostgres();
const tempDir = useTempDirs();
const GUILD = "100000000000000001";
const versions = new PostgresReportVersions();
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

describe("report versions on PostgreSQL", () => {
  it("read back as SQLite's do", async () => {
    const id = await versions.insert(sql, newVersion(null, "default text"));
    await versions.setPointer(sql, "default", id, null, new Date("2030-01-02T00:00:00Z"));
    const db = openDatabase(tempDir());
    const sqlite = new ReportVersions(db);
    const sqliteId = sqlite.insert(newVersion(null, "default text"));
    sqlite.setPointer("default", sqliteId, null, new Date("2030-01-02T00:00:00Z"));

    const { id: _pg, ...pgRow } = (await versions.get(sql, id)) ?? { id: 0 };
    const { id: _lite, ...liteRow } = sqlite.get(sqliteId) ?? { id: 0 };
    expect(pgRow).toEqual(liteRow);
    expect(await versions.text(sql, id)).toBe("default text");
    expect((await versions.history(sql, null, 10)).map((v) => v.id)).toEqual([id]);
    expect(await versions.pointers(sql)).toEqual(sqlite.pointers());
    db.close();
  });

  it("two refreshes of one server at once give two versions in order, the later one active", async () => {
    const refresh = (text: string) =>
      inScopeTransaction(sql, GUILD, async (tx) => {
        const before = (await versions.pointers(tx)).find((p) => p.scope === GUILD);
        const id = await versions.insert(tx, newVersion(GUILD, text));
        await versions.setPointer(tx, GUILD, id, null, new Date());
        return { before: before?.versionId ?? null, id };
      });
    const [first, second] = await Promise.all([refresh("first"), refresh("second")]);
    const [earlier, later] = [first, second].sort((a, b) => a.id - b.id);
    // The later one saw the earlier one's version as the one it replaced: no lost update.
    expect(later?.before).toBe(earlier?.id);
    const active = (await versions.pointers(sql)).find((p) => p.scope === GUILD);
    expect(active?.versionId).toBe(later?.id);
  });

  it("a host killed with SIGKILL mid-refresh leaves the store as it was, and unlocked", async () => {
    const scope = "100000000000000002";
    const before = await versions.pointers(sql);
    const child = spawn(process.execPath, [
      "--import",
      "tsx",
      "tests/postgres/refreshChild.ts",
      server().url,
      scope,
    ]);
    const lines = createInterface({ input: child.stdout });
    await once(lines, "line");
    child.kill("SIGKILL");
    await once(child, "exit");

    // The server notices the dropped session and rolls its transaction back; the next refresh
    // of that server gets the lock and commits.
    const id = await inScopeTransaction(sql, scope, async (tx) => {
      const inserted = await versions.insert(tx, newVersion(scope, "after the crash"));
      await versions.setPointer(tx, scope, inserted, null, new Date());
      return inserted;
    });
    const after = await versions.pointers(sql);
    expect(after.filter((p) => p.scope !== scope)).toEqual(before);
    expect(after.find((p) => p.scope === scope)?.versionId).toBe(id);
    const halfDone = await sql`SELECT id FROM report_versions WHERE text = 'half-done'`;
    expect(halfDone).toHaveLength(0);
  });
});
