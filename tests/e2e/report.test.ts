import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { startBot } from "../../src/bot/client.js";
import { type Config, parseConfig } from "../../src/config.js";
import { openServices } from "../../src/openServices.js";
import type { Services } from "../../src/services.js";
import { FIXTURE_PATH, silentLogger } from "../library/harness.js";
import { BACKENDS, useBotDatabase } from "../store/backends.js";
import { type Actor, FakeDiscord, type Json, snowflake } from "./fakeDiscord.js";
import { visibleText } from "./harness.js";

// The same suite on SQLite and on a real PostgreSQL (one server for the file, one database each).
const ZHEJIANG = "How many drug cases were cracked in Zhejiang?";
const fixture = readFileSync(FIXTURE_PATH, "utf8");
const backendEnv = useBotDatabase("factdesk_report_e2e");

describe.each(BACKENDS)("/report on %s", (backend) => {
  let fake: FakeDiscord;
  let config: Config;
  let services: Services;
  let client: Client;
  let moderatorRoleId: string;
  let dataDir: string;
  const moderator: Actor = {
    userId: snowflake(),
    permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
  };

  async function start() {
    services = await openServices(config, silentLogger);
    client = await startBot(config, silentLogger, services);
  }

  async function stop() {
    await client.destroy();
    await services.close?.();
  }

  beforeAll(async () => {
    // One data directory for the whole file: the restart test reopens it.
    dataDir = mkdtempSync(join(tmpdir(), "factdesk-e2e-"));
    fake = await FakeDiscord.start({ roles: [{ name: "report-mods" }] });
    moderatorRoleId = fake.roles[0]?.id ?? "";
    config = parseConfig({
      DISCORD_TOKEN: "fake-token-for-report-tests",
      DISCORD_CLIENT_ID: fake.appId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      ...(await backendEnv(backend)),
      REPORT_PATH: "data/report.txt",
      MODERATOR_ROLE_IDS: moderatorRoleId,
      REPORT_FETCH_TIMEOUT_MS: "2000",
      // These tests ask /ask many times in a row as one user, more than a member's burst.
      RATE_LIMIT: "0/60s",
    });
    await start();
  });

  afterAll(async () => {
    await stop();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function report(
    subcommand: string,
    options: Record<string, Json[string]> = {},
    actor = moderator,
  ) {
    const handle = await fake.sendCommand("report", options as never, { ...actor, subcommand });
    return handle.reply();
  }

  /** The first figure and citation line of /ask's answer, as a member sees it. */
  async function ask(question: string) {
    const reply = await (await fake.sendCommand("ask", { question })).reply();
    return { text: visibleText(reply), message: reply.message };
  }

  describe("/report through the real discord.js client", () => {
    let seedAnswer: string;

    it("is registered for Manage Server members only, with the documented names", () => {
      const json = commands.find((command) => command.data.name === "report")?.data.toJSON() as
        | RESTPostAPIChatInputApplicationCommandsJSONBody
        | undefined;
      expect(json?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
      const options = (json?.options ?? []) as { name: string; options?: { name: string }[] }[];
      expect(options.map((sub) => [sub.name, (sub.options ?? []).map((o) => o.name)])).toEqual([
        ["refresh", ["file", "title", "url", "date"]],
        ["status", []],
        ["history", []],
        ["rollback", ["version"]],
        ["gaps", ["days"]],
        ["pin", ["question", "paragraph", "figure", "note"]],
        ["pins", []],
        ["unpin", ["id"]],
        ["export", []],
        ["diff", ["from", "to"]],
      ]);
    });

    it("refuses a member without Manage Server or a moderator role, and changes nothing", async () => {
      seedAnswer = (await ask(ZHEJIANG)).text;
      const member = { userId: snowflake(), permissions: PermissionFlagsBits.SendMessages };
      const upload = fake.attachment("zhejiang.txt", fixture);
      const reply = await report("refresh", { file: upload }, member);
      expect(reply.ephemeral).toBe(true);
      expect(visibleText(reply)).toContain("Only moderators can manage the report");
      expect((await ask(ZHEJIANG)).text).toBe(seedAnswer);
    });

    it("answers from an uploaded report, with the diff in the reply", async () => {
      const reply = await report("refresh", { file: fake.attachment("zhejiang.txt", fixture) });
      expect(reply.ephemeral).toBe(true);
      const text = visibleText(reply);
      expect(text).toContain("**Updated to version 2** (upload:zhejiang.txt) for this server.");
      expect(text).toMatch(/Paragraphs 32 → 11 · facts \d+ → \d+ \(was version 1\)/);
      expect(text).toContain("• ¶1 3,412 drug criminal cases · crack · Zhejiang");

      const answer = (await ask(ZHEJIANG)).text;
      expect(answer).toContain("3,412");
      expect(answer).toContain("¶1");
    });

    it("refuses bad uploads with the reason, and the answers stay", async () => {
      const before = (await ask(ZHEJIANG)).text;
      const binary = fake.attachment("scan.txt", Uint8Array.from([0x25, 0x50, 0x00, 0x00, 0xff]));
      const refused = await report("refresh", { file: binary });
      expect(visibleText(refused)).toBe(
        "Refused: looks like a binary file, not text. Answers still come from version 2.",
      );
      const noFigures = fake.attachment(
        "notes.md",
        "# Notes\n\nThe meeting was held as planned.\n",
      );
      expect(visibleText(await report("refresh", { file: noFigures }))).toContain(
        "no figures found",
      );
      expect((await ask(ZHEJIANG)).text).toBe(before);
    });

    it("accepts a moderator role in place of Manage Server, and shows status and history", async () => {
      const roleHolder = { userId: snowflake(), roles: [moderatorRoleId], permissions: 0n };
      const status = visibleText(await report("status", {}, roleHolder));
      expect(status).toContain("**Version 2** · upload:zhejiang.txt (this server's own upload)");
      expect(status).toContain("11 paragraphs");
      expect(status).toContain(`by <@${moderator.userId}>`);
      expect(status).not.toContain("shard"); // one process: nothing sharded to report

      const history = visibleText(await report("history"));
      expect(history).toMatch(
        /▶ \*\*v2\*\* · [^\n]*\n[^\n]*upload:zhejiang\.txt[^\n]*\n• \*\*v1\*\* · [^\n]*\n[^\n]*file:report\.txt/,
      );
    });

    it("counts feedback and lists unanswered questions", async () => {
      const answered = await ask(ZHEJIANG);
      const voter = snowflake();
      await (
        await fake.sendComponent("feedback:up", { message: answered.message }, { userId: voter })
      ).reply();
      await (
        await fake.sendComponent("feedback:down", { message: answered.message }, { userId: voter })
      ).reply();
      // A member may change their vote: the 👎 replaces their 👍.
      expect(visibleText(await report("status"))).toContain("Feedback: 👍 0 · 👎 1");

      await ask("How many drugs were seized in Tibet?");
      await ask("how many drugs were seized in tibet");
      // Questions are logged after the reply has gone out, so the log catches up a moment later.
      await expect
        .poll(async () => visibleText(await report("gaps", { days: 7 })))
        .toMatch(/1\. "how many drugs were seized in tibet\??" — asked 2× \(2 not found\)/i);
    });

    it("rolls back to the earlier version and its answers", async () => {
      const reply = visibleText(await report("rollback", { version: 1 }));
      // Discord sees the file's name, never the operator's path.
      expect(reply).toContain("**Rolled back to version 1** (file:report.txt)");
      expect((await ask(ZHEJIANG)).text).toBe(seedAnswer);
      const unknown = visibleText(await report("rollback", { version: 99 }));
      expect(unknown).toBe(
        "Refused: version 99 does not exist. Answers still come from version 1.",
      );
    });

    it("keeps the active version and history across a restart", async () => {
      expect(visibleText(await report("rollback", { version: 2 }))).toContain("version 2");
      await stop();
      await start();
      expect((await ask(ZHEJIANG)).text).toContain("3,412");
      const history = visibleText(await report("history"));
      expect(history).toContain("▶ **v2**");
      expect(history).toContain("• **v1**");
    });
  });
});
