// TOTAL_SHARDS: a ShardingManager forking one process per shard from the same entry, against a
// fake Discord that recommends two shards; a change made through one shard reaches the other over
// the manager's IPC, with no polling; a shard killed with SIGKILL mid-refresh leaves the other
// answering from a consistent store.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { type APIEmbed, PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../../src/store/db.js";
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
const HARBOUR_PATH = "tests/bot/fixtures/harbour-report.md";

let fake: FakeDiscord;
let dir: string;
let manager: ChildProcess;
let exit: Promise<{ code: number | null; stderr: string }>;
/** Every JSON log line the manager and its shards wrote, as it arrives. */
const logs: LogLine[] = [];
let logWaiters: (() => boolean)[] = [];

type LogLine = Record<string, unknown> & { msg?: string; time?: number };

/** Resolves with the first log line (already written or still to come) that `matches`. */
function logged(matches: (line: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no such log line")), timeoutMs);
    const check = () => {
      const line = logs.find(matches);
      if (!line) return false;
      clearTimeout(timer);
      resolve(line);
      return true;
    };
    if (!check()) logWaiters.push(check);
  });
}

/** The bound, from the commit on one shard to the other shard answering from it. */
const PROPAGATION_MS = 1_000;

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

function versionIn(statusText: string): number {
  return Number(/\*\*Version (\d+)\*\*/.exec(statusText)?.[1]);
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
      // debug: the shards log when they take in a change, which the tests wait on.
      LOG_LEVEL: "debug",
      TOTAL_SHARDS: "auto",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  manager.stderr?.on("data", (chunk) => (stderr += chunk));
  if (manager.stdout) {
    createInterface({ input: manager.stdout }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      logs.push(JSON.parse(line) as LogLine);
      logWaiters = logWaiters.filter((check) => !check());
    });
  }
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
    // Commands are deployed once, by `npm run deploy-commands`, never by a shard.
    expect(fake.commandPuts).toEqual([]);
    // Every line a shard logs says which shard it is.
    const shardLines = logs.filter((line) => line.shardManager === undefined);
    expect(shardLines.length).toBeGreaterThan(0);
    expect(shardLines.every((line) => line.shardId === "0" || line.shardId === "1")).toBe(true);
  });

  it("a refresh through shard 0 is answered from shard 1 within 1 s of its commit", async () => {
    // Asked on shard 0 only: shard 1's first question in this guild comes after the refresh.
    const before = await ask(0);
    const upload = fake.attachment("other-report.txt", fixture);
    const committed = logged((line) => line.msg === "report changed" && line.shardId === "0");
    const heard = logged(
      (line) =>
        line.msg === "change taken in" &&
        line.shardId === "1" &&
        (line.change as { kind?: string } | undefined)?.kind === "report",
    );
    const refresh = await fake.sendCommand(
      "report",
      { file: upload },
      { ...moderator, subcommand: "refresh", shard: 0 },
    );
    expect(text(await refresh.reply(20_000))).toContain("Updated to version 2");
    const commitAt = Number((await committed).time);
    await heard;
    const after = await ask(1);
    const answeredAt = Date.now();
    expect(after).not.toBe(before);
    expect(answeredAt - commitAt).toBeLessThan(PROPAGATION_MS);
    expect(versionIn(await status(1))).toBe(2);
  });

  it("a kill -9 of shard 0 mid-refresh leaves shard 1 answering from a consistent store", async () => {
    const started = logs.filter((line) => line.msg === "shard started" && line.shardId === 0);
    const pid = Number(started.at(-1)?.pid);
    expect(pid).toBeGreaterThan(0);
    const harbour = readFileSync(join(repo, HARBOUR_PATH), "utf8");
    const upload = fake.attachment("harbour.md", harbour);
    // Shard 0 is killed the moment it has downloaded the upload: building or committing it.
    fake.route("GET", new URL(upload.url).pathname, (_req, res) => {
      res.writeHead(200, { "content-type": "text/markdown; charset=utf-8" });
      res.end(harbour, () => process.kill(pid, "SIGKILL"));
    });
    const died = logged((line) => line.msg === "shard process died; starting it again");
    await fake.sendCommand(
      "report",
      { file: upload },
      { ...moderator, subcommand: "refresh", shard: 0 },
    );
    expect(await died).toMatchObject({ shardId: 0, pid, signal: "SIGKILL" });

    // Shard 1 answers meanwhile, from whichever version the store holds: the old or the new.
    const version = versionIn(await status(1));
    expect([2, 3]).toContain(version);
    expect(await ask(1)).toBeTruthy();
    const db = new BetterSqlite3(join(dir, "data", DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const active = db
        .prepare("SELECT version_id FROM active_reports WHERE scope = ?")
        .pluck()
        .get(fake.guildId);
      expect(active).toBe(version);
      const versions = db.prepare("SELECT id FROM report_versions ORDER BY id").pluck().all();
      expect(versions).toEqual(version === 3 ? [1, 2, 3] : [1, 2]);
    } finally {
      db.close();
    }

    // The manager starts shard 0 again, and it answers from the same version.
    await logged(
      (line) => line.msg === "shard started" && line.shardId === 0 && line.pid !== pid,
      60_000,
    );
    await fake.shardsIdentified(2, 60_000);
    expect(versionIn(await status(0))).toBe(version);
  }, 120_000);

  it("a kill -9 of shard 0 just after its commit: shard 1 answers from the committed version", async () => {
    const from = logs.length;
    const isNew = (line: LogLine) => logs.indexOf(line) >= from;
    const pid = Number(
      logs.filter((line) => line.msg === "shard started" && line.shardId === 0).at(-1)?.pid,
    );
    const committed = logged(
      (line) => isNew(line) && line.msg === "report changed" && line.shardId === "0",
    );
    const upload = fake.attachment(
      "third-report.txt",
      `${fixture}\n\nA further 17 boats were seized.`,
    );
    await fake.sendCommand(
      "report",
      { file: upload },
      { ...moderator, subcommand: "refresh", shard: 0 },
    );
    const { version } = await committed;
    process.kill(pid, "SIGKILL");
    await logged((line) => isNew(line) && line.msg === "shard process died; starting it again");
    await logged(
      (line) =>
        isNew(line) &&
        line.msg === "change taken in" &&
        line.shardId === "1" &&
        (line.change as { kind?: string } | undefined)?.kind === "report",
    );
    expect(versionIn(await status(1))).toBe(version);
    await logged(
      (line) => isNew(line) && line.msg === "shard started" && line.shardId === 0,
      60_000,
    );
    await fake.shardsIdentified(2, 60_000);
    expect(versionIn(await status(0))).toBe(version);
  }, 120_000);

  it("SIGTERM stops every shard cleanly: each closes with 1000, the manager exits 0", async () => {
    const closedBefore = fake.gatewayCloseCodes.filter((close) => close === 1000).length;
    manager.kill("SIGTERM");
    const { code, stderr } = await exit;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(fake.gatewayCloseCodes.filter((close) => close === 1000)).toHaveLength(closedBefore + 2);
  });
});
