// Every way a change committed by one process reaches another that shares its store, event-driven:
// an in-process feed (the shape IPC and NOTIFY take), and the operator CLI committing to the same
// SQLite file from its own process, heard through the file. No path polls.
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { LibraryOptions } from "../../src/library/types.js";
import { openServices } from "../../src/openServices.js";
import type { ChangeFeed, StoreChange } from "../../src/store/changes.js";
import { localChanges } from "../../src/store/changes.js";
import { DATABASE_FILE } from "../../src/store/db.js";
import { useTempDirs } from "../store/tempDir.js";
import {
  FIXTURE_PATH,
  GUILD_A,
  MODERATOR,
  silentLogger,
  testConfig,
  topFigure,
} from "./harness.js";

const tempDir = useTempDirs();
const opened: { close(): Promise<void> }[] = [];
const QUESTION = "How many drug cases were cracked in Zhejiang?";
/** The bound, from the commit to the other process answering from the new version. */
const PROPAGATION_MS = 1_000;

afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
});

/** Resolves when the library has taken in a change heard from elsewhere that `matches`. */
function appliedHooks() {
  const waiters: { matches: (change: StoreChange) => boolean; resolve: () => void }[] = [];
  const hooks: LibraryOptions["hooks"] = {
    applied(change) {
      for (const waiter of waiters.filter((w) => w.matches(change))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
  };
  const applied = (matches: (change: StoreChange) => boolean) =>
    new Promise<void>((resolve) => waiters.push({ matches, resolve }));
  return { hooks, applied };
}

async function openOn(dataDir: string, options: LibraryOptions) {
  const services = await openServices(testConfig(dataDir), silentLogger, options);
  opened.push(services);
  return services;
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
    const first = await openOn(tempDir(), { changes: feed });
    const heard = nextChange(feed);
    await first.library.refresh({
      guildId: GUILD_A,
      moderatorId: MODERATOR,
      input: { kind: "file", path: FIXTURE_PATH },
    });
    expect(await heard).toEqual({ kind: "report", guildId: GUILD_A });
  });

  it("reaches the other process's answers, pins and settings as events, with no poll", async () => {
    const dataDir = tempDir();
    const feed = localChanges();
    const first = await openOn(dataDir, { changes: feed, watchOtherProcesses: false });
    const { hooks, applied } = appliedHooks();
    const second = await openOn(dataDir, { changes: feed, watchOtherProcesses: false, hooks });

    const report = applied((change) => change.kind === "report");
    await first.library.refresh({
      guildId: GUILD_A,
      moderatorId: MODERATOR,
      input: { kind: "file", path: FIXTURE_PATH },
    });
    await report;
    expect(second.reports.activeVersion(GUILD_A).version).toBe(2);
    expect((await topFigure(second, GUILD_A, QUESTION)).value).toBe(3412);

    const pins = applied((change) => change.kind === "pins");
    const pin = await first.library.pins.pin({
      guildId: GUILD_A,
      moderatorId: MODERATOR,
      question: "what was pinned?",
      paragraph: 1,
      figure: null,
      note: null,
    });
    await pins;
    expect((await second.library.pins.list(GUILD_A)).map((p) => p.id)).toEqual([pin.id]);

    const settings = applied((change) => change.kind === "settings");
    await first.settings.update(GUILD_A, MODERATOR, { chat: false });
    await settings;
    expect(second.settings.forGuild(GUILD_A).chat).toBe(false);
  });

  it("by the operator CLI on the same SQLite file is answered by a running bot within 1 s", async () => {
    const dataDir = tempDir();
    const { hooks, applied } = appliedHooks();
    const bot = await openOn(dataDir, { hooks });
    const before = await topFigure(bot, GUILD_A, QUESTION);
    const heard = applied((change) => change.kind === "report" && change.guildId === GUILD_A);

    const cli = spawn(
      process.execPath,
      ["--import", "tsx", "src/reportCli.ts", "import", FIXTURE_PATH, "--guild", GUILD_A],
      { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", DISCORD_TOKEN: "" } },
    );
    const exited = new Promise<number | null>((resolve) => cli.once("exit", resolve));
    await heard;
    const after = await topFigure(bot, GUILD_A, QUESTION);
    const answeredAt = Date.now();
    expect(await exited).toBe(0);
    // The CLI touched the database file right after its commit; nothing has written it since.
    const committedAt = statSync(join(dataDir, DATABASE_FILE)).mtimeMs;

    expect(before.value).not.toBe(3412);
    expect(after.value).toBe(3412);
    expect(bot.reports.activeVersion(GUILD_A).version).toBe(2);
    expect(answeredAt - committedAt).toBeLessThan(PROPAGATION_MS);
  }, 60_000);

  it("rejects a malformed announcement at the boundary", () => {
    const feed = localChanges();
    expect(() => feed.notifyChange({ kind: "report" } as unknown as StoreChange)).toThrow();
  });
});
