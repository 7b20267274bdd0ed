import { afterEach, describe, expect, it } from "vitest";
import { scheduleRetention } from "../../src/ops/schedule.js";
import { openStore, type Store } from "../../src/store/index.js";
import { silentLogger } from "../library/harness.js";
import { useTempDirs } from "../store/tempDir.js";

const tempDir = useTempDirs();
const DAY = 24 * 60 * 60 * 1000;
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
});

function asked(daysAgo: number, now: Date) {
  return {
    guildId: null,
    channelId: null,
    question: `asked ${daysAgo} days ago`,
    status: "not_found" as const,
    confidence: 0,
    askedAt: new Date(now.getTime() - daysAgo * DAY),
  };
}

describe("question-log retention", () => {
  it("deletes the questions older than QUESTION_LOG_DAYS and keeps the rest", async () => {
    const now = new Date("2030-06-30T12:00:00Z");
    const opened = await openStore({ dataDir: tempDir() });
    store = opened;
    await opened.questions.record([asked(400, now), asked(91, now), asked(89, now), asked(1, now)]);
    const retention = scheduleRetention(opened, 90, silentLogger, () => now);
    retention.stop();
    expect(await retention.runOnce()).toBe(0);
    const left = await opened.questions.gapCandidates({
      guildId: null,
      since: new Date(0),
      lowConfidence: 1,
      limit: 10,
    });
    expect(left.map((row) => row.question).sort()).toEqual([
      "asked 1 days ago",
      "asked 89 days ago",
    ]);
  });
});
