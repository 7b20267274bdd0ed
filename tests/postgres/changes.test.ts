import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServices } from "../../src/openServices.js";
import type { StoreChange } from "../../src/store/changes.js";
import { postgresChanges } from "../../src/store/postgres/changes.js";
import { FIXTURE_PATH, GUILD_A, silentLogger, testConfig, topFigure } from "../library/harness.js";
import { TEST_FEEDBACK_SECRET } from "../store/backends.js";
import { useTempDirs } from "../store/tempDir.js";
import { createDatabase, dropDatabases, usePostgres } from "./server.js";

const server = usePostgres();
const tempDir = useTempDirs();
const CLI_DATABASE = "factdesk_operator_cli";
const QUESTION = "How many drug cases were cracked in Zhejiang?";
/** The bound: a change reaches every process within a second. */
const DELIVERY_MS = 1_000;

interface Heard {
  change?: StoreChange;
  at?: number;
  ready?: boolean;
}

let child: ChildProcessWithoutNullStreams;
let heard: Heard[] = [];
let waiters: (() => boolean)[] = [];

function waitFor(predicate: () => boolean, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not heard within ${ms} ms`)), ms);
    const check = () => {
      if (!predicate()) return false;
      clearTimeout(timer);
      resolve();
      return true;
    };
    if (!check()) waiters.push(check);
  });
}

beforeAll(async () => {
  child = spawn(process.execPath, ["--import", "tsx", "tests/postgres/listener.ts", server().url]);
  child.stderr.on("data", (data) => process.stderr.write(data));
  createInterface({ input: child.stdout }).on("line", (line) => {
    heard.push(JSON.parse(line) as Heard);
    waiters = waiters.filter((check) => !check());
  });
  await waitFor(() => heard.some((entry) => entry.ready), 20_000);
}, 30_000);

afterAll(async () => {
  child.stdin.end();
  await dropDatabases(server(), [CLI_DATABASE]);
});

describe("changes over LISTEN/NOTIFY", () => {
  // A notice says what to reload, not what changed, so the order notices arrive in does not matter
  // (the pool may send them over several connections).
  it("reach another process on the same database within a second", async () => {
    heard = [];
    const sql = postgres(server().url);
    const feed = await postgresChanges(sql, (error) => {
      throw error;
    });
    const sent: { change: StoreChange; at: number }[] = [];
    for (let i = 0; i < 20; i++) {
      const change: StoreChange =
        i % 3 === 0
          ? { kind: "report", guildId: i % 2 === 0 ? null : `10000000000000000${i}` }
          : { kind: i % 3 === 1 ? "pins" : "settings", guildId: `10000000000000000${i}` };
      sent.push({ change, at: Date.now() });
      feed.notifyChange(change);
    }
    await waitFor(() => heard.length === sent.length, DELIVERY_MS);
    const key = (change: StoreChange | undefined) => JSON.stringify(change);
    expect(heard.map((entry) => key(entry.change)).sort()).toEqual(
      sent.map((entry) => key(entry.change)).sort(),
    );
    const sentAt = new Map(sent.map((entry) => [key(entry.change), entry.at]));
    const latencies = heard.map((entry) => (entry.at ?? 0) - (sentAt.get(key(entry.change)) ?? 0));
    console.info(`NOTIFY latency to another process: max ${Math.max(...latencies)} ms`);
    await feed.close();
    await sql.end();
  });

  it("tell a listener whose connection was cut to reload everything once it is back", async () => {
    heard = [];
    const sql = postgres(server().url, { onnotice: () => {} });
    const cut = await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE query ILIKE 'listen%' AND pid <> pg_backend_pid()`;
    expect(cut.length).toBe(1);
    await waitFor(() => heard.some((entry) => entry.change?.kind === "all"), 10_000);
    await sql.end();
  });

  it("ignores a notice that is not a change, and keeps listening", async () => {
    heard = [];
    const sql = postgres(server().url);
    await sql.notify("factdesk_changes", "not json");
    await sql.notify("factdesk_changes", JSON.stringify({ kind: "pins", guildId: "1" }));
    await waitFor(() => heard.length === 1, DELIVERY_MS);
    expect(heard[0]?.change).toEqual({ kind: "pins", guildId: "1" });
    await sql.end();
  });
});

// The operator CLI on another host: the same library calls as /report, heard by a running bot.
describe("npm run report on PostgreSQL", () => {
  it("imports through the same store, and a running bot elsewhere answers from it at once", async () => {
    const databaseUrl = await createDatabase(server(), CLI_DATABASE);
    const env = { DATABASE_URL: databaseUrl, FEEDBACK_SECRET: TEST_FEEDBACK_SECRET };
    let heard = (_change: StoreChange) => {};
    const services = await openServices(testConfig(tempDir(), env), silentLogger, {
      hooks: { applied: (change) => heard(change) },
    });
    try {
      expect((await topFigure(services, GUILD_A, QUESTION)).value).not.toBe(3412);
      const taken = new Promise<void>((resolve) => {
        heard = (change) => {
          if (change.kind === "report" && change.guildId === GUILD_A) resolve();
        };
      });
      const cli = spawn(
        process.execPath,
        ["--import", "tsx", "src/reportCli.ts", "import", FIXTURE_PATH, "--guild", GUILD_A],
        {
          env: { ...process.env, ...env, DATA_DIR: tempDir(), LOG_LEVEL: "silent" },
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      let stdout = "";
      cli.stdout.on("data", (chunk) => (stdout += chunk));
      const [code] = await once(cli, "exit");
      expect(code).toBe(0);
      expect(stdout).toContain("**Updated to version 2**");
      await taken;
      expect(services.reports.activeVersion(GUILD_A).version).toBe(2);
      expect((await topFigure(services, GUILD_A, QUESTION)).value).toBe(3412);
    } finally {
      await services.close();
    }
  }, 60_000);
});
