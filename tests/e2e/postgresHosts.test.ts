// Two bot processes on one PostgreSQL, as two hosts of one bot: each runs one shard of two
// (SHARD_COUNT=2, SHARD_IDS=0 or 1) against the same fake Discord, with its own DATA_DIR. A change
// committed through one is heard by the other over LISTEN/NOTIFY; one killed with SIGKILL in the
// middle of a refresh leaves the other answering from a consistent store.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { type APIEmbed, PermissionFlagsBits } from "discord.js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCOPE } from "../../src/store/scope.js";
import { FIXTURE_PATH } from "../library/harness.js";
import { createDatabase, dropDatabases, usePostgres } from "../postgres/server.js";
import { TEST_FEEDBACK_SECRET } from "../store/backends.js";
import { fakeDiscordEnv, REPO_DIR, spawnBot } from "./botProcess.js";
import { type BotResponse, FakeDiscord, snowflake } from "./fakeDiscord.js";
import { REPORT_PATH } from "./harness.js";

const DATABASE = "factdesk_hosts";
/** The bound: from the commit on one host to the answer through the other. */
const PROPAGATION_MS = 1_000;
/** Generous, for a loaded machine: these wait on events, and only fail when nothing happens. */
const EVENT_MS = 60_000;
const QUESTION = "How many drug cases were cracked in Zhejiang?";
const fixture = readFileSync(join(REPO_DIR, FIXTURE_PATH), "utf8");
const moderator = {
  userId: snowflake(),
  permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
};

interface LogLine {
  time: number;
  msg: string;
  [field: string]: unknown;
}

/** One host: a bot process whose JSON log lines can be waited on. */
class Host {
  readonly lines: LogLine[] = [];
  private waiters: (() => boolean)[] = [];
  readonly exited: Promise<unknown>;

  constructor(
    readonly shard: number,
    readonly child: ChildProcess,
  ) {
    if (!child.stdout) throw new Error("the bot's stdout is not piped");
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      this.lines.push(JSON.parse(line) as LogLine);
      this.waiters = this.waiters.filter((check) => !check());
    });
    child.stderr?.on("data", (chunk) => process.stderr.write(chunk));
    this.exited = once(child, "exit");
  }

  /** The first log line (from `from` on) that `matches`, as soon as it is written. */
  logged(matches: (line: LogLine) => boolean, from = 0): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`shard ${this.shard}: not logged`)),
        EVENT_MS,
      );
      const check = () => {
        const line = this.lines.slice(from).find(matches);
        if (!line) return false;
        clearTimeout(timer);
        resolve(line);
        return true;
      };
      if (!check()) this.waiters.push(check);
    });
  }
}

const server = usePostgres();
let databaseUrl: string;
let fake: FakeDiscord;
let dir: string;
let hosts: Host[] = [];

function startHost(shard: number): Host {
  const dataDir = join(dir, `host-${shard}`);
  const env = fakeDiscordEnv(fake, dir, {
    DISCORD_TOKEN: "fake-token-for-two-hosts",
    DATABASE_URL: databaseUrl,
    FEEDBACK_SECRET: TEST_FEEDBACK_SECRET,
    DATA_DIR: dataDir,
    REPORT_PATH: fileURLToPath(REPORT_PATH),
    SHARD_COUNT: "2",
    SHARD_IDS: String(shard),
    RATE_LIMIT: "0/60s",
    LOG_LEVEL: "info",
  });
  return new Host(shard, spawnBot(env, ["ignore", "pipe", "pipe"]));
}

function text(response: BotResponse): string {
  const embeds = (response.body.embeds as APIEmbed[] | undefined) ?? [];
  return [String(response.body.content ?? ""), ...embeds.map((e) => e.description ?? "")].join(
    "\n",
  );
}

async function ask(shard: number): Promise<string> {
  const handle = await fake.sendCommand("ask", { question: QUESTION }, { shard });
  return text(await handle.reply(EVENT_MS));
}

async function report(shard: number, subcommand: string, options = {}): Promise<string> {
  const handle = await fake.sendCommand("report", options, { ...moderator, subcommand, shard });
  return text(await handle.reply(EVENT_MS));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "factdesk-hosts-"));
  databaseUrl = await createDatabase(server(), DATABASE);
  fake = await FakeDiscord.start({ shards: 2 });
  // Both at once on an empty database: one imports REPORT_PATH, the other reads what it imported.
  hosts = [startHost(0), startHost(1)];
  await fake.shardsIdentified(2, EVENT_MS);
}, 90_000);

