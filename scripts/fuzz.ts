/**
 * npm run fuzz [-- --reports N --questions N --seed S]: hostile reports and questions against the
 * engine, bounded in count (not part of npm test). Reports are built in this process, as the
 * worker does it, and must either build or be refused with a one-line ReportError; questions must
 * always get an Answer. Prints the counts, the refusal reasons and the slowest cases.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { answer } from "../src/qa/answer.js";
import { buildReportIndex, type ReportIndex } from "../src/qa/reportIndex.js";
import { decodeReportBytes } from "../src/report/decode.js";
import { ReportError } from "../src/report/errors.js";

const { values } = parseArgs({
  options: {
    reports: { type: "string", default: "2000" },
    questions: { type: "string", default: "20000" },
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
  },
});
const REPORTS = Number(values.reports);
const QUESTIONS = Number(values.questions);
const SEED = Number(values.seed);

const REPORT_DIR = "tests/golden/reports";
const seeds = [
  readFileSync("data/report.txt", "utf8"),
  ...readdirSync(REPORT_DIR).map((name) => readFileSync(join(REPORT_DIR, name), "utf8")),
];

const PROTOTYPE_WORDS = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
];
const word = fc.oneof(
  fc.constantFrom(
    ...PROTOTYPE_WORDS,
    "seized",
    "kg",
    "tons",
    "cases",
    "arrested",
    "Yunnan",
    "of",
    "and",
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
);
const number = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.double({ min: 0, max: 1e9, noNaN: true }).map((n) => n.toFixed(2)),
  fc.constantFrom("1,234", "4.1 million", "$1.2 billion", "€45m", "twenty-one", "1 234 567"),
);
const sentence = fc
  .array(fc.oneof(word, number, fc.constantFrom("(", "[", "](", "**", "|", "<a ", "`", ":")), {
    minLength: 1,
    maxLength: 40,
  })
  .map((parts) => `${parts.join(" ")}.`);
const prose = fc
  .array(fc.array(sentence, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 30 })
  .map((paragraphs) => paragraphs.map((p) => p.join(" ")).join("\n\n"));
const table = fc
  .record({ rows: fc.integer({ min: 1, max: 2_500 }), cols: fc.integer({ min: 2, max: 1_200 }) })
  .filter(({ rows, cols }) => rows * cols <= 60_000)
  .map(({ rows, cols }) => {
    const header = `| Place | ${Array.from({ length: cols - 1 }, (_, c) => `Item ${c} (kg)`).join(" | ")} |`;
    const body = Array.from(
      { length: rows },
      (_, r) =>
        `| R${r} | ${Array.from({ length: cols - 1 }, (_, c) => (r + 1) * (c + 3)).join(" | ")} |`,
    );
    return [header, `|${"---|".repeat(cols)}`, ...body].join("\n");
  });
const denseParagraph = fc
  .integer({ min: 100, max: 8_000 })
  .map((n) => `Police seized ${Array.from({ length: n }, (_, i) => `${i + 2} kg`).join(", ")}.`);
const pathological = fc.oneof(
  fc.integer({ min: 1_000, max: 40_000 }).map((n) => `Seized 5 kg. ${"[".repeat(n)}`),
  fc
    .integer({ min: 1_000, max: 40_000 })
    .map((n) => `Seized 5 kg. ${"(".repeat(n)}${"<a ".repeat(n / 4)}`),
  fc
    .integer({ min: 1_000, max: 20_000 })
    .map((n) => Array.from({ length: n }, (_, i) => `${" ".repeat(i % 40)}- item ${i}`).join("\n")),
);
const mutated = fc
  .record({
    base: fc.constantFrom(...seeds),
    cuts: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.oneof(sentence, word, number)), {
      maxLength: 12,
    }),
  })
  .map(({ base, cuts }) =>
    cuts.reduce((text, [at, length, insert]) => {
      const from = at % Math.max(1, text.length);
      return `${text.slice(0, from)}${insert}${text.slice(from + length)}`;
    }, base),
  );
const reportText = fc.oneof(
  { weight: 3, arbitrary: prose },
  { weight: 3, arbitrary: mutated },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: denseParagraph },
  { weight: 1, arbitrary: pathological },
  { weight: 1, arbitrary: fc.string({ maxLength: 2_000 }) },
);
/** As bytes: UTF-8, UTF-16 with a BOM either way round, or raw noise. */
const reportBytes = fc.oneof(
  { weight: 8, arbitrary: reportText.map((text) => Buffer.from(text, "utf8")) },
  {
    weight: 1,
    arbitrary: reportText.map((text) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    ),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4_000 }).map((bytes) => Buffer.from(bytes)) },
);

