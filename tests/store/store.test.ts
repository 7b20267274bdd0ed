import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { downvotedGaps } from "../../src/library/gaps.js";
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
    const vote = {
      guildId: "900000000000000001",
      answerId: "answer-1",
      userId,
      question: null,
    } as const;
    expect(store.feedback.record({ ...vote, vote: "up" })).toBe("counted");
    expect(store.feedback.record({ ...vote, vote: "up" })).toBe("unchanged");
    expect(store.feedback.record({ ...vote, answerId: "answer-2", vote: "down" })).toBe("counted");
    expect(store.feedback.record({ ...vote, userId: "223456789012345678", vote: "up" })).toBe(
      "counted",
    );
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
      question: null,
    } as const;
    const first = openStore(dir);
    first.feedback.record(vote);
    first.close();
    const second = openStore(dir);
    expect(second.feedback.record(vote)).toBe("unchanged");
    expect(second.feedback.totals(null)).toEqual({ up: 1, down: 0 });
    second.close();
  });
});

describe("changing a vote", () => {
  const at = new Date(Date.UTC(2024, 4, 10));
  const vote = {
    guildId: "900000000000000001",
    answerId: "answer-1",
    userId: "123456789012345678",
    question: "how many boats were stopped?",
  } as const;

  it("moves the vote between the totals, and a 👎 links the question, not the voter", () => {
    const dir = tempDir();
    const store = openStore(dir);
    expect(store.feedback.record({ ...vote, vote: "up" }, at)).toBe("counted");
    expect(store.feedback.downvoted({ guildId: vote.guildId, since: at, limit: 10 })).toEqual([]);
    expect(store.feedback.record({ ...vote, vote: "down" }, at)).toBe("changed");
    expect(store.feedback.totals(vote.guildId)).toEqual({ up: 0, down: 1 });
    expect(store.feedback.downvoted({ guildId: vote.guildId, since: at, limit: 10 })).toEqual([
      { question: vote.question, down: 1, votedAt: at },
    ]);
    expect(store.feedback.record({ ...vote, vote: "up" }, at)).toBe("changed");
    expect(store.feedback.totals(vote.guildId)).toEqual({ up: 1, down: 0 });
    expect(store.feedback.downvoted({ guildId: null, since: at, limit: 10 })).toEqual([]);
    store.close();
    const saved = readFileSync(join(dir, DATABASE_FILE));
    expect(saved.includes(Buffer.from(vote.userId))).toBe(false);
  });

  it("groups down-voted answers that ask the same thing for /report gaps", () => {
    const store = openStore(tempDir());
    const down = (answerId: string, userId: string, question: string) =>
      store.feedback.record({ ...vote, answerId, userId, question, vote: "down" }, at);
    down("a1", "1", "how many boats were stopped?");
    down("a1", "2", "how many boats were stopped?");
    down("a2", "1", "How many boats were stoped");
    down("a3", "1", "who led the operation?");
    const groups = downvotedGaps(store, vote.guildId, 30, 10, new Date(Date.UTC(2024, 4, 20)));
    expect(groups.map((g) => [g.question, g.down])).toEqual([
      ["how many boats were stopped?", 3],
      ["who led the operation?", 1],
    ]);
    expect(downvotedGaps(store, vote.guildId, 1, 10, new Date(Date.UTC(2024, 4, 20)))).toEqual([]);
    store.close();
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
