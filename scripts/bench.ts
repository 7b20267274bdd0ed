/**
 * `npm run bench`: one entry for every sub-bench; each is bounded in count and time and stops by
 * itself. With no selection flag, all run, the scaling table up to ×100.
 *
 *   npm run bench -- [--golden] [--scaling] [--bot] [--cold]       pick sub-benches (default: all)
 *                    [--runs 15] [--warmup 3] [--passes 10] [--failures]   golden sets
 *                    [--seed-warmup 10] [--seed-passes 30]   the seed, asked first (cold JIT)
 *                    [--scale N]... [--full] [--scale-questions 10]   rows above ×100 (--full: ×1000),
 *                                                                     asking that many seed questions
 *                    [--burst 1000] [--starts 3] [--cold-runs 5]           the bot, cold start
 *                    [--memory] [--guilds 10000] [--uploads 200] [--cache-mb 64]  the index cache
 *                                                                     (opt-in: not run by default)
 */
import { parseArgs } from "node:util";
import { runBotBench } from "./bench/bot.js";
import { runColdStartBench } from "./bench/coldStart.js";
import { runGoldenBench } from "./bench/golden.js";
import { machineLine } from "./bench/machine.js";
import { runMemoryBench } from "./bench/memory.js";
import { runScalingBench } from "./bench/scaling.js";

const { values: args } = parseArgs({
  options: {
    golden: { type: "boolean", default: false },
    scaling: { type: "boolean", default: false },
    bot: { type: "boolean", default: false },
    cold: { type: "boolean", default: false },
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    "seed-warmup": { type: "string", default: "10" },
    passes: { type: "string", default: "10" },
    "seed-passes": { type: "string", default: "30" },
    failures: { type: "boolean", default: false },
    scale: { type: "string", multiple: true },
    full: { type: "boolean", default: false },
    "scale-questions": { type: "string", default: "10" },
    burst: { type: "string", default: "1000" },
    starts: { type: "string", default: "3" },
    "cold-runs": { type: "string", default: "5" },
    memory: { type: "boolean", default: false },
    guilds: { type: "string", default: "10000" },
    uploads: { type: "string", default: "200" },
    "cache-mb": { type: "string", default: "64" },
  },
});

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`factdesk: bench: --${name} must be a positive integer, got ${raw}`);
    process.exit(2);
  }
  return n;
}

const DEFAULT_SCALES = [1, 10, 100];
/** Rows past the default ones are opt-in: ×1000 builds for about 20 s and holds nearly 1 GiB. */
const FULL_SCALE = 1000;
/** Sizes up to this are built several times; larger ones once. */
const MULTI_BUILD_SCALE = 10;
/**
 * Passes over the questions at every size, so that each size's p50 and p99 are of warm answers
 * alike (the first pass at a size also pays what an index computes on first use).
 */
const ANSWER_PASSES = 5;
const MINUTE_MS = 60_000;

function scalingOptions() {
  const largest = DEFAULT_SCALES.at(-1) ?? 1;
  const extra = (args.scale ?? []).map((raw) => positiveInt("scale", raw));
  if (args.full) extra.push(FULL_SCALE);
  if (extra.some((n) => n <= largest)) {
    console.error(
      `factdesk: bench: --scale adds a size above ×${largest}, e.g. --scale ${FULL_SCALE}`,
    );
    process.exit(2);
  }
  const cap = positiveInt("scale-questions", args["scale-questions"]);
  return {
    scales: [...DEFAULT_SCALES, ...new Set(extra.sort((a, b) => a - b))],
    questionsAt: (scale: number) => (scale > largest ? cap : Number.MAX_SAFE_INTEGER),
    passesAt: () => ANSWER_PASSES,
    buildsAt: (scale: number) => (scale <= MULTI_BUILD_SCALE ? 3 : 1),
    timeoutMsAt: (scale: number) => (scale > largest ? 20 * MINUTE_MS : 5 * MINUTE_MS),
  };
}

async function main(): Promise<number> {
  const chosen = [args.golden, args.scaling, args.bot, args.cold, args.memory];
  const all = chosen.every((c) => !c);
  console.log(`factdesk bench · ${machineLine()}`);
  let failed = false;
  if (all || args.golden) {
    const golden = await runGoldenBench({
      runs: positiveInt("runs", args.runs),
      warmup: positiveInt("warmup", args.warmup),
      passes: positiveInt("passes", args.passes),
      seedWarmup: positiveInt("seed-warmup", args["seed-warmup"]),
      seedPasses: positiveInt("seed-passes", args["seed-passes"]),
      failures: args.failures,
    });
    if (golden.errors.length > 0) {
      failed = true;
      console.error(`\nerrors\n${golden.errors.map((e) => `  ${e}`).join("\n")}`);
    }
  }
  if (all || args.scaling) {
    const outcomes = await runScalingBench(scalingOptions());
    if (outcomes.some((o) => "failed" in o)) failed = true;
  }
  if (all || args.bot) {
    await runBotBench({
      starts: positiveInt("starts", args.starts),
      burst: positiveInt("burst", args.burst),
      burstTimeoutMs: 2 * MINUTE_MS,
    });
  }
  if (all || args.cold) await runColdStartBench(positiveInt("cold-runs", args["cold-runs"]));
  if (args.memory) {
    await runMemoryBench({
      guilds: positiveInt("guilds", args.guilds),
      uploads: positiveInt("uploads", args.uploads),
      cacheMb: positiveInt("cache-mb", args["cache-mb"]),
    });
  }
  console.log(`\ndone · load average at the end: ${machineLine().split("load average ")[1]}`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
