import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import postgres, { type Sql } from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { downvotedGaps } from "../../src/library/gaps.js";
import { DATABASE_FILE, openDatabase } from "../../src/store/db.js";
import { VOTER_TOKEN_DAYS } from "../../src/store/feedback.js";
import { SCHEMA_VERSION } from "../../src/store/migrations.js";
import { migratePostgres, PostgresSchemaTooNewError } from "../../src/store/postgres/migrations.js";
import { BACKENDS, useStores } from "./backends.js";
import { storeContains } from "./storedText.js";
import { useTempDirs } from "./tempDir.js";

const tempDir = useTempDirs();
const clients: Sql[] = [];
afterEach(async () => {
  for (const sql of clients.splice(0)) await sql.end();
});
const DAY = 24 * 60 * 60 * 1000;
const stores = useStores();

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

/** A fresh PostgreSQL database that two hosts migrated at the same moment, and a client on it. */
async function migratedTwice(): Promise<Sql> {
  const { databaseUrl } = await stores.target("postgres");
  const sql = postgres(databaseUrl ?? "", { onnotice: () => {} });
  clients.push(sql);
  // The second waits for the first (an advisory lock) and finds nothing left to do.
  await Promise.all([migratePostgres(sql), migratePostgres(sql)]);
  return sql;
}

describe("the PostgreSQL schema", () => {
  it("has SQLite's tables and columns, at SQLite's schema version", async () => {
    const sql = await migratedTwice();
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
    const sql = await migratedTwice();
    await sql`UPDATE schema_version SET version = ${SCHEMA_VERSION + 1}`;
    await expect(migratePostgres(sql)).rejects.toThrow(PostgresSchemaTooNewError);
  });
});

describe.each(BACKENDS)("feedback on %s", (backend) => {
  it("counts one vote per user per answer and never stores the user id", async () => {
    const store = await stores.fresh(backend);
    const userId = "123456789012345678";
    const vote = {
      guildId: "900000000000000001",
      answerId: "answer-1",
      userId,
      question: null,
    } as const;
    expect(await store.feedback.record({ ...vote, vote: "up" })).toBe("counted");
    expect(await store.feedback.record({ ...vote, vote: "up" })).toBe("unchanged");
    expect(await store.feedback.record({ ...vote, answerId: "answer-2", vote: "down" })).toBe(
      "counted",
    );
    expect(await store.feedback.record({ ...vote, userId: "223456789012345678", vote: "up" })).toBe(
      "counted",
    );
    expect(await store.feedback.totals(vote.guildId)).toEqual({ up: 2, down: 1 });
    expect(await store.feedback.totals("900000000000000002")).toEqual({ up: 0, down: 0 });
    await store.close();
    expect(await storeContains(store.target, userId)).toBe(false);
  });

  it("remembers who voted across a restart", async () => {
    const target = await stores.target(backend);
    const vote = {
      guildId: null,
      answerId: "a",
      userId: "123456789012345678",
      vote: "up",
      question: null,
    } as const;
    const first = await stores.open(target);
    await first.feedback.record(vote);
    await first.close();
    const second = await stores.open(target);
    expect(await second.feedback.record(vote)).toBe("unchanged");
    expect(await second.feedback.totals(null)).toEqual({ up: 1, down: 0 });
  });

  it("forgets voter tokens after VOTER_TOKEN_DAYS and keeps the totals", async () => {
    const start = new Date(Date.UTC(2026, 0, 1));
    let now = start;
    const store = await stores.fresh(backend, { now: () => now });
    const vote = {
      guildId: "900000000000000001",
      answerId: "a",
      userId: "123456789012345678",
      vote: "up",
      question: null,
    } as const;
    expect(await store.feedback.record(vote)).toBe("counted");
    now = new Date(start.getTime() + (VOTER_TOKEN_DAYS - 1) * DAY);
    expect(await store.feedback.purgeExpired()).toBe(0);
    expect(await store.feedback.record(vote)).toBe("unchanged");
    now = new Date(start.getTime() + (VOTER_TOKEN_DAYS + 1) * DAY);
    expect(await store.feedback.purgeExpired()).toBe(1);
    expect(await store.feedback.totals(vote.guildId)).toEqual({ up: 1, down: 0 });
  });

  it("counts a double click taken by two connections at once as one vote", async () => {
    const target = await stores.target(backend);
    const [one, two] = [await stores.open(target), await stores.open(target)];
    const vote = {
      guildId: "900000000000000001",
      answerId: "answer-1",
      userId: "123456789012345678",
      vote: "down",
      question: "how many boats were stopped?",
    } as const;
    const outcomes = await Promise.all([one.feedback.record(vote), two.feedback.record(vote)]);
    expect(outcomes.sort()).toEqual(["counted", "unchanged"]);
    expect(await one.feedback.totals(vote.guildId)).toEqual({ up: 0, down: 1 });
  });
});