const question = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(word, { maxLength: 15 }).map((words) => words.join(" ")),
  fc.constantFrom(...PROTOTYPE_WORDS).map((w) => `how many ${w} were seized in ${w}?`),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.constantFrom(
    "",
    " ",
    "?",
    "<@123456789012345678>",
    "x".repeat(5_000),
    "how many ".repeat(300),
  ),
);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const started = performance.now();
// A few questions for each report that builds, as members would ask of an upload.
const perReport = fc.sample(question, { numRuns: REPORTS * 3, seed: SEED + 1 });
let reportQuestions = 0;
let slowestAnswerOnFuzzed = 0;
const reasons = new Map<string, number>();
const crashes: string[] = [];
const buildMs: number[] = [];
let built = 0;
let slowest = { ms: 0, bytes: 0 };
for (const bytes of fc.sample(reportBytes, { numRuns: REPORTS, seed: SEED })) {
  const t = performance.now();
  try {
    const index = buildReportIndex(decodeReportBytes(bytes), { name: "fuzz.txt", version: null });
    built += 1;
    for (const q of perReport.slice(reportQuestions % perReport.length).slice(0, 3)) {
      const a = performance.now();
      answer(q, index);
      slowestAnswerOnFuzzed = Math.max(slowestAnswerOnFuzzed, performance.now() - a);
      reportQuestions += 1;
    }
  } catch (error) {
    if (error instanceof ReportError && !error.reason.includes("\n")) {
      const reason = error.reason.replace(/(?<=\s)[\d,.]+/g, "N");
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    } else {
      crashes.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
  const ms = performance.now() - t;
  buildMs.push(ms);
  if (ms > slowest.ms) slowest = { ms, bytes: bytes.length };
}

const indexes: ReportIndex[] = seeds
  .slice(0, 6)
  .map((text, i) => buildReportIndex(text, { name: `seed-${i}`, version: null }));
const answerMs: number[] = [];
let questionCrashes = 0;
const questions = fc.sample(question, { numRuns: QUESTIONS, seed: SEED });
questions.forEach((q, i) => {
  const index = indexes[i % indexes.length] as ReportIndex;
  const t = performance.now();
  try {
    answer(q, index);
  } catch (error) {
    questionCrashes += 1;
    if (questionCrashes <= 3)
      crashes.push(`question ${JSON.stringify(q.slice(0, 80))}: ${String(error)}`);
  }
  answerMs.push(performance.now() - t);
});

buildMs.sort((a, b) => a - b);
answerMs.sort((a, b) => a - b);
const refused = [...reasons.values()].reduce((a, b) => a + b, 0);
console.log(`factdesk fuzz (seed ${SEED}, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(
  `reports: ${REPORTS} → ${built} built, ${refused} refused with one line, ${crashes.length - Math.min(questionCrashes, 3)} crashed`,
);
console.log(
  `  build p50 ${percentile(buildMs, 0.5).toFixed(1)} ms, p99 ${percentile(buildMs, 0.99).toFixed(0)} ms, slowest ${slowest.ms.toFixed(0)} ms (${slowest.bytes} bytes)`,
);
for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${String(count).padStart(5)} × ${reason}`);
}
console.log(
  `  ${reportQuestions} questions asked of the built ones; slowest answer ${slowestAnswerOnFuzzed.toFixed(0)} ms`,
);
console.log(
  `questions: ${QUESTIONS} over ${indexes.length} reports → ${questionCrashes} crashed; answer p50 ${percentile(answerMs, 0.5).toFixed(2)} ms, p99 ${percentile(answerMs, 0.99).toFixed(1)} ms, max ${(answerMs.at(-1) ?? 0).toFixed(0)} ms`,
);
for (const crash of crashes.slice(0, 5))
  console.log(`CRASH ${crash.split("\n").slice(0, 4).join(" | ")}`);
process.exitCode = crashes.length > 0 ? 1 : 0;
