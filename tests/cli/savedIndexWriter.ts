// A process that saves the same report's index again and again, for the concurrent-writers test:
//   node --import tsx tests/cli/savedIndexWriter.ts DIR ENGINE REPORT_FILE TIMES
import { readFileSync } from "node:fs";
import { saveIndex } from "../../src/cli/savedIndex.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const [dir = "", engine = "", reportFile = "", times = "1"] = process.argv.slice(2);
const bytes = readFileSync(reportFile);
const index = buildReportIndex(bytes.toString("utf8"), { name: "report.txt", version: null });
for (let i = 0; i < Number(times); i++) saveIndex({ dir, engine }, bytes, index);
