// TOTAL_SHARDS: a ShardingManager forking one process per shard from the same entry, against a
// fake Discord that recommends two shards; a change made through one shard reaches the other over
// the manager's IPC, with no polling on that path.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type APIEmbed, PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PATH } from "../library/harness.js";
import { type BotResponse, FakeDiscord, snowflake } from "./fakeDiscord.js";
import { REPORT_PATH } from "./harness.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const fixture = readFileSync(join(repo, FIXTURE_PATH), "utf8");
const moderator = {
  userId: snowflake(),
  permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
};
const QUESTION = "How many drug cases were cracked?";

let fake: FakeDiscord;
let dir: string;
let manager: ChildProcess;
let exit: Promise<{ code: number | null; stderr: string }>;

function text(response: BotResponse): string {
  const embeds = (response.body.embeds as APIEmbed[] | undefined) ?? [];
  return [String(response.body.content ?? ""), ...embeds.map((e) => e.description ?? "")].join(
    "\n",
  );
}

async function ask(shard: number): Promise<string> {
  return text(await (await fake.sendCommand("ask", { question: QUESTION }, { shard })).reply());
}

async function status(shard: number): Promise<string> {
  const handle = await fake.sendCommand(
    "report",
    {},
    { ...moderator, subcommand: "status", shard },
  );
  return text(await handle.reply());
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "factdesk-shards-"));
  // As in production: the manager forks dist/main.js, whose build worker is compiled too.
  execFileSync("npm", ["run", "--silent", "build"], { cwd: repo, stdio: "ignore" });
  fake = await FakeDiscord.start({ shards: 2 });
  manager = spawn(process.execPath, ["dist/main.js"], {
    cwd: repo,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOTENV_PATH: join(dir, "none.env"),
      DISCORD_TOKEN: "fake-token-for-shards",
      DISCORD_CLIENT_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      REPORT_PATH: fileURLToPath(REPORT_PATH),
      DATA_DIR: join(dir, "data"),
      RATE_LIMIT: "0/60s",
      LOG_LEVEL: "warn",
      TOTAL_SHARDS: "auto",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  manager.stderr?.on("data", (chunk) => (stderr += chunk));
  exit = once(manager, "exit").then(([code]) => ({ code: code as number | null, stderr }));
  // discord.js spaces shard starts 5.5 s apart, as Discord's identify limit asks.
  await fake.shardsIdentified(2, 60_000);
}, 90_000);

afterAll(async () => {
  if (manager.exitCode === null) manager.kill("SIGKILL");
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("TOTAL_SHARDS=auto with two shards", () => {
  it("asks /gateway/bot for the count and identifies each shard on its own connection", async () => {
    const identified = await fake.shardsIdentified(2);
    expect(identified).toEqual([0, 1]);
    expect(await status(1)).toContain("Answered by shard 1 of 2");
    expect(await status(0)).toContain("Answered by shard 0 of 2");
  });

  it("a refresh through shard 0 is answered from shard 1 within 1 s", async () => {
    const before = await ask(1);
    const upload = fake.attachment("other-report.txt", fixture);
    const refresh = await fake.sendCommand(
      "report",
      { file: upload },
      { ...moderator, subcommand: "refresh", shard: 0 },
    );
    expect(text(await refresh.reply(20_000))).toContain("Updated to version 2");
    await expect.poll(() => status(1), { timeout: 1_000, interval: 50 }).toContain("Version 2");
    expect(await ask(1)).not.toBe(before);
  });

  it("SIGTERM stops every shard cleanly: each closes with 1000, the manager exits 0", async () => {
    manager.kill("SIGTERM");
    const { code, stderr } = await exit;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(fake.gatewayCloseCodes.filter((close) => close === 1000)).toHaveLength(2);
  });
});
