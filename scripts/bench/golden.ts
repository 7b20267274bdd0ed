/**
 * Golden sets: index build time per report, then factdesk, plain fuse.js and BM25 (MiniSearch)
 * over sentences, each scored by the golden test's own function, with warm in-process latency.
 * factdesk is timed as the bot runs it: the code `npm run build` compiles to dist/ (tsx's own
 * transform of the sources adds a helper call to every closure, several percent of an answer).
 */
import { join } from "node:path";
import { constants, type PerformanceEntry, PerformanceObserver } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { ReportIndex } from "../../src/qa/reportIndex.js";
import type { Answer } from "../../src/qa/schema.js";
import {
  type Ask,
  formatFailures,
  formatTable,
  type GoldenSet,
  loadGoldenSets,
  percent,
  REPO_ROOT,
  readReportText,
  reportMeta,
  runGoldenSet,
  type SetResult,
} from "../../tests/golden/goldenSet.js";
import { BASELINE_NOT_FOUND_SCORE, buildBaseline } from "../baseline.js";
import { BM25_NOT_FOUND_SCORE, buildBm25 } from "./bm25.js";
import { ensureBuilt } from "./processes.js";
import { ms, percentile, ratio, timeOnce, us } from "./stats.js";

type AnswerModule = typeof import("../../src/qa/answer.js");
type IndexModule = typeof import("../../src/qa/reportIndex.js");
interface Engine {
  answer: AnswerModule["answer"];
  reply: AnswerModule["reply"];
  buildReportIndex: IndexModule["buildReportIndex"];
}

const BUILD_TIMEOUT_MS = 5 * 60_000;

/** The compiled engine in dist/, built first when it is missing or older than the sources. */
async function compiledEngine(): Promise<Engine> {
  await ensureBuilt(BUILD_TIMEOUT_MS);
  const load = (file: string) => import(pathToFileURL(join(REPO_ROOT, "dist", file)).href);
  const { answer, reply } = (await load("src/qa/answer.js")) as AnswerModule;
  const { buildReportIndex } = (await load("src/qa/reportIndex.js")) as IndexModule;
  return { answer, reply, buildReportIndex };
}

export const SEED_REPORT = "data/report.txt";

export interface GoldenOptions {
  runs: number;
  warmup: number;
  passes: number;
  /** The seed is benched first, on a cold JIT, and its p99 needs thousands of samples. */
  seedWarmup: number;
  seedPasses: number;
  failures: boolean;
}

const CONTENDERS = ["factdesk", "fuse.js", "BM25"] as const;
type ContenderName = (typeof CONTENDERS)[number];

interface Contender {
  result: SetResult;
  /** Sorted. */
  latencyNs: number[];
  /** Every timed answer in the order asked: pass after pass over the set's questions. */
  samples: Sample[];
}

interface Sample {
  question: number;
  startMs: number;
  ns: number;
}

interface SetBench {
  set: GoldenSet;
  chars: number;
  paragraphs: number;
  facts: number;
  buildNs: number[];
  contenders: Record<ContenderName, Contender>;
}

export interface GoldenSummary {
  seed: { p50Ms: number; p99Ms: number; maxMs: number } | null;
  rows: { name: ContenderName; correct: number; questions: number; p50Ms: number }[];
  errors: string[];
}

/** Build `runs` times after one warm-up build; nanoseconds, sorted. */
function timeBuilds(build: () => unknown, runs: number): number[] {
  build();
  return Array.from({ length: runs }, () => timeOnce(build)).sort((a, b) => a - b);
}

function contend(set: GoldenSet, ask: Ask, options: GoldenOptions): Contender {
  const result = runGoldenSet(set, ask);
  // A question that throws is already scored wrong; time it anyway rather than abort the run.
  const timed = (q: GoldenSet["questions"][number]) => {
    try {
      return ask(q.q, q.after);
    } catch {
      return null;
    }
  };
  for (let i = 0; i < options.warmup; i++) for (const q of set.questions) timed(q);
  const samples: Sample[] = [];
  for (let i = 0; i < options.passes; i++) {
    set.questions.forEach((q, question) => {
      const startMs = performance.now();
      samples.push({ question, startMs, ns: timeOnce(() => timed(q)) });
    });
  }
  return { result, latencyNs: samples.map((s) => s.ns).sort((a, b) => a - b), samples };
}

