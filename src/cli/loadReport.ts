import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { buildReportIndex, type ReportIndex } from "../qa/reportIndex.js";
import { decodeReportBytes } from "../report/decode.js";
import { ReportError } from "../report/errors.js";

/** Read and index a report file; every way it can fail becomes a ReportError with one readable line. */
export async function loadReportFile(path: string): Promise<ReportIndex> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory, not a file"
          : code === "EACCES"
            ? "permission denied"
            : "cannot be read";
    throw new ReportError(`${path}: ${why}`);
  }
  try {
    return buildReportIndex(decodeReportBytes(bytes), { name: basename(path), version: null });
  } catch (error) {
    if (error instanceof ReportError) throw new ReportError(`${path}: ${error.reason}`);
    throw error;
  }
}
