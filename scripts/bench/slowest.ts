/**
 * The slowest seed questions on the seed or a synthetic report SCALE × it, warm, each timed over
 * REPEATS passes, and optionally a CPU profile of the answering alone (not the build):
 *   npx tsx scripts/bench/slowest.ts [SCALE] [REPEATS] [PROFILE_FILE]
 *   npx tsx scripts/bench/profileSummary.ts PROFILE_FILE
 * A few questions that read the whole report show here long before they move a p50.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { GOLDEN_DIR, loadGoldenSet } from "../../tests/golden/goldenSet.js";
import { benchLimits } from "./benchLimits.js";
import { syntheticReport } from "./synthetic.js";

const scale = Number(process.argv[2] ?? "1");
const reps = Number(process.argv[3] ?? "5");
const out = process.argv[4];
const qs = loadGoldenSet(join(GOLDEN_DIR, "seed.json"))
  .questions.filter((q) => q.after === undefined)
  .map((q) => q.q);
const index = buildReportIndex(
  syntheticReport(scale).text,
  { name: `x${scale}`, version: null },
  { limits: benchLimits(scale) },
);
for (const q of qs) answer(q, index);
const session = new Session();
session.connect();
if (out) {
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
}
// Each question's least time over the passes, wall and CPU: on a shared machine the least is what
// the question costs, and the rest is other people's load.
const wall = new Map<string, number>();
const cpu = new Map<string, number>();
const least = (map: Map<string, number>, q: string, t: number) =>
  map.set(q, Math.min(map.get(q) ?? Number.POSITIVE_INFINITY, t));
for (let r = 0; r < reps; r++)
  for (const q of qs) {
    const c = process.cpuUsage();
    const t = performance.now();
    answer(q, index);
    least(wall, q, performance.now() - t);
    const used = process.cpuUsage(c);
    least(cpu, q, (used.user + used.system) / 1000);
  }
if (out) {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(out, JSON.stringify(profile));
}
const sorted = [...wall].sort((a, b) => b[1] - a[1]);
const summary = (map: Map<string, number>) => {
  const times = [...map.values()].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return `mean ${mean.toFixed(3)} p50 ${times[Math.floor(times.length / 2)]?.toFixed(3)} ms`;
};
console.log(`x${scale}, least of ${reps}: wall ${summary(wall)}; CPU ${summary(cpu)}`);
for (const [q, t] of sorted.slice(0, 15)) console.log(t.toFixed(2), q);