function benchSet(set: GoldenSet, options: GoldenOptions, engine: Engine): SetBench {
  const { answer, reply, buildReportIndex } = engine;
  const answerAfter = (q: string, after: string | undefined, index: ReportIndex): Answer =>
    answer(q, index, { previous: after === undefined ? null : reply(after, index).query });
  const text = readReportText(set);
  const meta = reportMeta(set);
  const index = buildReportIndex(text, meta);
  const fuse = buildBaseline(index.report);
  const bm25 = buildBm25(index.report);
  const contenders = {
    // A follow-up is asked as the golden test asks it: after its question, with that Query
    // (the time of answering the earlier question is counted in too).
    factdesk: contend(set, (q, after) => answerAfter(q, after, index), options),
    "fuse.js": contend(set, (q) => fuse.ask(q), options),
    BM25: contend(set, (q) => bm25.ask(q), options),
  };
  // Timed after the answers: the bot builds in a worker thread, whose heap is not the one that
  // answers, so the garbage of these throwaway builds is no answer's to collect.
  const buildNs = timeBuilds(() => buildReportIndex(text, meta), options.runs);
  return {
    set,
    chars: text.length,
    paragraphs: index.report.paragraphs.length,
    facts: index.table.facts.length,
    buildNs,
    contenders,
  };
}

function buildTable(benches: SetBench[], runs: number): string {
  const rows = [["report", "golden", "chars", "¶", "facts", "build median ms", "min–max ms"]];
  for (const b of benches) {
    rows.push([
      b.set.report,
      b.set.name,
      String(b.chars),
      String(b.paragraphs),
      String(b.facts),
      ms(percentile(b.buildNs, 50)),
      `${ms(b.buildNs[0] ?? Number.NaN)}–${ms(b.buildNs.at(-1) ?? Number.NaN)}`,
    ]);
  }
  return `Index build (median of ${runs})\n${formatTable(rows)}`;
}

function accuracyTable(benches: SetBench[]): string {
  const header = ["golden", "questions"];
  for (const name of CONTENDERS) header.push(name, "p50 µs", "p99 µs");
  const rows = [header];
  for (const b of benches) {
    const row = [b.set.name, String(b.set.questions.length)];
    for (const name of CONTENDERS) {
      const c = b.contenders[name];
      row.push(
        `${percent(c.result.accuracy)} (${c.result.correct})`,
        us(percentile(c.latencyNs, 50)),
        us(percentile(c.latencyNs, 99)),
      );
    }
    rows.push(row);
  }
  return formatTable(rows);
}

function summarise(benches: SetBench[]): GoldenSummary["rows"] {
  return CONTENDERS.map((name) => {
    const all = benches.flatMap((b) => b.contenders[name].latencyNs).sort((a, b) => a - b);
    return {
      name,
      correct: benches.reduce((sum, b) => sum + b.contenders[name].result.correct, 0),
      questions: benches.reduce((sum, b) => sum + b.set.questions.length, 0),
      p50Ms: percentile(all, 50) / 1e6,
    };
  });
}

function summaryTable(rows: GoldenSummary["rows"]): string {
  const factdesk = rows[0];
  const table = [["over all golden sets", "accuracy", "pooled p50 µs", "factdesk ÷ it"]];
  for (const row of rows) {
    table.push([
      row.name,
      `${percent(row.correct / row.questions)} (${row.correct}/${row.questions})`,
      (row.p50Ms * 1000).toFixed(1),
      ratio((factdesk?.p50Ms ?? Number.NaN) / row.p50Ms),
    ]);
  }
  return formatTable(table);
}

interface Collections {
  /** Stop listening, once the collections seen so far are all reported. */
  stop(): Promise<void>;
  /** In milliseconds of performance.now(); `major` for a full or incremental mark, not a scavenge. */
  spans: { startMs: number; endMs: number; major: boolean }[];
}

