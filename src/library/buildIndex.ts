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
 * One worker is kept warm between builds: starting one loads the whole engine and its lexicons
 * (most of a second), which would otherwise be paid on every guild's first question.
 */
export function workerIndexBuilder(budget: BuildBudget): IndexBuilder {
  const key = `${budget.timeoutMs}:${budget.memoryMb}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new BuildWorkers(budget);
    pools.set(key, pool);
  }
  const shared = pool;
  return (text, meta) => shared.build(text, meta);
}

/**
 * One pool per budget in a process, whichever libraries use it (a process normally opens one; the
 * tests open many), so at most one idle worker per budget is ever kept.
 */
const pools = new Map<string, BuildWorkers>();

/** Builds at once; more wait their turn, so a burst of uploads cannot take every core and budget of memory. */
const MAX_CONCURRENT_BUILDS = 2;

class BuildWorkers {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** At most one: a worker that finished is kept for the next build, a second one is let go. */
  private idle: Worker | null = null;
  private nextId = 0;

  constructor(private readonly budget: BuildBudget) {}

  async build(text: string, meta: ReportMeta): Promise<ReportIndex> {
    if (this.running >= MAX_CONCURRENT_BUILDS) {
      await new Promise<void>((go) => this.waiting.push(go));
    }
    this.running += 1;
    const worker = this.idle ?? startWorker(this.budget);
    this.idle = null;
    worker.ref();
    try {
      const index = await runBuild(worker, this.nextId++, text, meta, this.budget);
      this.release(worker);
      return index;
    } catch (error) {
      // Over time, out of memory or broken: this worker is not trusted with another build.
      void worker.terminate();
      throw error;
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private release(worker: Worker): void {
    if (this.idle) {
      void worker.terminate();
      return;
    }
    // An idle worker must not keep the process alive (the operator CLI exits when done).
    worker.unref();
    this.idle = worker;
  }
}

function startWorker(budget: BuildBudget): Worker {
  const entry = workerEntry();
  return new Worker(entry.script, {
    eval: entry.eval,
    resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb },
    stdout: false,
    stderr: false,
  });
}

function runBuild(
  worker: Worker,
  id: number,
  text: string,
  meta: ReportMeta,
  budget: BuildBudget,
): Promise<ReportIndex> {
  return new Promise<ReportIndex>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => reject(overTime(budget.timeoutMs))),
      budget.timeoutMs,
    );
    const onMessage = (message: unknown) => {
      const envelope = BuildResultEnvelope.safeParse(message);
      if (!envelope.success || envelope.data.id !== id) {
        settle(() =>
          reject(new Error("factdesk: the report build worker sent an unreadable result")),
        );
        return;
      }
      const result = (message as { result: BuildResult }).result;
      settle(() => {
        if (!result.ok) reject(new ReportError(result.reason));
        else resolve(withSearch({ ...result.data, meta }, result.search));
      });
    };
    const onError = (error: Error & { code?: string }) =>
      settle(() =>
        reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? outOfMemory(budget.memoryMb) : error),
      );
    const onExit = (code: number) =>
      settle(() => reject(new Error(`factdesk: the report build worker exited with code ${code}`)));
    worker.on("message", onMessage);
    worker.once("error", onError);
    worker.once("exit", onExit);
    worker.postMessage({ id, text, meta: { name: meta.name, version: meta.version } });
  });
}
