import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DATABASE_FILE, openDatabase } from "../../src/store/db.js";
import { openStore } from "../../src/store/index.js";
import { SCHEMA_VERSION } from "../../src/store/migrations.js";
import { useTempDirs } from "./tempDir.js";

const tempDir = useTempDirs();

describe("openDatabase", () => {
  it("creates DATA_DIR/factdesk.db in WAL mode at the current schema version", () => {
    const dir = join(tempDir(), "nested", "data");
    const db = openDatabase(dir);
    expect(db.name).toBe(join(dir, DATABASE_FILE));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it("reopens an existing database without migrating it twice", () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it("refuses a database written by a newer schema, saying so", () => {
    const dir = tempDir();
    const raw = new BetterSqlite3(join(dir, DATABASE_FILE));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(dir)).toThrow(
      `was written by a newer factdesk (schema version ${SCHEMA_VERSION + 1}; this build knows up to ${SCHEMA_VERSION})`,
    );
  });
});

describe("feedback", () => {
  it("counts one vote per user per answer and never stores the user id", () => {
    const dir = tempDir();
    const store = openStore(dir);
    const userId = "123456789012345678";
    const vote = { guildId: "900000000000000001", answerId: "answer-1", userId } as const;
    expect(store.feedback.record({ ...vote, vote: "up" })).toBe(true);
    expect(store.feedback.record({ ...vote, vote: "down" })).toBe(false);
    expect(store.feedback.record({ ...vote, answerId: "answer-2", vote: "down" })).toBe(true);
    expect(store.feedback.record({ ...vote, userId: "223456789012345678", vote: "up" })).toBe(true);
    expect(store.feedback.totals(vote.guildId)).toEqual({ up: 2, down: 1 });
    expect(store.feedback.totals("900000000000000002")).toEqual({ up: 0, down: 0 });
    store.close();

    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((name) => join(dir, name));
    for (const file of files.filter((path) => existsSync(path))) {
      expect(readFileSync(file).includes(Buffer.from(userId))).toBe(false);
    }
  });

  it("remembers who voted across a restart", () => {
    const dir = tempDir();
    const vote = {
      guildId: null,
      answerId: "a",
      userId: "123456789012345678",
      vote: "up",
    } as const;
    const first = openStore(dir);
    first.feedback.record(vote);
    first.close();
    const second = openStore(dir);
    expect(second.feedback.record(vote)).toBe(false);
    expect(second.feedback.totals(null)).toEqual({ up: 1, down: 0 });
    second.close();
  });
});

describe("question log", () => {
  it("returns recent unanswered and low-confidence questions of one guild", () => {
    const store = openStore(tempDir());
    const base = { channelId: "1", confidence: 0.9, status: "answered" as const };
    const day = (n: number) => new Date(Date.UTC(2024, 4, n));
    store.questions.record([
      { ...base, guildId: "g1", question: "old gap", status: "not_found", askedAt: day(1) },
      { ...base, guildId: "g1", question: "good answer", askedAt: day(10) },
      { ...base, guildId: "g1", question: "unsure", confidence: 0.2, askedAt: day(10) },
      { ...base, guildId: "g1", question: "missing", status: "not_found", askedAt: day(11) },
      { ...base, guildId: "g2", question: "elsewhere", status: "not_found", askedAt: day(11) },
    ]);
    const query = { since: day(5), lowConfidence: 0.5, limit: 100 };
    const oneGuild = store.questions.gapCandidates({ ...query, guildId: "g1" });
    expect(oneGuild.map((row) => row.question)).toEqual(["missing", "unsure"]);
    const everywhere = store.questions.gapCandidates({ ...query, guildId: null });
    expect(everywhere.map((row) => row.question)).toEqual(["elsewhere", "missing", "unsure"]);
    store.close();
  });
});
