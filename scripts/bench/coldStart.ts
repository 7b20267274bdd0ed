/**
 * Cold start of `npm run ask` (the compiled CLI, dist/ up to date): whole real processes, one
 * question each, the median of several.
 */

import { join } from "node:path";
import { GOLDEN_DIR, loadGoldenSet } from "../../tests/golden/goldenSet.js";
import { ensureBuilt, runToEnd } from "./processes.js";
import { median, showMs } from "./stats.js";

const RUN_TIMEOUT_MS = 60_000;
const BUILD_TIMEOUT_MS = 5 * 60_000;

export async function runColdStartBench(runs: number): Promise<number[]> {
  // `npm run ask` builds dist/ first when it is stale: that is a build, not a cold start.
  await ensureBuilt(BUILD_TIMEOUT_MS);
  const question = loadGoldenSet(join(GOLDEN_DIR, "seed.json")).questions[0]?.q ?? "";
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const wallMs: number[] = [];
  const problems: string[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runToEnd(npm, ["run", "--silent", "ask", "--", question], RUN_TIMEOUT_MS);
    if (run.code === 0) wallMs.push(run.wallMs);
    else problems.push(run.timedOut ? "timed out" : `exit ${run.code}: ${run.stderr.trim()}`);
  }
  console.log(
    `\n## Cold start of \`npm run ask -- QUESTION\` (a real process, seed report, spawn → exit)\n` +
      `median ${showMs(median(wallMs))} of ${wallMs.length} (${wallMs.map(showMs).join(", ")})` +
      (problems.length > 0 ? `\n  failed runs: ${problems.join("; ")}` : ""),
  );
  return wallMs;
}
