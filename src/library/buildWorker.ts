// Worker thread entry: build report indexes, one request at a time, away from the event loop that
// answers questions. The worker is kept between builds, so the engine is loaded once.
import { parentPort } from "node:worker_threads";
import { FactTable } from "../facts/schema.js";
import { buildReportIndex, toTransferable } from "../qa/reportIndex.js";
import { ReportError } from "../report/errors.js";
import { BuildRequest, type BuildResult } from "./buildProtocol.js";

function build(request: BuildRequest): BuildResult {
  try {
    const index = buildReportIndex(request.text, request.meta);
    const checked = FactTable.safeParse(index.table);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return {
        ok: false,
        reason: `the fact table is invalid (${issue?.path.join(".")}: ${issue?.message})`,
      };
    }
    return { ok: true, ...toTransferable(index) };
  } catch (error) {
    if (error instanceof ReportError) return { ok: false, reason: error.reason };
    throw error;
  }
}

parentPort?.on("message", (message: unknown) => {
  const request = BuildRequest.parse(message);
  parentPort?.postMessage({ id: request.id, result: build(request) });
});