/** Every garbage collection from now until stop(), to tell a slow answer from a collection. */
function garbageCollections(): Collections {
  const spans: Collections["spans"] = [];
  const add = (entries: PerformanceEntry[]) => {
    for (const e of entries) {
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      spans.push({
        startMs: e.startTime,
        endMs: e.startTime + e.duration,
        major: kind !== constants.NODE_PERFORMANCE_GC_MINOR,
      });
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  return {
    spans,
    async stop() {
      // Node reports a collection from the event loop: a synchronous run hears of none until it yields.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 10));
      add(observer.takeRecords());
      observer.disconnect();
    },
  };
}

const SLOWEST_SHOWN = 5;

/**
 * What the seed's slowest answers are: how many of the samples at or above p99 overlapped a
 * garbage collection, how many questions they come from, and the questions slowest by median
 * (the same question slow on every pass is real work, not noise).
 */
function tailLine(set: GoldenSet, contender: Contender, collections: Collections): string {
  const { samples, latencyNs } = contender;
  const p99 = percentile(latencyNs, 99);
  const tail = samples.filter((s) => s.ns >= p99);
  const collectionDuring = (s: Sample) => {
    const endMs = s.startMs + s.ns / 1e6;
    return collections.spans.find((gc) => gc.startMs < endMs && gc.endMs > s.startMs);
  };
  const overlapsCollection = (s: Sample) => collectionDuring(s) !== undefined;
  const collected = tail.filter(overlapsCollection).length;
  const major = tail.filter((s) => collectionDuring(s)?.major).length;
  const withCollection = samples.filter(overlapsCollection).length;
  const byQuestion = new Map<number, number[]>();
  for (const s of samples)
    byQuestion.set(s.question, [...(byQuestion.get(s.question) ?? []), s.ns]);
  const medians = [...byQuestion].map(([question, ns]) => ({
    question,
    medianNs: percentile(
      ns.sort((a, b) => a - b),
      50,
    ),
  }));
  const slowest = medians.sort((a, b) => b.medianNs - a.medianNs).slice(0, SLOWEST_SHOWN);
  return (
    `Seed tail: ${tail.length} samples at or above p99 (${us(p99)} µs), ${collected} of them during a garbage collection (${major} a full or incremental mark, the rest scavenges)` +
    ` (${withCollection} of all ${samples.length} samples were), from ${new Set(tail.map((s) => s.question)).size} questions.` +
    `\nSlowest seed questions by median over ${samples.length / set.questions.length} passes:` +
    slowest
      .map(({ question, medianNs }) => {
        const q = set.questions[question];
        return `\n  ${us(medianNs).padStart(7)} µs  ${q?.q}${q?.after ? `  (after: ${q.after})` : ""}`;
      })
      .join("")
  );
}

export async function runGoldenBench(options: GoldenOptions): Promise<GoldenSummary> {
  // The seed report first: it is the one the acceptance run measures.
  const seedFirst = (set: GoldenSet) => (set.report === SEED_REPORT ? 0 : 1);
  const sets = loadGoldenSets().sort((a, b) => seedFirst(a) - seedFirst(b));
  const engine = await compiledEngine();
  console.log(
    `\n## Golden sets · ${options.runs} index builds · ${options.warmup} warm-up + ${options.passes} timed passes per set and contender (${options.seedWarmup} + ${options.seedPasses} on the seed) · factdesk compiled (dist/)`,
  );
  const benches: SetBench[] = [];
  const errors: string[] = [];
  const collections = garbageCollections();
  for (const set of sets) {
    try {
      const seed = set.name === "seed";
      const warmup = seed ? options.seedWarmup : options.warmup;
      const passes = seed ? options.seedPasses : options.passes;
      benches.push(benchSet(set, { ...options, warmup, passes }, engine));
    } catch (err) {
      errors.push(`${set.name}: ${(err as Error).message}`);
    }
  }
  await collections.stop();
  console.log(`\n${buildTable(benches, options.runs)}`);
  console.log(
    "\nAccuracy (correct) by the golden test's scoring; answer latency warm, in-process." +
      `\nfuse.js = plain fuse.js over sentences, abstains above fuse score ${BASELINE_NOT_FOUND_SCORE};` +
      ` BM25 = MiniSearch over sentences, abstains below BM25 score ${BM25_NOT_FOUND_SCORE};` +
      " both give the first number of the best sentence." +
      `\n${accuracyTable(benches)}`,
  );
  const rows = summarise(benches);
  console.log(`\n${summaryTable(rows)}`);

  const seedBench = benches.find((b) => b.set.name === "seed");
  const seedNs = seedBench?.contenders.factdesk.latencyNs ?? [];
  const seed =
    seedNs.length === 0
      ? null
      : {
          p50Ms: percentile(seedNs, 50) / 1e6,
          p99Ms: percentile(seedNs, 99) / 1e6,
          maxMs: (seedNs.at(-1) ?? Number.NaN) / 1e6,
        };
  if (seed && seedBench) {
    const fuse = seedBench.contenders["fuse.js"].latencyNs;
    const bm25 = seedBench.contenders.BM25.latencyNs;
    console.log(
      `\nSeed answer latency (factdesk, warm, in-process, ${seedNs.length} samples): p50 ${(seed.p50Ms * 1000).toFixed(0)} µs · p99 ${(seed.p99Ms * 1000).toFixed(0)} µs · max ${(seed.maxMs * 1000).toFixed(0)} µs` +
        ` · factdesk p50 ÷ fuse.js p50 ${ratio(percentile(seedNs, 50) / percentile(fuse, 50))} · ÷ BM25 p50 ${ratio(percentile(seedNs, 50) / percentile(bm25, 50))}`,
    );
    console.log(tailLine(seedBench.set, seedBench.contenders.factdesk, collections));
  }
  if (options.failures) {
    for (const b of benches) {
      console.log(
        `\nfactdesk failures on ${b.set.name}\n${formatFailures(b.contenders.factdesk.result)}`,
      );
    }
  }
  return { seed, rows, errors };
}