afterAll(async () => {
  for (const host of hosts) if (host.child.exitCode === null) host.child.kill("SIGKILL");
  await Promise.all(hosts.map((host) => host.exited));
  await fake?.close();
  await dropDatabases(server(), [DATABASE]);
  rmSync(dir, { recursive: true, force: true });
});

describe("two hosts on one PostgreSQL", () => {
  it("start together on an empty database with one default report between them", async () => {
    expect(await report(0, "status")).toContain("**Version 1**");
    expect(await report(1, "status")).toContain("**Version 1**");
    const sql = postgres(databaseUrl, { onnotice: () => {} });
    const versions = await sql`SELECT id FROM report_versions`;
    await sql.end();
    expect(versions).toHaveLength(1);
  });

  it("an upload through one is answered through the other within 1 s of its commit", async () => {
    const [one, other] = hosts as [Host, Host];
    const before = await ask(1);
    expect(before).not.toContain("3,412");
    const upload = fake.attachment("zhejiang.txt", fixture);
    expect(await report(0, "refresh", { file: upload })).toContain("Updated to version 2");
    const isVersion2 = (msg: string) => (line: LogLine) => line.msg === msg && line.version === 2;
    const committed = await one.logged(isVersion2("report changed"));
    await other.logged(isVersion2("report version taken in from the store"));
    const answer = await ask(1);
    const answeredAt = Date.now();
    expect(answer).toContain("3,412");
    const latency = answeredAt - committed.time;
    console.info(`commit on shard 0 → answer through shard 1: ${latency} ms`);
    expect(latency).toBeLessThan(PROPAGATION_MS);
  });

  it("a host killed with SIGKILL mid-refresh leaves the other answering from a consistent store", async () => {
    const [doomed] = hosts as [Host, Host];
    let killedAt = 0;
    const sql = postgres(databaseUrl, { onnotice: () => {} });
    const heldBack = sql.begin(async (tx) => {
      // Hold pointer writes back: the doomed host's refresh stops inside its transaction, its new
      // version inserted and uncommitted, its advisory lock held, waiting to switch the pointer.
      await tx`LOCK TABLE active_reports IN SHARE MODE`;
      const upload = fake.attachment("half-done.txt", `${fixture}\n\nIt also seized 17 boats.\n`);
      await fake.sendCommand(
        "report",
        { file: upload },
        {
          ...moderator,
          subcommand: "refresh",
          shard: 0,
        },
      );
      await waitUntil(async () => {
        const waiting = await sql`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = ${DATABASE} AND wait_event_type = 'Lock'`;
        return waiting[0]?.n === 1;
      });
      doomed.child.kill("SIGKILL");
      killedAt = Date.now();
      await doomed.exited;
      // The survivor answers meanwhile, from what was committed.
      expect(await ask(1)).toContain("3,412");
      console.info(
        `SIGKILL → the other host's answer, lock still held: ${Date.now() - killedAt} ms`,
      );
    });
    await heldBack;
    // The dead host's session is rolled back by the server, and its lock released with it.
    const scopeLock = `factdesk:${fake.guildId}`;
    await waitUntil(async () => {
      const [row] = await sql`SELECT pg_try_advisory_lock(hashtext(${scopeLock})) AS free`;
      if (row?.free) await sql`SELECT pg_advisory_unlock(hashtext(${scopeLock}))`;
      return row?.free === true;
    });
    console.info(`SIGKILL → the dead host's transaction rolled back: ${Date.now() - killedAt} ms`);
    const versions = await sql`SELECT id FROM report_versions ORDER BY id`;
    const pointers = await sql`SELECT scope, version_id AS "versionId" FROM active_reports
      ORDER BY scope`;
    const audited = await sql`SELECT version_id AS "versionId" FROM audit_log
      WHERE version_id > 2`;
    await sql.end();
    expect(versions.map((row) => row.id)).toEqual([1, 2]);
    expect(pointers).toEqual([
      { scope: DEFAULT_SCOPE, versionId: 1 },
      { scope: fake.guildId, versionId: 2 },
    ]);
    expect(audited).toEqual([]);

    expect(await report(1, "status")).toContain("**Version 2**");
    // Version 3 went with the dead host's transaction: PostgreSQL never hands out a number twice.
    const upload = fake.attachment("after.txt", `${fixture}\n\nIt also seized 23 boats.\n`);
    expect(await report(1, "refresh", { file: upload })).toContain("Updated to version 4");
    expect(await ask(1)).toContain("3,412");
  }, 120_000);
});

/** Resolves once `condition` holds, looking again every 50 ms, within EVENT_MS. */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + EVENT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("the condition never held");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