describe.each(BACKENDS)("changing a vote on %s", (backend) => {
  const at = new Date(Date.UTC(2024, 4, 10));
  const vote = {
    guildId: "900000000000000001",
    answerId: "answer-1",
    userId: "123456789012345678",
    question: "how many boats were stopped?",
  } as const;

  it("moves the vote between the totals, and a 👎 links the question, not the voter", async () => {
    const store = await stores.fresh(backend);
    const downvoted = (guildId: string | null) =>
      store.feedback.downvoted({ guildId, since: at, limit: 10 });
    expect(await store.feedback.record({ ...vote, vote: "up" }, at)).toBe("counted");
    expect(await downvoted(vote.guildId)).toEqual([]);
    expect(await store.feedback.record({ ...vote, vote: "down" }, at)).toBe("changed");
    expect(await store.feedback.totals(vote.guildId)).toEqual({ up: 0, down: 1 });
    expect(await downvoted(vote.guildId)).toEqual([
      { question: vote.question, down: 1, votedAt: at },
    ]);
    expect(await store.feedback.record({ ...vote, vote: "up" }, at)).toBe("changed");
    expect(await store.feedback.totals(vote.guildId)).toEqual({ up: 1, down: 0 });
    expect(await downvoted(null)).toEqual([]);
    await store.close();
    expect(await storeContains(store.target, vote.userId)).toBe(false);
  });

  it("groups down-voted answers that ask the same thing for /report gaps", async () => {
    const store = await stores.fresh(backend);
    const down = (answerId: string, userId: string, question: string) =>
      store.feedback.record({ ...vote, answerId, userId, question, vote: "down" }, at);
    await down("a1", "1", "how many boats were stopped?");
    await down("a1", "2", "how many boats were stopped?");
    await down("a2", "1", "How many boats were stoped");
    await down("a3", "1", "who led the operation?");
    const later = new Date(Date.UTC(2024, 4, 20));
    const groups = await downvotedGaps(store, vote.guildId, 30, 10, later);
    expect(groups.map((g) => [g.question, g.down])).toEqual([
      ["how many boats were stopped?", 3],
      ["who led the operation?", 1],
    ]);
    expect(await downvotedGaps(store, vote.guildId, 1, 10, later)).toEqual([]);
  });
});

