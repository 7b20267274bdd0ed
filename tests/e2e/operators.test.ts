import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/bot/client.js";
import { type Config, parseConfig } from "../../src/config.js";
import { type OpenedServices, openServices } from "../../src/openServices.js";
import { type Operations, startOperations } from "../../src/ops/operations.js";
import { silentLogger } from "../library/harness.js";
import { BACKENDS, useBotDatabase } from "../store/backends.js";
import { type Actor, FakeDiscord, snowflake } from "./fakeDiscord.js";
import { visibleText } from "./harness.js";

// An invented report: a headline, a dateline naming its publisher, and a few figures.
const FIRST = `Harbour Police Annual Results

Coastline Gazette, May 12th, 2025. The Harbour Police said that officers arrested 640 suspects during the year.

Officers seized 2.4 tons of cocaine at the container port and 310 kilograms of heroin at the airport.

The unit also dismantled 27 smuggling rings and recovered 15 stolen vehicles.
`;
// The next edition: one paragraph rewritten with new figures, the others as they were.
const SECOND = FIRST.replace("27 smuggling rings", "29 smuggling rings").replace(
  "15 stolen vehicles",
  "18 stolen vehicles",
);
const REWRITTEN_PARAGRAPH = 4;

// The same operator paths on SQLite and on a real PostgreSQL (one server for the file).
const backendEnv = useBotDatabase("factdesk_operators_e2e");

