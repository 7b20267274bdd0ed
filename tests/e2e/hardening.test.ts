// Uploads that would freeze the bot, a failure after a commit, and what the database keeps.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { APIEmbed, Client } from "discord.js";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/bot/client.js";
import { type Config, parseConfig } from "../../src/config.js";
import { openServices } from "../../src/openServices.js";
import type { Services } from "../../src/services.js";
import { DATABASE_FILE } from "../../src/store/db.js";
import { FEEDBACK_KEY_FILE } from "../../src/store/feedbackKey.js";
import { FIXTURE_PATH, silentLogger } from "../library/harness.js";
import { type BotResponse, FakeDiscord, snowflake } from "./fakeDiscord.js";

const fixture = readFileSync(FIXTURE_PATH, "utf8");
const QUESTION = "How many drug cases were cracked?";
const moderator = {
  userId: snowflake(),
  permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
};

let fake: FakeDiscord;
let config: Config;
let services: Services;
let client: Client;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "factdesk-hardening-"));
  fake = await FakeDiscord.start();
  config = parseConfig({
    DISCORD_TOKEN: "fake-token-for-hardening",
    DISCORD_CLIENT_ID: fake.appId,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    COOLDOWN: "0",
    // Short enough that a large table is refused for time, long enough for the fixture to build.
    REPORT_BUILD_TIMEOUT_MS: "4000",
  });
  services = await openServices(config, silentLogger);
  client = await startBot(config, silentLogger, services);
});

afterAll(async () => {
  await client?.destroy();
  await services?.close?.();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function text(response: BotResponse): string {
  const embeds = (response.body.embeds as APIEmbed[] | undefined) ?? [];
  return [String(response.body.content ?? ""), ...embeds.map((e) => e.description ?? "")].join(
    "\n",
  );
}

async function refresh(file: ReturnType<FakeDiscord["attachment"]>) {
  return fake.sendCommand("report", { file }, { ...moderator, subcommand: "refresh" });
}

/** A Markdown table of `rows` rows: figure-dense, within the caps, slow to index. */
function table(rows: number): string {
  const lines = Array.from(
    { length: rows },
    (_, i) => `| District ${i} | ${i * 3 + 1} | ${(i % 97) + 2} |`,
  );
  return `# Results\n\nPolice cracked cases in every district.\n\n| District | Cases | Seized (kg) |\n|---|---|---|\n${lines.join("\n")}\n`;
}

describe("a heavy upload", () => {
  it("builds in a worker while another server's /ask keeps answering", async () => {
    const otherGuild = snowflake();
    const upload = await refresh(fake.attachment("districts.md", table(2_000)));
    await upload.response(0); // deferred; the download and the build follow
    const asks = [];
    for (let i = 0; i < 5; i++) {
      const ask = await fake.sendCommand("ask", { question: QUESTION }, { guildId: otherGuild });
      asks.push(await ask.reply());
    }
    for (const reply of asks) expect(text(reply)).toMatch(/¶\d+/);
    // Every one of those answers came while the upload was still being built.
    expect(upload.responses.filter((r) => r.kind === "edit")).toHaveLength(0);
    const done = text(await upload.reply(20_000));
    expect(done).toMatch(/Updated to version 2|Refused: building the index took over 4 s/);
  });

  it("over a cap is refused with the number that is over, and the active report stays", async () => {
    const before = services.reports.activeVersion(fake.guildId).version;
    // One paragraph of short sentences: under the total cap, over the per-paragraph one.
    const dense = Array.from({ length: 12_000 }, (_, i) => `Police seized ${i + 2} kg.`).join(" ");
    const reply = text(await (await refresh(fake.attachment("dense.txt", dense))).reply(20_000));
    expect(reply).toMatch(
      /^Refused: paragraph 1 has 1\d,\d{3} figures; the limit is 10,000\. Answers still come from version \d+\.$/m,
    );
    expect(services.reports.activeVersion(fake.guildId).version).toBe(before);
  });
});

describe("a failure after the commit", () => {
  it("is reported as committed, in a follow-up when the reply cannot be edited", async () => {
    const before = services.reports.activeVersion(fake.guildId).version;
    fake.failNext({
      method: "PATCH",
      path: /^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original$/,
      status: 400,
      code: 50035,
    });
    const handle = await refresh(fake.attachment("zhejiang.txt", fixture));
    const followUp = await fake.waitFor(
      () => handle.responses.find((r) => r.kind === "followUp"),
      "the follow-up",
      20_000,
    );
    expect(text(followUp)).toContain(
      "The change is committed, but the first reply could not be edited.",
    );
    expect(text(followUp)).toMatch(/Updated to version \d+/);
    expect(followUp.ephemeral).toBe(true);
    expect(text(followUp)).not.toContain("Something went wrong");
    expect(services.reports.activeVersion(fake.guildId).version).toBeGreaterThan(before);
  });
});

describe("what the database keeps", () => {
  it("no DM channel ids, no mentions, no voter key, and a 0600 key file beside it", async () => {
    const dm = fake.sendMessage({
      content: `<@${fake.botId}> ${QUESTION} <@123456789012345678>`,
      dm: true,
    });
    await fake.replyTo(dm.id);
    const dmAsk = await fake.sendCommand("ask", { question: QUESTION }, { guildId: null });
    await dmAsk.reply();
    const inGuild = await (
      await fake.sendCommand("ask", { question: `${QUESTION} <@&123456789012345679>` })
    ).reply();
    const voter = snowflake();
    await (
      await fake.sendComponent("feedback:up", { message: inGuild.message }, { userId: voter })
    ).reply();
    await expect
      .poll(() => {
        const db = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
        const count = db.prepare("SELECT count(*) FROM question_log").pluck().get();
        db.close();
        return count;
      })
      .toBeGreaterThanOrEqual(3);
    await services.close?.();

    const db = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare("SELECT guild_id, channel_id, question FROM question_log").all() as {
      guild_id: string | null;
      channel_id: string | null;
      question: string;
    }[];
    const dms = rows.filter((row) => row.guild_id === null);
    expect(dms.length).toBeGreaterThanOrEqual(2);
    for (const row of dms) expect(row.channel_id).toBeNull();
    expect(
      rows.filter((row) => row.guild_id !== null).every((row) => row.channel_id !== null),
    ).toBe(true);
    for (const row of rows) expect(row.question).not.toMatch(/<[@#]/);
    const settings = db.prepare("SELECT key FROM settings").pluck().all();
    expect(settings).not.toContain("feedback_voter_key");
    expect(db.prepare("SELECT count(*) FROM feedback_voters").pluck().get()).toBe(1);
    db.close();

    const keyFile = join(dataDir, FEEDBACK_KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, "utf8").trim();
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      const file = join(dataDir, name);
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(key))).toBe(false);
      expect(bytes.includes(Buffer.from(voter))).toBe(false);
      expect(bytes.includes(Buffer.from(fake.dmChannelFor(dm.authorId)))).toBe(false);
    }
    services = await openServices(config, silentLogger);
  });
});
