import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/bot/client.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../library/harness.js";
import { fakeDiscordEnv, REPO_DIR, watch } from "./botProcess.js";
import { FakeDiscord } from "./fakeDiscord.js";
import { figureInReport, REPORT_PATH, recordingServices } from "./harness.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "factdesk-production-"));
  execFileSync("npm", ["run", "--silent", "build"], { cwd: REPO_DIR, stdio: "ignore" });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function botEnv(fake: FakeDiscord, name: string): NodeJS.ProcessEnv {
  return fakeDiscordEnv(fake, dir, {
    DISCORD_TOKEN: "fake-token-for-production",
    REPORT_PATH: fileURLToPath(REPORT_PATH),
    DATA_DIR: join(dir, name),
    LOG_LEVEL: "warn",
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The ids of `pid`'s children, from the real process table. */
function childrenOf(pid: number): number[] {
  // ps exits 1 when there are none.
  const { stdout } = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  return stdout.split("\n").map(Number).filter(Boolean);
}

async function asksAndIsAnswered(fake: FakeDiscord): Promise<void> {
  const gangs = figureInReport(/destroying ([\d,]+) drug trafficking gangs/);
  const handle = await fake.sendCommand("ask", {
    question: "How many drug trafficking gangs were destroyed?",
  });
  expect(JSON.stringify((await handle.reply(20_000)).body)).toContain(`¶${gangs.paragraph}`);
}

describe("the compiled bot", () => {
  it("npm run build && node dist/main.js connects, answers /ask and exits 0 on SIGTERM", async () => {
    const fake = await FakeDiscord.start();
    try {
      const bot = spawn(process.execPath, ["dist/main.js"], {
        cwd: REPO_DIR,
        env: botEnv(fake, "dist"),
        stdio: ["ignore", "ignore", "pipe"],
      });
      const { exit } = watch(bot);
      await asksAndIsAnswered(fake);
      bot.kill("SIGTERM");
      const { code, stderr } = await exit;
      expect(stderr).toBe("");
      expect(code).toBe(0);
    } finally {
      await fake.close();
    }
  });

  it("npm start leaves no orphan when only npm's own pid gets SIGTERM", async () => {
    const fake = await FakeDiscord.start();
    try {
      const npm = spawn("npm", ["start"], {
        cwd: REPO_DIR,
        env: botEnv(fake, "npm-start"),
        stdio: ["ignore", "ignore", "pipe"],
      });
      const { exit } = watch(npm);
      await asksAndIsAnswered(fake);
      // npm → sh → node, or npm → node: every process under npm must be gone after npm is.
      const tree = [...childrenOf(npm.pid ?? 0)];
      for (const pid of [...tree]) tree.push(...childrenOf(pid));
      expect(tree.length).toBeGreaterThan(0);

      npm.kill("SIGTERM");
      await exit;
      await expect.poll(() => tree.filter(isRunning), { timeout: 10_000 }).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});

describe("CHAT=off", () => {
  it("leaves the Message Content intent out, so a bot without it connects and answers", async () => {
    const fake = await FakeDiscord.start({ disallowedIntents: GatewayIntentBits.MessageContent });
    const config = parseConfig({ ...botEnv(fake, "chat-off"), CHAT: "off" });
    const client = await startBot(config, silentLogger, recordingServices());
    try {
      expect(Number(fake.identify?.intents) & GatewayIntentBits.MessageContent).toBe(0);
      await asksAndIsAnswered(fake);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});

describe("the compiled ask CLI", () => {
  const codeCache = join(REPO_DIR, "dist", ".cache", "cli.codecache");
  const ask = () =>
    spawnSync(
      process.execPath,
      ["dist/cli.js", "--json", "How many drug trafficking gangs were destroyed?"],
      {
        cwd: REPO_DIR,
        encoding: "utf8",
      },
    );

  it("answers with no code cache, from the one it wrote, and past a corrupt one, which it replaces", () => {
    rmSync(codeCache, { force: true });
    const first = ask();
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout).status).toBe("answered");
    expect(existsSync(codeCache)).toBe(true);
    const cached = ask();
    expect(cached.status).toBe(0);
    expect(cached.stdout).toBe(first.stdout);
    writeFileSync(codeCache, Buffer.alloc(4096, 7));
    const corrupt = ask();
    expect(corrupt.status).toBe(0);
    expect(corrupt.stdout).toBe(first.stdout);
    expect(statSync(codeCache).size).toBeGreaterThan(4096);
  });
});
