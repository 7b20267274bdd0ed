import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PATH } from "../library/harness.js";
import { FakeDiscord } from "./fakeDiscord.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
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

/**
 * The bot as one node process, as `node dist/main.js` runs in production, with a clean environment.
 * Not through the tsx CLI: it relays a SIGTERM and SIGKILLs the bot when the bot takes over 30 ms
 * to acknowledge it, which a loaded machine does.
 */
function startBot(): { process: ChildProcess; exited: Promise<unknown[]> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: repo,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOTENV_PATH: join(dir, "none.env"),
      DISCORD_TOKEN: "fake-token-for-restart",
      DISCORD_CLIENT_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: join(dir, "data"),
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  return { process: child, exited: once(child, "exit") };
}

async function askText(question: string): Promise<string> {
  const reply = await (await fake.sendCommand("ask", { question })).reply(20_000);
  return JSON.stringify(reply.body);
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

    const second = startBot();
    expect(await askText("How many drug cases were cracked in Zhejiang?")).toContain("3,412");
    second.process.kill("SIGTERM");
    await second.exited;
  });
});
