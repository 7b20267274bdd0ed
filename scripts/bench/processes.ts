/** Child processes for the benches: always bounded by a timeout, always killed by their own id. */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { REPO_ROOT } from "../../tests/golden/goldenSet.js";
import { nowMs } from "./stats.js";

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  timedOut: boolean;
}

/** `node --import tsx FILE ...args`, the way the repo's process tests run TypeScript. */
export const tsxNode = (file: string, ...args: string[]) =>
  [process.execPath, ["--import", "tsx", file, ...args]] as const;

export function start(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  return spawn(command, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
}

/** Run to the end, or kill it (SIGKILL, this child only) after `timeoutMs`. */
export async function runToEnd(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  env?: NodeJS.ProcessEnv,
): Promise<Finished> {
  const begun = nowMs();
  const child = start(command, args, env);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => (stdout += chunk));
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);
  const [code] = await once(child, "exit");
  clearTimeout(timer);
  return { code: code as number | null, stdout, stderr, wallMs: nowMs() - begun, timedOut };
}

/** Build `dist/` if it is older than the sources, as `npm start` and `npm run ask` would first. */
export async function ensureBuilt(timeoutMs: number): Promise<void> {
  const script = "import('./scripts/build.mjs').then((build) => build.buildIfStale())";
  const run = await runToEnd(process.execPath, ["-e", script], timeoutMs);
  if (run.code !== 0) {
    throw new Error(
      `factdesk: bench: building dist/ failed: ${run.stderr.trim() || `exit ${run.code}`}`,
    );
  }
}