describe.each(BACKENDS)("question log on %s", (backend) => {
  it("returns recent unanswered and low-confidence questions of one guild", async () => {
    const store = await stores.fresh(backend);
    const base = { channelId: "1", confidence: 0.9, status: "answered" as const };
    const day = (n: number) => new Date(Date.UTC(2024, 4, n));
    await store.questions.record([
      { ...base, guildId: "g1", question: "old gap", status: "not_found", askedAt: day(1) },
      { ...base, guildId: "g1", question: "good answer", askedAt: day(10) },
      { ...base, guildId: "g1", question: "unsure", confidence: 0.2, askedAt: day(10) },
      { ...base, guildId: "g1", question: "missing", status: "not_found", askedAt: day(11) },
      { ...base, guildId: "g2", question: "elsewhere", status: "not_found", askedAt: day(11) },
    ]);
    const query = { since: day(5), lowConfidence: 0.5, limit: 100 };
    const oneGuild = await store.questions.gapCandidates({ ...query, guildId: "g1" });
    expect(oneGuild.map((row) => row.question)).toEqual(["missing", "unsure"]);
    const everywhere = await store.questions.gapCandidates({ ...query, guildId: null });
    expect(everywhere.map((row) => row.question)).toEqual(["elsewhere", "missing", "unsure"]);
    expect(await store.questions.deleteBefore(day(10))).toBe(1);
    expect(await store.questions.gapCandidates({ ...query, since: day(0), guildId: "g1" })).toEqual(
      oneGuild,
    );
  });

  it("stores DM questions without a channel and every question without mentions", async () => {
    const store = await stores.fresh(backend);
    const base = { confidence: 0.9, status: "not_found" as const, askedAt: new Date() };
    await store.questions.record([
      {
        ...base,
        guildId: null,
        channelId: "555555555555555555",
        question: "<@111111111111111111> how many cases?",
      },
      {
        ...base,
        guildId: "g1",
        channelId: "666666666666666666",
        question: "cases <@!2222222222222222> <#3333333333333333> <@&444444444444444444>?",
      },
    ]);
    const query = { since: new Date(0), lowConfidence: 0.5, limit: 10 };
    const rows = await store.questions.gapCandidates({ ...query, guildId: null });
    expect(rows.map((row) => row.question)).toEqual(["cases ?", "how many cases?"]);
    await store.close();
    expect(await storeContains(store.target, "555555555555555555")).toBe(false);
    expect(await storeContains(store.target, "111111111111111111")).toBe(false);
  });
});

describe.each(BACKENDS)("settings, pins and audit on %s", (backend) => {
  const guildId = "900000000000000001";
  const at = new Date("2030-01-02T00:00:00Z");

  it("keeps a server's overrides, and forgets them when they are all reset", async () => {
    const store = await stores.fresh(backend);
    await store.settings.save(
      guildId,
      { chat: false, askChannelIds: ["123456789012345678"] },
      null,
      at,
    );
    expect(await store.settings.all()).toEqual(
      new Map([[guildId, { chat: false, askChannelIds: ["123456789012345678"] }]]),
    );
    expect(await store.settings.get(guildId)).toEqual({
      chat: false,
      askChannelIds: ["123456789012345678"],
    });
    expect(await store.settings.get("900000000000000002")).toEqual({});
    await store.settings.save(guildId, {}, "200000000000000001", at);
    expect((await store.settings.all()).size).toBe(0);
  });

  it("keeps pins per version and reads them back as they were written", async () => {
    const store = await stores.fresh(backend);
    const versionId = await store.versions.insert({
      guildId,
      sha256: "a".repeat(64),
      source: "upload:harbour.txt",
      text: "Customs stopped 12 boats.",
      byteLength: 25,
      paragraphs: 1,
      facts: 1,
      createdBy: null,
      createdAt: at,
      meta: { title: "Harbour report" },
    });
    const pin = {
      guildId,
      versionId,
      question: "how many boats were stopped?",
      paragraph: 1,
      figure: "12 boats",
      note: null,
      paragraphText: "Customs stopped 12 boats.",
      createdBy: "200000000000000001",
      createdAt: at,
    };
    const id = await store.pins.insert(pin);
    await store.audit.record({
      at,
      guildId,
      moderatorId: null,
      action: "pin",
      versionId,
      detail: `#${id}`,
    });
    expect(await store.pins.get(id)).toEqual({ ...pin, id });
    expect(await store.pins.forVersion(versionId)).toEqual([{ ...pin, id }]);
    expect(await store.versions.get(versionId)).toMatchObject({
      meta: { title: "Harbour report" },
    });
    await store.pins.delete(id);
    expect(await store.pins.get(id)).toBeUndefined();
  });
});
