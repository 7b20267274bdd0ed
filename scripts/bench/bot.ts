/**
 * The bot as a real process against the loopback fake Discord (tests/e2e), run as `npm start` runs
 * it (`node scripts/run.mjs main`: the compiled dist/, built beforehand): time from spawn to READY
 * (the fake sends READY on IDENTIFY) and to the first answer, then a burst of `/ask`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fakeDiscordEnv } from "../../tests/e2e/botProcess.js";
import { FakeDiscord, type InteractionHandle } from "../../tests/e2e/fakeDiscord.js";
import { GOLDEN_DIR, loadGoldenSet } from "../../tests/golden/goldenSet.js";
import { ensureBuilt, start } from "./processes.js";
import { median, nowMs, percentile, showMs } from "./stats.js";
import { SEED_PATH } from "./synthetic.js";

export interface BotOptions {
  starts: number;
  burst: number;
  /** The whole burst is abandoned after this; what arrived by then is reported. */
  burstTimeoutMs: number;
}

/** Discord drops an interaction not acknowledged within this. */
const DISCORD_DEADLINE_MS = 3_000;
const START_TIMEOUT_MS = 60_000;
const BUILD_TIMEOUT_MS = 5 * 60_000;

interface Started {
  readyMs: number;
  firstAnswerMs: number;
}

function botEnv(fake: FakeDiscord, dataDir: string): NodeJS.ProcessEnv {
  return fakeDiscordEnv(fake, dataDir, {
    DISCORD_TOKEN: "fake-token-for-bench",
    REPORT_PATH: SEED_PATH,
    DATA_DIR: dataDir,
    COOLDOWN: "0",
    LOG_LEVEL: "warn",
  });
}

async function withBot<T>(run: (fake: FakeDiscord, spawnedAt: number) => Promise<T>): Promise<T> {
  const fake = await FakeDiscord.start();
  const dataDir = mkdtempSync(join(tmpdir(), "factdesk-bench-"));
  const spawnedAt = nowMs();
  // e.g. BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the bot itself.
  const nodeArgs = process.env.BENCH_BOT_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = start(
    process.execPath,
    [...nodeArgs, "scripts/run.mjs", "main"],
    botEnv(fake, dataDir),
  );
  try {
    return await run(fake, spawnedAt);
  } finally {
    // A bot asked to profile itself writes its profile on a clean exit (SIGTERM), not on SIGKILL.
    if (child.exitCode === null && nodeArgs.length > 0) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    if (child.exitCode === null) child.kill("SIGKILL");
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timeStart(fake: FakeDiscord, spawnedAt: number, question: string): Promise<Started> {
  await fake.identified(START_TIMEOUT_MS);
  const readyMs = nowMs() - spawnedAt;
  const first = await fake.sendCommand("ask", { question });
  await first.reply(START_TIMEOUT_MS);
  return { readyMs, firstAnswerMs: nowMs() - spawnedAt };
}

interface BurstResult {
  sent: number;
  answered: number;
  callbackMs: number[];
  replyMs: number[];
  spanMs: number;
}

async function burst(fake: FakeDiscord, questions: string[], options: BotOptions) {
  const begun = nowMs();
  const deadline = begun + options.burstTimeoutMs;
  const callbackMs: number[] = [];
  const replyMs: number[] = [];
  let lastReplyAt = begun;
  const waits: Promise<void>[] = [];
  for (let i = 0; i < options.burst; i++) {
    const dispatchedAt = nowMs();
    // A fresh member each time: the burst is many members at once, not one member's rate limit.
    const handle: InteractionHandle = await fake.sendCommand("ask", {
      question: questions[i % questions.length] ?? "",
    });
    const left = () => Math.max(1, deadline - nowMs());
    waits.push(
      (async () => {
        await handle.response(0, left());
        callbackMs.push(nowMs() - dispatchedAt);
        await handle.reply(left());
        replyMs.push(nowMs() - dispatchedAt);
        lastReplyAt = Math.max(lastReplyAt, nowMs());
      })().catch(() => undefined),
    );
  }
  await Promise.all(waits);
  const result: BurstResult = {
    sent: options.burst,
    answered: replyMs.length,
    callbackMs: callbackMs.sort((a, b) => a - b),
    replyMs: replyMs.sort((a, b) => a - b),
    spanMs: lastReplyAt - begun,
  };
  return result;
}

export interface BotSummary {
  readyMs: number[];
  firstAnswerMs: number[];
  burst: BurstResult | null;
}

export async function runBotBench(options: BotOptions): Promise<BotSummary> {
  await ensureBuilt(BUILD_TIMEOUT_MS);
  const seed = loadGoldenSet(join(GOLDEN_DIR, "seed.json"));
  // Follow-ups need their earlier question in the same conversation; a burst asks standalone ones.
  const questions = seed.questions.filter((q) => q.after === undefined).map((q) => q.q);
  const starts: Started[] = [];
  let burstResult: BurstResult | null = null;
  for (let i = 0; i < options.starts; i++) {
    const last = i === options.starts - 1;
    await withBot(async (fake, spawnedAt) => {
      starts.push(await timeStart(fake, spawnedAt, questions[0] ?? ""));
      if (last && options.burst > 0) burstResult = await burst(fake, questions, options);
    });
  }
  const readyMs = starts.map((s) => s.readyMs);
  const firstAnswerMs = starts.map((s) => s.firstAnswerMs);
  console.log(
    `\n## The bot (node scripts/run.mjs main, as npm start runs it: compiled dist/, one real process) against the loopback fake Discord\n` +
      `start → READY: median ${showMs(median(readyMs))} of ${readyMs.length} (${readyMs.map(showMs).join(", ")});` +
      ` start → first /ask answered: median ${showMs(median(firstAnswerMs))}`,
  );
  const b = burstResult as BurstResult | null;
  if (b !== null) {
    const late =
      b.callbackMs.filter((x) => x > DISCORD_DEADLINE_MS).length + (b.sent - b.callbackMs.length);
    console.log(
      `burst of ${b.sent} /ask dispatched at once, one fresh member each, questions of the seed golden set in turn:\n` +
        `  ${b.answered} answered in ${showMs(b.spanMs)} → ${((b.answered / b.spanMs) * 1000).toFixed(0)} answers/s\n` +
        `  dispatch → interaction callback: min ${showMs(b.callbackMs[0] ?? Number.NaN)} · p50 ${showMs(percentile(b.callbackMs, 50))} · p99 ${showMs(percentile(b.callbackMs, 99))} · max ${showMs(b.callbackMs.at(-1) ?? Number.NaN)}\n` +
        `  past Discord's 3 s deadline (or never acknowledged): ${late} of ${b.sent}`,
    );
  }
  return { readyMs, firstAnswerMs, burst: b };
}
