import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PATH } from "../library/harness.js";
import { fakeDiscordEnv, spawnBot } from "./botProcess.js";
import { FakeDiscord } from "./fakeDiscord.js";

let fake: FakeDiscord;
let dir: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  dir = mkdtempSync(join(tmpdir(), "factdesk-restart-"));
});

afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

function startBot(): { process: ChildProcess; exited: Promise<unknown[]> } {
  const env = fakeDiscordEnv(fake, dir, {
    DISCORD_TOKEN: "fake-token-for-restart",
    DATA_DIR: join(dir, "data"),
    LOG_LEVEL: "warn",
  });
  const child = spawnBot(env, "ignore");
  return { process: child, exited: once(child, "exit") };
}

describe("a bot process restart", () => {
  it("keeps a guild's uploaded report", async () => {
    const first = startBot();
    const upload = fake.attachment("zhejiang.txt", readFileSync(FIXTURE_PATH));
    const moderator = { permissions: PermissionFlagsBits.ManageGuild, subcommand: "refresh" };
    const refreshed = await (await fake.sendCommand("report", { file: upload }, moderator)).reply(
      20_000,
    );
    expect(JSON.stringify(refreshed.body)).toContain("Updated to version 2");
    first.process.kill("SIGTERM");
    expect(await first.exited).toEqual([0, null]);

    // After a restart only the default report is built: the guild's own is built on its first
    // question, whose reply is deferred first (public, as the answer will be), then filled in.
    const second = startBot();
    const question = "How many drug cases were cracked in Zhejiang?";
    const cold = await fake.sendCommand("ask", { question });
    const answered = await cold.reply(20_000);
    expect(JSON.stringify(answered.body)).toContain("3,412");
    expect(cold.responses.map((r) => [r.kind, r.ephemeral])).toEqual([
      ["defer", false],
      ["edit", false],
    ]);
    // Built once: the next question is answered at once, with no deferral.
    const again = await fake.sendCommand("ask", { question });
    await again.reply(20_000);
    expect(again.responses.map((r) => r.kind)).toEqual(["reply"]);
    second.process.kill("SIGTERM");
    await second.exited;
  });
});
