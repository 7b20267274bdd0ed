/**
 * `npm run bench`: index build time and warm, in-process answer latency over every golden set,
 * side by side with a plain fuse.js baseline scored by the same function as the golden test.
 *
 *   npm run bench -- [--runs 15] [--warmup 3] [--passes 10] [--failures]
 */
import { parseArgs } from "node:util";
import { answer, reply } from "../src/qa/answer.js";
import { buildReportIndex, type ReportIndex } from "../src/qa/reportIndex.js";
import type { Answer } from "../src/qa/schema.js";
import {
  formatFailures,
  formatTable,
  type GoldenSet,
  loadGoldenSets,
  percent,
  readReportText,
  reportMeta,
  runGoldenSet,
  type SetResult,
} from "../tests/golden/goldenSet.js";
import { BASELINE_NOT_FOUND_SCORE, type Baseline, buildBaseline } from "./baseline.js";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    passes: { type: "string", default: "10" },
    failures: { type: "boolean", default: false },
  },
});

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`factdesk bench: --${name} must be a positive integer, got ${raw}`);
    process.exit(2);
  }
  return n;
}

const RUNS = positiveInt("runs", args.runs);
const WARMUP = positiveInt("warmup", args.warmup);
const PASSES = positiveInt("passes", args.passes);

const SEED_REPORT = "data/report.txt";
const NS_PER_MS = 1e6;
const NS_PER_US = 1e3;

/** Nearest-rank percentile of already sorted samples. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

function timeOnce(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start);
}

/** Build `runs` times after one warm-up build; nanoseconds, sorted. */
function timeBuilds(build: () => unknown, runs: number): number[] {
  build();
  return Array.from({ length: runs }, () => timeOnce(build)).sort((a, b) => a - b);
}

/** Warm up, then time every question `PASSES` times; per-call nanoseconds, sorted. */
function timeAnswers(questions: string[], ask: (q: string) => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) for (const q of questions) ask(q);
  const samples: number[] = [];
  for (let i = 0; i < PASSES; i++) for (const q of questions) samples.push(timeOnce(() => ask(q)));
  return samples.sort((a, b) => a - b);
}

interface Contender {
  result: SetResult;
  latencyNs: number[];
}

interface SetBench {
  set: GoldenSet;
  chars: number;
  paragraphs: number;
  facts: number;
  buildNs: number[];
  baselineBuildNs: number[];
  factdesk: Contender | { error: string };
  baseline: Contender;
}

function contend(set: GoldenSet, ask: (q: string, after?: string) => Answer): Contender {
  const result = runGoldenSet(set, ask);
  // A question that throws is already scored wrong; time it anyway rather than abort the run.
  const timed = (q: string) => {
    try {
      return ask(q);
    } catch {
      return null;
    }
  };
  return {
    result,
    latencyNs: timeAnswers(
      set.questions.map((q) => q.q),
      timed,
    ),
  };
}

function benchSet(set: GoldenSet): SetBench {
  const text = readReportText(set);
  const meta = reportMeta(set);
  const index: ReportIndex = buildReportIndex(text, meta);
  const buildNs = timeBuilds(() => buildReportIndex(text, meta), RUNS);
  const baselineBuildNs = timeBuilds(() => buildBaseline(index.report), RUNS);
  const baseline: Baseline = buildBaseline(index.report);
  let factdesk: SetBench["factdesk"];
  // A follow-up is scored as the golden test asks it: after its question, with that Query.
  factdesk = contend(set, (q, after) =>
    answer(q, index, { previous: after === undefined ? null : reply(after, index).query }),
  );
  const results = factdesk.result.results;
  if (results.every((r) => r.answer === null)) {
    factdesk = { error: results[0]?.score.reason ?? "no questions" };
  }
  return {
    set,
    chars: text.length,
    paragraphs: index.report.paragraphs.length,
    facts: index.table.facts.length,
    buildNs,
    baselineBuildNs,
    factdesk,
    baseline: contend(set, (q) => baseline.ask(q)),
  };
}

const ms = (ns: number) => (ns / NS_PER_MS).toFixed(2);
const us = (ns: number) => (ns / NS_PER_US).toFixed(1);

function main(): number {
  // The seed report first: it is the one the acceptance run measures.
  const seedFirst = (set: GoldenSet) => (set.report === SEED_REPORT ? 0 : 1);
  const sets = loadGoldenSets().sort((a, b) => seedFirst(a) - seedFirst(b));
  console.log(
    `factdesk bench · node ${process.version} · ${RUNS} index builds · ${WARMUP} warm-up + ${PASSES} timed passes per golden set`,
  );
  const benches: SetBench[] = [];
  const broken: string[] = [];
  for (const set of sets) {
    try {
      benches.push(benchSet(set));
    } catch (err) {
      broken.push(`${set.name}: ${(err as Error).message}`);
    }
  }

  const builds = [
    ["report", "golden", "chars", "¶", "facts", "build median ms", "min–max ms", "baseline ms"],
  ];
  for (const b of benches) {
    builds.push([
      b.set.report,
      b.set.name,
      String(b.chars),
      String(b.paragraphs),
      String(b.facts),
      ms(percentile(b.buildNs, 50)),
      `${ms(b.buildNs[0] ?? Number.NaN)}–${ms(b.buildNs.at(-1) ?? Number.NaN)}`,
      ms(percentile(b.baselineBuildNs, 50)),
    ]);
  }
  console.log(`\nIndex build (median of ${RUNS})\n${formatTable(builds)}`);

  const rows = [
    ["golden", "questions", "factdesk", "p50 µs", "p99 µs", "baseline", "p50 µs", "p99 µs"],
  ];
  const errors: string[] = [...broken];
  for (const b of benches) {
    const base = b.baseline;
    const baseCells = [
      `${percent(base.result.accuracy)} (${base.result.correct})`,
      us(percentile(base.latencyNs, 50)),
      us(percentile(base.latencyNs, 99)),
    ];
    const fd = b.factdesk;
    const fdCells =
      "error" in fd
        ? ["error", "-", "-"]
        : [
            `${percent(fd.result.accuracy)} (${fd.result.correct})`,
            us(percentile(fd.latencyNs, 50)),
            us(percentile(fd.latencyNs, 99)),
          ];
    if ("error" in fd) errors.push(`${b.set.name}: factdesk: ${fd.error}`);
    rows.push([b.set.name, String(b.set.questions.length), ...fdCells, ...baseCells]);
  }
  console.log(
    `\nGolden sets: accuracy (correct) by the golden test's scoring; answer latency warm, in-process` +
      `\nbaseline = plain fuse.js over sentences, first number of the best sentence, not_found above score ${BASELINE_NOT_FOUND_SCORE}` +
      `\n${formatTable(rows)}`,
  );

  if (args.failures) {
    for (const b of benches) {
      if ("error" in b.factdesk) continue;
      console.log(`\nfactdesk failures on ${b.set.name}\n${formatFailures(b.factdesk.result)}`);
    }
  }
  if (errors.length > 0) console.error(`\nerrors\n${errors.map((e) => `  ${e}`).join("\n")}`);
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = main();
