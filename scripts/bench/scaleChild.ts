/**
 * One row of the scaling table, in a process of its own so its RSS is its own:
 *   node --import tsx scripts/bench/scaleChild.ts SCALE QUESTIONS PASSES BUILDS
 * Builds are timed warm (after one build of the seed) and their median kept.
 * Prints one JSON line (ScaleRow) on stdout.
 */
import { join } from "node:path";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { ReportError } from "../../src/report/errors.js";
import { GOLDEN_DIR, loadGoldenSet, scoreQuestion } from "../../tests/golden/goldenSet.js";
import { benchLimits } from "./benchLimits.js";
import { median, nowMs, percentile, timeOnce } from "./stats.js";
import { syntheticReport } from "./synthetic.js";

export interface ScaleRow {
  scale: number;
  chars: number;
  paragraphs: number | null;
  facts: number | null;
  buildMs: number;
  rssBytes: number;
  maxRssBytes: number;
  /** Why the core refused the report, when it did. */
  refused: string | null;
  /** Wrong answers whose figure or first citation is a paragraph added after the seed's. */
  wrongFromAdded: number;
  questions: string[];
  correct: boolean[];
  /** What each answer tells (status, its figure and paragraph, its first citation), to compare with ×1's. */
  answers: string[];
  p50Ms: number;
  p99Ms: number;
}

/** `count` questions spread evenly over the set, so a capped run still samples all of it. */
function spread<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)] as T);
}

const SEED_META = { name: "report.txt", version: null };

function run(scale: number, questionCount: number, passes: number, builds: number): ScaleRow {
  const { text } = syntheticReport(scale);
  const base = {
    scale,
    chars: text.length,
    questions: [] as string[],
    correct: [] as boolean[],
    answers: [] as string[],
    p50Ms: Number.NaN,
    p99Ms: Number.NaN,
    wrongFromAdded: 0,
  };
  const memory = () => ({
    rssBytes: process.memoryUsage().rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  });
  // One build of the seed first, so loading the lexicons and warming the JIT is not counted.
  const seedParagraphs = buildReportIndex(syntheticReport(1).text, SEED_META).report.paragraphs
    .length;
  const meta = { name: `synthetic-x${scale}.txt`, version: null };
  const buildsMs: number[] = [];
  let index: ReturnType<typeof buildReportIndex> | undefined;
  for (let i = 0; i < builds; i++) {
    const start = nowMs();
    try {
      index = buildReportIndex(text, meta, { limits: benchLimits(scale) });
    } catch (err) {
      if (!(err instanceof ReportError)) throw err;
      const buildMs = nowMs() - start;
      return { ...base, ...memory(), paragraphs: null, facts: null, buildMs, refused: err.message };
    }
    buildsMs.push(nowMs() - start);
  }
  if (index === undefined) throw new Error("factdesk: bench: no build ran");
  const built = index;
  const buildMs = median(buildsMs);
  const mem = memory();
  const seed = loadGoldenSet(join(GOLDEN_DIR, "seed.json"));
  // Follow-ups lean on the question before them, which a capped spread may leave out.
  const standalone = seed.questions.filter((q) => q.after === undefined);
  const questions = spread(standalone, questionCount);
  const samples: number[] = [];
  let wrongFromAdded = 0;
  const answers: string[] = [];
  const correct = questions.map((q) => {
    let got: ReturnType<typeof answer> | undefined;
    samples.push(
      timeOnce(() => {
        got = answer(q.q, built);
      }),
    );
    const right = got !== undefined && scoreQuestion(q, got).correct;
    const lead = got?.facts[0];
    answers.push(
      JSON.stringify([got?.status, lead?.value, lead?.unit, lead?.paragraph, got?.citations[0]]),
    );
    const cited = got?.facts[0]?.paragraph ?? got?.citations[0] ?? 0;
    if (!right && cited > seedParagraphs) wrongFromAdded++;
    return right;
  });
  for (let i = 1; i < passes; i++) {
    for (const q of questions) samples.push(timeOnce(() => answer(q.q, built)));
  }
  samples.sort((a, b) => a - b);
  return {
    ...base,
    ...mem,
    paragraphs: built.report.paragraphs.length,
    facts: built.table.facts.length,
    wrongFromAdded,
    buildMs,
    refused: null,
    questions: questions.map((q) => q.q),
    correct,
    answers,
    p50Ms: percentile(samples, 50) / 1e6,
    p99Ms: percentile(samples, 99) / 1e6,
  };
}

const [scale, questions, passes, builds] = process.argv.slice(2).map(Number);
if (!scale || !questions || !passes || !builds) {
  console.error("factdesk: bench: usage: scaleChild.ts SCALE QUESTIONS PASSES BUILDS");
  process.exit(2);
}
console.log(JSON.stringify(run(scale, questions, passes, builds)));
