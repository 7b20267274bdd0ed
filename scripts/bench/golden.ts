/**
 * Golden sets: index build time per report, then factdesk, plain fuse.js and BM25 (MiniSearch)
 * over sentences, each scored by the golden test's own function, with warm in-process latency.
 */
import { answer, reply } from "../../src/qa/answer.js";
import { buildReportIndex, type ReportIndex } from "../../src/qa/reportIndex.js";
import type { Answer } from "../../src/qa/schema.js";
import {
  type Ask,
  formatFailures,
  formatTable,
  type GoldenSet,
  loadGoldenSets,
  percent,
  readReportText,
  reportMeta,
  runGoldenSet,
  type SetResult,
} from "../../tests/golden/goldenSet.js";
import { BASELINE_NOT_FOUND_SCORE, buildBaseline } from "../baseline.js";
import { BM25_NOT_FOUND_SCORE, buildBm25 } from "./bm25.js";
import { ms, percentile, ratio, timeOnce, us } from "./stats.js";

export const SEED_REPORT = "data/report.txt";

export interface GoldenOptions {
  runs: number;
  warmup: number;
  passes: number;
  failures: boolean;
}

const CONTENDERS = ["factdesk", "fuse.js", "BM25"] as const;
type ContenderName = (typeof CONTENDERS)[number];

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
  const latencyNs: number[] = [];
  for (let i = 0; i < options.passes; i++) {
    for (const q of set.questions) latencyNs.push(timeOnce(() => timed(q)));
  }
  return { result, latencyNs: latencyNs.sort((a, b) => a - b) };
}

function answerAfter(q: string, after: string | undefined, index: ReportIndex): Answer {
  return answer(q, index, { previous: after === undefined ? null : reply(after, index).query });
}

function benchSet(set: GoldenSet, options: GoldenOptions): SetBench {
  const text = readReportText(set);
  const meta = reportMeta(set);
  const index = buildReportIndex(text, meta);
  const fuse = buildBaseline(index.report);
  const bm25 = buildBm25(index.report);
  return {
    set,
    chars: text.length,
    paragraphs: index.report.paragraphs.length,
    facts: index.table.facts.length,
    buildNs: timeBuilds(() => buildReportIndex(text, meta), options.runs),
    contenders: {
      // A follow-up is asked as the golden test asks it: after its question, with that Query
      // (the time of answering the earlier question is counted in too).
      factdesk: contend(set, (q, after) => answerAfter(q, after, index), options),
      "fuse.js": contend(set, (q) => fuse.ask(q), options),
      BM25: contend(set, (q) => bm25.ask(q), options),
    },
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

export function runGoldenBench(options: GoldenOptions): GoldenSummary {
  // The seed report first: it is the one the acceptance run measures.
  const seedFirst = (set: GoldenSet) => (set.report === SEED_REPORT ? 0 : 1);
  const sets = loadGoldenSets().sort((a, b) => seedFirst(a) - seedFirst(b));
  console.log(
    `\n## Golden sets · ${options.runs} index builds · ${options.warmup} warm-up + ${options.passes} timed passes per set and contender`,
  );
  const benches: SetBench[] = [];
  const errors: string[] = [];
  for (const set of sets) {
    try {
      benches.push(benchSet(set, options));
    } catch (err) {
      errors.push(`${set.name}: ${(err as Error).message}`);
    }
  }
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
