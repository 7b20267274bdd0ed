import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { buildReportIndex } from "./qa/reportIndex.js";
import { decodeReportBytes } from "./report/decode.js";
import type { ActiveReport, Services } from "./services.js";

/** Interim wiring: answers from REPORT_PATH with nothing persisted (replaced by the SQLite store). */
export async function openServices(config: Config, logger: Logger): Promise<Services> {
  const bytes = await readFile(config.REPORT_PATH);
  const text = decodeReportBytes(bytes);
  const active: ActiveReport = {
    index: buildReportIndex(text, { name: config.REPORT_PATH, version: 1 }),
    version: 1,
    source: `file:${config.REPORT_PATH}`,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    loadedAt: new Date(),
    loadedBy: null,
  };
  return {
    reports: { active: () => active },
    telemetry: {
      questionAnswered: (event) => logger.debug({ event }, "question answered"),
      feedback: () => true,
    },
  };
}
