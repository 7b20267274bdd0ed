import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { registrationBody } from "../../src/bot/registration.js";
import { cleanEnv, type Exit, fakeDiscordEnv, REPO_DIR, spawnBot, watch } from "./botProcess.js";
import { FakeDiscord } from "./fakeDiscord.js";
import { figureInReport, REPORT_PATH } from "./harness.js";

let fake: FakeDiscord;
let dir: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  dir = mkdtempSync(join(tmpdir(), "factdesk-scripts-"));
});

afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run <script>` as an operator would, with only the given environment (plus PATH). */
function npm(script: string, env: Record<string, string>): ChildProcess {
  return run("npm", ["--silent", "run", script], env);
}

function run(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, {
    cwd: REPO_DIR,
    env: cleanEnv(dir, env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function finished(child: ChildProcess): Promise<Exit> {
  return watch(child).exit;
}

describe("npm start", () => {
  it("with a bad .env exits 1 with one line per problem and no stack trace", async () => {
    const envFile = join(dir, "bad.env");
    writeFileSync(envFile, "DISCORD_CLIENT_ID=not-an-id\nRATE_LIMIT=fast\nLOG_LEVEL=loud\n");
    const { code, stderr } = await finished(npm("start", { DOTENV_PATH: envFile }));

    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/DISCORD_TOKEN is not set.*npm run ask/);
    expect(lines.slice(1).map((line) => line.split(" ")[1])).toEqual([
      "DISCORD_CLIENT_ID",
      "RATE_LIMIT",
      "LOG_LEVEL",
    ]);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it("connects through DISCORD_API_URL, answers /ask, and exits 0 on SIGTERM", async () => {
    const bot = spawnBot(
      fakeDiscordEnv(fake, dir, {
        DISCORD_TOKEN: "fake-token-for-npm-start",
        REPORT_PATH: fileURLToPath(REPORT_PATH),
        DATA_DIR: join(dir, "data"),
        LOG_LEVEL: "warn",
      }),
      ["ignore", "pipe", "pipe"],
    );
    const exit = finished(bot);
    const gangs = figureInReport(/destroying ([\d,]+) drug trafficking gangs/);

    // The first interaction waits for the gateway connection; the reply, for the bot to be ready.
    const handle = await fake.sendCommand("ask", {
      question: "How many drug trafficking gangs were destroyed?",
    });
    const reply = await handle.reply(20_000);
    expect(JSON.stringify(reply.body)).toContain(`¶${gangs.paragraph}`);

    bot.kill("SIGTERM");
    const { code, stderr } = await exit;
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("npm run deploy-commands", () => {
  const deploy = (env: Record<string, string> = {}, args: string[] = []) =>
    finished(
      run("npm", ["--silent", "run", "deploy-commands", "--", ...args], {
        DISCORD_TOKEN: "fake-token-for-deploy",
        DISCORD_CLIENT_ID: fake.appId,
        DISCORD_API_URL: fake.apiUrl,
        ...env,
      }),
    );

  it("bulk-PUTs exactly the command list to the guild and prints what it registered", async () => {
    const { code, stdout } = await deploy({ DISCORD_GUILD_ID: fake.guildId });

    expect(code).toBe(0);
    expect(fake.commandPuts).toHaveLength(1);
    expect(fake.commandPuts[0]?.guildId).toBe(fake.guildId);
    expect(fake.commandPuts[0]?.body).toEqual(
      JSON.parse(JSON.stringify(registrationBody(commands))),
    );
    expect(stdout).toContain("+ /ask  (new)");
    expect(stdout).toContain('+ "Ask factdesk"  (new)');
    for (const command of commands) expect(stdout).toContain(command.data.name);
  });

  it("registers globally when no guild is configured", async () => {
    const { code, stdout } = await deploy();

    expect(code).toBe(0);
    expect(fake.commandPuts.at(-1)?.guildId).toBeNull();
    expect(fake.commandPuts.at(-1)?.body.map((c) => c.name)).toEqual(
      commands.map((c) => c.data.name),
    );
    expect(stdout).toContain("globally");
  });

  it("prints a diff against what is registered, and warns when global commands also show in the guild", async () => {
    const { code, stdout, stderr } = await deploy({ DISCORD_GUILD_ID: fake.guildId });
    expect(code).toBe(0);
    expect(stdout).toContain("= /ask");
    expect(stdout).not.toContain("(new)");
    expect(stderr).toMatch(/warning: \d+ global commands .*also show in this guild/);
    expect(stderr).toContain("--clear");
  });

  it("--clear removes every command and says which", async () => {
    const { code, stdout } = await deploy({}, ["--clear"]);
    expect(code).toBe(0);
    expect(fake.commandPuts.at(-1)).toEqual({ guildId: null, body: [] });
    expect(stdout).toContain("- /ask  (removed)");
    const again = await deploy({ DISCORD_GUILD_ID: fake.guildId });
    expect(again.stderr).not.toContain("warning");
  });
});
