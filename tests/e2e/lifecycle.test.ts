// The bot as a real child process: what happens to work under way on SIGTERM, and on a gateway
// close that Discord will not take back.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { APIEmbed } from "discord.js";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PATH } from "../library/harness.js";
import { type Exit, fakeDiscordEnv, REPO_DIR, spawnBot, watch } from "./botProcess.js";
import { type BotResponse, FakeDiscord, snowflake } from "./fakeDiscord.js";
import { REPORT_PATH } from "./harness.js";

const fixture = readFileSync(join(REPO_DIR, FIXTURE_PATH), "utf8");
const moderator = {
  userId: snowflake(),
  permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
};
let fake: FakeDiscord;
let dir: string;
let bot: ChildProcess | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "factdesk-lifecycle-"));
});
afterEach(async () => {
  if (bot && bot.exitCode === null) bot.kill("SIGKILL");
  bot = null;
  await fake?.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startBot(env: Record<string, string> = {}): { exit: Promise<Exit>; output: () => string } {
  const child = spawnBot(
    fakeDiscordEnv(fake, dir, {
      DISCORD_TOKEN: "fake-token-for-lifecycle",
      REPORT_PATH: fileURLToPath(REPORT_PATH),
      DATA_DIR: join(dir, snowflake()),
      COOLDOWN: "0",
      LOG_LEVEL: "info",
      ...env,
    }),
    ["ignore", "pipe", "pipe"],
  );
  bot = child;
  const { exit, stdout } = watch(child);
  return { exit, output: stdout };
}

function text(response: BotResponse): string {
  const embeds = (response.body.embeds as APIEmbed[] | undefined) ?? [];
  return [String(response.body.content ?? ""), ...embeds.map((e) => e.description ?? "")].join(
    "\n",
  );
}

describe("SIGTERM with interactions in flight", () => {
  it("finishes them (a deferred refresh included), refuses new ones, closes with 1000, exits 0", async () => {
    fake = await FakeDiscord.start();
    const { exit, output } = startBot({ SHUTDOWN_GRACE_MS: "10000" });
    const warmup = await fake.sendCommand("ask", { question: "How many drug cases were cracked?" });
    await warmup.reply(30_000);

    // The upload takes a while to download, so the refresh is still running when the signal comes.
    const upload = fake.attachment("zhejiang.txt", fixture, { delayMs: 1_500 });
    const refresh = await fake.sendCommand(
      "report",
      { file: upload },
      { ...moderator, subcommand: "refresh" },
    );
    const asks = await Promise.all(
      Array.from({ length: 5 }, () =>
        fake.sendCommand("ask", { question: "How many suspects were arrested?" }),
      ),
    );
    await refresh.response(0, 10_000); // deferred: the refresh is under way
    bot?.kill("SIGTERM");
    await expect.poll(output, { timeout: 10_000 }).toContain("shutting down");

    const late = await fake.sendCommand("ask", { question: "How many suspects were arrested?" });
    expect(text(await late.reply(10_000))).toContain("restarting, try again in a moment");

    const finished = await refresh.reply(10_000);
    expect(text(finished)).toContain("Updated to version 2");
    for (const ask of asks) expect(text(await ask.reply(10_000))).toMatch(/¶\d+/);

    const { code, stderr } = await exit;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(fake.gatewayCloseCodes).toContain(1000);
  });
});

describe("a fatal gateway close while running", () => {
  it("4004: one line saying to replace the token, exit 1", async () => {
    fake = await FakeDiscord.start();
    const { exit } = startBot();
    await (await fake.sendCommand("ask", { question: "How many cases?" })).reply(30_000);
    fake.closeGateway(4004, "Authentication failed.");
    const { code, stderr } = await exit;
    expect(code).toBe(1);
    const printed = stderr.trim().split("\n");
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^factdesk: Discord refused the bot token \(gateway close 4004/);
    expect(printed[0]).toContain("DISCORD_TOKEN");
  });

  it("4014: names the Message Content Intent switch and CHAT=off", async () => {
    fake = await FakeDiscord.start();
    const { exit } = startBot();
    await fake.identified(30_000);
    fake.closeGateway(4014, "Disallowed intent(s).");
    const { code, stderr } = await exit;
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "factdesk: Discord refused a privileged intent (gateway close 4014, disallowed intents): turn on developer portal → Bot → Privileged Gateway Intents → Message Content Intent, or set CHAT=off to run without chat questions",
    );
  });
});
