/** The scaling table: synthetic reports ×1, ×10, ×100 (and ×1000 on request), one process each. */
import { formatTable } from "../../tests/golden/goldenSet.js";
import { LIMITS_FIT_SCALE } from "./benchLimits.js";
import { runToEnd, tsxNode } from "./processes.js";
import type { ScaleRow } from "./scaleChild.js";
import { growthExponent, mebibytes, showMs } from "./stats.js";

export interface ScalingOptions {
  scales: number[];
  /** Seed questions asked at each size (all of them unless capped). */
  questionsAt: (scale: number) => number;
  passesAt: (scale: number) => number;
  buildsAt: (scale: number) => number;
  timeoutMsAt: (scale: number) => number;
}

export type ScaleOutcome = ScaleRow | { scale: number; failed: string };

const SCALE_CHILD = "scripts/bench/scaleChild.ts";

async function measure(scale: number, options: ScalingOptions): Promise<ScaleOutcome> {
  const [command, args] = tsxNode(
    SCALE_CHILD,
    String(scale),
    String(options.questionsAt(scale)),
    String(options.passesAt(scale)),
    String(options.buildsAt(scale)),
  );
  const timeoutMs = options.timeoutMsAt(scale);
  const run = await runToEnd(command, args, timeoutMs);
  if (run.timedOut) return { scale, failed: `stopped after ${showMs(timeoutMs)} (time bound)` };
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line) as ScaleRow;
  } catch {
    const why = run.stderr.trim().split("\n").slice(-3).join(" / ") || `exit ${run.code}`;
    return { scale, failed: why };
  }
}

/** "same" when every question asked at this size scores as it did at ×1. */
function comparedToFirst(row: ScaleRow, first: ScaleRow | undefined): string {
  if (row.refused !== null) return "-";
  const asked = row.questions.length;
  const correct = row.correct.filter(Boolean).length;
  if (first === undefined) return `${correct}/${asked} correct`;
  const atFirst = new Map(first.questions.map((q, i) => [q, first.correct[i]]));
  const changed = row.questions.filter((q, i) => atFirst.get(q) !== row.correct[i]).length;
  const verdict =
    changed === 0
      ? "same as ×1"
      : `${changed} changed vs ×1; ${row.wrongFromAdded} wrong answers from an added ¶`;
  // The same answer (the figure and paragraph it gives), not only as right or wrong: speed bought
  // with other answers shows.
  const saidAtFirst = new Map(first.questions.map((q, i) => [q, first.answers[i]]));
  const same = row.questions.filter((q, i) => saidAtFirst.get(q) === row.answers[i]).length;
  return `${correct}/${asked} correct, ${verdict}; ${same}/${asked} give ×1's answer`;
}

const slope = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "-");

/** RSS is mostly the runtime and the lexicons; its growth is read on what a size adds to ×1's. */
function exponentCells(a: ScaleRow, b: ScaleRow, first: ScaleRow): string[] {
  const added = (row: ScaleRow) => row.rssBytes - first.rssBytes;
  return [
    `×${a.scale}→×${b.scale}`,
    slope(growthExponent(a.scale, a.buildMs, b.scale, b.buildMs)),
    slope(growthExponent(a.scale, added(a), b.scale, added(b))),
    slope(growthExponent(a.scale, a.p50Ms, b.scale, b.p50Ms)),
    slope(growthExponent(a.scale, a.p99Ms, b.scale, b.p99Ms)),
  ];
}

export async function runScalingBench(options: ScalingOptions): Promise<ScaleOutcome[]> {
  console.log(
    "\n## Scaling: the seed verbatim as its first paragraphs, then paragraphs of the invented golden" +
      " reports and ../shared/corpus with places renamed and figures shifted; one process per size;" +
      " builds warm (after one build of the seed); the seed's golden questions asked after the build." +
      `\nThe caps of src/report/limits.ts apply as shipped up to ×${LIMITS_FIT_SCALE}; above it the bench passes` +
      " the core limits raised in proportion (figures and searched text; per paragraph and per table as shipped)." +
      " The byte cap (REPORT_MAX_BYTES) lives in the CLI and the bot, not in the core, so it does not apply here.",
  );
  const outcomes: ScaleOutcome[] = [];
  for (const scale of options.scales) outcomes.push(await measure(scale, options));
  const rows = [
    [
      "size",
      "chars",
      "¶",
      "facts",
      "build",
      "RSS",
      "peak RSS",
      "questions",
      "p50",
      "p99",
      "seed answers",
    ],
  ];
  const measured = outcomes.filter((o): o is ScaleRow => !("failed" in o) && o.refused === null);
  for (const o of outcomes) {
    if ("failed" in o) {
      rows.push([
        `×${o.scale}`,
        "-",
        "-",
        "-",
        "-",
        "-",
        "-",
        "-",
        "-",
        "-",
        `failed: ${o.failed}`,
      ]);
      continue;
    }
    const refusal = o.refused?.replace(/^factdesk: /, "");
    const refused = refusal !== undefined;
    rows.push([
      `×${o.scale}`,
      o.chars.toLocaleString("en-US"),
      String(o.paragraphs ?? "-"),
      String(o.facts ?? "-"),
      refused ? `refused after ${showMs(o.buildMs)}` : showMs(o.buildMs),
      mebibytes(o.rssBytes),
      mebibytes(o.maxRssBytes),
      refused ? "-" : String(o.questions.length),
      showMs(o.p50Ms),
      showMs(o.p99Ms),
      refused
        ? `refused by a cap in src/report/limits.ts: ${refusal}`
        : comparedToFirst(o, measured[0]),
    ]);
  }
  console.log(formatTable(rows));
  const exponents = [["growth exponent", "build", "RSS above ×1", "answer p50", "answer p99"]];
  for (let i = 1; i < measured.length; i++) {
    const [a, b, first] = [measured[i - 1], measured[i], measured[0]];
    if (a && b && first) exponents.push(exponentCells(a, b, first));
  }
  if (exponents.length > 1) {
    console.log(
      `\nlog-log slope between sizes (1 = linear, 2 = quadratic)\n${formatTable(exponents)}`,
    );
  }
  return outcomes;
}
