/**
 * `npm run bench -- --memory`: the report library with 10,000 guilds, 200 of them with their own
 * uploads, on a real SQLite store, every index built in the build worker as the bot builds them.
 * First the index size estimate is calibrated against measured heap; then the uploads are made,
 * the library is opened again (cold: only the default is built), every guild asks once (shared
 * default, or its own upload built on that question, evicting LRU beyond INDEX_CACHE_MB), and the
 * uploaders whose index was evicted ask again. RSS, indexes held and first-question latency.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pino from "pino";
import { workerIndexBuilder } from "../../src/library/buildIndex.js";
import { estimateIndexBytes } from "../../src/library/indexCache.js";
import { openLibrary } from "../../src/library/open.js";
import { answer } from "../../src/qa/answer.js";
import type { ReportIndex } from "../../src/qa/reportIndex.js";
import { median, nowMs, percentile } from "./stats.js";
import { SEED_PATH } from "./synthetic.js";

const MB = 1024 * 1024;
const QUESTION = "How many suspects were arrested?";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Guild n's own upload: the seed with every figure shifted by n, so no two share bytes. */
function upload(seed: string, n: number): string {
  return seed.replace(/\d+/g, (digits) => String(Number(digits) + n));
}

const silent = pino({ level: "silent" });

export interface MemoryOptions {
  guilds: number;
  uploads: number;
  cacheMb: number;
}

export async function runMemoryBench(options: MemoryOptions): Promise<void> {
  const seed = readFileSync(SEED_PATH, "utf8");
  const build = workerIndexBuilder({ timeoutMs: 60_000, memoryMb: 512 });
  const meta = (n: number) => ({ name: `upload-${n}.txt`, version: n });

  // Calibration: the heap 20 distinct indexes take, against what the estimate says they take.
  const before = heapAfterGc();
  const kept: ReportIndex[] = [];
  for (let n = 1; n <= 20; n += 1) kept.push(await build(upload(seed, 10_000 + n), meta(n)));
  const measured = (heapAfterGc() - before) / kept.length;
  const estimated = kept.reduce((sum, index) => sum + estimateIndexBytes(index), 0) / kept.length;
  kept.length = 0;
  console.log(
    `index size: measured ${(measured / MB).toFixed(2)} MB of heap each, estimated ${(estimated / MB).toFixed(2)} MB (estimate/measured ${(estimated / measured).toFixed(2)})`,
  );

  // A store with `uploads` guilds on reports of their own, made as moderators make them; then a
  // restart, so the library starts cold: only the default report's index is built.
  const dir = mkdtempSync(join(tmpdir(), "factdesk-bench-memory-"));
  try {
    const config = benchConfig(dir, options.cacheMb);
    const setup = await openLibrary(config, silent);
    for (let g = 0; g < options.uploads; g += 1) {
      const file = join(dir, `upload-${g}.txt`);
      writeFileSync(file, upload(seed, g + 1));
      await setup.library.refresh({
        guildId: guildId(g),
        moderatorId: null,
        input: { kind: "file", path: file },
      });
    }
    await setup.store.close();

    const rssBeforeOpen = process.memoryUsage().rss;
    const opened = performance.now();
    const { store, library } = await openLibrary(config, silent);
    const openMs = performance.now() - opened;
    const rssStart = process.memoryUsage().rss;
    let peakRss = rssStart;
    const ask = async (g: number, into: number[]) => {
      const started = nowMs();
      const { index } = await library.active(guildId(g));
      answer(QUESTION, index);
      into.push(nowMs() - started);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    };
    // Every guild asks once: the uploaders' indexes are built on that question (cold), everyone
    // else shares the default's. Then the uploaders ask again: most were evicted meanwhile.
    const shared: number[] = [];
    const cold: number[] = [];
    const afterEviction: number[] = [];
    let evicted = 0;
    for (let g = 0; g < options.guilds; g += 1) await ask(g, g < options.uploads ? cold : shared);
    for (let g = 0; g < options.uploads; g += 1) {
      if (!library.isIndexed(guildId(g))) {
        evicted += 1;
        await ask(g, afterEviction);
      }
    }
    const held = library.cacheStats();
    const rssEnd = heapAfterGc() && process.memoryUsage().rss;
    await store.close();
    for (const samples of [shared, cold, afterEviction]) samples.sort((a, b) => a - b);
    const line = (name: string, samples: number[]) =>
      `${name}: p50 ${median(samples).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms, max ${(samples.at(-1) ?? 0).toFixed(1)} ms (${samples.length} guilds)`;
    console.log(
      `${options.guilds} guilds, ${options.uploads} with their own upload, INDEX_CACHE_MB=${options.cacheMb}: ${options.uploads + 1} distinct reports; after the run ${held.indexes} indexes held (${(held.bytes / MB).toFixed(1)} MB estimated)`,
    );
    console.log(
      `open after a restart: ${openMs.toFixed(0)} ms, one index built (the default); RSS ${(rssBeforeOpen / MB).toFixed(0)} MB before, ${(rssStart / MB).toFixed(0)} MB after, ${(peakRss / MB).toFixed(0)} MB peak, ${(rssEnd / MB).toFixed(0)} MB at the end`,
    );
    console.log(line("first question, default report (shared, held)", shared));
    console.log(line("first question, own upload, cold (built in the worker)", cold));
    console.log(
      line(
        `first question after eviction (${evicted} of ${options.uploads} evicted)`,
        afterEviction,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function guildId(g: number): string {
  return String(100_000_000_000_000_000n + BigInt(g));
}

function benchConfig(dir: string, cacheMb: number) {
  return {
    DATA_DIR: dir,
    DATABASE_URL: undefined,
    FEEDBACK_SECRET: undefined,
    REPORT_PATH: SEED_PATH,
    REPORT_URL: undefined,
    REPORT_MAX_BYTES: 1024 * 1024,
    REPORT_FETCH_TIMEOUT_MS: 5_000,
    REPORT_BUILD_TIMEOUT_MS: 60_000,
    REPORT_BUILD_MEMORY_MB: 512,
    INDEX_CACHE_MB: cacheMb,
  };
}
