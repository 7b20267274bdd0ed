// The bot and the npm scripts as real child processes, for the tests and the bench that run them.
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FakeDiscord } from "./fakeDiscord.js";

/** The repository's root: where the bot and the npm scripts run from. */
export const REPO_DIR = fileURLToPath(new URL("../..", import.meta.url));

/**
 * A child's whole environment: PATH and HOME of ours and nothing else, with DOTENV_PATH at a file
 * that is not there in `dir`, which keeps a developer's own .env out.
 */
export function cleanEnv(dir: string, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOTENV_PATH: join(dir, "none.env"),
    ...env,
  };
}

/** A clean environment for a bot whose application and API are the fake Discord's. */
export function fakeDiscordEnv(
  fake: FakeDiscord,
  dir: string,
  env: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  return cleanEnv(dir, { DISCORD_CLIENT_ID: fake.appId, DISCORD_API_URL: fake.apiUrl, ...env });
}

/**
 * `node --import tsx src/main.ts`: the bot as one process, as `node dist/main.js` runs in
 * production, so a signal reaches the bot itself. Not through npm, which re-raises a signal on
 * itself, nor the tsx CLI, which relays a SIGTERM and SIGKILLs a bot that takes over 30 ms to
 * acknowledge it, as a loaded machine does.
 */
export function spawnBot(env: NodeJS.ProcessEnv, stdio: StdioOptions): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: REPO_DIR, env, stdio });
}

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** What a child prints (so far, and in all once it exits) and its exit code. */
export function watch(child: ChildProcess): { exit: Promise<Exit>; stdout: () => string } {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => (stdout += chunk));
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const exit = once(child, "exit").then(([code]) => ({
    code: code as number | null,
    stdout,
    stderr,
  }));
  return { exit, stdout: () => stdout };
}
