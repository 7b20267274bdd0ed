/**
 * Bytes allocated, CPU time and scavenges per answer, on the seed or a synthetic report SCALE × it.
 * Wall time is noisy on a shared machine; allocation is not, and it is what p99 pays for in minor GCs.
 *   node --expose-gc --max-semi-space-size=256 --min-semi-space-size=256 --import tsx \
 *     scripts/bench/allocation.ts SCALE PASSES
 * With a new space that large no scavenge runs inside a batch, so the heap's growth over it is what
 * the batch allocated. Run without the semi-space flags to count scavenges at the default size.
 */
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { GOLDEN_DIR, loadGoldenSet } from "../../tests/golden/goldenSet.js";
import { benchLimits } from "./benchLimits.js";
import { syntheticReport } from "./synthetic.js";

const [scale = 1, passes = 20] = process.argv.slice(2).map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
const index = buildReportIndex(
  syntheticReport(scale).text,
  { name: `synthetic-x${scale}.txt`, version: null },
  { limits: benchLimits(scale) },
);
const questions = loadGoldenSet(join(GOLDEN_DIR, "seed.json"))
  .questions.filter((q) => q.after === undefined)
  .map((q) => q.q);
for (const q of questions) answer(q, index);

let scavenges = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if ((entry as { detail?: { kind?: number } }).detail?.kind === 1) scavenges++;
}).observe({ entryTypes: ["gc"] });

let bytes = 0;
let answers = 0;
const cpu = process.cpuUsage();
for (let pass = 0; pass < passes; pass++) {
  gc?.();
  const before = getHeapStatistics().used_heap_size;
  for (const q of questions) answer(q, index);
  bytes += getHeapStatistics().used_heap_size - before;
  answers += questions.length;
}
const used = process.cpuUsage(cpu);
// Let the observer hear of the last collections.
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(
  JSON.stringify({
    scale,
    answers,
    kibPerAnswer: gc ? Math.round(bytes / answers / 1024) : null,
    cpuUsPerAnswer: Math.round((used.user + used.system) / answers),
    scavengesPer1000: gc ? null : Math.round((scavenges * 1000) / answers),
  }),
);
