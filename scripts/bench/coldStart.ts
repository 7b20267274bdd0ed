/**
 * Cold start of `npm run ask` (the compiled CLI, dist/ up to date): whole real processes, one
 * question each. The first run finds no saved index (dist/.cache/index is emptied), builds the
 * seed's index and saves it; the others read it, as every later `npm run ask` does. Both are shown.
 */

import { rmSync } from "node:fs";
import { join } from "node:path";
import { GOLDEN_DIR, loadGoldenSet, REPO_ROOT } from "../../tests/golden/goldenSet.js";
import { ensureBuilt, type Finished, runToEnd } from "./processes.js";
import { median, showMs } from "./stats.js";

const RUN_TIMEOUT_MS = 60_000;
const BUILD_TIMEOUT_MS = 5 * 60_000;
/** Where the built CLI keeps the indexes it saves (src/cli.ts). */
const SAVED_INDEXES = join(REPO_ROOT, "dist", ".cache", "index");

export interface ColdStart {
  /** The run that built and saved the index. */
  firstMs: number | null;
  /** The runs that read it. */
  savedMs: number[];
}

export async function runColdStartBench(runs: number): Promise<ColdStart> {
  // `npm run ask` builds dist/ first when it is stale: that is a build, not a cold start.
  await ensureBuilt(BUILD_TIMEOUT_MS);
  rmSync(SAVED_INDEXES, { recursive: true, force: true });
  const question = loadGoldenSet(join(GOLDEN_DIR, "seed.json")).questions[0]?.q ?? "";
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const problems: string[] = [];
  const ask = async (): Promise<number | null> => {
    const run: Finished = await runToEnd(
      npm,
      ["run", "--silent", "ask", "--", question],
      RUN_TIMEOUT_MS,
    );
    if (run.code === 0) return run.wallMs;
    problems.push(run.timedOut ? "timed out" : `exit ${run.code}: ${run.stderr.trim()}`);
    return null;
  };
  const firstMs = await ask();
  const savedMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const wallMs = await ask();
    if (wallMs !== null) savedMs.push(wallMs);
  }
  console.log(
    `\n## Cold start of \`npm run ask -- QUESTION\` (a real process, seed report, spawn → exit)\n` +
      `median ${showMs(median(savedMs))} of ${savedMs.length} reading the saved index (${savedMs.map(showMs).join(", ")})` +
      ` · first run, building and saving it: ${firstMs === null ? "failed" : showMs(firstMs)}` +
      (problems.length > 0 ? `\n  failed runs: ${problems.join("; ")}` : ""),
  );
  return { firstMs, savedMs };
}
