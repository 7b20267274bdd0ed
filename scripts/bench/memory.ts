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
import type { ReportIndex } from "../../src/qa/reportIndex.js";
import { benchConfig, guildId } from "./memoryStore.js";
import { runToEnd, tsxNode } from "./processes.js";
import { SEED_PATH } from "./synthetic.js";

const MB = 1024 * 1024;

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
const CHILD = "scripts/bench/memoryChild.ts";
const CHILD_TIMEOUT_MS = 20 * 60 * 1000;

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

    // The measured part runs in a process of its own, so its RSS is the library's alone.
    const run = await runToEnd(
      ...tsxNode(
        CHILD,
        dir,
        String(options.guilds),
        String(options.uploads),
        String(options.cacheMb),
      ),
      CHILD_TIMEOUT_MS,
    );
    if (run.code !== 0) {
      throw new Error(`factdesk: bench: the memory run failed: ${run.stderr.trim() || run.code}`);
    }
    process.stdout.write(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
