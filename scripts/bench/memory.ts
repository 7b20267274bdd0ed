/**
 * `npm run bench -- --memory`: the index cache with 10,000 guilds, 200 of them with their own
 * uploads. Every index is built in the build worker, as the bot builds them. First the size
 * estimate is calibrated against measured heap; then guilds ask in turn, each first question
 * taking the cache's path (shared index by sha256, else build and insert, evicting LRU beyond
 * INDEX_CACHE_MB), and RSS and first-question latency are recorded after eviction has begun.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { workerIndexBuilder } from "../../src/library/buildIndex.js";
import { estimateIndexBytes, IndexCache } from "../../src/library/indexCache.js";
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

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

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

  // 10,000 guilds: the first `uploads` have their own report, the rest answer from the default.
  const texts = new Map<string, string>([[sha(seed), seed]]);
  const guildSha: string[] = [];
  for (let g = 0; g < options.guilds; g += 1) {
    const text = g < options.uploads ? upload(seed, g + 1) : seed;
    const key = sha(text);
    texts.set(key, text);
    guildSha.push(key);
  }
  const cache = new IndexCache(options.cacheMb * MB);
  const misses: number[] = [];
  const hits: number[] = [];
  const rssStart = process.memoryUsage().rss;
  let peakRss = rssStart;
  const firstQuestion = async (g: number) => {
    const key = guildSha[g] ?? "";
    const started = nowMs();
    let index = cache.get(key);
    const missed = index === undefined;
    index ??= cache.put(key, await build(texts.get(key) ?? "", meta(g)));
    answer(QUESTION, index);
    (missed ? misses : hits).push(nowMs() - started);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  // Every guild asks once, then the uploaders ask again: their indexes were evicted meanwhile.
  for (let g = 0; g < options.guilds; g += 1) await firstQuestion(g);
  const missesBefore = misses.length;
  for (let g = 0; g < options.uploads; g += 1) await firstQuestion(g);
  const again = misses.slice(missesBefore).sort((a, b) => a - b);
  hits.sort((a, b) => a - b);
  const rssEnd = heapAfterGc() && process.memoryUsage().rss;
  console.log(
    `${options.guilds} guilds, ${options.uploads} with their own upload, INDEX_CACHE_MB=${options.cacheMb}: ${texts.size} distinct reports, ${cache.size} indexes held (${(cache.heldBytes / MB).toFixed(1)} MB estimated)`,
  );
  console.log(
    `RSS: ${(rssStart / MB).toFixed(0)} MB at start, ${(peakRss / MB).toFixed(0)} MB peak, ${(rssEnd / MB).toFixed(0)} MB at the end`,
  );
  console.log(
    `first question, index shared and held: p50 ${median(hits).toFixed(2)} ms, p99 ${percentile(hits, 99).toFixed(2)} ms (${hits.length} guilds)`,
  );
  console.log(
    `first question after eviction (built again in the worker): p50 ${median(again).toFixed(0)} ms, p99 ${percentile(again, 99).toFixed(0)} ms, max ${(again.at(-1) ?? 0).toFixed(0)} ms (${again.length} guilds)`,
  );
}
