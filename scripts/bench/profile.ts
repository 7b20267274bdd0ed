/**
 * A workload to profile: builds and answers in one process, for `node --cpu-prof`.
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/bench/profile.ts [SCALE] [QUESTIONS]
 *   npx tsx scripts/bench/profileSummary.ts /tmp/prof
 * SCALE 1 (the default) is the seed: 50 builds, then every standalone seed question 50 times.
 * A larger SCALE builds that synthetic report once and asks QUESTIONS seed questions once each.
 */
import { join } from "node:path";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { GOLDEN_DIR, loadGoldenSet } from "../../tests/golden/goldenSet.js";
import { benchLimits } from "./benchLimits.js";
import { syntheticReport } from "./synthetic.js";

const scale = Number(process.argv[2] ?? "1");
const seed = loadGoldenSet(join(GOLDEN_DIR, "seed.json"));
const standalone = seed.questions.filter((q) => q.after === undefined);
const questions = standalone.slice(0, Number(process.argv[3] ?? standalone.length));
const repeats = scale === 1 ? 50 : 1;
const text = syntheticReport(scale).text;
const meta = { name: `synthetic-x${scale}.txt`, version: null };

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
let started = process.cpuUsage();
let index = buildReportIndex(text, meta, { limits: benchLimits(scale) });
for (let i = 1; i < repeats; i++)
  index = buildReportIndex(text, meta, { limits: benchLimits(scale) });
const buildMs = cpuMs(started) / repeats;
started = process.cpuUsage();
for (let i = 0; i < repeats; i++) for (const q of questions) answer(q.q, index);
const answerMs = cpuMs(started) / (repeats * questions.length);
console.log(
  `×${scale}: build ${buildMs.toFixed(1)} ms CPU (mean of ${repeats}), answer ${answerMs.toFixed(3)} ms CPU (mean of ${repeats * questions.length})`,
);