describe.each(BACKENDS)("operators on %s", (backend) => {
  let fake: FakeDiscord;
  let config: Config;
  let services: OpenedServices;
  let client: Client;
  let operations: Operations;
  let dataDir: string;
  let reportServer: Server;
  let served = FIRST;
  const conditionalAnswers: number[] = [];
  const moderator: Actor = {
    userId: snowflake(),
    permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
  };
  const member: Actor = { userId: snowflake(), permissions: PermissionFlagsBits.SendMessages };

  /** REPORT_URL's server: answers with an ETag, and 304 when the client already has that version. */
  async function startReportServer(): Promise<string> {
    reportServer = createServer((req, res) => {
      const etag = `"${createHash("sha256").update(served).digest("hex").slice(0, 16)}"`;
      if (req.headers["if-none-match"] === etag) {
        conditionalAnswers.push(304);
        res.writeHead(304, { etag }).end();
        return;
      }
      conditionalAnswers.push(200);
      res.writeHead(200, { etag, "content-type": "text/plain; charset=utf-8" }).end(served);
    });
    await new Promise<void>((resolve) => reportServer.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(reportServer.address() as AddressInfo).port}/harbour-results.txt`;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "factdesk-operators-"));
    fake = await FakeDiscord.start({ askChannelIds: 2, roles: [{ name: "desk" }] });
    const reportUrl = await startReportServer();
    config = parseConfig({
      DISCORD_TOKEN: "fake-token-for-operator-tests",
      DISCORD_CLIENT_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      ...(await backendEnv(backend)),
      REPORT_PATH: "data/report.txt",
      REPORT_URL: reportUrl,
      REPORT_REFRESH_INTERVAL: "60m",
      REPORT_FETCH_TIMEOUT_MS: "2000",
      HEALTH_PORT: "0",
      COOLDOWN: "0",
    });
    services = await openServices(config, silentLogger);
    client = await startBot(config, silentLogger, services);
    operations = await startOperations(config, services, client, silentLogger);
  });

  afterAll(async () => {
    await operations.stop();
    await client.destroy();
    await services.close();
    await fake.close();
    await new Promise((resolve) => reportServer.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function command(
    name: string,
    subcommand: string,
    options: Record<string, unknown> = {},
    actor = moderator,
  ) {
    const handle = await fake.sendCommand(name, options as never, { ...actor, subcommand });
    return handle.reply();
  }

  async function ask(question: string): Promise<string> {
    return visibleText(await (await fake.sendCommand("ask", { question })).reply());
  }

  const channel = (id: string) => ({ type: 7, value: id });
  const modLogChannel = () => fake.askChannelIds[1] ?? "";
  const modLogMessages = () =>
    fake.channelMessages.filter((message) => message.channel_id === modLogChannel());

  describe("/config through the real discord.js client", () => {
    it("refuses members without Manage Server or a moderator role", async () => {
      const reply = await command("config", "show", {}, member);
      expect(reply.ephemeral).toBe(true);
      expect(visibleText(reply)).toContain("Only moderators can change the settings");
    });

    it("shows the environment's defaults until the server sets its own", async () => {
      const text = visibleText(await command("config", "show"));
      expect(text).toContain("**ask channels:** none _(default)_");
      expect(text).toContain("**rate limit:** 8 questions / 60 s _(default)_");
    });

    it("sets the mod-log channel, and announces the change there", async () => {
      const reply = visibleText(
        await command("config", "mod-log", { channel: channel(modLogChannel()) }),
      );
      expect(reply).toContain(`**mod-log channel:** none → <#${modLogChannel()}>`);
      const posted = await fake.waitFor(() => modLogMessages()[0], "a mod-log message");
      expect(visibleText(posted)).toContain(
        `<@${moderator.userId}> changed this server's settings`,
      );
      expect(posted.allowed_mentions).toEqual({ parse: [] });
    });

    it("adds an ask channel that answers at once, without a restart", async () => {
      const askChannel = fake.askChannelIds[0] ?? "";
      const question = "How many suspects were arrested?";
      const before = fake.sendMessage({ content: question, channelId: askChannel });
      // Not an ask channel yet: the question is not answered (the refresh below waits past it).
      await command("config", "ask-channel", { action: "add", channel: channel(askChannel) });
      const after = fake.sendMessage({ content: question, channelId: askChannel });
      await fake.replyTo(after.id);
      expect(fake.repliesTo(before.id)).toEqual([]);
      expect(visibleText(await command("config", "show"))).toContain(
        `**ask channels:** <#${askChannel}>`,
      );
    });

    it("lets a role added with /config use /report, and turning chat off silences ask channels", async () => {
      const role = fake.roles[0]?.id ?? "";
      const holder = { userId: snowflake(), roles: [role], permissions: 0n };
      expect(visibleText(await command("report", "status", {}, holder))).toContain(
        "Only moderators",
      );
      await command("config", "moderator-role", { action: "add", role: { type: 8, value: role } });
      expect(visibleText(await command("report", "status", {}, holder))).toContain("**Version 1**");

      await command("config", "chat", { enabled: false });
      const silenced = fake.sendMessage({
        content: "How many suspects were arrested?",
        channelId: fake.askChannelIds[0],
      });
      await command("config", "chat", { enabled: true });
      const answered = fake.sendMessage({
        content: "How many suspects were arrested?",
        channelId: fake.askChannelIds[0],
      });
      await fake.replyTo(answered.id);
      expect(fake.repliesTo(silenced.id)).toEqual([]);
    });

    it("refuses a rate limit it cannot read, and keeps the old one", async () => {
      const reply = await command("config", "rate-limit", { limit: "lots" });
      expect(visibleText(reply)).toContain('must look like "8/60s"');
      expect(visibleText(await command("config", "rate-limit", { limit: "3/30s" }))).toContain(
        "8 questions / 60 s → 3 questions / 30 s",
      );
    });
  });

  describe("report metadata, pins, export and diff", () => {
    it("reads title, publisher and date from an upload, and takes url from the options", async () => {
      const upload = fake.attachment("harbour-results.txt", FIRST);
      const reply = visibleText(
        await command("report", "refresh", { file: upload, url: "https://example.org/harbour" }),
      );
      expect(reply).toContain("**Updated to version 2** (upload:harbour-results.txt)");
      const status = visibleText(await command("report", "status"));
      expect(status).toContain("Title: Harbour Police Annual Results");
      expect(status).toContain("Published: Coastline Gazette, 2025-05-12");
      expect(status).toContain("Source: https://example.org/harbour");
      expect((await services.reports.active(fake.guildId)).index.meta).toMatchObject({
        title: "Harbour Police Annual Results",
        url: "https://example.org/harbour",
      });
      // The mod-log hears of the refresh, with the diff.
      const posted = await fake.waitFor(
        () => modLogMessages().find((m) => visibleText(m).includes("/report refresh")),
        "the refresh in the mod-log",
      );
      expect(visibleText(posted)).toContain("Updated to version 2");
    });

    it("offers the paragraph's figures to pin, and answers paraphrases from the pin", async () => {
      const choices = await (
        await fake.sendAutocomplete(
          "report",
          { paragraph: REWRITTEN_PARAGRAPH, figure: "" },
          "figure",
          {
            ...moderator,
            subcommand: "pin",
          },
        )
      ).choices();
      const vehicles = choices.find((choice) => String(choice.value).includes("vehicles"));
      expect(vehicles).toBeDefined();

      const question = "How many cars did the police get back?";
      const reply = visibleText(
        await command("report", "pin", {
          question,
          paragraph: REWRITTEN_PARAGRAPH,
          figure: String(vehicles?.value),
          note: "Counted by the unit, not by insurers",
        }),
      );
      expect(reply).toMatch(/Pinned #\d+ on version 2/);

      const answer = await ask("how many cars did police get back");
      expect(answer).toContain(`**${vehicles?.value}**`);
      expect(answer).toContain(`¶${REWRITTEN_PARAGRAPH}`);
      expect(answer).toContain("Checked by the moderators");
      expect(answer).toContain("Counted by the unit");
      expect(await ask("How many suspects were arrested?")).not.toContain(
        "Checked by the moderators",
      );
      expect(visibleText(await command("report", "pins"))).toContain(`"${question}"`);
    });

    it("exports the active version's text and its fact table as CSV", async () => {
      const reply = await command("report", "export");
      const names = (reply.files ?? []).map((file) => file.name);
      expect(names).toEqual(["factdesk-v2.txt", "factdesk-v2-facts.csv"]);
      expect(reply.files?.[0]?.content.replace(/\r\n/g, "\n")).toBe(FIRST);
      const csv = reply.files?.[1]?.content.split("\r\n") ?? [];
      expect(csv[0]).toBe(
        "id,paragraph,sentence,value,unit,base_value,base_unit,text,qualifier,subject,action,places,scope,section,quote",
      );
      const facts = (await services.reports.active(fake.guildId)).index.table.facts;
      expect(csv.filter((line) => line !== "")).toHaveLength(facts.length + 1);
    });

    it("lists pins whose paragraph changed on refresh, and shows the diff between versions", async () => {
      const reply = visibleText(
        await command("report", "refresh", {
          file: fake.attachment("harbour-results.txt", SECOND),
        }),
      );
      expect(reply).toContain("**Updated to version 3**");
      expect(reply).toContain("Pins to check again: their paragraph changed (1)");
      expect(reply).toContain(`¶${REWRITTEN_PARAGRAPH}`);

      const diff = visibleText(await command("report", "diff", { from: 2, to: 3 }));
      expect(diff).toContain("**Version 2 → version 3**");
      expect(diff).toContain("**Changed (2)**");
      const versions = await (
        await fake.sendAutocomplete("report", { version: "" }, "version", {
          ...moderator,
          subcommand: "rollback",
        })
      ).choices();
      expect(versions.map((choice) => choice.value)).toEqual([3, 2, 1]);
      expect(versions[0]?.name).toContain("(active)");
    });

    it("removes a pin, and the engine answers again", async () => {
      const pins = await services.library.pins.list(fake.guildId);
      expect(pins).toHaveLength(1);
      const id = pins[0]?.id ?? 0;
      expect(visibleText(await command("report", "unpin", { id }))).toContain(`Removed pin #${id}`);
      expect(await ask("how many cars did police get back")).not.toContain(
        "Checked by the moderators",
      );
    });
  });

  describe("scheduled refresh of REPORT_URL", () => {
    it("asks with the ETag, changes nothing on 304, and posts the diff when the report changed", async () => {
      // The first look fetches and replaces the seed as the default report.
      const first = await operations.refresh?.runOnce();
      expect(first?.version.id).toBe(4);
      expect(conditionalAnswers.at(-1)).toBe(200);
      // This server answers from its own upload, so it hears nothing of the default; follow it again.
      await command("report", "rollback", { version: 4 });
      const before = modLogMessages().length;

      expect(await operations.refresh?.runOnce()).toBeNull();
      expect(conditionalAnswers.at(-1)).toBe(304);
      expect(services.library.activeVersion(null).version).toBe(4);

      served = SECOND;
      const changed = await operations.refresh?.runOnce();
      expect(changed?.version.id).toBe(5);
      expect(services.library.activeVersion(fake.guildId).version).toBe(5);
      const posted = await fake.waitFor(
        () =>
          modLogMessages()
            .slice(before)
            .find((m) => visibleText(m).includes("Scheduled refresh")),
        "the scheduled refresh in the mod-log",
      );
      expect(visibleText(posted)).toContain("**Changed (2)**");
    });
  });

  describe("health and metrics", () => {
    it("answers /healthz and /metrics in Prometheus format", async () => {
      const base = `http://127.0.0.1:${operations.healthPort}`;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({
        ok: true,
        gateway: true,
        database: true,
        report: true,
      });

      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.headers.get("content-type")).toContain("text/plain");
      const text = await metrics.text();
      expect(text).toMatch(/^factdesk_questions_total\{status="answered"\} [1-9]\d*$/m);
      expect(text).toMatch(/^factdesk_answer_latency_seconds_count [1-9]\d*$/m);
      expect(text).toMatch(/^factdesk_report_changes_total\{action="refresh"\} 2$/m);
      expect(text).toContain("factdesk_rate_limit_refusals_total");
      expect(text).toContain("factdesk_gateway_reconnects_total");
      // The default report's index, at least, is held.
      expect(text).toMatch(/^factdesk_report_indexes [1-9]\d*$/m);
      expect(text).toMatch(/^factdesk_report_index_bytes [1-9]\d*$/m);
    });
  });
});
