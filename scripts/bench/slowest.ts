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
const per = new Map<string, number>();
for (let r = 0; r < reps; r++)
  for (const q of qs) {
    const t = performance.now();
    answer(q, index);
    per.set(q, (per.get(q) ?? 0) + performance.now() - t);
  }
if (out) {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(out, JSON.stringify(profile));
}
const sorted = [...per].map(([q, t]) => [q, t / reps] as const).sort((a, b) => b[1] - a[1]);
const times = sorted.map((x) => x[1]).sort((a, b) => a - b);
console.log(
  `x${scale} mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(3)} p50 ${times[Math.floor(times.length / 2)]?.toFixed(3)}`,
);
for (const [q, t] of sorted.slice(0, 15)) console.log(t.toFixed(2), q);
