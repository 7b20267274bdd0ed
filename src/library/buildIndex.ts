import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type ReportIndex, type ReportMeta, withSearch } from "../qa/reportIndex.js";
import { ReportError } from "../report/errors.js";
import { type BuildResult, BuildResultEnvelope } from "./buildProtocol.js";

export interface BuildBudget {
  /** Wall-clock time the worker may take before it is stopped. */
  timeoutMs: number;
  /** V8 old-generation heap the worker may grow to, in MB. */
  memoryMb: number;
}

/** Builds an index without blocking the caller's event loop; rejects with a ReportError when the report is refused. */
export type IndexBuilder = (text: string, meta: ReportMeta) => Promise<ReportIndex>;

/**
 * The worker's entry beside this file: buildWorker.js when running compiled from dist/, else
 * buildWorker.ts under tsx or vitest. A worker does not inherit tsx's loader (Node 20 ignores
 * --import in a worker's execArgv), so the .ts entry is reached through a one-line bootstrap that
 * registers tsx in the worker first.
 */
function workerEntry(): { script: string | URL; eval: boolean } {
  const compiled = new URL("./buildWorker.js", import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { script: compiled, eval: false };
  const source = new URL("./buildWorker.ts", import.meta.url).href;
  const tsxRoot = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsxApi = pathToFileURL(join(tsxRoot, "dist/esm/api/index.mjs")).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return { script: bootstrap, eval: true };
}

function overTime(ms: number): ReportError {
  return new ReportError(
    `building the index took over ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}`,
  );
}

function outOfMemory(mb: number): ReportError {
  return new ReportError(`building the index needed more than ${mb} MB of memory`);
}

/**
 * Parse, extract and index in a worker thread with a time and memory budget. The worker does all
 * of the work, Fuse's indexes included, and sends back plain data; the main thread only attaches
 * the search objects to prebuilt indexes, which costs a structured-clone read and no rebuild.
 */
export function workerIndexBuilder(budget: BuildBudget): IndexBuilder {
  const slots = new BuildSlots(MAX_CONCURRENT_BUILDS);
  return (text, meta) => slots.run(() => buildInWorker(text, meta, budget));
}

/** Builds at once; more wait their turn, so a burst of uploads cannot take every core and budget of memory. */
const MAX_CONCURRENT_BUILDS = 2;

class BuildSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((go) => this.waiting.push(go));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

function buildInWorker(text: string, meta: ReportMeta, budget: BuildBudget): Promise<ReportIndex> {
  return new Promise<ReportIndex>((resolve, reject) => {
    const entry = workerEntry();
    const worker = new Worker(entry.script, {
      eval: entry.eval,
      workerData: { text, meta: { name: meta.name, version: meta.version } },
      resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(overTime(budget.timeoutMs))),
      budget.timeoutMs,
    );
    worker.once("message", (message: unknown) =>
      settle(() => {
        const envelope = BuildResultEnvelope.safeParse(message);
        if (!envelope.success) {
          reject(new Error("factdesk: the report build worker sent an unreadable result"));
          return;
        }
        const result = message as BuildResult;
        if (!result.ok) reject(new ReportError(result.reason));
        else resolve(withSearch({ ...result.data, meta }, result.search));
      }),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? outOfMemory(budget.memoryMb) : error),
      ),
    );
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`factdesk: the report build worker exited with code ${code}`))),
    );
  });
}
