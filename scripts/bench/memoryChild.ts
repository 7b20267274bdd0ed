/**
 * The measured half of `npm run bench -- --memory`, in a process of its own so its RSS is the
 * library's alone:
 *   node --import tsx scripts/bench/memoryChild.ts DATA_DIR GUILDS UPLOADS CACHE_MB
 * Opens the library on the store the parent made (cold: only the default is built), lets every
 * guild ask once, then the uploaders whose index was evicted ask again. Prints its figures.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pino from "pino";
import { openLibrary } from "../../src/library/open.js";
import { answer } from "../../src/qa/answer.js";
import { benchConfig, guildId } from "./memoryStore.js";
import { median, nowMs, percentile } from "./stats.js";

const MB = 1024 * 1024;
const QUESTION = "How many suspects were arrested?";
const [dir = "", guildsArg, uploadsArg, cacheArg] = process.argv.slice(2);
const options = {
  guilds: Number(guildsArg),
  uploads: Number(uploadsArg),
  cacheMb: Number(cacheArg),
};
const config = benchConfig(dir, options.cacheMb);
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const rssBeforeOpen = process.memoryUsage().rss;
const opened = performance.now();
const { store, library } = await openLibrary(config, pino({ level: "silent" }));
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
const rssEnd = process.memoryUsage().rss;
gc();
const heapHeld = process.memoryUsage().heapUsed;
await store.close();
for (const samples of [shared, cold, afterEviction]) samples.sort((a, b) => a - b);
const line = (name: string, samples: number[]) =>
  `${name}: p50 ${median(samples).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms, max ${(samples.at(-1) ?? 0).toFixed(1)} ms (${samples.length} guilds)`;
console.log(
  `${options.guilds} guilds, ${options.uploads} with their own upload, INDEX_CACHE_MB=${options.cacheMb}: ${options.uploads + 1} distinct reports; after the run ${held.indexes} indexes held (${(held.bytes / MB).toFixed(1)} MB estimated)`,
);
console.log(
  `open after a restart: ${openMs.toFixed(0)} ms, one index built (the default); RSS ${(rssBeforeOpen / MB).toFixed(0)} MB before, ${(rssStart / MB).toFixed(0)} MB after, ${(peakRss / MB).toFixed(0)} MB peak, ${(rssEnd / MB).toFixed(0)} MB at the end; main-thread heap after GC ${(heapHeld / MB).toFixed(0)} MB`,
);
console.log(line("first question, default report (shared, held)", shared));
console.log(line("first question, own upload, cold (built in the worker)", cold));
console.log(
  line(`first question after eviction (${evicted} of ${options.uploads} evicted)`, afterEviction),
);
