import { afterEach, describe, expect, it } from "vitest";
import { openServices } from "../../src/openServices.js";
import type { ChangeFeed, StoreChange } from "../../src/store/changes.js";
import { localChanges } from "../../src/store/changes.js";
import { useTempDirs } from "../store/tempDir.js";
import { FIXTURE_PATH, GUILD_A, MODERATOR, silentLogger, testConfig } from "./harness.js";

const tempDir = useTempDirs();
const opened: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
});

/** Two processes' worth of services on one data directory, told of each other's commits by `feed`. */
async function twoOnOneStore(feed: ChangeFeed) {
  const config = testConfig(tempDir());
  const first = await openServices(config, silentLogger, { changes: feed });
  opened.push(first);
  const second = await openServices(config, silentLogger, { changes: feed });
  opened.push(second);
  return { first, second };
}

function nextChange(feed: ChangeFeed): Promise<StoreChange> {
  return new Promise((resolve) => {
    const stop = feed.onChange((change) => {
      stop();
      resolve(change);
    });
  });
}

describe("a change committed by one process", () => {
  it("is announced once, with the guild it concerns", async () => {
    const feed = localChanges();
    const { first } = await twoOnOneStore(feed);
    const heard = nextChange(feed);
    await first.library.refresh({
      guildId: GUILD_A,
      moderatorId: MODERATOR,
      input: { kind: "file", path: FIXTURE_PATH },
    });
    expect(await heard).toEqual({ kind: "report", guildId: GUILD_A });
  });

  it("reaches the other process's answers, pins and settings without waiting for a poll", async () => {
    const feed = localChanges();
    const { first, second } = await twoOnOneStore(feed);
    const reloaded = nextChange(feed);
    await first.library.refresh({
      guildId: GUILD_A,
      moderatorId: MODERATOR,
      input: { kind: "file", path: FIXTURE_PATH },
    });
    await reloaded;
    await second.library.reloadIfChangedElsewhere();
    expect(second.reports.active(GUILD_A).version).toBe(first.reports.active(GUILD_A).version);

    const pin = await first.library.pins.pin({
      guildId: GUILD_A,
      moderatorId: MODERATOR,
      question: "what was pinned?",
      paragraph: 1,
      figure: null,
      note: null,
    });
    await second.library.reloadIfChangedElsewhere();
    expect((await second.library.pins.list(GUILD_A)).map((p) => p.id)).toEqual([pin.id]);

    await first.settings.update(GUILD_A, MODERATOR, { chat: false });
    // The other process reads its settings again as soon as it hears of the change.
    await expect.poll(() => second.settings.forGuild(GUILD_A).chat).toBe(false);
  });

  it("rejects a malformed announcement at the boundary", () => {
    const feed = localChanges();
    expect(() => feed.notifyChange({ kind: "report" } as unknown as StoreChange)).toThrow();
  });
});
