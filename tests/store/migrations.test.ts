import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../../src/store/db.js";
import { openStore } from "../../src/store/index.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/store/migrations.js";
import { readDatabase } from "./readDatabase.js";
import { useTempDirs } from "./tempDir.js";

const tempDir = useTempDirs();

describe("upgrading a database written by the first schema", () => {
  it("keeps its report versions, gives them empty metadata, and adds settings and pins", async () => {
    const dir = tempDir();
    const old = new BetterSqlite3(join(dir, DATABASE_FILE));
    old.exec(MIGRATIONS[0]?.sqlite ?? "");
    old.pragma("user_version = 1");
    old
      .prepare(
        `INSERT INTO report_versions (guild_id, sha256, source, text, byte_length, paragraphs,
           facts, created_by, created_at) VALUES (NULL, ?, 'file:old.txt', 'Old text.', 9, 1, 1, NULL, ?)`,
      )
      .run("a".repeat(64), new Date("2030-01-01T00:00:00Z").toISOString());
    old.close();

    const store = await openStore({ dataDir: dir });
    try {
      expect(await store.versions.get(1)).toMatchObject({ source: "file:old.txt", meta: {} });
      expect((await store.settings.all()).size).toBe(0);
      expect(await store.pins.forVersion(1)).toEqual([]);
    } finally {
      await store.close();
    }
    const version = readDatabase(dir, (db) => db.pragma("user_version", { simple: true }));
    expect(version).toBe(SCHEMA_VERSION);
  });
});
