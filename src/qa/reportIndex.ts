import type { FactTable } from "../facts/schema.js";
import type { ParsedReport } from "../report/types.js";

/** Where a report came from, shown in answer footers. */
export interface ReportMeta {
  /** Human name, e.g. the file name or "report.txt". */
  name: string;
  /** Store version number, or null when loaded straight from a file. */
  version: number | null;
}

/** Everything the answer path needs, built once per report version and then read-only. */
export interface ReportIndex {
  meta: ReportMeta;
  report: ParsedReport;
  table: FactTable;
}

export function buildReportIndex(_text: string, _meta: ReportMeta): ReportIndex {
  throw new Error("not implemented yet");
}
