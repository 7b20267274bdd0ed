import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VOTER_TOKEN_DAYS } from "../../src/store/feedback.js";
import { FEEDBACK_KEY_FILE } from "../../src/store/feedbackKey.js";
import { openStore as openStoreAt, type StoreOptions } from "../../src/store/index.js";
import { readDatabase } from "./readDatabase.js";
import { useTempDirs } from "./tempDir.js";

const tempDir = useTempDirs();
const openStore = (dataDir: string, options: Partial<StoreOptions> = {}) =>
  openStoreAt({ dataDir, ...options });
const DAY = 24 * 60 * 60 * 1000;
const vote = {
  guildId: "900000000000000001",
  answerId: "a",
  userId: "123456789012345678",
  question: "how many cases <@123456789012345678>?",
};

function voterRows(dir: string): number {
  return Number(
    readDatabase(dir, (db) => db.prepare("SELECT count(*) FROM feedback_voters").pluck().get()),
  );
}

describe("feedback privacy", () => {
  it("purges voter tokens after the retention period and keeps the totals", async () => {
    const dir = tempDir();
    const start = new Date(Date.UTC(2026, 0, 1));
    let now = start;
    const store = await openStore(dir, { now: () => now });
    expect(await store.feedback.record({ ...vote, vote: "up" })).toBe("counted");
    now = new Date(start.getTime() + (VOTER_TOKEN_DAYS - 1) * DAY);
    expect(await store.feedback.record({ ...vote, vote: "up" })).toBe("unchanged");
    await store.close();
    expect(voterRows(dir)).toBe(1);

    const later = await openStore(dir, {
      now: () => new Date(start.getTime() + (VOTER_TOKEN_DAYS + 1) * DAY),
    });
    expect(voterRows(dir)).toBe(0);
    expect(await later.feedback.totals(vote.guildId)).toEqual({ up: 1, down: 0 });
    await later.close();
  });

  it("keeps a 👎's question without its mentions", async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    await store.feedback.record({ ...vote, vote: "down" });
    const [row] = await store.feedback.downvoted({ guildId: null, since: new Date(0), limit: 5 });
    expect(row?.question).toBe("how many cases ?");
    await store.close();
  });

  it("keeps the key in a 0600 file beside the database, or derives it from FEEDBACK_SECRET", async () => {
    const dir = tempDir();
    await (await openStore(dir)).close();
    const keyFile = join(dir, FEEDBACK_KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);

    // The same vote under another key is another token: the key, not the database, decides.
    const first = await openStore(dir);
    expect(await first.feedback.record({ ...vote, vote: "up" })).toBe("counted");
    await first.close();
    const withSecret = await openStore(dir, { feedbackSecret: "a".repeat(40) });
    expect(await withSecret.feedback.record({ ...vote, vote: "up" })).toBe("counted");
    expect(await withSecret.feedback.record({ ...vote, vote: "up" })).toBe("unchanged");
    await withSecret.close();
  });

  it("refuses a damaged key file with a line saying what to do", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, FEEDBACK_KEY_FILE), "not a key\n");
    await expect(openStore(dir)).rejects.toThrow(
      /feedback\.key must be 64 hex characters; delete it/,
    );
  });
});

describe("question log privacy", () => {
  it("stores DM questions without a channel and every question without mentions", async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const base = { confidence: 0.9, status: "answered" as const, askedAt: new Date() };
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
    await store.close();
    const rows = readDatabase(dir, (db) =>
      db.prepare("SELECT guild_id, channel_id, question FROM question_log ORDER BY id").raw().all(),
    );
    expect(rows).toEqual([
      [null, null, "how many cases?"],
      ["g1", "666666666666666666", "cases ?"],
    ]);
  });
});
